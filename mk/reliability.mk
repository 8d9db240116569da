# Reliability and security suites: faults, TLS, proxies, concurrency,
# adversarial C input, fork, memory. The fast Rust tests of these suites
# (tls, proxies, parts of faults) run in test-rust; the slow ones are
# #[ignore]d there and run here with --ignored, so none runs twice.
#
#   make test-reliability   the slow Rust suites and the C programs, under
#                           valgrind memcheck and ASan with UBSan
#   make test-helgrind      the C thread test under helgrind, and a control
#                           that races on purpose
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
# tests/c/helgrind_races.py passes a race only when both of its sides are in
# ureq, which forbids unsafe code, and fails on any other; the control races
# inside libziggeo on purpose and must fail it. The programs link the debug
# build, whose line tables let the script tell ureq's frames from ours.
HELGRIND_BIN := $(BUILD)/helgrind
HELGRIND := valgrind --tool=helgrind --num-callers=50 --xml=yes

helgrind-programs:
	$(CARGO) build -p ziggeo
	@mkdir -p $(HELGRIND_BIN)
	@for program in concurrency_test helgrind_control; do \
		cc $(RELIABILITY_CFLAGS) tests/c/$$program.c $(RELIABILITY_HELPERS) target/debug/libziggeo.a \
			-lpthread -ldl -lm -o $(HELGRIND_BIN)/$$program || exit 1; \
	done

test-helgrind: helgrind-programs sandbox deps-reliability
	$(HELGRIND) --xml-file=$(HELGRIND_BIN)/concurrency.xml $(HELGRIND_BIN)/concurrency_test
	python3 tests/c/helgrind_races.py $(HELGRIND_BIN)/concurrency.xml
	$(HELGRIND) --xml-file=$(HELGRIND_BIN)/control.xml $(HELGRIND_BIN)/helgrind_control
	@if python3 tests/c/helgrind_races.py $(HELGRIND_BIN)/control.xml >$(HELGRIND_BIN)/control.txt; then \
		echo "FAIL: the helgrind check passed a race inside libziggeo"; exit 1; fi
	@grep -q 'ziggeo_options_set_timeout_ms' $(HELGRIND_BIN)/control.txt || \
		{ echo "FAIL: the helgrind control's race was not reported"; cat $(HELGRIND_BIN)/control.txt; exit 1; }
	@echo "helgrind control: $$(tail -n 1 $(HELGRIND_BIN)/control.txt), as it must"

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
