#!/usr/bin/env bash
# Installs libziggeo into a temporary prefix with `make install`, checks the
# layout, builds the consumer three ways (pkg-config, pkg-config --static,
# CMake) and runs each against a sandbox, then checks that `make uninstall`
# leaves the prefix empty.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
. "$here/lib.sh"

work=$ROOT/build/packaging/test-install
prefix=$work/prefix
manifest=$work/install-manifest.txt
make=${MAKE:-make}
rm -rf "$work"
mkdir -p "$work"

version=$(sed -n 's/^#define ZIGGEO_VERSION_STRING "\(.*\)"$/\1/p' "$ROOT/include/ziggeo.h")
major=${version%%.*}
libdir=$prefix/lib
export PKG_CONFIG_PATH=$libdir/pkgconfig
unset PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR

do_install() {
	"$make" -C "$ROOT" --no-print-directory install PREFIX="$prefix" INSTALL_MANIFEST="$manifest"
}

layout_is_complete() {
	local missing=0
	for path in \
		lib/libziggeo.so."$version" lib/libziggeo.so."$major" lib/libziggeo.so lib/libziggeo.a \
		include/ziggeo.h lib/pkgconfig/ziggeo.pc \
		lib/cmake/ziggeo/ziggeoConfig.cmake lib/cmake/ziggeo/ziggeoConfigVersion.cmake; do
		if [ ! -e "$prefix/$path" ]; then
			echo "missing: $prefix/$path" >&2
			missing=1
		fi
	done
	if [ -f "$ROOT/bindings/cpp/ziggeo.hpp" ] && [ ! -f "$prefix/include/ziggeo.hpp" ]; then
		echo "missing: $prefix/include/ziggeo.hpp (bindings/cpp/ziggeo.hpp exists)" >&2
		missing=1
	fi
	[ "$(readlink "$libdir/libziggeo.so.$major")" = "libziggeo.so.$version" ] || {
		echo "libziggeo.so.$major does not point to libziggeo.so.$version" >&2
		missing=1
	}
	[ "$(readlink "$libdir/libziggeo.so")" = "libziggeo.so.$major" ] || {
		echo "libziggeo.so does not point to libziggeo.so.$major" >&2
		missing=1
	}
	return $missing
}

