"""The receiving side: :func:`parse_delivery` and the :class:`Delivery` it returns."""

from __future__ import annotations

import ctypes
import enum
import json
import weakref
from typing import Any

from . import _convert, _ffi
from ._ffi import lib
from ._handle import OwnedHandle
from .errors import check, invalid_argument


class DeliveryKind(enum.IntEnum):
    """The kind of a delivery (``ZiggeoDeliveryKind``)."""

    PING = 1
    """The reachability ping after create; respond to it with HTTP 200."""
    VALIDATION = 2
    """The validation call; respond 200 and pass it to ``webhooks.confirm_delivery``."""
    EVENT = 3
    """An event such as ``video_ready``."""


class Delivery:
    """A parsed webhook delivery; build one with :func:`parse_delivery`.

    Attributes:
        kind: the :class:`DeliveryKind`.
        event_type: the event type of an event, such as ``"video_ready"``, else None.
        webhook_id: the webhook id of a validation call, else None.
        validation_code: the validation code of a validation call, as the
            digits that were sent (``"012345"`` keeps its zero), else None.
        data: the whole delivery as one dict, the same for every encoding
            except that form values are strings. An event's payload is
            ``data["data"]``, such as ``data["data"]["video"]["token"]``.

    The attributes are copies. The object also owns the parsed C delivery,
    which :meth:`Client.webhooks.confirm_delivery` uses; it is freed by
    :meth:`close`, a ``with`` block, or a finaliser. Thread-safe.
    """

    def __init__(self, pointer: _ffi.DeliveryPtr) -> None:
        """Take ownership of ``pointer``, freeing it if reading its fields fails."""
        try:
            self.kind = DeliveryKind(lib.ziggeo_delivery_kind(pointer))
            self.event_type = _ffi.borrowed_text(lib.ziggeo_delivery_event_type(pointer))
            self.webhook_id = _ffi.borrowed_text(lib.ziggeo_delivery_webhook_id(pointer))
            self.validation_code = _ffi.borrowed_text(lib.ziggeo_delivery_validation_code(pointer))

            document = ctypes.c_void_p()
            check(lib.ziggeo_delivery_json, pointer, ctypes.byref(document))
            self.data: dict[str, Any] = json.loads(_ffi.take_string(document))
        except BaseException:
            lib.ziggeo_delivery_free(pointer)
            raise

        self._handle = OwnedHandle(pointer, lib.ziggeo_delivery_free, "delivery")
        self._finalizer = weakref.finalize(self, self._handle.close)

    def close(self) -> None:
        """Free the C delivery; the attributes stay readable. Idempotent."""
        self._handle.close()
        self._finalizer.detach()

    def __enter__(self) -> Delivery:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"<libziggeo.Delivery kind={self.kind.name} event_type={self.event_type!r} "
            f"webhook_id={self.webhook_id!r} validation_code={self.validation_code!r}>"
        )


def parse_delivery(body: bytes | bytearray | memoryview | str, content_type: str | None = None) -> Delivery:
    """Parse the body of a request Ziggeo POSTed to a webhook's target URL.

    Args:
        body: the request body; a str is encoded as UTF-8.
        content_type: the request's Content-Type header, or None when absent.
            Case and parameters such as ``; charset=UTF-8`` do not matter.

    Raises:
        InvalidDeliveryError: the body is not a delivery (also a ValueError).
        InvalidArgumentError: ``body`` or ``content_type`` has the wrong type.

    Thread-safe.
    """
    if isinstance(body, str):
        body = body.encode("utf-8")
    elif isinstance(body, (bytearray, memoryview)):
        body = bytes(body)
    elif not isinstance(body, bytes):
        raise invalid_argument("body", f"expected bytes or str, got {type(body).__name__}")
    content_type_arg = _convert.optional_c_string(content_type, "content_type")

    pointer = _ffi.DeliveryPtr()
    check(lib.ziggeo_delivery_parse, content_type_arg, body, len(body), ctypes.byref(pointer))
    return Delivery(pointer)
