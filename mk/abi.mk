# ABI check of libziggeo.so against the baseline committed in packaging/abi/.
#
#   make abi-check   compare the built library with the baseline
#   make abi-update  rewrite the baseline from the built library, after the
#                    version was raised as the ABI policy requires
#
# The policy, which packaging/scripts/abi-check.sh enforces: removed or
# changed symbols need a new major version (and so a new SONAME), added
# symbols a new minor version, and a patch release leaves the ABI alone.

ABI_BASELINE_DIR := packaging/abi

.PHONY: abi-check abi-update test-abi

TEST_TARGETS += test-abi

abi-check: lib deps-packaging
	packaging/scripts/abi-check.sh '$(LIB_SO)' '$(ZIGGEO_VERSION)' '$(ABI_BASELINE_DIR)' '$(BUILD)/abi'

# Refuses to write a baseline that the current version does not allow, so
# raise the version first; then commit the new file and the removal of the old.
abi-update: abi-check
	rm -f $(ABI_BASELINE_DIR)/libziggeo-*.abi
	cp '$(BUILD)/abi/libziggeo-$(ZIGGEO_VERSION).abi' '$(ABI_BASELINE_DIR)/'
	@echo "wrote $(ABI_BASELINE_DIR)/libziggeo-$(ZIGGEO_VERSION).abi; commit it with git add -A $(ABI_BASELINE_DIR)"

test-abi: lib deps-packaging
	ROOT='$(ROOT)' tests/packaging/test-abi.sh
