# The Node.js binding (bindings/node): its node:test suite and the parity
# check against the official Python SDK.
#
#   make test-node    run the suite and the parity check
#   make node-pack    build build/node-dist/libziggeo-*.tgz with the library bundled

NODE_DIR := bindings/node
NODE_PACK_DIR := $(BUILD)/node-dist

.PHONY: test-node node-pack deps-node deps-node-toolchain

TEST_TARGETS += test-node

test-node: lib sandbox deps-node deps-parity
	cd $(NODE_DIR) && node --test test/*.test.js
	tests/parity/check.sh node $(NODE_DIR)/test/parity_client.js

node-pack: lib deps-node
	@mkdir -p $(NODE_PACK_DIR)
	cd $(NODE_DIR) && npm pack --pack-destination $(ROOT)/$(NODE_PACK_DIR)

# Node.js 18 or later with npm; Debian 12's nodejs package is 18.
deps-node-toolchain:
	@command -v node >/dev/null && command -v npm >/dev/null && \
		node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' || { \
		apt-get update -qq && apt-get install -y -qq nodejs npm; }

# koffi and typescript, at the versions in package-lock.json.
deps-node: $(NODE_DIR)/node_modules/.installed
$(NODE_DIR)/node_modules/.installed: $(NODE_DIR)/package-lock.json | deps-node-toolchain
	cd $(NODE_DIR) && npm ci --no-audit --no-fund
	touch $@
