#!/usr/bin/env bash
# Runs the whole webhook flow in C against the bundled sandbox, once with
# encoding json and once with form. Each flow creates a webhook for a local
# receiver and shows the ping and the validation code arriving. Then it
# confirms, fires video_ready, deletes, and shows that no webhook is left.
#
# Called by `make demo` after the library, the sandbox and the examples are
# built. Everything it starts listens on 127.0.0.1 and is stopped on exit,
# on failure and on Ctrl-C. Exits non-zero when any step fails.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXAMPLES="$ROOT/build/examples"
SANDBOX_BIN=${ZIGGEO_SANDBOX_BIN:-$ROOT/target/debug/ziggeo-sandbox}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ziggeo-demo.XXXXXX")
APP_TOKEN=demo_app_token
PRIVATE_KEY=demo_private_key
# How long to wait for a delivery to reach the receiver, in tenths of a second.
WAIT_TENTHS=100

PIDS=()
SERVER_URL=
LOG_START=0

stop_all() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap stop_all EXIT
trap 'echo "demo interrupted"; exit 130' INT TERM

step() {
    printf '==> %s\n' "$*"
}

fail() {
    printf 'FAILED: %s\n' "$*" >&2
    exit 1
}

# Starts a server in the background with its output in a file, and sets
# SERVER_URL to the URL from its first line, "listening on URL". It runs in
# this shell, not in $(...), so that the server's pid reaches PIDS.
start_server() {
    local log=$1
    shift
    "$@" >"$log" 2>"$log.err" &
    PIDS+=("$!")
    local tenths=0
    until grep -q '^listening on ' "$log" 2>/dev/null; do
        sleep 0.1
        tenths=$((tenths + 1))
        if [ "$tenths" -ge "$WAIT_TENTHS" ]; then
            cat "$log.err" >&2
            fail "$1 printed no address"
        fi
    done
    SERVER_URL=$(sed -n 's/^listening on //p' "$log" | head -1)
}

# Waits until a line matching the pattern appears in the receiver's log
# after line LOG_START, and prints it.
wait_for_line() {
    local pattern=$1 log=$2 tenths=0
    until tail -n "+$((LOG_START + 1))" "$log" | grep -q -- "$pattern"; do
        sleep 0.1
        tenths=$((tenths + 1))
        [ "$tenths" -lt "$WAIT_TENTHS" ] || fail "the receiver never printed \"$pattern\""
    done
    tail -n "+$((LOG_START + 1))" "$log" | grep -- "$pattern" | tail -1
}

run_flow() {
    local encoding=$1 receiver_url=$2 receiver_log=$3
    local target_url="$receiver_url/ziggeo/$encoding"
    LOG_START=$(wc -l <"$receiver_log")

    echo
    step "encoding $encoding: creating a webhook for $target_url"
    local webhook_id
    webhook_id=$("$EXAMPLES/webhooks_create" "$APP_TOKEN" "$PRIVATE_KEY" "$target_url" "$encoding" \
        video_ready,video_delete) || fail "webhooks_create exited $?"
    step "webhook created: id $webhook_id"

    step "ping received by the receiver: $(wait_for_line "ping received" "$receiver_log")"
    local validation
    validation=$(wait_for_line "webhook_id=$webhook_id" "$receiver_log")
    local code=${validation##*validation_code=}
    step "validation code received: $code"

    local confirmed
    confirmed=$("$EXAMPLES/webhooks_confirm" "$APP_TOKEN" "$PRIVATE_KEY" "$webhook_id" "$code") ||
        fail "webhooks_confirm exited $?"
    step "confirmed: the server answered $confirmed"

    local token="demo-video-$encoding"
    local fired
    fired=$(curl -sS --fail-with-body -X POST "$ZIGGEO_SERVER_API_URL/_sandbox/events" \
        -H 'Content-Type: application/json' \
        -d "{\"event_type\":\"video_ready\",\"data\":{\"video\":{\"token\":\"$token\",\"title\":\"Demo + video & more\"}}}") ||
        fail "the sandbox did not fire the event"
    step "video_ready fired through the sandbox: $fired"
    step "video_ready received: $(wait_for_line "event received: video_ready .*$token" "$receiver_log")"

    local deleted
    deleted=$("$EXAMPLES/webhooks_delete" "$APP_TOKEN" "$PRIVATE_KEY" "$target_url") ||
        fail "webhooks_delete exited $?"
    step "deleted: the server answered $deleted"

    local left
    left=$(curl -sS --fail-with-body "$ZIGGEO_SERVER_API_URL/_sandbox/webhooks" |
        python3 -c 'import json, sys; print(len(json.load(sys.stdin)["webhooks"]))') ||
        fail "could not list the sandbox's webhooks"
    [ "$left" = 0 ] || fail "the sandbox still lists $left webhooks"
    step "none left: the sandbox lists 0 webhooks"
}

main() {
    for program in webhooks_create webhooks_confirm webhooks_delete webhook_receiver; do
        [ -x "$EXAMPLES/$program" ] || fail "$EXAMPLES/$program is missing; run make examples"
    done
    [ -x "$SANDBOX_BIN" ] || fail "$SANDBOX_BIN is missing; run make sandbox"

    step "starting the sandbox"
    start_server "$WORK/sandbox.log" "$SANDBOX_BIN" --listen 127.0.0.1:0 --app "$APP_TOKEN:$PRIVATE_KEY" --quiet
    export ZIGGEO_SERVER_API_URL=$SERVER_URL
    step "sandbox listening on $ZIGGEO_SERVER_API_URL"

    step "starting the webhook receiver"
    start_server "$WORK/receiver.log" "$EXAMPLES/webhook_receiver" --port 0
    local receiver_url=$SERVER_URL
    step "receiver listening on $receiver_url"

    run_flow json "$receiver_url" "$WORK/receiver.log"
    run_flow form "$receiver_url" "$WORK/receiver.log"

    echo
    step "demo finished: both flows passed"
}

main "$@"
