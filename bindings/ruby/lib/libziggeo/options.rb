# frozen_string_literal: true

module Libziggeo
  # Builds a native ZiggeoOptions object from Client's keyword options.
  # Internal. Unset options keep libziggeo's defaults: the application
  # token's region, 10 s connect timeout, 60 s timeout, 3 retries, the
  # libziggeo user agent, no extra CA bundle and proxy variables honoured.
  module Options
    NAMES = %i[base_url timeout connect_timeout max_retries user_agent ca_bundle proxy_from_env].freeze

    module_function

    # Yields a native options pointer with `options` applied, and frees it
    # when the block returns.
    def build(options)
      unknown = options.keys - NAMES
      unless unknown.empty?
        raise InvalidArgumentError.new(
          "unknown client option #{unknown.map(&:inspect).join(', ')}; use #{NAMES.join(', ')}",
          status: :invalid_argument
        )
      end

      pointer = Native.ziggeo_options_new
      begin
        options.each { |name, value| apply(pointer, name, value) unless value.nil? }
        yield pointer
      ensure
        Native.ziggeo_options_free(pointer)
      end
    end

    def apply(pointer, name, value)
      Conversion.invoke do |error_out|
        case name
        when :base_url, :user_agent, :ca_bundle
          Native.send(:"ziggeo_options_set_#{name}", pointer, Conversion.c_string(name, value), error_out)
        when :timeout, :connect_timeout
          Native.send(:"ziggeo_options_set_#{name}_ms", pointer, milliseconds(name, value), error_out)
        when :max_retries
          Native.ziggeo_options_set_max_retries(pointer, count(name, value), error_out)
        when :proxy_from_env
          Native.ziggeo_options_set_proxy_from_env(pointer, boolean(name, value), error_out)
        end
      end
    end

    # Largest number of milliseconds the C option, a uint64, holds.
    MAX_MILLISECONDS = 0xFFFF_FFFF_FFFF_FFFF

    # Converts a duration in seconds to whole milliseconds, rounding up, so
    # that a positive duration never becomes 0.
    def milliseconds(name, seconds)
      valid = seconds.is_a?(Numeric) && seconds.real? && seconds.positive? &&
              (!seconds.is_a?(Float) || seconds.finite?)
      millis = valid ? (seconds * 1000).ceil : nil
      unless millis && millis <= MAX_MILLISECONDS
        raise InvalidArgumentError.new(
          "invalid #{name}: #{seconds.inspect}; pass a positive number of seconds such as 2.5",
          status: :invalid_argument
        )
      end
      millis
    end

    def count(name, value)
      return value if value.is_a?(Integer) && value.between?(0, 0xFFFF_FFFF)

      raise InvalidArgumentError.new(
        "invalid #{name}: #{value.inspect}; pass an Integer from 0 to 4294967295",
        status: :invalid_argument
      )
    end

    def boolean(name, value)
      return value if [true, false].include?(value)

      raise InvalidArgumentError.new(
        "invalid #{name}: #{value.inspect}; pass true or false",
        status: :invalid_argument
      )
    end
  end
end
