#!/usr/bin/env bash
# Prints the system libraries that a program linking libziggeo.a also needs,
# as rustc's --print native-static-libs lists them for the crate graph that
# `make lib` built (for example "-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc").
#
# It links a one-line staticlib crate that re-exports the built ziggeo rlib,
# which takes well under a second and leaves the release build untouched.
#
# Usage: native-static-libs.sh RELEASE_DIR WORK_DIR
#   RELEASE_DIR  target/release, holding libziggeo.rlib and deps/
#   WORK_DIR     scratch directory for the throwaway archive
set -euo pipefail

release_dir=${1:?usage: native-static-libs.sh RELEASE_DIR WORK_DIR}
work_dir=${2:?usage: native-static-libs.sh RELEASE_DIR WORK_DIR}
rustc=${RUSTC:-rustc}

if [ ! -f "$release_dir/libziggeo.rlib" ]; then
	echo "native-static-libs.sh: $release_dir/libziggeo.rlib not found; run make lib first" >&2
	exit 1
fi

mkdir -p "$work_dir"
echo 'pub use ziggeo::*;' >"$work_dir/probe.rs"
notes=$("$rustc" --edition 2021 --crate-type staticlib --crate-name ziggeo_native_libs \
	--print native-static-libs \
	--extern "ziggeo=$release_dir/libziggeo.rlib" -L "dependency=$release_dir/deps" \
	"$work_dir/probe.rs" -o "$work_dir/libziggeo_native_libs.a" 2>&1) || {
	echo "native-static-libs.sh: rustc failed to link the probe crate:" >&2
	echo "$notes" >&2
	exit 1
}
rm -f "$work_dir/libziggeo_native_libs.a"

libs=$(printf '%s\n' "$notes" | sed -n 's/^note: native-static-libs: //p')
if [ -z "$libs" ]; then
	echo "native-static-libs.sh: rustc printed no native-static-libs line; its output was:" >&2
	echo "$notes" >&2
	exit 1
fi
echo "$libs"
