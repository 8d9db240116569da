# frozen_string_literal: true

module Libziggeo
  # Base class of every error this gem raises.
  #
  # `status` is the libziggeo status as a Symbol (:invalid_argument, :http,
  # :timeout, ...). `http_status` and `body` are the server's answer for an
  # HTTPError and nil otherwise. `outcome_unknown?` is true when the request
  # may have reached the server and taken effect, so a create may have
  # registered the webhook. Messages never contain the private key.
  class Error < StandardError
    attr_reader :status, :http_status, :body

    def initialize(message, status:, http_status: nil, body: nil, outcome_unknown: false)
      super(message)
      @status = status
      @http_status = http_status
      @body = body
      @outcome_unknown = outcome_unknown
    end

    def outcome_unknown?
      @outcome_unknown
    end
  end

  # An argument was missing, of the wrong type or invalid; nothing was sent.
  class InvalidArgumentError < Error; end

  # The client was used after Client#close.
  class ClosedError < InvalidArgumentError; end

  # The server responded with a status outside 2xx; see http_status and body.
  class HTTPError < Error; end

  # The call did not finish within the client's timeout.
  class TimeoutError < Error; end

  # The connection could not be made or broke during the exchange.
  class ConnectionError < Error; end

  # A host name could not be resolved; a kind of ConnectionError.
  class DNSError < ConnectionError; end

  # The TLS handshake failed, for example on an untrusted certificate; a kind
  # of ConnectionError.
  class TLSError < ConnectionError; end

  # The server's answer was not usable HTTP, or too large.
  class InvalidResponseError < Error; end

  # A webhook delivery body could not be parsed.
  class InvalidDeliveryError < Error; end

  # A bug in libziggeo, such as a caught panic.
  class InternalError < Error; end

  # The ZiggeoStatus codes of include/ziggeo.h, with their symbol and class.
  STATUSES = {
    1 => [:invalid_argument, InvalidArgumentError],
    2 => [:http, HTTPError],
    3 => [:timeout, TimeoutError],
    4 => [:connection, ConnectionError],
    5 => [:dns, DNSError],
    6 => [:tls, TLSError],
    7 => [:invalid_response, InvalidResponseError],
    8 => [:invalid_delivery, InvalidDeliveryError],
    9 => [:internal, InternalError]
  }.freeze
  private_constant :STATUSES

  class Error
    # Builds the error for a failed call from its status code and its
    # ZiggeoError pointer, which this takes ownership of and frees.
    def self.from_native(code, pointer)
      symbol, klass = STATUSES.fetch(code, [:internal, InternalError])
      return klass.new(Native.ziggeo_status_message(code), status: symbol) if pointer.null?

      begin
        http_status = Native.ziggeo_error_http_status(pointer)
        klass.new(
          utf8(Native.ziggeo_error_message(pointer)),
          status: symbol,
          http_status: http_status.zero? ? nil : http_status,
          body: utf8(Native.ziggeo_error_body(pointer)),
          outcome_unknown: Native.ziggeo_error_outcome_unknown(pointer)
        )
      ensure
        Native.ziggeo_error_free(pointer)
      end
    end

    def self.utf8(text)
      text&.force_encoding(Encoding::UTF_8)
    end
    private_class_method :utf8
  end
end
