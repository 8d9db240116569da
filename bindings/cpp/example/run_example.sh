#!/usr/bin/env bash
# Runs the built example against a sandbox started for it, and checks its
# output. Usage: run_example.sh PATH_TO_ziggeo_example
set -euo pipefail

example=$1
token=example-app-token
key=example-private-key
output=$(mktemp)
sandbox_pid=
cleanup() {
    [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
    rm -f "$output"
}
trap cleanup EXIT

"$ZIGGEO_SANDBOX_BIN" --listen 127.0.0.1:0 --app "$token:$key" --quiet >"$output" 2>/dev/null &
sandbox_pid=$!
for _ in $(seq 100); do
    [ -s "$output" ] && break
    sleep 0.1
done
base_url=$(head -n 1 "$output" | sed -n 's/^listening on //p')
[ -n "$base_url" ] || { echo "the sandbox printed no address" >&2; exit 1; }

# The target URL is on the sandbox itself, so its handshake calls stay on
# a server this script started.
result=$(ZIGGEO_APP_TOKEN=$token ZIGGEO_PRIVATE_KEY=$key ZIGGEO_BASE_URL=$base_url \
    "$example" "$base_url/example-target")
echo "$result"
grep -Eq '^created webhook [0-9a-f]{32}$' <<<"$result"
grep -qx 'deleted: null' <<<"$result"
echo "C++ example: 1 passed, 0 failed"
