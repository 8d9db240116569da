"""Benchmark driver for the libziggeo Python binding (bindings/python).

The binding loads the C library from LIBZIGGEO_PATH unless a copy is bundled
inside the package. See harness.py for what the driver measures.
"""

from __future__ import annotations

import sys

import harness


class BindingCalls:
    def __init__(self, config: harness.Config) -> None:
        import libziggeo  # timed as part of loading the library

        self.client = libziggeo.Client(
            config.app_token,
            config.private_key,
            base_url=config.base_url,
            ca_bundle=config.ca_file,
            proxy_from_env=False,
        )
        self.webhooks = self.client.webhooks
        self.encoding = config.encoding
        self.events = config.events

    def create(self, target_url: str) -> str:
        return self.webhooks.create(target_url, self.encoding, events=self.events)

    def confirm(self, webhook_id: str, validation_code: str) -> str:
        return self.webhooks.confirm(webhook_id, validation_code)

    def delete(self, target_url: str) -> str:
        return self.webhooks.delete(target_url)


if __name__ == "__main__":
    sys.exit(harness.main("python", BindingCalls))
