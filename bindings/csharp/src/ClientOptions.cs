using System;

namespace Libziggeo
{
    /// <summary>
    /// Client options. A property left null keeps libziggeo's default: the
    /// application token's region, 10 s connect timeout, 60 s timeout,
    /// 3 retries, the libziggeo user agent, no extra CA bundle, and proxy
    /// variables honoured. Values are checked when the Client is built.
    /// </summary>
    public sealed class ClientOptions
    {
        /// <summary>Base URL, such as http://127.0.0.1:8080 for the sandbox.</summary>
        public string BaseUrl { get; set; }

        /// <summary>Limit on a whole call, retries and waits included; rounded to milliseconds.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Limit on establishing a connection, TLS included; rounded to milliseconds.</summary>
        public TimeSpan? ConnectTimeout { get; set; }

        /// <summary>Repeats of a failed attempt where repeating cannot duplicate work; 0 turns retries off.</summary>
        public uint? MaxRetries { get; set; }

        /// <summary>User-Agent header.</summary>
        public string UserAgent { get; set; }

        /// <summary>Path of a PEM file of CA certificates to trust in addition to the system's.</summary>
        public string CaBundle { get; set; }

        /// <summary>Whether HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY apply.</summary>
        public bool? ProxyFromEnvironment { get; set; }

        /// <summary>Builds the native options object; the caller disposes it.</summary>
        internal OptionsHandle ToNative()
        {
            OptionsHandle options = NativeMethods.ziggeo_options_new();
            try
            {
                IntPtr error = IntPtr.Zero;
                if (BaseUrl != null)
                {
                    Interop.Check(NativeMethods.ziggeo_options_set_base_url(options, Interop.Utf8("base_url", BaseUrl), ref error), error);
                }
                if (Timeout.HasValue)
                {
                    Interop.Check(NativeMethods.ziggeo_options_set_timeout_ms(options, Milliseconds("timeout", Timeout.Value), ref error), error);
                }
                if (ConnectTimeout.HasValue)
                {
                    ulong milliseconds = Milliseconds("connect_timeout", ConnectTimeout.Value);
                    Interop.Check(NativeMethods.ziggeo_options_set_connect_timeout_ms(options, milliseconds, ref error), error);
                }
                if (MaxRetries.HasValue)
                {
                    Interop.Check(NativeMethods.ziggeo_options_set_max_retries(options, MaxRetries.Value, ref error), error);
                }
                if (UserAgent != null)
                {
                    Interop.Check(NativeMethods.ziggeo_options_set_user_agent(options, Interop.Utf8("user_agent", UserAgent), ref error), error);
                }
                if (CaBundle != null)
                {
                    Interop.Check(NativeMethods.ziggeo_options_set_ca_bundle(options, Interop.Utf8("ca_bundle", CaBundle), ref error), error);
                }
                if (ProxyFromEnvironment.HasValue)
                {
                    Interop.Check(NativeMethods.ziggeo_options_set_proxy_from_env(options, ProxyFromEnvironment.Value, ref error), error);
                }
                return options;
            }
            catch
            {
                options.Dispose();
                throw;
            }
        }

        private static ulong Milliseconds(string name, TimeSpan value)
        {
            if (value < TimeSpan.Zero)
            {
                throw new ZiggeoInvalidArgumentException(
                    "invalid " + name + ": " + value + " is negative; pass a positive TimeSpan such as TimeSpan.FromSeconds(10)");
            }
            // Rounded up, so that a positive TimeSpan never becomes 0 ms,
            // which the library rejects.
            return (ulong)Math.Ceiling(value.TotalMilliseconds);
        }
    }
}
