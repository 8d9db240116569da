# frozen_string_literal: true

module Libziggeo
  # A client of the Ziggeo server API for one application.
  #
  #   client = Libziggeo::Client.new(app_token, private_key, timeout: 10)
  #   client.webhooks.create(target_url: url, encoding: "json", events: "video_ready")
  #   client.close
  #
  # Options (all optional): base_url, timeout and connect_timeout in seconds,
  # max_retries, user_agent, ca_bundle (a PEM file path) and proxy_from_env.
  # Invalid options raise InvalidArgumentError; nothing is sent until a call.
  #
  # Ownership: the client owns a native handle. #close frees it, and may be
  # called any number of times. Client.open with a block closes the client
  # when the block returns. A client never closed is freed by the garbage
  # collector as a backup.
  # The private key is not kept in any Ruby object.
  #
  # Thread safety: one client may be shared by many threads, and calls run
  # without holding the GVL. #close waits for calls in flight to return.
  class Client
    attr_reader :webhooks

    # Creates a client, yields it to the block and closes it when the block
    # returns or raises, returning the block's value. Without a block,
    # returns the client like Client.new.
    def self.open(app_token, private_key, **options)
      client = new(app_token, private_key, **options)
      return client unless block_given?

      begin
        yield client
      ensure
        client.close
      end
    end

    def initialize(app_token, private_key, **options)
      client_out = FFI::MemoryPointer.new(:pointer)
      token = Conversion.c_string(:app_token, app_token)
      key = Conversion.c_string(:private_key, private_key)
      Options.build(options) do |options_pointer|
        Conversion.invoke do |error_out|
          Native.ziggeo_client_new(token, key, options_pointer, client_out, error_out)
        end
      end

      @handle = FFI::AutoPointer.new(client_out.read_pointer, Native.method(:ziggeo_client_free))
      @lock = Mutex.new
      @idle = ConditionVariable.new
      @calls_in_flight = 0
      @webhooks = Webhooks.new(self)
    end

    # Frees the native client after the calls in flight return. Later calls
    # raise ClosedError; closing again does nothing.
    def close
      @lock.synchronize do
        return nil if @handle.nil?

        @idle.wait(@lock) while @calls_in_flight.positive?
        @handle.free
        @handle = nil
      end
      nil
    end

    def closed?
      @lock.synchronize { @handle.nil? }
    end

    def inspect
      "#<#{self.class.name} #{closed? ? 'closed' : 'open'}>"
    end
    alias to_s inspect

    # Yields the live native handle, and keeps #close from freeing it until
    # the block returns. Internal: used by Webhooks.
    def with_handle
      handle = @lock.synchronize do
        if @handle.nil?
          raise ClosedError.new(
            "the client is closed; create a new Libziggeo::Client",
            status: :invalid_argument
          )
        end

        @calls_in_flight += 1
        @handle
      end
      begin
        yield handle
      ensure
        @lock.synchronize do
          @calls_in_flight -= 1
          @idle.broadcast if @calls_in_flight.zero?
        end
      end
    end
  end
end
