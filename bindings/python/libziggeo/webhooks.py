"""The webhook calls of the Ziggeo server API: create, confirm and delete."""

from __future__ import annotations

import asyncio
import ctypes
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import _convert, _ffi
from ._ffi import lib
from .errors import check, invalid_argument

if TYPE_CHECKING:
    from .client import Client
    from .delivery import Delivery


class Webhooks:
    """The webhook calls of one :class:`Client`, as ``client.webhooks``.

    Each call blocks until the server responds, releasing the GIL meanwhile,
    and returns the response body as str. Each ``*_async`` variant runs the
    same call on a worker thread (``asyncio.to_thread``), so the event loop
    keeps running. All methods are thread-safe.

    Every call raises a :class:`~libziggeo.ZiggeoError` subclass on failure:
    InvalidArgumentError (nothing sent), HTTPError (with ``http_status`` and
    ``body``), ZiggeoTimeoutError, ZiggeoConnectionError, DNSError, TLSError,
    InvalidResponseError or InternalError.
    """

    def __init__(self, client: Client) -> None:
        # A reference to the client, not to its handle, keeps the client
        # alive (and its finaliser from running) while this object is in use.
        self._client = client

    def create(
        self,
        target_url: str,
        encoding: str | None = None,
        *,
        events: str | Iterable[str],
    ) -> str:
        """Register a webhook and return the response body, the webhook id.

        Args:
            target_url: the absolute http(s) URL Ziggeo will POST to, sent byte for byte.
            encoding: ``"json"``, ``"jsonheader"``, ``"form"``, or None for the server's default.
            events: event names as a comma-separated str or an iterable of str,
                such as ``["video_ready", "video_delete"]``.

        A create is never sent twice once it may have reached the server. When
        a failure leaves that open, the exception's ``outcome_unknown`` is True
        and the webhook may exist.
        """
        target_url_arg = _convert.c_string(target_url, "target_url")
        encoding_arg = _convert.optional_c_string(encoding, "encoding")
        events_arg = _convert.c_string(_join_events(events), "events")
        with self._client._handle.borrow() as client:
            return _call_returning_body(lib.ziggeo_webhooks_create, client, target_url_arg, encoding_arg, events_arg)

    def confirm(self, webhook_id: str, validation_code: str) -> str:
        """Confirm a webhook with the validation code Ziggeo sent to its target URL.

        Both values are sent exactly as given, so ``"012345"`` keeps its zero.
        Returns the response body.
        """
        webhook_id_arg = _convert.c_string(webhook_id, "webhook_id")
        code_arg = _convert.c_string(validation_code, "validation_code")
        with self._client._handle.borrow() as client:
            return _call_returning_body(lib.ziggeo_webhooks_confirm, client, webhook_id_arg, code_arg)

    def delete(self, target_url: str) -> str:
        """Remove every webhook whose target URL is exactly ``target_url``; return the response body."""
        target_url_arg = _convert.c_string(target_url, "target_url")
        with self._client._handle.borrow() as client:
            return _call_returning_body(lib.ziggeo_webhooks_delete, client, target_url_arg)

    def confirm_delivery(self, delivery: Delivery) -> str:
        """Confirm the webhook named in a parsed validation delivery; return the response body.

        Raises InvalidArgumentError when the delivery is a ping or an event.
        """
        from .delivery import Delivery

        if not isinstance(delivery, Delivery):
            raise invalid_argument(
                "delivery", f"expected a Delivery from parse_delivery(), got {type(delivery).__name__}"
            )
        with self._client._handle.borrow() as client, delivery._handle.borrow() as parsed:
            return _call_returning_body(lib.ziggeo_webhooks_confirm_delivery, client, parsed)

    async def create_async(
        self,
        target_url: str,
        encoding: str | None = None,
        *,
        events: str | Iterable[str],
    ) -> str:
        """Run :meth:`create` on a worker thread."""
        return await asyncio.to_thread(self.create, target_url, encoding, events=events)

    async def confirm_async(self, webhook_id: str, validation_code: str) -> str:
        """Run :meth:`confirm` on a worker thread."""
        return await asyncio.to_thread(self.confirm, webhook_id, validation_code)

    async def delete_async(self, target_url: str) -> str:
        """Run :meth:`delete` on a worker thread."""
        return await asyncio.to_thread(self.delete, target_url)

    async def confirm_delivery_async(self, delivery: Delivery) -> str:
        """Run :meth:`confirm_delivery` on a worker thread."""
        return await asyncio.to_thread(self.confirm_delivery, delivery)


def _join_events(events: object) -> object:
    """Join an iterable of event names with commas; a str passes through unchanged."""
    if isinstance(events, str) or events is None:
        return events
    if isinstance(events, (bytes, bytearray)):
        return events  # rejected with a clear message by c_string
    try:
        names = list(events)  # type: ignore[call-overload]
    except TypeError:
        return events
    for name in names:
        if not isinstance(name, str):
            raise invalid_argument("events", f"expected str event names, got {type(name).__name__} {name!r}")
    return ",".join(names)


def _call_returning_body(call, *args) -> str:
    body = ctypes.c_void_p()
    check(call, *args, ctypes.byref(body))
    return _ffi.take_string(body)
