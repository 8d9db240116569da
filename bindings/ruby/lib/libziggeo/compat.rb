# frozen_string_literal: true

module Libziggeo
  # Entry points shaped like the official `ziggeo` gem, so that switching
  # needs one line changed:
  #
  #   ziggeo = Ziggeo.new(token, private_key)                    # official
  #   ziggeo = Libziggeo::Compat::Ziggeo.new(token, private_key) # this gem
  #   ziggeo.webhooks.create(target_url: url, encoding: "json", events: "video_ready")
  #
  # The calls take the official Hash of form fields, with String or Symbol
  # keys, and return the response body as a String. Unlike the official gem
  # they raise a Libziggeo::Error instead of returning an error body, and a
  # timeout raises TimeoutError instead of exiting the process.
  module Compat
    # The official `Ziggeo` class's constructor and `webhooks` accessor.
    # Keyword options are those of Libziggeo::Client, such as base_url.
    # Ownership and thread safety are those of the Client it wraps.
    class Ziggeo
      attr_reader :token, :webhooks, :client

      # `encryption_key` is accepted for the official signature and unused,
      # because no webhook call needs it.
      def initialize(token = nil, private_key = nil, _encryption_key = nil, **options)
        @token = token
        @client = Libziggeo::Client.new(token, private_key, **options)
        @webhooks = Webhooks.new(@client.webhooks)
      end

      # Frees the native client; safe to call more than once.
      def close
        @client.close
      end

      def inspect
        "#<#{self.class.name} token=#{token.inspect} #{@client.closed? ? 'closed' : 'open'}>"
      end
      alias to_s inspect
    end

    # The official `ZiggeoWebhooks` calls, each taking a Hash of form fields.
    class Webhooks
      def initialize(webhooks)
        @webhooks = webhooks
      end

      # Takes "target_url", "encoding" (optional) and "events".
      def create(data = {})
        fields = fields(data, required: %w[target_url events], optional: %w[encoding])
        @webhooks.create(target_url: fields["target_url"], encoding: fields["encoding"], events: fields["events"])
      end

      # Takes "webhook_id" and "validation_code".
      def confirm(data = {})
        fields = fields(data, required: %w[webhook_id validation_code], optional: [])
        @webhooks.confirm(webhook_id: fields["webhook_id"], validation_code: fields["validation_code"])
      end

      # Takes "target_url".
      def delete(data = {})
        fields = fields(data, required: %w[target_url], optional: [])
        @webhooks.delete(target_url: fields["target_url"])
      end

      private

      # Returns `data` with String keys, after checking that it names only
      # known fields. Missing fields are left to libziggeo to report.
      def fields(data, required:, optional:)
        unless data.is_a?(Hash)
          raise InvalidArgumentError.new(
            "invalid data: expected a Hash of form fields, got #{data.class}; " \
            "pass a Hash such as {\"target_url\" => \"https://...\"}",
            status: :invalid_argument
          )
        end
        fields = data.transform_keys(&:to_s)
        allowed = required + optional
        unknown = fields.keys - allowed
        return fields if unknown.empty?

        raise InvalidArgumentError.new(
          "unknown field #{unknown.map(&:inspect).join(', ')}; this call takes #{allowed.join(', ')}",
          status: :invalid_argument
        )
      end
    end
  end
end
