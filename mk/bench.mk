# The benchmark (benches/): every client against the release sandbox and
# wrk, written up in benches/RESULTS.md and benches/calls-per-second.png.
# It is not part of `make test`.
#
#   make bench                       the full run, 4-5 minutes on 2 cores
#   make bench BENCH_FLAGS=--quick   a few calls per figure, to check the harness
#   make bench-report                rewrite the report from build/bench/results.json
#
# Builds first (not counted in those times): the release sandbox and the Rust
# driver, a few minutes on a clean clone.

BENCH_DIR := $(BUILD)/bench
BENCH_VENV := $(BENCH_DIR)/venv
BENCH_NODE_OFFICIAL := $(BENCH_DIR)/node-official
BENCH_SANDBOX := $(ROOT)/target/release/ziggeo-sandbox
BENCH_FLAGS ?=
BENCH_GO_ENV := CGO_ENABLED=1 CGO_LDFLAGS="-L$(LIB_DIR) -lziggeo -Wl,-rpath,$(LIB_DIR)"

.PHONY: bench bench-report bench-build bench-sandbox bench-drivers bench-driver-c bench-driver-rust \
	bench-driver-go deps-bench deps-bench-tools

bench: bench-build deps-bench
	cd benches && ZIGGEO_BENCH_SANDBOX_BIN=$(BENCH_SANDBOX) $(ROOT)/$(BENCH_VENV)/bin/python run.py $(BENCH_FLAGS)

bench-report: deps-bench
	cd benches && $(ROOT)/$(BENCH_VENV)/bin/python run.py --report

bench-build: lib bench-sandbox bench-drivers

# The server is measured as users would run it: a release build.
bench-sandbox:
	$(CARGO) build --release -p ziggeo-sandbox

bench-drivers: bench-driver-c bench-driver-rust bench-driver-go

bench-driver-c: lib | deps-bench-tools
	@mkdir -p $(BENCH_DIR)
	cc -std=gnu11 -O2 -Wall -Wextra -Werror -Iinclude benches/c/bench.c -ldl -lpthread -o $(BENCH_DIR)/bench-c

# A standalone package (its own workspace) built into the shared target
# directory, so it reuses the library's compiled dependencies. Its lock file
# starts as a copy of the root one, so it gets the same versions.
bench-driver-rust:
	test -f benches/rust/Cargo.lock || cp Cargo.lock benches/rust/Cargo.lock
	cd benches/rust && CARGO_TARGET_DIR=$(ROOT)/target $(CARGO) build --release

# The Go binding is optional: without it the report lists the Go client as skipped.
bench-driver-go: lib | deps-go
	@if [ -f bindings/go/go.mod ]; then \
		cd benches/go && $(BENCH_GO_ENV) go build -o $(ROOT)/$(BENCH_DIR)/bench-go . ; \
	else echo "bench: bindings/go not found; the Go client will be skipped"; fi

# wrk, iproute2 (ip, tc) and a C compiler, from Debian where missing.
deps-bench-tools:
	@command -v wrk >/dev/null && command -v ip >/dev/null && command -v tc >/dev/null \
		&& command -v cc >/dev/null && command -v strip >/dev/null || { \
		apt-get update -qq && apt-get install -y -qq wrk iproute2 gcc binutils; }

# The bench venv (matplotlib for the chart, the official Python SDK), the
# official Node SDK, and the Node binding's own dependencies.
deps-bench: deps-bench-tools deps-node $(BENCH_VENV)/.installed $(BENCH_NODE_OFFICIAL)/.installed

$(BENCH_VENV)/.installed: | deps-python-toolchain
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --upgrade pip
	$(BENCH_VENV)/bin/pip install -q "matplotlib>=3.7" ziggeo==2.30
	touch $@

$(BENCH_NODE_OFFICIAL)/.installed: | deps-node-toolchain
	@mkdir -p $(BENCH_NODE_OFFICIAL)
	cd $(BENCH_NODE_OFFICIAL) && npm install --no-audit --no-fund --no-save ziggeo@0.1.26
	touch $@
