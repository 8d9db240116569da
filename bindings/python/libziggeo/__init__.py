"""libziggeo: the Ziggeo server API's webhook calls, over the libziggeo C library.

Example::

    import libziggeo

    with libziggeo.Client("APP_TOKEN", "PRIVATE_KEY") as client:
        webhook_id = client.webhooks.create(
            "https://example.com/hook", "json", events=["video_ready"]
        )

This package converts types, maps errors and owns C handles; every behaviour
(argument checks, retries, parsing) lives in the C library.
"""

from __future__ import annotations

from ._ffi import lib as _lib
from .client import Client
from .delivery import Delivery, DeliveryKind, parse_delivery
from .errors import (
    DNSError,
    HTTPError,
    InternalError,
    InvalidArgumentError,
    InvalidDeliveryError,
    InvalidResponseError,
    Status,
    TLSError,
    ZiggeoConnectionError,
    ZiggeoError,
    ZiggeoTimeoutError,
)
from .webhooks import Webhooks

__version__ = "0.1.0"
"""The version of this Python package."""


def library_version() -> str:
    """Return the version of the loaded C library, such as ``"0.1.0"``."""
    return _lib.ziggeo_version().decode("ascii")


__all__ = [
    "Client",
    "DNSError",
    "Delivery",
    "DeliveryKind",
    "HTTPError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidDeliveryError",
    "InvalidResponseError",
    "Status",
    "TLSError",
    "Webhooks",
    "ZiggeoConnectionError",
    "ZiggeoError",
    "ZiggeoTimeoutError",
    "library_version",
    "parse_delivery",
]
