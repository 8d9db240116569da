#!/usr/bin/env bash
# The parity client of the C examples: makes the three calls with the
# programs in build/examples, aimed at the parity recorder through
# ZIGGEO_SERVER_API_URL. Run by tests/parity/check.sh.
set -euo pipefail

EXAMPLES=$(cd "$(dirname "$0")/../.." && pwd)/build/examples
export ZIGGEO_SERVER_API_URL=$ZIGGEO_PARITY_BASE_URL

"$EXAMPLES/webhooks_create" "$ZIGGEO_PARITY_TOKEN" "$ZIGGEO_PARITY_KEY" "$ZIGGEO_PARITY_TARGET_URL" \
    "$ZIGGEO_PARITY_ENCODING" "$ZIGGEO_PARITY_EVENTS"
"$EXAMPLES/webhooks_confirm" "$ZIGGEO_PARITY_TOKEN" "$ZIGGEO_PARITY_KEY" "$ZIGGEO_PARITY_WEBHOOK_ID" \
    "$ZIGGEO_PARITY_CODE"
"$EXAMPLES/webhooks_delete" "$ZIGGEO_PARITY_TOKEN" "$ZIGGEO_PARITY_KEY" "$ZIGGEO_PARITY_TARGET_URL"
