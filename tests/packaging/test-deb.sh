#!/usr/bin/env bash
# Checks the .deb files that `make deb` built: metadata, contents, lintian,
# and then builds the consumer against both packages unpacked with dpkg -x
# (pkg-config with a sysroot, and CMake) and runs it against a sandbox.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
# shellcheck source=lib.sh
. "$here/lib.sh"

: "${DEB_DIR:?DEB_DIR is not set; run make test-deb}"
work=$ROOT/build/packaging/test-deb
root=$work/root
rm -rf "$work"
mkdir -p "$work"

version=$(sed -n 's/^#define ZIGGEO_VERSION_STRING "\(.*\)"$/\1/p' "$ROOT/include/ziggeo.h")
major=${version%%.*}
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
runtime_deb=$(ls "$DEB_DIR"/libziggeo${major}_"$version"-*_"$arch".deb 2>/dev/null | head -1)
dev_deb=$(ls "$DEB_DIR"/libziggeo-dev_"$version"-*_"$arch".deb 2>/dev/null | head -1)
libdir=usr/lib/$multiarch

both_packages_exist() {
	[ -f "$runtime_deb" ] && [ -f "$dev_deb" ] || {
		echo "expected libziggeo$major and libziggeo-dev $version .deb files in $DEB_DIR; found:" >&2
		ls "$DEB_DIR" >&2
		return 1
	}
}

# Succeeds when field $2 of package file $1 equals $3.
field_is() {
	local actual
	actual=$(dpkg-deb --field "$1" "$2")
	if [ "$actual" != "$3" ]; then
		echo "$(basename "$1"): $2 is '$actual', expected '$3'" >&2
		return 1
	fi
}

metadata_is_right() {
	local deb_version
	deb_version=$(dpkg-deb --field "$runtime_deb" Version)
	field_is "$runtime_deb" Package "libziggeo$major" &&
		field_is "$runtime_deb" Architecture "$arch" &&
		field_is "$runtime_deb" Section libs &&
		field_is "$runtime_deb" Multi-Arch same &&
		field_is "$dev_deb" Package libziggeo-dev &&
		field_is "$dev_deb" Version "$deb_version" &&
		field_is "$dev_deb" Section libdevel &&
		field_is "$dev_deb" Depends "libziggeo$major (= $deb_version)" &&
		dpkg-deb --field "$runtime_deb" Depends | grep -q 'libc6 (>= ' &&
		dpkg-deb --field "$runtime_deb" Installed-Size | grep -qE '^[0-9]+$'
}

# Succeeds when package $1 contains each path that follows, and no other
# regular file or link outside usr/share/doc.
contains_exactly() {
	local deb=$1 listing expected unexpected
	shift
	listing=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./||' | grep -v '/$' | grep -v '^usr/share/doc/' | sort)
	expected=$(printf '%s\n' "$@" | sort)
	unexpected=$(comm -3 <(echo "$listing") <(echo "$expected"))
	if [ -n "$unexpected" ]; then
		echo "$(basename "$deb"): contents differ (left: in the package only, right: expected only):" >&2
		echo "$unexpected" >&2
		return 1
	fi
}

contents_are_right() {
	local headers=(usr/include/ziggeo.h)
	[ -f "$ROOT/bindings/cpp/ziggeo.hpp" ] && headers+=(usr/include/ziggeo.hpp)
	contains_exactly "$runtime_deb" "$libdir/libziggeo.so.$version" "$libdir/libziggeo.so.$major" &&
		contains_exactly "$dev_deb" "${headers[@]}" "$libdir/libziggeo.so" "$libdir/libziggeo.a" \
			"$libdir/pkgconfig/ziggeo.pc" "$libdir/cmake/ziggeo/ziggeoConfig.cmake" \
			"$libdir/cmake/ziggeo/ziggeoConfigVersion.cmake"
}

symbols_file_lists_exports() {
	local dir=$work/control listed exported
	dpkg-deb --control "$runtime_deb" "$dir"
	dpkg-deb -x "$runtime_deb" "$work/runtime-only"
	listed=$(sed -n 's/^ \(ziggeo_[a-z_]*\)@Base .*/\1/p' "$dir/symbols" | sort)
	exported=$(nm -D --defined-only "$work/runtime-only/$libdir/libziggeo.so.$version" | awk '{ print $3 }' | sort)
	[ "$listed" = "$exported" ] || {
		echo "DEBIAN/symbols and the exported symbols differ:" >&2
		diff <(echo "$listed") <(echo "$exported") >&2
		return 1
	}
	grep -qx "libziggeo $major libziggeo$major (>= $version)" "$dir/shlibs" &&
		grep -qx 'activate-noawait ldconfig' "$dir/triggers"
}

# initial-upload-closes-no-bugs is expected: these packages are not uploads
# to Debian, so there is no ITP bug for the changelog to close.
lintian_is_clean() {
	lintian --fail-on error,warning --suppress-tags initial-upload-closes-no-bugs "$runtime_deb" "$dev_deb" 2>&1 |
		grep -v 'running with root privileges'
	return "${PIPESTATUS[0]}"
}

unpack() {
	mkdir -p "$root" && dpkg -x "$runtime_deb" "$root" && dpkg -x "$dev_deb" "$root"
}

build_with_pkg_config() {
	PKG_CONFIG_LIBDIR=$root/$libdir/pkgconfig PKG_CONFIG_SYSROOT_DIR=$root PKG_CONFIG_PATH= \
		bash -c 'cc -std=c99 -Wall -Wextra -Werror -pedantic "$1"/main.c "$1"/receiver.c -o "$2" $(pkg-config --cflags --libs ziggeo)' \
		_ "$CONSUMER_SRC" "$work/consumer_pc"
}

run_pkg_config_consumer() {
	LD_LIBRARY_PATH=$root/$libdir loads_libziggeo_from "$work/consumer_pc" "$root/$libdir" &&
		LD_LIBRARY_PATH=$root/$libdir run_consumer "$work/consumer_pc"
}

build_with_cmake() {
	cmake -S "$CONSUMER_SRC" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$root/usr" \
		-DCMAKE_LIBRARY_ARCHITECTURE="$multiarch" >"$work/cmake.log" 2>&1 &&
		cmake --build "$work/cmake-build" >>"$work/cmake.log" 2>&1 || {
		cat "$work/cmake.log" >&2
		return 1
	}
}

run_cmake_consumers() {
	local bin=$work/cmake-build
	LD_LIBRARY_PATH=$root/$libdir loads_libziggeo_from "$bin/consumer_shared" "$root/$libdir" &&
		LD_LIBRARY_PATH=$root/$libdir run_consumer "$bin/consumer_shared" &&
		loads_no_libziggeo "$bin/consumer_static" &&
		run_consumer "$bin/consumer_static"
}

start_sandbox "$work"
check "both packages built" both_packages_exist
check "package metadata" metadata_is_right
check "package contents" contents_are_right
check "symbols, shlibs and ldconfig trigger" symbols_file_lists_exports
check "lintian has no errors or warnings" lintian_is_clean
check "dpkg -x both packages" unpack
check "pkg-config build against the unpacked packages" build_with_pkg_config
check "pkg-config consumer runs" run_pkg_config_consumer
check "CMake build against the unpacked packages" build_with_cmake
check "CMake consumers run" run_cmake_consumers
stop_sandbox
summary "test-deb"
