#!/usr/bin/env bash
# Removes what install.sh recorded in MANIFEST: its files and links, then
# the directories it created, deepest first, when they are empty. A
# directory that has gained other files is kept and reported. The manifest
# is deleted at the end.
#
#   MANIFEST  the file install.sh wrote (required)
set -euo pipefail

fail() {
	echo "uninstall.sh: $*" >&2
	exit 1
}

[ -n "${MANIFEST:-}" ] || fail "MANIFEST is not set; run make uninstall, which sets it"
[ -f "$MANIFEST" ] ||
	fail "manifest $MANIFEST not found; nothing was installed with it, or make install used another MANIFEST"

removed=0
while IFS= read -r entry; do
	kind=${entry%% *}
	path=${entry#* }
	case $kind in
	f)
		if [ -L "$path" ] || { [ -e "$path" ] && [ ! -f "$path" ]; }; then
			echo "uninstall.sh: kept $path: it is no longer a regular file" >&2
		elif [ -f "$path" ]; then
			rm -f -- "$path"
			removed=$((removed + 1))
		fi
		;;
	l)
		if [ -L "$path" ]; then
			rm -f -- "$path"
			removed=$((removed + 1))
		elif [ -e "$path" ]; then
			echo "uninstall.sh: kept $path: it is no longer a symbolic link" >&2
		fi
		;;
	d) ;;
	*) fail "invalid manifest line '$entry' in $MANIFEST; expected 'f PATH', 'l PATH' or 'd PATH'" ;;
	esac
done <"$MANIFEST"

# Directories, longest path first, so children go before their parents.
sed -n 's/^d //p' "$MANIFEST" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2- |
	while IFS= read -r dir; do
		[ -d "$dir" ] || continue
		if rmdir -- "$dir" 2>/dev/null; then
			:
		else
			echo "uninstall.sh: kept $dir: it contains files that make install did not put there" >&2
		fi
	done

rm -f -- "$MANIFEST"
echo "removed $removed files and links listed in $MANIFEST"
