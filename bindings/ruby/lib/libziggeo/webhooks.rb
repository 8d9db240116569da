# frozen_string_literal: true

module Libziggeo
  # The webhook calls of one Client, reached as `client.webhooks`. Each call
  # blocks until the server responds or the client's timeout passes, returns
  # the response body as a String, and raises a Libziggeo::Error on failure.
  # Thread-safe, like its client.
  class Webhooks
    def initialize(client)
      @client = client
    end

    # Registers a webhook and returns its id. `encoding` is "json",
    # "jsonheader", "form" or nil for the server's default; `events` is a
    # comma-separated String or an Array of event types. A create is never
    # sent twice; when an error's outcome_unknown? is true the webhook may
    # exist, and #delete with the same target URL removes it.
    def create(target_url:, events:, encoding: nil)
      url = Conversion.c_string(:target_url, target_url)
      encoding = Conversion.c_string(:encoding, encoding)
      events = Conversion.c_string(:events, events.is_a?(Array) ? events.join(",") : events)
      call do |handle, body_out, error_out|
        Native.ziggeo_webhooks_create(handle, url, encoding, events, body_out, error_out)
      end
    end

    # Confirms a webhook with the validation code sent to its target URL,
    # and returns the response body. Pass the code as a String to keep
    # leading zeros; an Integer is converted with to_s.
    def confirm(webhook_id:, validation_code:)
      id = Conversion.c_string(:webhook_id, webhook_id)
      code = validation_code.is_a?(Integer) ? validation_code.to_s : validation_code
      code = Conversion.c_string(:validation_code, code)
      call do |handle, body_out, error_out|
        Native.ziggeo_webhooks_confirm(handle, id, code, body_out, error_out)
      end
    end

    # Confirms the webhook named in a parsed validation delivery (see
    # Libziggeo.parse_delivery), and returns the response body.
    def confirm_delivery(delivery)
      unless delivery.is_a?(Delivery)
        raise InvalidArgumentError.new(
          "invalid delivery: expected a Libziggeo::Delivery, got #{delivery.class}; " \
          "pass the result of Libziggeo.parse_delivery",
          status: :invalid_argument
        )
      end
      call do |handle, body_out, error_out|
        delivery.with_handle do |delivery_handle|
          Native.ziggeo_webhooks_confirm_delivery(handle, delivery_handle, body_out, error_out)
        end
      end
    end

    # Removes every webhook whose target URL is exactly `target_url`, and
    # returns the response body.
    def delete(target_url:)
      url = Conversion.c_string(:target_url, target_url)
      call do |handle, body_out, error_out|
        Native.ziggeo_webhooks_delete(handle, url, body_out, error_out)
      end
    end

    def inspect
      "#<#{self.class.name} of #{@client.inspect}>"
    end

    private

    def call
      @client.with_handle do |handle|
        Conversion.owned_string { |body_out, error_out| yield handle, body_out, error_out }
      end
    end
  end
end
