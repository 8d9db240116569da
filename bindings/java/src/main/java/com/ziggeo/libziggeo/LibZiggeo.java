package com.ziggeo.libziggeo;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;

/**
 * The C functions of libziggeo, as JNA maps them. Package-private: the public
 * classes wrap every call.
 *
 * <p>Owned {@code char *} results come back as {@link Pointer}, never as
 * {@link String}, so that each is read once and freed once with
 * {@code ziggeo_string_free}. Borrowed {@code const char *} results are
 * {@link Pointer} too and are read before their owner is freed. Status codes
 * are the {@code int} values of {@link Status}. A C {@code bool} is mapped
 * to {@code byte}, because JNA's {@code boolean} is a C {@code int}.
 *
 * <p>NOTE: {@code size_t} is mapped to {@code long}, which is right on 64-bit
 * platforms only.
 */
interface LibZiggeo extends Library {
    /**
     * The loaded library: the file named by the {@code LIBZIGGEO_PATH}
     * environment variable, or else {@code libziggeo} from
     * {@code jna.library.path} and the system's library paths.
     */
    LibZiggeo INSTANCE = load();

    private static LibZiggeo load() {
        String path = System.getenv("LIBZIGGEO_PATH");
        String name = path == null || path.isEmpty() ? "ziggeo" : path;
        // Strings cross the boundary as UTF-8, whatever the platform's default charset.
        return Native.load(name, LibZiggeo.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
    }

    int ziggeo_client_new(String appToken, String privateKey, Pointer options, PointerByReference clientOut,
            PointerByReference error);

    void ziggeo_client_free(Pointer client);

    Pointer ziggeo_options_new();

    void ziggeo_options_free(Pointer options);

    int ziggeo_options_set_base_url(Pointer options, String baseUrl, PointerByReference error);

    int ziggeo_options_set_timeout_ms(Pointer options, long timeoutMs, PointerByReference error);

    int ziggeo_options_set_connect_timeout_ms(Pointer options, long connectTimeoutMs, PointerByReference error);

    int ziggeo_options_set_max_retries(Pointer options, int maxRetries, PointerByReference error);

    int ziggeo_options_set_user_agent(Pointer options, String userAgent, PointerByReference error);

    int ziggeo_options_set_ca_bundle(Pointer options, String path, PointerByReference error);

    int ziggeo_options_set_proxy_from_env(Pointer options, byte enabled, PointerByReference error);

    int ziggeo_webhooks_create(Pointer client, String targetUrl, String encoding, String events,
            PointerByReference bodyOut, PointerByReference error);

    int ziggeo_webhooks_confirm(Pointer client, String webhookId, String validationCode, PointerByReference bodyOut,
            PointerByReference error);

    int ziggeo_webhooks_delete(Pointer client, String targetUrl, PointerByReference bodyOut,
            PointerByReference error);

    int ziggeo_webhooks_confirm_delivery(Pointer client, Pointer delivery, PointerByReference bodyOut,
            PointerByReference error);

    int ziggeo_delivery_parse(String contentType, byte[] body, long bodyLen, PointerByReference deliveryOut,
            PointerByReference error);

    int ziggeo_delivery_kind(Pointer delivery);

    Pointer ziggeo_delivery_event_type(Pointer delivery);

    Pointer ziggeo_delivery_webhook_id(Pointer delivery);

    Pointer ziggeo_delivery_validation_code(Pointer delivery);

    int ziggeo_delivery_json(Pointer delivery, PointerByReference jsonOut, PointerByReference error);

    void ziggeo_delivery_free(Pointer delivery);

    int ziggeo_error_code(Pointer error);

    Pointer ziggeo_error_message(Pointer error);

    int ziggeo_error_http_status(Pointer error);

    Pointer ziggeo_error_body(Pointer error);

    byte ziggeo_error_outcome_unknown(Pointer error);

    void ziggeo_error_free(Pointer error);

    Pointer ziggeo_status_message(int status);

    void ziggeo_string_free(Pointer string);

    Pointer ziggeo_version();
}
