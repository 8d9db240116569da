# The Rust core and its C ABI: Rust tests, the header checks and the C test
# program under valgrind and under ASan with UBSan.

CFLAGS_STRICT := -Wall -Wextra -Werror -pedantic
C_TEST_SRC := tests/c/abi_test.c tests/c/sandbox_process.c

.PHONY: test-rust test-header test-exports test-c test-c-valgrind test-c-asan

TEST_TARGETS += test-rust test-header test-exports test-c

test-rust: sandbox
	$(CARGO) test -p ziggeo

# The header compiles cleanly as C99 and as C++17, and its version macros
# agree with the library.
test-header: lib
	@mkdir -p $(BUILD)/tests
	cc -std=c99 $(CFLAGS_STRICT) -Iinclude -c tests/c/header_c99.c -o $(BUILD)/tests/header_c99.o
	c++ -std=c++17 $(CFLAGS_STRICT) -Iinclude -c tests/c/header_cxx.cpp -o $(BUILD)/tests/header_cxx.o
	cc -std=c11 $(CFLAGS_STRICT) -Iinclude tests/c/version_test.c -L$(LIB_DIR) -lziggeo \
		-Wl,-rpath,$(LIB_DIR) -o $(BUILD)/tests/version_test
	$(BUILD)/tests/version_test

# The shared library exports the calls the header declares, and nothing
# without the ziggeo_ prefix, and it needs no library beyond libc, libm,
# libpthread and libdl.
test-exports: lib
	@exports=$$(nm -D --defined-only $(LIB_SO) | awk '{print $$3}'); \
	unprefixed=$$(grep -v '^ziggeo_' <<<"$$exports" || true); \
	if [ -n "$$unprefixed" ]; then echo "FAIL: unprefixed exports:"; echo "$$unprefixed"; exit 1; fi; \
	declared=$$(grep -o '\bziggeo_[a-z_]*(' $(HEADER) | tr -d '(' | sort -u); \
	missing=$$(comm -23 <(echo "$$declared") <(sort -u <<<"$$exports")); \
	if [ -n "$$missing" ]; then echo "FAIL: declared but not exported:"; echo "$$missing"; exit 1; fi; \
	echo "exports: $$(wc -l <<<"$$exports") symbols, all prefixed ziggeo_ and declared in ziggeo.h"; \
	needed=$$(readelf -d $(LIB_SO) | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); \
	extra=$$(grep -Ev '^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|ld-linux-x86-64\.so\.2)$$' <<<"$$needed" || true); \
	if [ -n "$$extra" ]; then echo "FAIL: needs libraries beyond libc, libm, libpthread and libdl:"; echo "$$extra"; exit 1; fi; \
	echo "needed libraries: $$(echo $$needed)"; \
	echo "2 passed, 0 failed"

test-c: test-c-valgrind test-c-asan

$(BUILD)/tests/abi_test: $(C_TEST_SRC) $(HEADER) lib
	@mkdir -p $(BUILD)/tests
	cc -std=c11 -g $(CFLAGS_STRICT) -Iinclude -Itests/c $(C_TEST_SRC) -L$(LIB_DIR) -lziggeo -lpthread \
		-Wl,-rpath,$(LIB_DIR) -o $@

test-c-valgrind: $(BUILD)/tests/abi_test deps-valgrind
	valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite $(BUILD)/tests/abi_test

# ASan and UBSan instrument the C side; the library is linked statically so
# every allocation goes through the sanitizer's allocator.
test-c-asan: lib
	@mkdir -p $(BUILD)/tests
	cc -std=c11 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
		$(CFLAGS_STRICT) -Iinclude -Itests/c $(C_TEST_SRC) $(LIB_A) -lpthread -ldl -lm -o $(BUILD)/tests/abi_test_asan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/tests/abi_test_asan

.PHONY: deps-valgrind
deps-valgrind:
	@command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; }
