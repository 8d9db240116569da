"""The exceptions libziggeo raises, one class per ``ZiggeoStatus``.

Every exception derives from :class:`ZiggeoError`. Where a standard
exception fits, the class also derives from it, so ``except ValueError``,
``except TimeoutError`` and ``except ConnectionError`` work as expected. No
message, attribute or ``repr`` contains the private key: the core leaves it
out of every error.
"""

from __future__ import annotations

import ctypes
import enum

from . import _ffi
from ._ffi import lib


class Status(enum.IntEnum):
    """The ``ZiggeoStatus`` codes of the C ABI; the numbers never change."""

    OK = 0
    INVALID_ARGUMENT = 1
    HTTP = 2
    TIMEOUT = 3
    CONNECTION = 4
    DNS = 5
    TLS = 6
    INVALID_RESPONSE = 7
    INVALID_DELIVERY = 8
    INTERNAL = 9


class ZiggeoError(Exception):
    """A failed libziggeo call.

    Attributes:
        status: the :class:`Status` code.
        http_status: the HTTP status of an :class:`HTTPError`, else None.
        body: the response body of an :class:`HTTPError` (at most 64 KiB), else None.
        outcome_unknown: True when the request may have reached the server and
            taken effect, so a create may have registered the webhook.
    """

    def __init__(
        self,
        message: str,
        *,
        status: Status,
        http_status: int | None = None,
        body: str | None = None,
        outcome_unknown: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.http_status = http_status
        self.body = body
        self.outcome_unknown = outcome_unknown

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, status={self.status.name}, "
            f"http_status={self.http_status!r}, body={self.body!r})"
        )


class InvalidArgumentError(ZiggeoError, ValueError):
    """An argument was missing or invalid; nothing was sent."""


class HTTPError(ZiggeoError):
    """The server responded with a status outside 2xx; see ``http_status`` and ``body``."""


class ZiggeoTimeoutError(ZiggeoError, TimeoutError):
    """The call did not finish within its timeout.

    Named so that it does not shadow the built-in ``TimeoutError``, from which it derives.
    """


class ZiggeoConnectionError(ZiggeoError, ConnectionError):
    """The connection could not be made or broke during the exchange.

    Named so that it does not shadow the built-in ``ConnectionError``, from which it derives.
    """


class DNSError(ZiggeoConnectionError):
    """A host name could not be resolved."""


class TLSError(ZiggeoConnectionError):
    """The TLS handshake failed, for example on an untrusted certificate."""


class InvalidResponseError(ZiggeoError):
    """The server's response was not usable HTTP, or too large."""


class InvalidDeliveryError(ZiggeoError, ValueError):
    """A webhook delivery body could not be parsed."""


class InternalError(ZiggeoError):
    """A bug in libziggeo, such as a caught panic; please report it."""


_CLASSES: dict[Status, type[ZiggeoError]] = {
    Status.INVALID_ARGUMENT: InvalidArgumentError,
    Status.HTTP: HTTPError,
    Status.TIMEOUT: ZiggeoTimeoutError,
    Status.CONNECTION: ZiggeoConnectionError,
    Status.DNS: DNSError,
    Status.TLS: TLSError,
    Status.INVALID_RESPONSE: InvalidResponseError,
    Status.INVALID_DELIVERY: InvalidDeliveryError,
    Status.INTERNAL: InternalError,
}


def _status(code: int) -> Status:
    try:
        return Status(code)
    except ValueError:
        return Status.INTERNAL


def error_from_status(code: int, error: _ffi.ErrorPtr) -> ZiggeoError:
    """Build the exception for a failed call and free the error object.

    ``error`` may be NULL (the core could not allocate it); the exception is
    then built from the status code alone.
    """
    status = _status(code)
    try:
        if not error:
            message = _ffi.borrowed_text(lib.ziggeo_status_message(code)) or "unknown status"
            return _CLASSES[status](message, status=status)

        http_status = lib.ziggeo_error_http_status(error)
        return _CLASSES.get(status, InternalError)(
            _ffi.borrowed_text(lib.ziggeo_error_message(error)) or "",
            status=status,
            http_status=http_status or None,
            body=_ffi.borrowed_text(lib.ziggeo_error_body(error)),
            outcome_unknown=bool(lib.ziggeo_error_outcome_unknown(error)),
        )
    finally:
        lib.ziggeo_error_free(error)


def check(call, *args) -> None:
    """Call a fallible C function with ``*args`` plus an error out-parameter.

    Raises the matching :class:`ZiggeoError` subclass when the status is not OK.
    """
    error = _ffi.ErrorPtr()
    code = call(*args, ctypes.byref(error))
    if code != Status.OK:
        raise error_from_status(code, error)


def invalid_argument(parameter: str, reason: str) -> InvalidArgumentError:
    """Build the error for a value that cannot be passed to C at all."""
    return InvalidArgumentError(f"invalid {parameter}: {reason}", status=Status.INVALID_ARGUMENT)
