# The Go binding (bindings/go): go vet, the tests with the race detector
# against the sandbox, and the parity check against the official Python SDK. cgo finds the header by a path relative to
# the package and the library by CGO_LDFLAGS.

GO_DIR := bindings/go
GO_ENV := CGO_ENABLED=1 CGO_LDFLAGS="-L$(LIB_DIR) -lziggeo -Wl,-rpath,$(LIB_DIR)"

.PHONY: test-go deps-go

TEST_TARGETS += test-go

test-go: lib sandbox deps-parity | deps-go
	cd $(GO_DIR) && $(GO_ENV) go vet ./...
	cd $(GO_DIR) && $(GO_ENV) go test -race -count=1 -v ./... 2>&1 | grep -Ev '^=== (RUN|PAUSE|CONT)'; exit $${PIPESTATUS[0]}
	cd $(GO_DIR) && $(GO_ENV) go build -o $(ROOT)/$(BUILD)/go/parityclient ./internal/parityclient
	tests/parity/check.sh $(BUILD)/go/parityclient

# Installs Go (1.19 or newer) and a C compiler for cgo where they are
# missing, with Debian's packages; the module has no dependencies.
deps-go:
	@command -v go >/dev/null && command -v cc >/dev/null || { \
		apt-get update -qq && apt-get install -y -qq golang-go gcc; }
