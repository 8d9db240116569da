#!/usr/bin/env python3
"""Make the three webhook calls with the official ``ziggeo`` Python SDK (2.30).

Reads the base URL and the parity arguments from the environment, as every
parity client does (see README.md): ZIGGEO_PARITY_BASE_URL, _TOKEN, _KEY,
_TARGET_URL, _ENCODING, _EVENTS, _WEBHOOK_ID and _CODE. The SDK has no
base-URL option, so its server-API connection is replaced by one aimed at
ZIGGEO_PARITY_BASE_URL. Run it with the Python that has ``ziggeo==2.30``.
"""

from __future__ import annotations

import os
import sys

from Ziggeo import Ziggeo  # the SDK installs top-level modules, not a package
from ZiggeoConnect import ZiggeoConnect


def main() -> int:
    env = os.environ
    ziggeo = Ziggeo(env["ZIGGEO_PARITY_TOKEN"], env["ZIGGEO_PARITY_KEY"])
    ziggeo.connect = ZiggeoConnect(ziggeo, env["ZIGGEO_PARITY_BASE_URL"])
    webhooks = ziggeo.webhooks()

    # The SDK returns the body on success and a pseudo-JSON string on failure.
    print(webhooks.create({
        "target_url": env["ZIGGEO_PARITY_TARGET_URL"],
        "encoding": env["ZIGGEO_PARITY_ENCODING"],
        "events": env["ZIGGEO_PARITY_EVENTS"],
    }))
    print(webhooks.confirm({
        "webhook_id": env["ZIGGEO_PARITY_WEBHOOK_ID"],
        "validation_code": env["ZIGGEO_PARITY_CODE"],
    }))
    print(webhooks.delete({"target_url": env["ZIGGEO_PARITY_TARGET_URL"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
