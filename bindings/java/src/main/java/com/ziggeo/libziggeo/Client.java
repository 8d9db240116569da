package com.ziggeo.libziggeo;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client of the Ziggeo server API for one application, built with
 * {@link #builder(String, String)}.
 *
 * <p>Thread-safe: share one client between threads rather than making one
 * per call, because it reuses connections. {@link #close()} frees the native
 * client after calls in progress end. A {@link java.lang.ref.Cleaner Cleaner}
 * frees a client that was never closed once it becomes unreachable.
 */
public final class Client implements AutoCloseable {
    private static final LibZiggeo LIB = LibZiggeo.INSTANCE;

    private final NativeHandle handle;
    private final Webhooks webhooks;

    private Client(Pointer pointer) {
        this.handle = new NativeHandle(pointer, LIB::ziggeo_client_free, "client");
        this.webhooks = new Webhooks(handle);
    }

    /** Starts building a client for the application with this token and private key. */
    public static Builder builder(String appToken, String privateKey) {
        return new Builder(appToken, privateKey);
    }

    /** Returns the webhook calls of this client. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * Frees the native client and zeroes its private key. Later calls throw
     * {@link InvalidArgumentException}. Closing again does nothing.
     */
    @Override
    public void close() {
        handle.close();
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Describes the client without its credentials. */
    @Override
    public String toString() {
        return "Client[closed=" + isClosed() + "]";
    }

    /**
     * Client options. An option that is not set keeps libziggeo's default:
     * the application token's region, a 60 s timeout per call, a 10 s
     * connect timeout, 3 retries, the libziggeo user agent, no extra CA
     * bundle and proxy variables honoured. Not thread-safe.
     */
    public static final class Builder {
        private final String appToken;
        private final String privateKey;
        private String baseUrl;
        private Duration timeout;
        private Duration connectTimeout;
        private Integer maxRetries;
        private String userAgent;
        private Path caBundle;
        private Boolean proxyFromEnv;

        private Builder(String appToken, String privateKey) {
            this.appToken = appToken;
            this.privateKey = privateKey;
        }

        /** Sets the base URL, such as "http://127.0.0.1:8080" for the sandbox, in place of the region's. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Limits a whole call, retries and waits included; rounded up to whole milliseconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Limits establishing a connection, TLS included; rounded up to whole milliseconds. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Sets how often a failed attempt may be repeated where that cannot duplicate work; 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets the User-Agent header. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Adds the CA certificates in a PEM file to those trusted. */
        public Builder caBundle(Path caBundle) {
            this.caBundle = caBundle;
            return this;
        }

        /** Chooses whether HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY apply (the default) or are ignored. */
        public Builder proxyFromEnv(boolean proxyFromEnv) {
            this.proxyFromEnv = proxyFromEnv;
            return this;
        }

        /**
         * Creates the client; nothing is sent over the network.
         *
         * @throws InvalidArgumentException for an empty token or key or a bad option
         */
        public Client build() {
            Pointer options = LIB.ziggeo_options_new();
            try {
                apply(options);
                PointerByReference client = new PointerByReference();
                PointerByReference error = new PointerByReference();
                int status = LIB.ziggeo_client_new(Natives.cString(appToken, "application token"),
                        Natives.cString(privateKey, "private key"), options, client, error);
                Natives.check(status, error);
                return new Client(client.getValue());
            } finally {
                LIB.ziggeo_options_free(options);
            }
        }

        private void apply(Pointer options) {
            PointerByReference error = new PointerByReference();
            if (baseUrl != null) {
                String value = Natives.cString(baseUrl, "base URL");
                Natives.check(LIB.ziggeo_options_set_base_url(options, value, error), error);
            }
            if (timeout != null) {
                long ms = milliseconds(timeout, "timeout");
                Natives.check(LIB.ziggeo_options_set_timeout_ms(options, ms, error), error);
            }
            if (connectTimeout != null) {
                long ms = milliseconds(connectTimeout, "connect timeout");
                Natives.check(LIB.ziggeo_options_set_connect_timeout_ms(options, ms, error), error);
            }
            if (maxRetries != null) {
                if (maxRetries < 0) {
                    throw Natives.invalidArgument("invalid max retries: it is negative (" + maxRetries
                            + "); pass 0 or more");
                }
                Natives.check(LIB.ziggeo_options_set_max_retries(options, maxRetries, error), error);
            }
            if (userAgent != null) {
                String value = Natives.cString(userAgent, "user agent");
                Natives.check(LIB.ziggeo_options_set_user_agent(options, value, error), error);
            }
            if (caBundle != null) {
                String value = Natives.cString(caBundle.toString(), "CA bundle");
                Natives.check(LIB.ziggeo_options_set_ca_bundle(options, value, error), error);
            }
            if (proxyFromEnv != null) {
                byte enabled = (byte) (proxyFromEnv ? 1 : 0);
                Natives.check(LIB.ziggeo_options_set_proxy_from_env(options, enabled, error), error);
            }
        }

        /** Converts a duration to milliseconds for the C API, rounding up so a positive one never becomes 0. */
        private static long milliseconds(Duration duration, String parameter) {
            if (duration.isNegative()) {
                throw Natives.invalidArgument("invalid " + parameter + ": it is negative (" + duration
                        + "); pass a positive duration");
            }
            try {
                long ms = duration.toMillis();
                return duration.minusMillis(ms).isZero() ? ms : Math.addExact(ms, 1);
            } catch (ArithmeticException tooLong) {
                throw Natives.invalidArgument("invalid " + parameter + ": " + duration
                        + " does not fit in 64-bit milliseconds; pass a shorter duration");
            }
        }
    }
}
