"""The :class:`Client`: one application's connection to the Ziggeo server API."""

from __future__ import annotations

import ctypes
import os
import weakref
from types import TracebackType

from . import _convert, _ffi
from ._ffi import lib
from ._handle import OwnedHandle
from .errors import check
from .webhooks import Webhooks


class Client:
    """A client of the Ziggeo server API for one application.

    Args:
        app_token: the application token.
        private_key: the private key; it is handed to the core and is never
            part of ``repr``, an error or a log line.
        base_url: the API's base URL, such as the sandbox's
            ``http://127.0.0.1:PORT``; by default the token's region decides.
        timeout: limit on a whole call, retries included, in seconds.
        connect_timeout: limit on connecting, TLS included, in seconds.
        max_retries: how often a failed attempt may be repeated where that
            cannot duplicate work; None keeps the core's default (3).
        user_agent: the User-Agent header; None keeps ``libziggeo/VERSION``.
        ca_bundle: a PEM file of CA certificates trusted besides the system's.
        proxy_from_env: honour HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY.

    Raises:
        InvalidArgumentError: an argument is invalid; nothing is sent.

    The client owns a C handle. Close it with :meth:`close` or a ``with``
    block; a finaliser frees it if neither happens. One client may be shared
    by many threads, and blocking calls release the GIL. Closing while calls
    are in flight rejects new calls and frees the handle when the last
    running call returns.
    """

    def __init__(
        self,
        app_token: str,
        private_key: str,
        *,
        base_url: str | None = None,
        timeout: float = 60.0,
        connect_timeout: float = 10.0,
        max_retries: int | None = None,
        user_agent: str | None = None,
        ca_bundle: str | os.PathLike[str] | None = None,
        proxy_from_env: bool = True,
    ) -> None:
        token_arg = _convert.c_string(app_token, "app_token")
        key_arg = _convert.c_string(private_key, "private_key")

        options = lib.ziggeo_options_new()
        try:
            _set_options(
                options,
                base_url=base_url,
                timeout=timeout,
                connect_timeout=connect_timeout,
                max_retries=max_retries,
                user_agent=user_agent,
                ca_bundle=ca_bundle,
                proxy_from_env=proxy_from_env,
            )
            pointer = _ffi.ClientPtr()
            check(lib.ziggeo_client_new, token_arg, key_arg, options, ctypes.byref(pointer))
        finally:
            lib.ziggeo_options_free(options)

        self._app_token = app_token
        self._base_url = base_url
        self._handle = OwnedHandle(pointer, lib.ziggeo_client_free, "client")
        self._finalizer = weakref.finalize(self, self._handle.close)

    @property
    def webhooks(self) -> Webhooks:
        """The webhook calls: create, confirm, delete and confirm_delivery."""
        return Webhooks(self)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._handle.closed

    def close(self) -> None:
        """Free the C client; calling it again does nothing."""
        self._handle.close()
        self._finalizer.detach()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<libziggeo.Client app_token={self._app_token!r} base_url={self._base_url!r} {state}>"


def _set_options(
    options: _ffi.OptionsPtr,
    *,
    base_url: str | None,
    timeout: float,
    connect_timeout: float,
    max_retries: int | None,
    user_agent: str | None,
    ca_bundle: str | os.PathLike[str] | None,
    proxy_from_env: bool,
) -> None:
    if base_url is not None:
        check(lib.ziggeo_options_set_base_url, options, _convert.c_string(base_url, "base_url"))
    check(lib.ziggeo_options_set_timeout_ms, options, _convert.milliseconds(timeout, "timeout"))
    check(
        lib.ziggeo_options_set_connect_timeout_ms,
        options,
        _convert.milliseconds(connect_timeout, "connect_timeout"),
    )
    if max_retries is not None:
        check(lib.ziggeo_options_set_max_retries, options, _convert.count(max_retries, "max_retries"))
    if user_agent is not None:
        check(lib.ziggeo_options_set_user_agent, options, _convert.c_string(user_agent, "user_agent"))
    if ca_bundle is not None:
        path = os.fspath(ca_bundle)
        check(lib.ziggeo_options_set_ca_bundle, options, _convert.c_string(path, "ca_bundle"))
    check(lib.ziggeo_options_set_proxy_from_env, options, bool(proxy_from_env))
