#!/usr/bin/env bash
# Check that a client sends the same bytes as the official Python SDK.
#
# Usage: tests/parity/check.sh CLIENT_COMMAND [ARG...]
#
# Records the official SDK's three webhook calls on one loopback recorder,
# then runs CLIENT_COMMAND against a fresh recorder, and compares method,
# path, Content-Type, Authorization and body bytes of each request. Prints
# a diff and exits 1 on any difference; exits 0 when all three match.
# See README.md beside this file for the client's side of the interface.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
official_python="${ZIGGEO_PARITY_PYTHON:-$root/build/venv-parity/bin/python}"
client_timeout="${ZIGGEO_PARITY_TIMEOUT:-60}"

if [ $# -eq 0 ]; then
    echo "usage: $0 CLIENT_COMMAND [ARG...]" >&2
    exit 2
fi
if [ ! -x "$official_python" ]; then
    echo "parity: $official_python not found; run \`make deps-parity\` or set ZIGGEO_PARITY_PYTHON" \
        "to a Python with ziggeo==2.30 installed" >&2
    exit 2
fi

export ZIGGEO_PARITY_TOKEN="r1app_token_abc"
export ZIGGEO_PARITY_KEY="priv key/+="
export ZIGGEO_PARITY_TARGET_URL="https://example.com/hook?a=1&b=two words"
export ZIGGEO_PARITY_ENCODING="jsonheader"
export ZIGGEO_PARITY_EVENTS="video_create,video_delete"
export ZIGGEO_PARITY_WEBHOOK_ID="wh_token_123"
export ZIGGEO_PARITY_CODE="c0de"

work="$(mktemp -d "${TMPDIR:-/tmp}/ziggeo-parity.XXXXXX")"
recorder_pid=""

stop_recorder() {
    if [ -n "$recorder_pid" ]; then
        kill "$recorder_pid" 2>/dev/null || true
        wait "$recorder_pid" 2>/dev/null || true
        recorder_pid=""
    fi
}
trap 'stop_recorder; rm -rf "$work"' EXIT

# Starts a recorder writing to $1 and sets base_url from its first line.
start_recorder() {
    local out="$1" log="$1.stdout"
    : > "$out"
    python3 "$here/recorder.py" --out "$out" > "$log" &
    recorder_pid=$!
    for _ in $(seq 100); do
        if read -r first < "$log" 2>/dev/null && [ -n "${first:-}" ]; then
            base_url="${first#listening on }"
            return 0
        fi
        if ! kill -0 "$recorder_pid" 2>/dev/null; then break; fi
        sleep 0.1
    done
    echo "parity: the recorder did not start; its output:" >&2
    cat "$log" >&2
    exit 2
}

# Runs a command with ZIGGEO_PARITY_BASE_URL pointed at a new recorder.
record() {
    local out="$1" name="$2"
    shift 2
    start_recorder "$out"
    if ! ZIGGEO_PARITY_BASE_URL="$base_url" timeout "$client_timeout" "$@" > "$out.client" 2>&1; then
        echo "parity: $name failed; its output:" >&2
        cat "$out.client" >&2
        stop_recorder
        exit 1
    fi
    stop_recorder
}

record "$work/official.jsonl" "the official SDK" "$official_python" "$here/official.py"
record "$work/client.jsonl" "$*" "$@"

python3 "$here/compare.py" "$work/official.jsonl" "$work/client.jsonl"
