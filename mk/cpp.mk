# The C++ binding (bindings/cpp): GoogleTest tests built with strict
# warnings, the same tests under ASan and UBSan, the CMake example, and the
# parity check against the official Python SDK.

CPP_DIR := bindings/cpp
CPP_BUILD := $(BUILD)/cpp
CPP_FLAGS := -std=c++17 -g -Wall -Wextra -Werror -pedantic -I$(ROOT)/include -I$(ROOT)/$(CPP_DIR)
CPP_TEST_SRC := $(wildcard $(CPP_DIR)/tests/*.cpp)
CPP_TEST_DEPS := $(CPP_TEST_SRC) $(wildcard $(CPP_DIR)/tests/*.hpp) $(CPP_DIR)/ziggeo.hpp $(HEADER)

.PHONY: test-cpp test-cpp-strict test-cpp-asan test-cpp-example test-cpp-parity deps-cpp

TEST_TARGETS += test-cpp

test-cpp: test-cpp-strict test-cpp-asan test-cpp-example test-cpp-parity

# Linked against the shared library, as an application would be.
$(CPP_BUILD)/ziggeo_test: $(CPP_TEST_DEPS) | deps-cpp lib
	@mkdir -p $(CPP_BUILD)
	c++ $(CPP_FLAGS) $(CPP_TEST_SRC) -L$(LIB_DIR) -lziggeo -Wl,-rpath,$(LIB_DIR) -lgtest -lpthread -o $@

# Linked against the static library, so that every allocation, Rust's
# included, goes through the sanitizers' allocator.
$(CPP_BUILD)/ziggeo_test_asan: $(CPP_TEST_DEPS) | deps-cpp lib
	@mkdir -p $(CPP_BUILD)
	c++ $(CPP_FLAGS) -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
		$(CPP_TEST_SRC) $(LIB_A) -lgtest -lpthread -ldl -lm -o $@

test-cpp-strict: $(CPP_BUILD)/ziggeo_test lib sandbox
	$(CPP_BUILD)/ziggeo_test

test-cpp-asan: $(CPP_BUILD)/ziggeo_test_asan lib sandbox
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(CPP_BUILD)/ziggeo_test_asan

# Configures, builds and runs the example project against this tree's
# library and header, found through ZIGGEO_ROOT.
test-cpp-example: lib sandbox | deps-cpp
	cmake -S $(CPP_DIR)/example -B $(CPP_BUILD)/example -DZIGGEO_ROOT=$(ROOT) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(CPP_BUILD)/example >/dev/null
	$(CPP_DIR)/example/run_example.sh $(CPP_BUILD)/example/ziggeo_example

$(CPP_BUILD)/parity_client: $(CPP_DIR)/parity/parity_client.cpp $(CPP_DIR)/ziggeo.hpp $(HEADER) | deps-cpp lib
	@mkdir -p $(CPP_BUILD)
	c++ $(CPP_FLAGS) $< -L$(LIB_DIR) -lziggeo -Wl,-rpath,$(LIB_DIR) -o $@

test-cpp-parity: $(CPP_BUILD)/parity_client lib deps-parity
	tests/parity/check.sh $(CPP_BUILD)/parity_client

# Installs the C++ toolchain, CMake and GoogleTest where they are missing,
# with Debian's packages.
deps-cpp:
	@command -v c++ >/dev/null && command -v cmake >/dev/null && [ -f /usr/include/gtest/gtest.h ] || { \
		apt-get update -qq && apt-get install -y -qq g++ cmake libgtest-dev; }
