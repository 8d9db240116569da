#!/usr/bin/env bash
# Compares a built libziggeo.so with the committed ABI baseline and fails
# when the difference is more than the version change allows:
#
#   - symbols removed or changed: only with a new major version, which also
#     gives a new SONAME (libziggeo.so.MAJOR);
#   - symbols added: with a new minor (or major) version;
#   - no difference: any version at or above the baseline's.
#
# The release library has no DWARF (strip = "debuginfo"), so abidw and
# abidiff see only the ELF symbol table: a removed or renamed function is
# caught, but a changed parameter or struct type is not.
#
# Usage: abi-check.sh LIBRARY VERSION BASELINE_DIR WORK_DIR
#   LIBRARY       the libziggeo.so to check
#   VERSION       its version, MAJOR.MINOR.PATCH
#   BASELINE_DIR  contains exactly one libziggeo-X.Y.Z.abi (packaging/abi)
#   WORK_DIR      where the current ABI and the report are written
set -euo pipefail

usage="usage: abi-check.sh LIBRARY VERSION BASELINE_DIR WORK_DIR"
library=${1:?$usage}
version=${2:?$usage}
baseline_dir=${3:?$usage}
work_dir=${4:?$usage}

fail() {
	echo "abi-check: $*" >&2
	exit 1
}

[ -f "$library" ] || fail "$library not found; run make lib first"
shopt -s nullglob
baselines=("$baseline_dir"/libziggeo-*.abi)
[ ${#baselines[@]} -eq 1 ] ||
	fail "expected one libziggeo-X.Y.Z.abi in $baseline_dir, found ${#baselines[@]}; run make abi-update to write it"
baseline=${baselines[0]}
base_version=$(basename "$baseline" .abi)
base_version=${base_version#libziggeo-}

version_re='^([0-9]+)\.([0-9]+)\.([0-9]+)$'
[[ $base_version =~ $version_re ]] || fail "baseline file name $baseline does not carry a MAJOR.MINOR.PATCH version"
base_major=${BASH_REMATCH[1]} base_minor=${BASH_REMATCH[2]} base_patch=${BASH_REMATCH[3]}
[[ $version =~ $version_re ]] || fail "version $version is not MAJOR.MINOR.PATCH"
major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[3]}

# Orders versions numerically: -1, 0 or 1 for older, equal, newer.
compare() {
	if [ "$1" -ne "$4" ]; then [ "$1" -gt "$4" ] && echo 1 || echo -1
	elif [ "$2" -ne "$5" ]; then [ "$2" -gt "$5" ] && echo 1 || echo -1
	elif [ "$3" -ne "$6" ]; then [ "$3" -gt "$6" ] && echo 1 || echo -1
	else echo 0
	fi
}
order=$(compare "$major" "$minor" "$patch" "$base_major" "$base_minor" "$base_patch")
[ "$order" -ge 0 ] || fail "version $version is older than the baseline $base_version"

soname=$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libziggeo.so.$major" ] ||
	fail "SONAME of $library is '$soname', expected libziggeo.so.$major for version $version"

mkdir -p "$work_dir"
current=$work_dir/libziggeo-$version.abi
report=$work_dir/abidiff-report.txt
abidw --no-corpus-path "$library" >"$current" || fail "abidw failed to read $library"

set +e
abidiff "$baseline" "$current" >"$report" 2>&1
status=$?
set -e

# abidiff's exit status is a bit field: 1 tool error, 2 usage error,
# 4 ABI change, 8 incompatible ABI change.
if [ $((status & 3)) -ne 0 ]; then
	cat "$report" >&2
	fail "abidiff failed with status $status"
fi
if [ $((status & 8)) -ne 0 ]; then
	if [ "$major" -gt "$base_major" ]; then
		echo "abi-check: incompatible change from $base_version to $version, allowed by the new major version"
		exit 0
	fi
	cat "$report" >&2
	fail "incompatible ABI change (removed or changed symbols) from $base_version to $version; \
restore the symbols, or raise the major version (and so the SONAME) and run make abi-update"
fi
if [ $((status & 4)) -ne 0 ]; then
	if [ "$major" -gt "$base_major" ] || [ "$minor" -gt "$base_minor" ]; then
		echo "abi-check: compatible ABI change from $base_version to $version, allowed by the new minor version"
		exit 0
	fi
	cat "$report" >&2
	fail "ABI grew from $base_version to $version without a new minor version; \
raise the minor version and run make abi-update"
fi
echo "abi-check: ABI of $library ($version) matches the baseline $base_version"