soname_is_major() {
	local soname
	soname=$(readelf -d "$libdir/libziggeo.so.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	echo "SONAME: $soname"
	[ "$soname" = "libziggeo.so.$major" ]
}

exports_only_ziggeo() {
	local exported others
	exported=$(nm -D --defined-only "$libdir/libziggeo.so.$version" | awk '{ print $3 }')
	others=$(printf '%s\n' "$exported" | grep -v '^ziggeo_' || true)
	echo "exported symbols: $(printf '%s\n' "$exported" | wc -l)"
	if [ -n "$others" ]; then
		echo "exported symbols without the ziggeo_ prefix:" >&2
		echo "$others" >&2
		return 1
	fi
	# Every function the header declares is exported.
	local declared missing
	declared=$(grep -o '\bziggeo_[a-z_]*(' "$ROOT/include/ziggeo.h" | tr -d '(' | sort -u)
	missing=$(comm -23 <(echo "$declared") <(printf '%s\n' "$exported" | sort -u))
	if [ -n "$missing" ]; then
		echo "declared in ziggeo.h but not exported: $missing" >&2
		return 1
	fi
}

pc_has_private_libs() {
	pkg-config --modversion ziggeo &&
		[ "$(pkg-config --modversion ziggeo)" = "$version" ] &&
		pkg-config --static --libs ziggeo | tee /dev/stderr | grep -q -- '-lgcc_s'
}

# Compiles a C++17 file that includes the installed wrapper, found through
# pkg-config like the C header.
cxx_header_compiles() {
	echo '#include <ziggeo.hpp>' |
		c++ -std=c++17 -Wall -Wextra -Werror -pedantic -fsyntax-only $(pkg-config --cflags ziggeo) -x c++ -
}

# The README's dynamic link line.
build_with_pkg_config() {
	cc -std=c99 -Wall -Wextra -Werror -pedantic "$CONSUMER_SRC"/main.c "$CONSUMER_SRC"/receiver.c \
		-o "$work/consumer_pc" $(pkg-config --cflags --libs ziggeo)
}

run_pkg_config_consumer() {
	LD_LIBRARY_PATH=$libdir loads_libziggeo_from "$work/consumer_pc" "$libdir" &&
		LD_LIBRARY_PATH=$libdir run_consumer "$work/consumer_pc"
}

# The README's static link line.
build_with_pkg_config_static() {
	cc -std=c99 -Wall -Wextra -Werror -pedantic "$CONSUMER_SRC"/main.c "$CONSUMER_SRC"/receiver.c \
		-o "$work/consumer_static" $(pkg-config --cflags ziggeo) \
		-Wl,-Bstatic -lziggeo -Wl,-Bdynamic -Wl,--as-needed $(pkg-config --static --libs ziggeo)
}

run_static_consumer() {
	loads_no_libziggeo "$work/consumer_static" && run_consumer "$work/consumer_static"
}

build_with_cmake() {
	cmake -S "$CONSUMER_SRC" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/cmake.log" &&
		cmake --build "$work/cmake-build" >>"$work/cmake.log" || {
		cat "$work/cmake.log" >&2
		return 1
	}
}

run_cmake_consumers() {
	local bin=$work/cmake-build
	loads_libziggeo_from "$bin/consumer_shared" "$libdir" &&
		run_consumer "$bin/consumer_shared" &&
		loads_no_libziggeo "$bin/consumer_static" &&
		run_consumer "$bin/consumer_static"
}

cmake_rejects_other_major() {
	local dir=$work/cmake-major
	mkdir -p "$dir"
	printf 'cmake_minimum_required(VERSION 3.16)\nproject(p C)\nfind_package(ziggeo %s CONFIG REQUIRED)\n' "$((major + 1))" >"$dir/CMakeLists.txt"
	if cmake -S "$dir" -B "$dir/build" -DCMAKE_PREFIX_PATH="$prefix" >"$dir/log" 2>&1; then
		echo "find_package(ziggeo $((major + 1))) accepted version $version" >&2
		return 1
	fi
	grep -q 'ziggeoConfig.cmake, version: '"$version" "$dir/log"
}

do_uninstall() {
	"$make" -C "$ROOT" --no-print-directory uninstall INSTALL_MANIFEST="$manifest"
}

prefix_is_empty() {
	local left
	left=$(find "$prefix" -mindepth 1)
	if [ -n "$left" ]; then
		echo "left behind after uninstall:" >&2
		echo "$left" >&2
		return 1
	fi
}

start_sandbox "$work"
mkdir -p "$prefix"
check "make install into a temporary prefix" do_install
check "installed layout" layout_is_complete
check "SONAME is libziggeo.so.MAJOR" soname_is_major
check "only ziggeo_ symbols exported" exports_only_ziggeo
check "pkg-config finds version and Libs.private" pc_has_private_libs
if [ -f "$ROOT/bindings/cpp/ziggeo.hpp" ]; then
	check "installed C++ header compiles" cxx_header_compiles
fi
check "pkg-config dynamic build" build_with_pkg_config
check "pkg-config dynamic consumer runs" run_pkg_config_consumer
check "pkg-config static build" build_with_pkg_config_static
check "static consumer runs without libziggeo" run_static_consumer
check "CMake find_package build" build_with_cmake
check "CMake consumers run" run_cmake_consumers
check "CMake rejects another major version" cmake_rejects_other_major
check "make uninstall" do_uninstall
check "prefix empty after uninstall" prefix_is_empty
stop_sandbox
summary "test-install"
