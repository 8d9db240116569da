# frozen_string_literal: true

require_relative "lib/libziggeo/version"

Gem::Specification.new do |spec|
  spec.name = "libziggeo"
  spec.version = Libziggeo::VERSION
  spec.summary = "Ziggeo webhook calls and delivery parsing through libziggeo's C ABI"
  spec.description = <<~TEXT
    A thin Ruby binding to libziggeo: create, confirm and delete Ziggeo
    webhooks, and parse what Ziggeo POSTs to a webhook's target URL. Every
    behaviour (argument checks, retries, timeouts, parsing) lives in the
    shared library; this gem converts types, maps errors and owns handles.
  TEXT
  spec.authors = ["libziggeo contributors"]
  spec.license = "MIT"
  spec.required_ruby_version = ">= 2.7"
  spec.files = Dir["lib/**/*.rb"] + ["README.md"]
  spec.require_paths = ["lib"]
  spec.add_dependency "ffi", ">= 1.15"
  spec.add_development_dependency "minitest", ">= 5.14"
end
