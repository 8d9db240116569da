#!/usr/bin/env bash
# Builds the libFuzzer targets with cargo-fuzz and runs each for SECONDS.
#
# Usage: fuzz/run.sh SECONDS
#
# Needs the nightly toolchain and cargo-fuzz, on PATH or under build/tools,
# where `make fuzz-tools` installs it. Each target prints
# "figures: libFuzzer TARGET: N executions in S s". A crash, a failed
# assertion, a leak or an input that runs over 10 s stops the run with
# libFuzzer's report, and the input is saved under fuzz/artifacts/TARGET/.
# The corpus grows across runs in fuzz/corpus/TARGET/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET_DIR="$ROOT/build/fuzz-target"
TARGETS=(delivery_parse arguments form_encode)

if [ $# -ne 1 ] || ! [[ $1 =~ ^[1-9][0-9]{0,6}$ ]]; then
    echo "usage: fuzz/run.sh SECONDS (seconds per target, a whole number from 1 to 9999999; got '${1-}')" >&2
    exit 2
fi
SECONDS_PER_TARGET=$1

PATH="$ROOT/build/tools/bin:$PATH"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz or the nightly toolchain is missing; run 'make fuzz-tools' first" >&2
    exit 2
fi

cd "$ROOT/fuzz"
cargo +nightly fuzz build --target-dir "$TARGET_DIR"

for target in "${TARGETS[@]}"; do
    options=(-max_total_time="$SECONDS_PER_TARGET" -timeout=10)
    if [ "$target" = delivery_parse ]; then
        options+=(-dict=delivery.dict)
    fi

    log="$TARGET_DIR/$target.log"
    if ! cargo +nightly fuzz run --target-dir "$TARGET_DIR" "$target" -- "${options[@]}" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "FAIL: libFuzzer target $target; the input is under fuzz/artifacts/$target/" >&2
        exit 1
    fi

    # libFuzzer ends with "Done N runs in S second(s)".
    done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 || true)
    if [ -z "$done_line" ]; then
        tail -n 20 "$log"
        echo "FAIL: libFuzzer target $target did not report its runs" >&2
        exit 1
    fi
    read -r _ runs _ _ seconds _ <<<"$done_line"
    echo "figures: libFuzzer $target: $runs executions in $seconds s"
done
