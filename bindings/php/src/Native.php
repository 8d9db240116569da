<?php

declare(strict_types=1);

namespace Libziggeo;

use FFI;
use FFI\CData;

/**
 * The C functions of libziggeo (include/ziggeo.h) through PHP's FFI
 * extension, and the conversions between PHP values and C strings,
 * out-parameters and status codes.
 *
 * The library is loaded once per process from the path in LIBZIGGEO_PATH,
 * or else by the name libziggeo.so from the system's library search path.
 * Owned `char *` results are read through CData pointers so that each is
 * freed exactly once with ziggeo_string_free().
 *
 * @internal Use Client, Webhooks and Delivery instead.
 */
final class Native
{
    /**
     * The declarations PHP's FFI parser needs, copied from include/ziggeo.h
     * without comments and preprocessor lines. A test checks that every
     * prototype here still appears in the header.
     */
    public const DECLARATIONS = <<<'C'
        typedef enum ZiggeoStatus {
          ZIGGEO_STATUS_OK = 0,
          ZIGGEO_STATUS_INVALID_ARGUMENT = 1,
          ZIGGEO_STATUS_HTTP = 2,
          ZIGGEO_STATUS_TIMEOUT = 3,
          ZIGGEO_STATUS_CONNECTION = 4,
          ZIGGEO_STATUS_DNS = 5,
          ZIGGEO_STATUS_TLS = 6,
          ZIGGEO_STATUS_INVALID_RESPONSE = 7,
          ZIGGEO_STATUS_INVALID_DELIVERY = 8,
          ZIGGEO_STATUS_INTERNAL = 9,
        } ZiggeoStatus;
        typedef enum ZiggeoDeliveryKind {
          ZIGGEO_DELIVERY_KIND_NONE = 0,
          ZIGGEO_DELIVERY_KIND_PING = 1,
          ZIGGEO_DELIVERY_KIND_VALIDATION = 2,
          ZIGGEO_DELIVERY_KIND_EVENT = 3,
        } ZiggeoDeliveryKind;
        typedef struct ZiggeoClient ZiggeoClient;
        typedef struct ZiggeoDelivery ZiggeoDelivery;
        typedef struct ZiggeoError ZiggeoError;
        typedef struct ZiggeoOptions ZiggeoOptions;
        enum ZiggeoStatus ziggeo_client_new(const char *app_token, const char *private_key, const struct ZiggeoOptions *options, struct ZiggeoClient **client_out, struct ZiggeoError **error);
        void ziggeo_client_free(struct ZiggeoClient *client);
        enum ZiggeoStatus ziggeo_delivery_parse(const char *content_type, const uint8_t *body, size_t body_len, struct ZiggeoDelivery **delivery_out, struct ZiggeoError **error);
        enum ZiggeoDeliveryKind ziggeo_delivery_kind(const struct ZiggeoDelivery *delivery);
        const char *ziggeo_delivery_event_type(const struct ZiggeoDelivery *delivery);
        const char *ziggeo_delivery_webhook_id(const struct ZiggeoDelivery *delivery);
        const char *ziggeo_delivery_validation_code(const struct ZiggeoDelivery *delivery);
        enum ZiggeoStatus ziggeo_delivery_json(const struct ZiggeoDelivery *delivery, char **json_out, struct ZiggeoError **error);
        void ziggeo_delivery_free(struct ZiggeoDelivery *delivery);
        enum ZiggeoStatus ziggeo_error_code(const struct ZiggeoError *error);
        const char *ziggeo_error_message(const struct ZiggeoError *error);
        int32_t ziggeo_error_http_status(const struct ZiggeoError *error);
        const char *ziggeo_error_body(const struct ZiggeoError *error);
        bool ziggeo_error_outcome_unknown(const struct ZiggeoError *error);
        void ziggeo_error_free(struct ZiggeoError *error);
        struct ZiggeoOptions *ziggeo_options_new(void);
        void ziggeo_options_free(struct ZiggeoOptions *options);
        enum ZiggeoStatus ziggeo_options_set_base_url(struct ZiggeoOptions *options, const char *base_url, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_options_set_timeout_ms(struct ZiggeoOptions *options, uint64_t timeout_ms, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_options_set_connect_timeout_ms(struct ZiggeoOptions *options, uint64_t connect_timeout_ms, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_options_set_max_retries(struct ZiggeoOptions *options, uint32_t max_retries, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_options_set_user_agent(struct ZiggeoOptions *options, const char *user_agent, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_options_set_ca_bundle(struct ZiggeoOptions *options, const char *path, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_options_set_proxy_from_env(struct ZiggeoOptions *options, bool enabled, struct ZiggeoError **error);
        const char *ziggeo_status_message(int32_t status);
        void ziggeo_string_free(char *string);
        const char *ziggeo_version(void);
        enum ZiggeoStatus ziggeo_webhooks_create(const struct ZiggeoClient *client, const char *target_url, const char *encoding, const char *events, char **body_out, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_webhooks_confirm(const struct ZiggeoClient *client, const char *webhook_id, const char *validation_code, char **body_out, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_webhooks_delete(const struct ZiggeoClient *client, const char *target_url, char **body_out, struct ZiggeoError **error);
        enum ZiggeoStatus ziggeo_webhooks_confirm_delivery(const struct ZiggeoClient *client, const struct ZiggeoDelivery *delivery, char **body_out, struct ZiggeoError **error);
        C;

    private static ?FFI $ffi = null;

    /** Returns the loaded library, loading it on first use. */
    public static function ffi(): FFI
    {
        if (self::$ffi === null) {
            $path = getenv('LIBZIGGEO_PATH');
            $library = is_string($path) && $path !== '' ? $path : 'libziggeo.so';
            try {
                self::$ffi = FFI::cdef(self::DECLARATIONS, $library);
            } catch (FFI\Exception $e) {
                throw new \RuntimeException(
                    "failed to load libziggeo from {$library}: {$e->getMessage()}; "
                    . 'set LIBZIGGEO_PATH to the path of libziggeo.so',
                    0,
                    $e,
                );
            }
        }
        return self::$ffi;
    }

    /**
     * Calls $call with a fresh `ZiggeoError **` and throws the matching
     * ZiggeoException when it returns a status other than OK (0).
     *
     * @param callable(CData): int $call
     */
    public static function invoke(callable $call): void
    {
        $error = self::ffi()->new('ZiggeoError *');
        $code = $call(FFI::addr($error));
        if ($code !== 0) {
            throw ZiggeoException::fromNative($code, $error);
        }
    }

    /**
     * Calls $call with a `char **` and a `ZiggeoError **`, and returns the
     * owned string it wrote after freeing it.
     *
     * @param callable(CData, CData): int $call
     */
    public static function ownedString(callable $call): ?string
    {
        $ffi = self::ffi();
        $string = $ffi->new('char *');
        self::invoke(static fn (CData $error): int => $call(FFI::addr($string), $error));
        if (FFI::isNull($string)) {
            return null;
        }
        try {
            return FFI::string($string);
        } finally {
            $ffi->ziggeo_string_free($string);
        }
    }

    /**
     * Checks that $value can be passed as a C string. null stays null, so
     * libziggeo reports it as missing under the parameter's name.
     */
    public static function cString(string $name, ?string $value): ?string
    {
        if ($value !== null && str_contains($value, "\0")) {
            throw ZiggeoException::invalidArgument(
                "invalid {$name}: it contains a NUL byte, which a C string cannot carry; remove it",
            );
        }
        return $value;
    }
}
