# frozen_string_literal: true

require "ffi"

module Libziggeo
  # The C functions of libziggeo (include/ziggeo.h), attached with the ffi
  # gem. Internal: use Client, Webhooks and Delivery instead.
  #
  # The library is loaded from the path in LIBZIGGEO_PATH, or else by the
  # name "ziggeo" from the system's library search path.
  #
  # Owned `char *` results are read through :pointer out-parameters so that
  # each is freed exactly once with ziggeo_string_free. Borrowed `const char *`
  # results use :string, which copies them into a Ruby String at once.
  module Native
    extend FFI::Library

    ffi_lib ENV.fetch("LIBZIGGEO_PATH", "ziggeo")

    attach_function :ziggeo_version, [], :string
    attach_function :ziggeo_status_message, [:int32], :string
    attach_function :ziggeo_string_free, [:pointer], :void

    attach_function :ziggeo_error_code, [:pointer], :int
    attach_function :ziggeo_error_message, [:pointer], :string
    attach_function :ziggeo_error_http_status, [:pointer], :int32
    attach_function :ziggeo_error_body, [:pointer], :string
    attach_function :ziggeo_error_outcome_unknown, [:pointer], :bool
    attach_function :ziggeo_error_free, [:pointer], :void

    attach_function :ziggeo_options_new, [], :pointer
    attach_function :ziggeo_options_free, [:pointer], :void
    attach_function :ziggeo_options_set_base_url, %i[pointer string pointer], :int
    attach_function :ziggeo_options_set_timeout_ms, %i[pointer uint64 pointer], :int
    attach_function :ziggeo_options_set_connect_timeout_ms, %i[pointer uint64 pointer], :int
    attach_function :ziggeo_options_set_max_retries, %i[pointer uint32 pointer], :int
    attach_function :ziggeo_options_set_user_agent, %i[pointer string pointer], :int
    attach_function :ziggeo_options_set_ca_bundle, %i[pointer string pointer], :int
    attach_function :ziggeo_options_set_proxy_from_env, %i[pointer bool pointer], :int

    attach_function :ziggeo_client_new, %i[string string pointer pointer pointer], :int
    attach_function :ziggeo_client_free, [:pointer], :void

    # The calls that do HTTP release the GVL, so other Ruby threads run
    # while one waits for the server.
    attach_function :ziggeo_webhooks_create, %i[pointer string string string pointer pointer], :int,
                    blocking: true
    attach_function :ziggeo_webhooks_confirm, %i[pointer string string pointer pointer], :int,
                    blocking: true
    attach_function :ziggeo_webhooks_delete, %i[pointer string pointer pointer], :int, blocking: true
    attach_function :ziggeo_webhooks_confirm_delivery, %i[pointer pointer pointer pointer], :int,
                    blocking: true

    attach_function :ziggeo_delivery_parse, %i[string pointer size_t pointer pointer], :int
    attach_function :ziggeo_delivery_kind, [:pointer], :int
    attach_function :ziggeo_delivery_event_type, [:pointer], :string
    attach_function :ziggeo_delivery_webhook_id, [:pointer], :string
    attach_function :ziggeo_delivery_validation_code, [:pointer], :string
    attach_function :ziggeo_delivery_json, %i[pointer pointer pointer], :int
    attach_function :ziggeo_delivery_free, [:pointer], :void
  end
end
