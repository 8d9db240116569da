# frozen_string_literal: true

module Libziggeo
  # Version of this gem; the library it loads reports its own through
  # Libziggeo.library_version.
  VERSION = "0.1.0"
end
