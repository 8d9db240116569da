# frozen_string_literal: true

require "json"

module Libziggeo
  # A parsed request that Ziggeo POSTed to a webhook's target URL: the
  # reachability ping, the validation call, or an event.
  #
  # Every field is copied into frozen Ruby Strings when the delivery is
  # parsed. The delivery also owns a native handle, for
  # Webhooks#confirm_delivery, which the garbage collector frees.
  # Immutable and thread-safe.
  class Delivery
    KINDS = { 1 => :ping, 2 => :validation, 3 => :event }.freeze
    private_constant :KINDS

    # :ping, :validation or :event.
    attr_reader :kind
    # Event type of an event, such as "video_ready"; nil otherwise.
    attr_reader :event_type
    # Webhook id of a validation call; nil otherwise.
    attr_reader :webhook_id
    # Validation code of a validation call, as the digits sent; nil otherwise.
    attr_reader :validation_code
    # The whole delivery normalised to one JSON document, as a String.
    attr_reader :json

    # Parses a request body and its Content-Type header (nil when absent).
    # Raises InvalidDeliveryError for a body that is not a delivery.
    def self.parse(body, content_type)
      bytes = body.is_a?(String) ? body.b : body
      unless bytes.is_a?(String)
        raise InvalidArgumentError.new(
          "invalid body: expected a String, got #{body.class}; pass the raw request body",
          status: :invalid_argument
        )
      end
      content_type = Conversion.c_string(:content_type, content_type)
      new(native_parse(bytes, content_type))
    end

    def self.native_parse(bytes, content_type)
      buffer = nil
      unless bytes.empty?
        buffer = FFI::MemoryPointer.new(:uint8, bytes.bytesize)
        buffer.put_bytes(0, bytes)
      end
      delivery_out = FFI::MemoryPointer.new(:pointer)
      Conversion.invoke do |error_out|
        Native.ziggeo_delivery_parse(content_type, buffer, bytes.bytesize, delivery_out, error_out)
      end
      FFI::AutoPointer.new(delivery_out.read_pointer, Native.method(:ziggeo_delivery_free))
    end
    private_class_method :native_parse

    def initialize(handle)
      @handle = handle
      @kind = KINDS.fetch(Native.ziggeo_delivery_kind(handle))
      @event_type = frozen_utf8(Native.ziggeo_delivery_event_type(handle))
      @webhook_id = frozen_utf8(Native.ziggeo_delivery_webhook_id(handle))
      @validation_code = frozen_utf8(Native.ziggeo_delivery_validation_code(handle))
      @json = frozen_utf8(Conversion.owned_string do |json_out, error_out|
        Native.ziggeo_delivery_json(handle, json_out, error_out)
      end)
    end
    private_class_method :new

    def ping?
      kind == :ping
    end

    def validation?
      kind == :validation
    end

    def event?
      kind == :event
    end

    # Returns the delivery as a Hash parsed from #json, with String keys.
    def to_h
      JSON.parse(json)
    end

    def inspect
      details = { event_type: event_type, webhook_id: webhook_id }.compact
      "#<#{self.class.name} #{kind}#{details.map { |name, value| " #{name}=#{value}" }.join}>"
    end

    # Yields the native handle. Internal: used by Webhooks#confirm_delivery.
    def with_handle
      yield @handle
    end

    private

    def frozen_utf8(text)
      text&.force_encoding(Encoding::UTF_8)&.freeze
    end
  end
end
