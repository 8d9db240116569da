# The Ruby binding (bindings/ruby): Minitest suite against the sandbox.

RUBY_DIR := bindings/ruby

.PHONY: deps-ruby test-ruby

TEST_TARGETS += test-ruby

# Installs Ruby, the ffi gem and Minitest from Debian when any is missing.
deps-ruby:
	@ruby -e 'require "ffi"; require "minitest"' >/dev/null 2>&1 || { \
		apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 ruby ruby-ffi ruby-minitest; }

test-ruby: lib sandbox deps-ruby
	cd $(RUBY_DIR) && ruby -Ilib -Itest -e 'Dir.glob("test/**/*_test.rb").sort.each { |file| require File.expand_path(file) }'
	@mkdir -p $(BUILD)/ruby
	cd $(RUBY_DIR) && gem build libziggeo.gemspec --output $(ROOT)/$(BUILD)/ruby/libziggeo.gem
