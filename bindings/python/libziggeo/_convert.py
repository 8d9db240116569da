"""Conversions of Python values to C arguments, raising InvalidArgumentError on values C cannot carry."""

from __future__ import annotations

import math

from .errors import invalid_argument

_UINT32_MAX = 2**32 - 1
_UINT64_MAX = 2**64 - 1


def c_string(value: object, parameter: str) -> bytes:
    """Encode a str as NUL-terminated UTF-8.

    A NUL character would silently cut the string in C, so it is rejected.
    """
    if value is None:
        raise invalid_argument(parameter, "it is missing; pass a str")
    if not isinstance(value, str):
        raise invalid_argument(parameter, f"expected str, got {type(value).__name__}; pass text")
    if "\0" in value:
        raise invalid_argument(parameter, "it contains a NUL character; remove it")
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise invalid_argument(
            parameter, f"it contains a lone surrogate at index {error.start}; pass valid Unicode text"
        ) from None


def optional_c_string(value: object, parameter: str) -> bytes | None:
    """Encode like :func:`c_string`, passing None through as NULL."""
    return None if value is None else c_string(value, parameter)


def milliseconds(seconds: object, parameter: str) -> int:
    """Convert a positive number of seconds to whole milliseconds, rounded up.

    Rounding up keeps a small positive timeout positive; zero stays zero and
    is rejected by the core.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise invalid_argument(parameter, f"expected a number of seconds, got {type(seconds).__name__}")
    if math.isnan(seconds) or seconds < 0 or math.isinf(seconds):
        raise invalid_argument(parameter, f"{seconds!r} is not a finite number of seconds >= 0")
    value = math.ceil(seconds * 1000)
    if value > _UINT64_MAX:
        raise invalid_argument(parameter, f"{seconds!r} seconds is too large")
    return value


def count(value: object, parameter: str) -> int:
    """Check an unsigned 32-bit count."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_argument(parameter, f"expected int, got {type(value).__name__}")
    if not 0 <= value <= _UINT32_MAX:
        raise invalid_argument(parameter, f"{value} is outside 0..{_UINT32_MAX}")
    return value
