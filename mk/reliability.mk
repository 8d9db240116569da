# Reliability and security suites: faults, TLS, proxies, concurrency,
# adversarial C input, fork, memory. The fast Rust tests of these suites
# (tls, proxies, parts of faults) run in test-rust; the slow ones are
# #[ignore]d there and run here with --ignored, so none runs twice.
#
#   make test-reliability   the slow Rust suites and the C programs, under
#                           valgrind memcheck and ASan with UBSan
#   make test-helgrind      the C thread test under helgrind, and two
#                           controls that race on purpose
#   make check-tsan         the 16-thread Rust test under ThreadSanitizer;
#                           not part of make test, see docs/RELIABILITY.md

RELIABILITY_C := adversarial_test memory_test concurrency_test fork_test
RELIABILITY_BIN := $(BUILD)/reliability
RELIABILITY_CFLAGS := -std=c11 -g -Wall -Wextra -Werror -pedantic -Iinclude -Itests/c
RELIABILITY_HELPERS := tests/c/raw_server.c tests/c/sandbox_process.c
VALGRIND_MEMCHECK := valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite

.PHONY: test-reliability test-reliability-rust test-reliability-c test-helgrind check-tsan \
	deps-reliability reliability-programs helgrind-programs

TEST_TARGETS += test-reliability test-helgrind

test-reliability: test-reliability-rust test-reliability-c

test-reliability-rust: sandbox deps-reliability
	$(CARGO) test -p ziggeo --test faults --test concurrency -- --ignored --nocapture

reliability-programs: lib
	@mkdir -p $(RELIABILITY_BIN)
	@for program in $(RELIABILITY_C); do \
		cc $(RELIABILITY_CFLAGS) tests/c/$$program.c $(RELIABILITY_HELPERS) -L$(LIB_DIR) -lziggeo -lpthread \
			-Wl,-rpath,$(LIB_DIR) -o $(RELIABILITY_BIN)/$$program || exit 1; \
		cc $(RELIABILITY_CFLAGS) -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
			tests/c/$$program.c $(RELIABILITY_HELPERS) $(LIB_A) -lpthread -ldl -lm \
			-o $(RELIABILITY_BIN)/$$program-asan || exit 1; \
	done

# The memory test makes 100,000 calls, which takes minutes under valgrind,
# so it runs natively (its own RSS check) and under ASan only.
test-reliability-c: reliability-programs sandbox deps-reliability
	$(RELIABILITY_BIN)/memory_test
	$(RELIABILITY_BIN)/fork_test
	$(RELIABILITY_BIN)/concurrency_test
	$(RELIABILITY_BIN)/adversarial_test
	$(VALGRIND_MEMCHECK) $(RELIABILITY_BIN)/adversarial_test
	$(VALGRIND_MEMCHECK) $(RELIABILITY_BIN)/concurrency_test
	$(VALGRIND_MEMCHECK) --trace-children=no $(RELIABILITY_BIN)/fork_test
	@for program in $(RELIABILITY_C); do \
		echo "$$program under ASan and UBSan"; \
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(RELIABILITY_BIN)/$$program-asan || exit 1; \
	done

# helgrind cannot see the atomics and futexes behind Rust's std locks, so it
# reports races wherever ureq hands a pooled connection between threads.
# tests/c/helgrind_races.py passes a race only when its access, its
# conflicting access and its memory all belong to ureq, which forbids unsafe
# code, and fails on any other. Two controls race on purpose and must fail
# it: helgrind_control.c inside libziggeo, and tests/helgrind/ureq_control.rs
# in a buffer of its own that it lends to ureq. The programs link the debug
# build, whose line tables let the script tell ureq's frames from ours.
HELGRIND_BIN := $(BUILD)/helgrind
HELGRIND := valgrind --tool=helgrind --num-callers=50 --error-limit=no --xml=yes
HELGRIND_UREQ_CONTROL := target/debug/examples/helgrind_ureq_control

# The library's staticlib comes only from a build of the whole package, not
# from an example's build, which makes the rlib alone.
helgrind-programs:
	$(CARGO) build -p ziggeo
	$(CARGO) build -p ziggeo --example helgrind_ureq_control
	@mkdir -p $(HELGRIND_BIN)
	@for program in concurrency_test helgrind_control; do \
		cc $(RELIABILITY_CFLAGS) tests/c/$$program.c $(RELIABILITY_HELPERS) target/debug/libziggeo.a \
			-lpthread -ldl -lm -o $(HELGRIND_BIN)/$$program || exit 1; \
	done

# $(call helgrind-control,PROGRAM,NAME): PROGRAM's races must fail the
# check, which exits 1, and the report must name NAME.
define helgrind-control
	$(HELGRIND) --xml-file=$(HELGRIND_BIN)/$(notdir $(1)).xml $(1)
	@status=0; python3 tests/c/helgrind_races.py $(HELGRIND_BIN)/$(notdir $(1)).xml \
		>$(HELGRIND_BIN)/$(notdir $(1)).txt || status=$$?; \
	if [ $$status -ne 1 ]; then \
		cat $(HELGRIND_BIN)/$(notdir $(1)).txt; \
		echo "FAIL: the helgrind check exited $$status on $(notdir $(1)), which races on purpose"; exit 1; \
	fi
	@grep -q '$(2)' $(HELGRIND_BIN)/$(notdir $(1)).txt || \
		{ cat $(HELGRIND_BIN)/$(notdir $(1)).txt; echo "FAIL: the helgrind check did not report $(2)"; exit 1; }
	@echo "$(notdir $(1)): the check reported $(2), as it must ($$(tail -n 1 $(HELGRIND_BIN)/$(notdir $(1)).txt))"
endef

test-helgrind: helgrind-programs sandbox deps-reliability
	$(HELGRIND) --xml-file=$(HELGRIND_BIN)/concurrency.xml $(HELGRIND_BIN)/concurrency_test
	python3 tests/c/helgrind_races.py $(HELGRIND_BIN)/concurrency.xml
	$(call helgrind-control,$(HELGRIND_BIN)/helgrind_control,ziggeo_options_set_timeout_ms)
	$(call helgrind-control,$(HELGRIND_UREQ_CONTROL),SHARED_BODY)

# ThreadSanitizer sees std's atomics only when std itself is instrumented,
# which takes the nightly toolchain, its rust-src component and -Zbuild-std.
# rust-src comes from rustup's download server rather than from one of the
# registries CI reaches, so this check stays out of make test.
check-tsan: sandbox
	rustup component add rust-src --toolchain nightly
	RUSTFLAGS=-Zsanitizer=thread TSAN_OPTIONS="suppressions=$(ROOT)/tests/tsan.supp" \
		$(CARGO) +nightly test -Zbuild-std --target x86_64-unknown-linux-gnu --target-dir $(BUILD)/tsan-target \
		-p ziggeo --test concurrency -- --ignored --nocapture

deps-reliability: deps-valgrind
	@command -v openssl >/dev/null || { apt-get update -qq && apt-get install -y -qq openssl; }
