"""Benchmark driver for the official Ziggeo Python SDK (PyPI ``ziggeo`` 2.30).

The SDK has no base-URL option, so its server-API connection is replaced by
one aimed at ZIGGEO_BENCH_BASE_URL. It opens a new connection for every call
(urllib) and trusts the CA file in SSL_CERT_FILE, which the harness sets.
The SDK returns a pseudo-JSON string instead of raising on an HTTP error,
which the harness's body check catches. See harness.py for what the driver
measures.
"""

from __future__ import annotations

import sys

import harness


class OfficialCalls:
    def __init__(self, config: harness.Config) -> None:
        # Timed as part of loading the library; the SDK installs top-level modules.
        from Ziggeo import Ziggeo
        from ZiggeoConnect import ZiggeoConnect

        ziggeo = Ziggeo(config.app_token, config.private_key)
        ziggeo.connect = ZiggeoConnect(ziggeo, config.base_url)
        self.webhooks = ziggeo.webhooks()
        self.encoding = config.encoding
        self.events = config.events

    def create(self, target_url: str) -> str:
        return self.webhooks.create({"target_url": target_url, "encoding": self.encoding, "events": self.events})

    def confirm(self, webhook_id: str, validation_code: str) -> str:
        return self.webhooks.confirm({"webhook_id": webhook_id, "validation_code": validation_code})

    def delete(self, target_url: str) -> str:
        return self.webhooks.delete({"target_url": target_url})


if __name__ == "__main__":
    sys.exit(harness.main("python-official", OfficialCalls))
