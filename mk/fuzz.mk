# Property-based fuzzing of the delivery parser, the argument checks and
# the form encoder (tests/fuzz_*.rs), on the stable toolchain with proptest.
#
#   make fuzz                          each target for 60 s
#   make fuzz ZIGGEO_FUZZ_SECONDS=600  each target for 10 minutes
#
# Each target prints "figures: fuzz NAME: N executions in S s".

ZIGGEO_FUZZ_SECONDS ?= 60

.PHONY: fuzz

fuzz: sandbox
	ZIGGEO_FUZZ_SECONDS=$(ZIGGEO_FUZZ_SECONDS) $(CARGO) test -p ziggeo --test fuzz_delivery --test fuzz_arguments \
		-- --ignored --nocapture --test-threads=1
