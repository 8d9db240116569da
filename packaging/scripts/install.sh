#!/usr/bin/env bash
# Installs libziggeo under DESTDIR + PREFIX: the shared library with its
# SONAME and development links, the static library, the headers, the
# pkg-config file and the CMake package. Every file, link and directory it
# creates is added to MANIFEST, which uninstall.sh reads to remove exactly
# those again.
#
# Settings come from the environment (mk/install.mk passes them):
#   PREFIX        absolute installation prefix, such as /usr/local (required)
#   LIBDIR        absolute library directory (default PREFIX/lib)
#   INCLUDEDIR    absolute header directory (default PREFIX/include)
#   DESTDIR       staging root prepended to every path (default empty)
#   MANIFEST      file that lists what was installed (required)
#   LIB_SO        built libziggeo.so (required)
#   LIB_A         built libziggeo.a (required)
#   HEADER        include/ziggeo.h (required)
#   CXX_HEADER    C++ wrapper header, installed only when the file exists
#   VERSION       library version MAJOR.MINOR.PATCH (required)
#   LIBS_PRIVATE  linker flags for static linking, such as "-lgcc_s -lc" (required)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
packaging=$(dirname "$here")

fail() {
	echo "install.sh: $*" >&2
	exit 1
}

require() {
	local name=$1
	[ -n "${!name:-}" ] || fail "$name is not set; run make install, which sets it"
}

for name in PREFIX MANIFEST LIB_SO LIB_A HEADER VERSION LIBS_PRIVATE; do
	require "$name"
done
LIBDIR=${LIBDIR:-$PREFIX/lib}
INCLUDEDIR=${INCLUDEDIR:-$PREFIX/include}
DESTDIR=${DESTDIR:-}

for name in PREFIX LIBDIR INCLUDEDIR; do
	case ${!name} in
	/*) ;;
	*) fail "$name=${!name} is not an absolute path; pass one such as /usr/local" ;;
	esac
done
[[ $VERSION =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] ||
	fail "VERSION=$VERSION is not MAJOR.MINOR.PATCH; check ZIGGEO_VERSION_STRING in $HEADER"
major=${BASH_REMATCH[1]}
for file in "$LIB_SO" "$LIB_A" "$HEADER"; do
	[ -f "$file" ] || fail "$file not found; run make lib first"
done

entries=$(mktemp)

# Adds this run's entries to MANIFEST, merged with an earlier manifest so
# that installing twice and uninstalling once still removes everything.
# It runs on exit, so a failed install can be undone as well.
write_manifest() {
	mkdir -p "$(dirname "$MANIFEST")"
	if [ -f "$MANIFEST" ]; then
		cat "$MANIFEST" >>"$entries"
	fi
	sort -u "$entries" >"$MANIFEST.new" && mv "$MANIFEST.new" "$MANIFEST"
	rm -f "$entries"
}
trap write_manifest EXIT

# Creates directory $1 and each missing parent, recording the ones it made.
make_dir() {
	local dir=$1
	[ -d "$dir" ] && return 0
	make_dir "$(dirname "$dir")"
	mkdir "$dir"
	echo "d $dir" >>"$entries"
}

# Copies $2 to $3 with mode $1 and records the file.
put_file() {
	make_dir "$(dirname "$3")"
	install -m "$1" "$2" "$3"
	echo "f $3" >>"$entries"
}

# Makes symbolic link $2 pointing to $1 and records it.
put_link() {
	make_dir "$(dirname "$2")"
	ln -sfn "$1" "$2"
	echo "l $2" >>"$entries"
}

# Writes template $1 to $2 with the NAME=VALUE replacements that follow,
# and records the file.
fill_template() {
	local template=$1 output=$2
	shift 2
	make_dir "$(dirname "$output")"
	"$here/fill-template.sh" "$template" "$@" >"$output"
	chmod 644 "$output"
	echo "f $output" >>"$entries"
}

# Expresses absolute path $1 relative to the pkg-config variable ${prefix}
# when it lies under PREFIX, so that PKG_CONFIG_SYSROOT_DIR and
# --define-variable=prefix=... relocate it.
pc_path() {
	case $1 in
	"$PREFIX") echo '${prefix}' ;;
	"$PREFIX"/*) echo "\${prefix}/${1#"$PREFIX"/}" ;;
	*) echo "$1" ;;
	esac
}

libdir=$DESTDIR$LIBDIR
includedir=$DESTDIR$INCLUDEDIR
real_name=libziggeo.so.$VERSION
soname=libziggeo.so.$major

# Shared library: real file, SONAME link for the loader, and the link that
# -lziggeo finds at build time.
put_file 644 "$LIB_SO" "$libdir/$real_name"
put_link "$real_name" "$libdir/$soname"
put_link "$soname" "$libdir/libziggeo.so"
put_file 644 "$LIB_A" "$libdir/libziggeo.a"

put_file 644 "$HEADER" "$includedir/ziggeo.h"
if [ -n "${CXX_HEADER:-}" ] && [ -f "$CXX_HEADER" ]; then
	put_file 644 "$CXX_HEADER" "$includedir/ziggeo.hpp"
fi

# pkg-config file.
fill_template "$packaging/ziggeo.pc.in" "$libdir/pkgconfig/ziggeo.pc" \
	PREFIX="$PREFIX" PC_LIBDIR="$(pc_path "$LIBDIR")" PC_INCLUDEDIR="$(pc_path "$INCLUDEDIR")" \
	VERSION="$VERSION" LIBS_PRIVATE="$LIBS_PRIVATE"

# CMake package, with paths relative to its own directory.
cmake_dir=$LIBDIR/cmake/ziggeo
# CMake wants library names without -l, as a list.
cmake_libs_private=$(printf '%s\n' $LIBS_PRIVATE | sed -n 's/^-l//p' | paste -sd ';')
sizeof_void_p=$(($(getconf LONG_BIT) / 8))
fill_template "$packaging/cmake/ziggeoConfig.cmake.in" "$DESTDIR$cmake_dir/ziggeoConfig.cmake" \
	CMAKE_TO_LIBDIR="$(realpath -m --relative-to="$cmake_dir" "$LIBDIR")" \
	CMAKE_TO_INCLUDEDIR="$(realpath -m --relative-to="$cmake_dir" "$INCLUDEDIR")" \
	VERSION="$VERSION" VERSION_MAJOR="$major" CMAKE_LIBS_PRIVATE="$cmake_libs_private"
fill_template "$packaging/cmake/ziggeoConfigVersion.cmake.in" "$DESTDIR$cmake_dir/ziggeoConfigVersion.cmake" \
	VERSION="$VERSION" VERSION_MAJOR="$major" SIZEOF_VOID_P="$sizeof_void_p"

echo "installed libziggeo $VERSION under $DESTDIR$PREFIX; manifest: $MANIFEST"
