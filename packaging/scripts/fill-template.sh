#!/usr/bin/env bash
# Prints TEMPLATE with each @NAME@ replaced by VALUE, for every NAME=VALUE
# argument. A VALUE may span lines. Fails when a placeholder is left over,
# so a template and its caller cannot drift apart silently.
#
# Usage: fill-template.sh TEMPLATE NAME=VALUE...
set -euo pipefail

template=${1:?usage: fill-template.sh TEMPLATE NAME=VALUE...}
shift
[ -f "$template" ] || {
	echo "fill-template.sh: template $template not found" >&2
	exit 1
}

text=$(cat "$template")
for pair in "$@"; do
	name=${pair%%=*}
	value=${pair#*=}
	text=${text//"@$name@"/"$value"}
done

leftover=$(printf '%s\n' "$text" | grep -o '@[A-Z_]*@' | head -1 || true)
if [ -n "$leftover" ]; then
	echo "fill-template.sh: $template still has placeholder $leftover; pass $(echo "$leftover" | tr -d @)=VALUE" >&2
	exit 1
fi
printf '%s\n' "$text"
