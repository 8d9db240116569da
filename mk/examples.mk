# The command-line examples in C and the webhook receiver, and their tests.

EXAMPLES_DIR := $(BUILD)/examples
EXAMPLE_PROGRAMS := webhooks_create webhooks_confirm webhooks_delete
EXAMPLE_CFLAGS := -std=c11 -g -O2 -Wall -Wextra -Werror -pedantic -Iinclude -Iexamples
EXAMPLE_LDFLAGS := -L$(LIB_DIR) -lziggeo -Wl,-rpath,$(LIB_DIR)

.PHONY: examples deps-examples test-examples

TEST_TARGETS += test-examples

examples: lib deps-examples
	@mkdir -p $(EXAMPLES_DIR)
	@for program in $(EXAMPLE_PROGRAMS); do \
		echo "cc examples/$$program.c"; \
		cc $(EXAMPLE_CFLAGS) examples/$$program.c examples/example_common.c $(EXAMPLE_LDFLAGS) \
			-o $(EXAMPLES_DIR)/$$program || exit 1; \
	done
	cc $(EXAMPLE_CFLAGS) examples/webhook_receiver.c examples/example_common.c $(EXAMPLE_LDFLAGS) \
		-lmicrohttpd -lpthread -o $(EXAMPLES_DIR)/webhook_receiver

# The receiver is built on GNU libmicrohttpd, from Debian.
deps-examples:
	@test -f /usr/include/microhttpd.h || { apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends libmicrohttpd-dev; }

test-examples: examples sandbox deps-parity
	bash tests/examples/run.sh
