# Installs libziggeo as a system library and tests the installed tree the
# way a consumer uses it.
#
#   make install    PREFIX=/usr/local LIBDIR=$(PREFIX)/lib INCLUDEDIR=$(PREFIX)/include DESTDIR=
#   make uninstall  removes what the last installs with the same INSTALL_MANIFEST put there
#
# install.sh records every file, link and directory it creates in
# INSTALL_MANIFEST (default build/install-manifest.txt), and uninstall reads
# it back, so keep build/ (or pass the same INSTALL_MANIFEST) between the two.

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DESTDIR ?=
INSTALL_MANIFEST ?= $(ROOT)/$(BUILD)/install-manifest.txt
CXX_HEADER := $(ROOT)/bindings/cpp/ziggeo.hpp
ZIGGEO_VERSION := $(shell sed -n 's/^\#define ZIGGEO_VERSION_STRING "\(.*\)"$$/\1/p' $(HEADER))
PACKAGING_WORK := $(ROOT)/$(BUILD)/packaging

# Runs install.sh with destination $(1) for DESTDIR, $(2) for PREFIX, $(3)
# for LIBDIR, $(4) for INCLUDEDIR and $(5) for the manifest.
define run_install
	libs_private=$$(packaging/scripts/native-static-libs.sh '$(LIB_DIR)' '$(PACKAGING_WORK)/native') && \
	DESTDIR='$(1)' PREFIX='$(2)' LIBDIR='$(3)' INCLUDEDIR='$(4)' MANIFEST='$(5)' \
	LIB_SO='$(LIB_SO)' LIB_A='$(LIB_A)' HEADER='$(HEADER)' CXX_HEADER='$(CXX_HEADER)' \
	VERSION='$(ZIGGEO_VERSION)' LIBS_PRIVATE="$$libs_private" \
	packaging/scripts/install.sh
endef

.PHONY: install uninstall test-install deps-packaging

install: lib
	$(call run_install,$(DESTDIR),$(PREFIX),$(LIBDIR),$(INCLUDEDIR),$(INSTALL_MANIFEST))

uninstall:
	MANIFEST='$(INSTALL_MANIFEST)' packaging/scripts/uninstall.sh

TEST_TARGETS += test-install

test-install: lib sandbox deps-packaging
	ROOT='$(ROOT)' tests/packaging/test-install.sh

# The tools the packaging targets and tests use, from Debian.
PACKAGING_TOOLS := cc:gcc c++:g++ pkg-config:pkg-config cmake:cmake readelf:binutils abidw:abigail-tools \
	lintian:lintian dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev

deps-packaging:
	@missing=(); \
	for pair in $(PACKAGING_TOOLS); do \
		command -v "$${pair%%:*}" >/dev/null || missing+=("$${pair#*:}"); \
	done; \
	if [ $${#missing[@]} -ne 0 ]; then \
		echo "installing $${missing[*]}"; \
		apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$${missing[@]}"; \
	fi
