"""Memory stays flat over many calls: owned strings, error objects and deliveries are freed.

Each round handles about 8 KiB in C, so leaking any one of them over
10,000 calls would grow RSS by tens of MiB, well past the limit.
"""

from __future__ import annotations

import gc
import json
import os

import libziggeo

CALLS = 10_000
WARMUP = 300
MAX_GROWTH = 5 * 1024 * 1024
# The sandbox quotes the target URL in its 404 body, so this URL makes an 8 KiB error body.
LONG_TARGET_URL = "http://127.0.0.1:1/" + "x" * 8192
LARGE_DELIVERY = json.dumps(
    {"event_type": "video_ready", "data": {"video": {"token": "abc", "description": "x" * 8192}}}
).encode()


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def one_round(client: libziggeo.Client, index: int) -> None:
    """Receive an error with an 8 KiB body, or parse an 8 KiB delivery into an owned JSON string."""
    if index % 2 == 0:
        try:
            client.webhooks.delete(LONG_TARGET_URL)
        except libziggeo.HTTPError as error:
            assert len(error.body) > 8192
        else:
            raise AssertionError("delete of an unknown target URL did not fail")
    else:
        delivery = libziggeo.parse_delivery(LARGE_DELIVERY, "application/json")
        assert delivery.data["data"]["video"]["token"] == "abc"


def test_ten_thousand_calls_keep_rss_flat(client):
    for index in range(WARMUP):
        one_round(client, index)
    gc.collect()
    before = resident_bytes()

    for index in range(CALLS):
        one_round(client, index)
    gc.collect()
    growth = resident_bytes() - before

    assert growth < MAX_GROWTH, f"RSS grew by {growth / 1024 / 1024:.1f} MiB over {CALLS} calls"
