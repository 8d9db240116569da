"""Ownership of one C handle: borrowed by calls, freed exactly once.

A C handle must not be freed while another thread still uses it. An
:class:`OwnedHandle` counts the calls in flight. ``close()`` marks the handle
closed at once, so new calls are rejected, and the handle is freed when the
last call in flight returns. ``close()`` may be called any number of times.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from .errors import invalid_argument


class OwnedHandle:
    """One C handle and its free function; thread-safe."""

    def __init__(self, pointer: Any, free: Callable[[Any], None], kind: str) -> None:
        self._pointer = pointer
        self._free = free
        self._kind = kind
        self._lock = threading.Lock()
        self._in_flight = 0
        self._closed = False

    @property
    def closed(self) -> bool:
        """True once ``close()`` has been called or the handle was freed."""
        return self._closed

    @contextlib.contextmanager
    def borrow(self) -> Iterator[Any]:
        """Lend the pointer for one call.

        Raises:
            InvalidArgumentError: the handle is closed.
        """
        with self._lock:
            if self._closed:
                raise invalid_argument(self._kind, f"this {self._kind} is closed; create a new one")
            self._in_flight += 1
        try:
            yield self._pointer
        finally:
            with self._lock:
                self._in_flight -= 1
                free_now = self._closed and self._in_flight == 0 and self._pointer is not None
                pointer = self._take() if free_now else None
            if pointer is not None:
                self._free(pointer)

    def close(self) -> None:
        """Free the handle now, or after the last call in flight; idempotent."""
        with self._lock:
            self._closed = True
            pointer = self._take() if self._in_flight == 0 else None
        if pointer is not None:
            self._free(pointer)

    def _take(self) -> Any:
        pointer, self._pointer = self._pointer, None
        return pointer
