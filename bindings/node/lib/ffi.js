'use strict';

// koffi declarations of the libziggeo C ABI (include/ziggeo.h).
//
// Handles are typed pointers to opaque types, so koffi rejects a pointer of
// the wrong kind. Owned `char *` results are declared as `void **`
// out-parameters: the pointer is kept, copied into a JS string by
// takeString(), and freed exactly once with ziggeo_string_free().

const koffi = require('koffi');
const { loadLibrary } = require('./loader');

const { library, path: libraryPath } = loadLibrary();

koffi.opaque('ZiggeoClient');
koffi.opaque('ZiggeoDelivery');
koffi.opaque('ZiggeoError');
koffi.opaque('ZiggeoOptions');

// ZiggeoStatus and ZiggeoDeliveryKind are C enums, passed as int.
const PROTOTYPES = [
  'int ziggeo_client_new(const char *app_token, const char *private_key, const ZiggeoOptions *options, _Out_ ZiggeoClient **client_out, _Out_ ZiggeoError **error)',
  'void ziggeo_client_free(ZiggeoClient *client)',
  'int ziggeo_delivery_parse(const char *content_type, const uint8_t *body, size_t body_len, _Out_ ZiggeoDelivery **delivery_out, _Out_ ZiggeoError **error)',
  'int ziggeo_delivery_kind(const ZiggeoDelivery *delivery)',
  'const char *ziggeo_delivery_event_type(const ZiggeoDelivery *delivery)',
  'const char *ziggeo_delivery_webhook_id(const ZiggeoDelivery *delivery)',
  'const char *ziggeo_delivery_validation_code(const ZiggeoDelivery *delivery)',
  'int ziggeo_delivery_json(const ZiggeoDelivery *delivery, _Out_ void **json_out, _Out_ ZiggeoError **error)',
  'void ziggeo_delivery_free(ZiggeoDelivery *delivery)',
  'int ziggeo_error_code(const ZiggeoError *error)',
  'const char *ziggeo_error_message(const ZiggeoError *error)',
  'int32_t ziggeo_error_http_status(const ZiggeoError *error)',
  'const char *ziggeo_error_body(const ZiggeoError *error)',
  'bool ziggeo_error_outcome_unknown(const ZiggeoError *error)',
  'void ziggeo_error_free(ZiggeoError *error)',
  'ZiggeoOptions *ziggeo_options_new()',
  'void ziggeo_options_free(ZiggeoOptions *options)',
  'int ziggeo_options_set_base_url(ZiggeoOptions *options, const char *base_url, _Out_ ZiggeoError **error)',
  'int ziggeo_options_set_timeout_ms(ZiggeoOptions *options, uint64_t timeout_ms, _Out_ ZiggeoError **error)',
  'int ziggeo_options_set_connect_timeout_ms(ZiggeoOptions *options, uint64_t connect_timeout_ms, _Out_ ZiggeoError **error)',
  'int ziggeo_options_set_max_retries(ZiggeoOptions *options, uint32_t max_retries, _Out_ ZiggeoError **error)',
  'int ziggeo_options_set_user_agent(ZiggeoOptions *options, const char *user_agent, _Out_ ZiggeoError **error)',
  'int ziggeo_options_set_ca_bundle(ZiggeoOptions *options, const char *path, _Out_ ZiggeoError **error)',
  'int ziggeo_options_set_proxy_from_env(ZiggeoOptions *options, bool enabled, _Out_ ZiggeoError **error)',
  'const char *ziggeo_status_message(int32_t status)',
  'void ziggeo_string_free(void *string)',
  'const char *ziggeo_version()',
  'int ziggeo_webhooks_create(const ZiggeoClient *client, const char *target_url, const char *encoding, const char *events, _Out_ void **body_out, _Out_ ZiggeoError **error)',
  'int ziggeo_webhooks_confirm(const ZiggeoClient *client, const char *webhook_id, const char *validation_code, _Out_ void **body_out, _Out_ ZiggeoError **error)',
  'int ziggeo_webhooks_delete(const ZiggeoClient *client, const char *target_url, _Out_ void **body_out, _Out_ ZiggeoError **error)',
  'int ziggeo_webhooks_confirm_delivery(const ZiggeoClient *client, const ZiggeoDelivery *delivery, _Out_ void **body_out, _Out_ ZiggeoError **error)',
];

const lib = {};
for (const prototype of PROTOTYPES) {
  const fn = library.func(prototype);
  const name = /(ziggeo_\w+)\(/.exec(prototype)[1];
  lib[name] = fn;
}

/**
 * Copies an owned `char *` into a JS string and frees it with
 * ziggeo_string_free(); the pointer must not be used afterwards. NULL gives ''.
 */
function takeString(pointer) {
  if (pointer === null) return '';
  try {
    return koffi.decode(pointer, 'char', -1);
  } finally {
    lib.ziggeo_string_free(pointer);
  }
}

module.exports = { lib, libraryPath, PROTOTYPES, takeString };
