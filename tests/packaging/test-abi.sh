#!/usr/bin/env bash
# Runs the ABI check on the built library, then checks that the checker
# enforces the version policy. Stand-in libraries are built from the
# baseline's symbol list with one function removed or added, and the checker
# must accept or reject each under versions that allow or forbid the change.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
# shellcheck source=lib.sh
. "$here/lib.sh"

work=$ROOT/build/packaging/test-abi
checker=$ROOT/packaging/scripts/abi-check.sh
baseline_dir=$ROOT/packaging/abi
rm -rf "$work"
mkdir -p "$work"

version=$(sed -n 's/^#define ZIGGEO_VERSION_STRING "\(.*\)"$/\1/p' "$ROOT/include/ziggeo.h")
baseline=$(ls "$baseline_dir"/libziggeo-*.abi)
base_version=$(basename "$baseline" .abi)
base_version=${base_version#libziggeo-}
IFS=. read -r base_major base_minor base_patch <<<"$base_version"
functions=$(sed -n "s/.*<elf-symbol name='\([^']*\)' type='func-type'.*/\1/p" "$baseline")

built_library_matches() {
	"$checker" "$ROOT/target/release/libziggeo.so" "$version" "$baseline_dir" "$work/built"
}

# Builds a stand-in libziggeo with SONAME libziggeo.so.$2 that exports the
# functions listed on standard input, into directory $1.
build_stand_in() {
	local dir=$1 soname_major=$2
	mkdir -p "$dir"
	sed 's/.*/void &(void) {}/' >"$dir/stand_in.c"
	printf '{\n  global: ziggeo_*;\n  local: *;\n};\n' >"$dir/exports.map"
	cc -shared -fPIC -o "$dir/libziggeo.so" "$dir/stand_in.c" \
		-Wl,-soname,"libziggeo.so.$soname_major" -Wl,--version-script="$dir/exports.map"
}

# Expects the checker to accept (pass) or reject (fail) stand-in $2 at version $3.
expect() {
	local verdict=$1 dir=$2 at_version=$3
	"$checker" "$dir/libziggeo.so" "$at_version" "$baseline_dir" "$dir/check-$at_version" >"$dir/check-$at_version.log" 2>&1
	local status=$?
	sed 's/^/    /' "$dir/check-$at_version.log" | tail -3
	if [ "$verdict" = pass ] && [ $status -ne 0 ]; then
		echo "expected the check to pass at $at_version" >&2
		return 1
	fi
	if [ "$verdict" = fail ] && [ $status -eq 0 ]; then
		echo "expected the check to fail at $at_version" >&2
		return 1
	fi
}

next_patch=$base_major.$base_minor.$((base_patch + 1))
next_minor=$base_major.$((base_minor + 1)).0
next_major=$((base_major + 1)).0.0

same_symbols() {
	echo "$functions" | build_stand_in "$work/same" "$base_major" &&
		expect pass "$work/same" "$base_version" &&
		expect pass "$work/same" "$next_patch"
}

removed_symbol() {
	echo "$functions" | sed '1d' | build_stand_in "$work/removed" "$base_major" &&
		expect fail "$work/removed" "$next_patch" &&
		expect fail "$work/removed" "$next_minor" &&
		echo "$functions" | sed '1d' | build_stand_in "$work/removed-major" "$((base_major + 1))" &&
		expect pass "$work/removed-major" "$next_major"
}

added_symbol() {
	{ echo "$functions"; echo ziggeo_added_for_abi_test; } | build_stand_in "$work/added" "$base_major" &&
		expect fail "$work/added" "$base_version" &&
		expect fail "$work/added" "$next_patch" &&
		expect pass "$work/added" "$next_minor"
}

wrong_soname() {
	echo "$functions" | build_stand_in "$work/soname" "$((base_major + 1))" &&
		expect fail "$work/soname" "$base_version"
}

older_version() {
	[ "$base_version" != 0.0.0 ] || return 0
	echo "$functions" | build_stand_in "$work/older" 0 &&
		expect fail "$work/older" 0.0.0
}

echo "baseline $base_version with $(echo "$functions" | wc -l) functions; built library $version"
check "built library matches the baseline" built_library_matches
check "same symbols pass" same_symbols
check "removed symbol needs a major version" removed_symbol
check "added symbol needs a minor version" added_symbol
check "SONAME must match the major version" wrong_soname
check "version older than baseline fails" older_version
summary "test-abi"
