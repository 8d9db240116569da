# frozen_string_literal: true

module Libziggeo
  # Conversions between Ruby values and the C ABI's strings, out-parameters
  # and status codes. Internal.
  module Conversion
    module_function

    # Yields a fresh `ZiggeoError **` slot, and raises the matching
    # Libziggeo::Error when the block returns a status other than OK (0).
    def invoke
      error_out = FFI::MemoryPointer.new(:pointer)
      code = yield error_out
      raise Error.from_native(code, error_out.read_pointer) unless code.zero?

      nil
    end

    # Yields a `char **` slot and a `ZiggeoError **` slot to a call that
    # writes an owned string, and returns that string after freeing it.
    def owned_string
      string_out = FFI::MemoryPointer.new(:pointer)
      invoke { |error_out| yield string_out, error_out }
      pointer = string_out.read_pointer
      return nil if pointer.null?

      begin
        pointer.read_string.force_encoding(Encoding::UTF_8)
      ensure
        Native.ziggeo_string_free(pointer)
      end
    end

    # Converts `value` to a String a C function can borrow. nil stays nil,
    # so libziggeo reports it as missing under the parameter's name.
    def c_string(name, value)
      return nil if value.nil?
      unless value.is_a?(String)
        raise InvalidArgumentError.new(
          "invalid #{name}: expected a String, got #{value.class}; pass the #{name} as a String",
          status: :invalid_argument
        )
      end
      if value.include?("\0")
        raise InvalidArgumentError.new(
          "invalid #{name}: it contains a NUL byte, which a C string cannot carry; remove it",
          status: :invalid_argument
        )
      end
      to_utf8(name, value)
    end

    # Returns `value` as UTF-8 bytes. Invalid UTF-8 is passed on unchanged,
    # and libziggeo rejects it with an error that names the parameter.
    def to_utf8(name, value)
      return value if [Encoding::UTF_8, Encoding::BINARY, Encoding::US_ASCII].include?(value.encoding)

      value.encode(Encoding::UTF_8)
    rescue EncodingError => e
      raise InvalidArgumentError.new(
        "invalid #{name}: #{e.message}; pass UTF-8 text",
        status: :invalid_argument
      )
    end
  end
end
