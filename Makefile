# libziggeo: build, test, demo, install and benchmark.
#
#   make demo     run the whole webhook flow in C against the bundled sandbox
#   make test     build everything and run every test of every language
#   make bench    run the benchmark and write benches/RESULTS.md
#   make install  install the library (PREFIX, LIBDIR, DESTDIR)
#
# Each part of the project adds its targets in a fragment under mk/, and
# appends its test target to TEST_TARGETS, which `make test` runs in order.

SHELL := /bin/bash
CARGO ?= cargo
BUILD := build
ROOT := $(abspath .)
LIB_DIR := $(ROOT)/target/release
LIB_SO := $(LIB_DIR)/libziggeo.so
LIB_A := $(LIB_DIR)/libziggeo.a
HEADER := $(ROOT)/include/ziggeo.h
SANDBOX_BIN := $(ROOT)/target/debug/ziggeo-sandbox

# What the tests of every language find the library and the sandbox by.
export LIBZIGGEO_PATH := $(LIB_SO)
export ZIGGEO_SANDBOX_BIN := $(SANDBOX_BIN)

TEST_TARGETS :=

.PHONY: all lib header sandbox test demo clean

all: lib sandbox

# The SONAME is libziggeo.so.MAJOR, so programs linked against the build
# tree look for that name beside libziggeo.so.
lib:
	$(CARGO) build --release -p ziggeo
	ln -sf libziggeo.so $(LIB_DIR)/libziggeo.so.$$(sed -n 's/^version = "\([0-9]*\)\..*/\1/p' Cargo.toml | head -1)

# Rewrites include/ziggeo.h from src/ffi/; commit the result.
header:
	ZIGGEO_UPDATE_HEADER=1 $(CARGO) build -p ziggeo

include $(sort $(wildcard mk/*.mk))

# Runs every test target, even after a failure, then reports which failed.
test: lib sandbox
	@failed=(); \
	for target in $(TEST_TARGETS); do \
		echo "==> $$target"; \
		if ! $(MAKE) --no-print-directory $$target; then failed+=("$$target"); fi; \
	done; \
	total=$(words $(TEST_TARGETS)); \
	echo "test suites: $$((total - $${#failed[@]})) passed, $${#failed[@]} failed"; \
	if [ $${#failed[@]} -ne 0 ]; then echo "failed: $${failed[*]}"; exit 1; fi

clean:
	$(CARGO) clean
	rm -rf $(BUILD)
