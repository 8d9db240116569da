# The sandbox (sandbox/): a local emulator of the Ziggeo webhook API that the
# tests of every language, the demo and the benchmarks run against.

# The top-level Makefile sets an absolute path first; this default applies
# when the fragment is used on its own.
SANDBOX_BIN ?= $(abspath target/debug/ziggeo-sandbox)
CARGO ?= cargo

.PHONY: sandbox test-sandbox

TEST_TARGETS += test-sandbox

sandbox:
	$(CARGO) build -p ziggeo-sandbox

test-sandbox:
	$(CARGO) test -p ziggeo-sandbox
