# Fuzzing of the delivery parser, the argument checks and the form encoder,
# two ways:
# - libFuzzer targets under fuzz/, built by cargo-fuzz on the nightly
#   toolchain with AddressSanitizer (fuzz/run.sh);
# - proptest properties on the stable toolchain (tests/fuzz_*.rs), which
#   also cover the C confirm arguments and the form encoder on the wire.
#
#   make fuzz                          each target for 60 s
#   make fuzz ZIGGEO_FUZZ_SECONDS=600  each target for 10 minutes
#   make test-fuzz-smoke               proptest for 2 s, libFuzzer for 10 s,
#                                      per target
#
# Each target prints "figures: ... N executions in S s".

ZIGGEO_FUZZ_SECONDS ?= 60
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_TOOLS := $(ROOT)/$(BUILD)/tools

.PHONY: fuzz fuzz-tools test-fuzz-smoke

TEST_TARGETS += test-fuzz-smoke

# cargo-fuzz goes under build/tools, at the version the targets were
# written for, from crates.io. The nightly toolchain comes with rustup on a
# new machine; only when it is missing does rustup download it.
fuzz-tools:
	@rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
	@test -x $(FUZZ_TOOLS)/bin/cargo-fuzz || \
		$(CARGO) install cargo-fuzz --locked --version $(CARGO_FUZZ_VERSION) --root $(FUZZ_TOOLS)

fuzz: sandbox fuzz-tools
	ZIGGEO_FUZZ_SECONDS=$(ZIGGEO_FUZZ_SECONDS) $(CARGO) test -p ziggeo --test fuzz_delivery --test fuzz_arguments \
		-- --ignored --nocapture --test-threads=1
	fuzz/run.sh $(ZIGGEO_FUZZ_SECONDS)

test-fuzz-smoke: sandbox fuzz-tools
	ZIGGEO_FUZZ_SECONDS=2 $(CARGO) test -p ziggeo --test fuzz_delivery --test fuzz_arguments -- --ignored --nocapture
	fuzz/run.sh 10
