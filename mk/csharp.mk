# The C# binding (bindings/csharp): built with Mono's mcs, tested by a
# console program against the sandbox.

CSHARP_DIR := bindings/csharp
CSHARP_OUT := $(BUILD)/csharp
CSHARP_LIB_SRC := $(sort $(wildcard $(CSHARP_DIR)/src/*.cs $(CSHARP_DIR)/src/*/*.cs))
CSHARP_TEST_SRC := $(sort $(wildcard $(CSHARP_DIR)/tests/*.cs))

.PHONY: deps-csharp test-csharp

TEST_TARGETS += test-csharp

# Installs the Mono compiler and runtime from Debian when either is missing.
deps-csharp:
	@{ command -v mcs >/dev/null && command -v mono >/dev/null; } || { \
		apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 mono-mcs mono-runtime; }

test-csharp: lib sandbox deps-csharp
	@mkdir -p $(CSHARP_OUT)
	mcs -target:library -langversion:7.2 -warnaserror -out:$(CSHARP_OUT)/Libziggeo.dll $(CSHARP_LIB_SRC)
	mcs -target:exe -langversion:7.2 -warnaserror -r:$(CSHARP_OUT)/Libziggeo.dll \
		-out:$(CSHARP_OUT)/LibziggeoTests.exe $(CSHARP_TEST_SRC)
	cd $(CSHARP_OUT) && LD_LIBRARY_PATH=$(LIB_DIR)$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} mono LibziggeoTests.exe
