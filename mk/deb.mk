# Debian binary packages libziggeo0 and libziggeo-dev, built with dpkg-deb
# into build/deb/, and their test: lintian, then the consumer built against
# the packages unpacked with dpkg -x.
#
#   make deb  [DEB_REVISION=1] [DEB_MAINTAINER="Name <email>"]
#
# File times and the changelog date are SOURCE_DATE_EPOCH, or else the last
# commit's time, so that one commit always gives the same packages.

DEB_REVISION ?= 1
DEB_MAINTAINER ?= libziggeo maintainers <maintainers@libziggeo.invalid>
DEB_DIR := $(ROOT)/$(BUILD)/deb

.PHONY: deb test-deb

# The crates compiled into the library, with their licenses, for the
# copyright file; proc-macro crates run only at build time and are left out.
deb: lib deps-packaging
	libs_private=$$(packaging/scripts/native-static-libs.sh '$(LIB_DIR)' '$(PACKAGING_WORK)/native') && \
	crate_licenses=$$($(CARGO) tree -p ziggeo -e normal,no-proc-macro --prefix none --format '{p}: {l}' --offline \
		| sed 's/ (\*)$$//; s/ v\([0-9]\)/ \1/; s/ ([^)]*):/:/' | grep -v '^ziggeo ' | sort -u) && \
	VERSION='$(ZIGGEO_VERSION)' DEB_REVISION='$(DEB_REVISION)' MAINTAINER='$(DEB_MAINTAINER)' \
	DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)} \
	LIB_SO='$(LIB_SO)' LIB_A='$(LIB_A)' HEADER='$(HEADER)' CXX_HEADER='$(CXX_HEADER)' \
	LIBS_PRIVATE="$$libs_private" CRATE_LICENSES="$$crate_licenses" \
	OUT_DIR='$(DEB_DIR)' WORK_DIR='$(PACKAGING_WORK)/deb' \
	packaging/scripts/build-deb.sh

TEST_TARGETS += test-deb

test-deb: deb sandbox
	ROOT='$(ROOT)' DEB_DIR='$(DEB_DIR)' tests/packaging/test-deb.sh
