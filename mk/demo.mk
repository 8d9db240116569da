# make demo: the whole webhook flow in C against the bundled sandbox.

.PHONY: demo deps-demo

demo: deps-demo lib sandbox examples
	bash scripts/demo.sh

# The demo needs cargo (from rustup, which this Makefile cannot install),
# a C compiler, curl and python3; the last three come from Debian.
deps-demo:
	@command -v $(CARGO) >/dev/null || { echo "cargo is missing: install Rust 1.85 or later with rustup" >&2; exit 1; }
	@missing=""; \
	command -v cc >/dev/null || missing="$$missing gcc libc6-dev"; \
	command -v curl >/dev/null || missing="$$missing curl"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; fi
