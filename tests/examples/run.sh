#!/usr/bin/env bash
# Tests the C example programs: usage and exit codes, the exact requests
# they send (compared with the official Python SDK by the parity check),
# errors against the sandbox, and the whole demo flow.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EXAMPLES="$ROOT/build/examples"
SANDBOX_BIN=${ZIGGEO_SANDBOX_BIN:-$ROOT/target/debug/ziggeo-sandbox}
passed=0
failed=0

check() {
    local description=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $description" >&2
    fi
}

# Runs a program without arguments: it must print a usage line and an
# example to stderr, and exit 2.
usage_exits_2() {
    local program=$1 output status
    output=$("$EXAMPLES/$program" 2>&1 >/dev/null)
    status=$?
    [ "$status" -eq 2 ] && grep -q '^usage: ' <<<"$output" && grep -q '^example: ' <<<"$output"
}

for program in webhooks_create webhooks_confirm webhooks_delete; do
    check "$program without arguments prints usage and exits 2" usage_exits_2 "$program"
done
check "webhook_receiver with a bad option exits 2" \
    bash -c "'$EXAMPLES/webhook_receiver' --bogus 2>/dev/null; [ \$? -eq 2 ]"

check "the three programs send the official SDK's bytes" \
    "$ROOT/tests/parity/check.sh" bash "$ROOT/tests/examples/parity_client.sh"

# Errors against the sandbox: exit 1, the message, HTTP status and body on stderr.
WORK=$(mktemp -d)
"$SANDBOX_BIN" --listen 127.0.0.1:0 --app example_token:example_key --quiet >"$WORK/sandbox.out" 2>/dev/null &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null; wait $sandbox_pid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do
    grep -q '^listening on ' "$WORK/sandbox.out" && break
    sleep 0.1
done
export ZIGGEO_SERVER_API_URL=$(sed -n 's/^listening on //p' "$WORK/sandbox.out")

wrong_key_reports_401() {
    local stderr_text
    stderr_text=$("$EXAMPLES/webhooks_delete" example_token wrong_key http://127.0.0.1:9/x 2>&1 >/dev/null)
    [ $? -eq 1 ] && grep -q 'HTTP status: 401' <<<"$stderr_text" && grep -q '^body: .\+' <<<"$stderr_text" &&
        ! grep -q wrong_key <<<"$stderr_text"
}
check "a wrong private key exits 1 with HTTP 401 and the body, never the key" wrong_key_reports_401

bad_events_exit_1() {
    local stderr_text
    stderr_text=$("$EXAMPLES/webhooks_create" example_token example_key http://127.0.0.1:9/x json 'video_ready,,x' 2>&1)
    [ $? -eq 1 ] && grep -q 'invalid events' <<<"$stderr_text"
}
check "an empty event item exits 1 naming events" bad_events_exit_1

create_then_delete() {
    local id
    id=$("$EXAMPLES/webhooks_create" example_token example_key http://127.0.0.1:9/created form video_ready) &&
        [[ "$id" =~ ^[0-9a-f]{32}$ ]] &&
        [ "$("$EXAMPLES/webhooks_delete" example_token example_key http://127.0.0.1:9/created)" = null ]
}
check "create prints the webhook id and delete prints null" create_then_delete

unknown_id_exits_1() {
    local stderr_text
    stderr_text=$("$EXAMPLES/webhooks_confirm" example_token example_key 00000000000000000000000000000000 123456 2>&1)
    [ $? -eq 1 ] && grep -q 'HTTP status: 404' <<<"$stderr_text"
}
check "confirm of an unknown webhook id reports HTTP 404" unknown_id_exits_1

receiver_confirms() {
    "$EXAMPLES/webhook_receiver" --port 0 --confirm example_token example_key >"$WORK/receiver.out" 2>&1 &
    local receiver_pid=$! url="" id tenths=0
    until url=$(sed -n 's/^listening on //p' "$WORK/receiver.out") && [ -n "$url" ]; do
        sleep 0.1
        tenths=$((tenths + 1))
        [ "$tenths" -lt 100 ] || { kill "$receiver_pid"; return 1; }
    done
    id=$("$EXAMPLES/webhooks_create" example_token example_key "$url/auto" jsonheader video_ready)
    tenths=0
    until grep -q "confirmed: webhook_id=$id response=true" "$WORK/receiver.out"; do
        sleep 0.1
        tenths=$((tenths + 1))
        [ "$tenths" -lt 100 ] || { cat "$WORK/receiver.out" >&2; kill "$receiver_pid"; return 1; }
    done
    kill "$receiver_pid"
    wait "$receiver_pid" 2>/dev/null
    curl -sS "$ZIGGEO_SERVER_API_URL/_sandbox/webhooks" |
        python3 -c "import json, sys; hooks = json.load(sys.stdin)['webhooks']; sys.exit(not any(h['id'] == '$id' and h['confirmed'] for h in hooks))"
}
check "the receiver confirms a validation call with --confirm" receiver_confirms

demo_flow() {
    bash "$ROOT/scripts/demo.sh" >"$WORK/demo.log" 2>&1 || { cat "$WORK/demo.log" >&2; return 1; }
    for line in "webhook created: id" "ping received" "validation code received" "confirmed" \
        "video_ready received" "deleted" "none left"; do
        [ "$(grep -c "$line" "$WORK/demo.log")" -eq 2 ] || { echo "missing twice: $line" >&2; return 1; }
    done
}
check "the demo runs both flows with every step shown" demo_flow

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
