#!/usr/bin/env python3
"""Parity client for tests/parity/check.sh: the three webhook calls through libziggeo.

Reads ZIGGEO_PARITY_BASE_URL and the parity arguments from the environment.
"""

from __future__ import annotations

import os
import sys

import libziggeo


def main() -> int:
    env = os.environ
    with libziggeo.Client(
        env["ZIGGEO_PARITY_TOKEN"],
        env["ZIGGEO_PARITY_KEY"],
        base_url=env["ZIGGEO_PARITY_BASE_URL"],
    ) as client:
        print(client.webhooks.create(
            env["ZIGGEO_PARITY_TARGET_URL"],
            env["ZIGGEO_PARITY_ENCODING"],
            events=env["ZIGGEO_PARITY_EVENTS"],
        ))
        print(client.webhooks.confirm(env["ZIGGEO_PARITY_WEBHOOK_ID"], env["ZIGGEO_PARITY_CODE"]))
        print(client.webhooks.delete(env["ZIGGEO_PARITY_TARGET_URL"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
