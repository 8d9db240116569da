"""Drop-in for the webhook calls of the official ``ziggeo`` Python SDK (2.30).

Code that used the official SDK for webhooks switches by changing one import::

    # from Ziggeo import Ziggeo
    from libziggeo.compat import Ziggeo

    ziggeo = Ziggeo("APP_TOKEN", "PRIVATE_KEY")
    ziggeo.webhooks().create({"target_url": url, "encoding": "json", "events": "video_ready"})

The calls take the SDK's dict arguments and return the response body as
str, as the SDK does on success. Unlike the SDK, a failure raises a
:class:`libziggeo.ZiggeoError` instead of returning a hand-built
``{"code": ..., "msg": ...}`` string, and only webhooks are offered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .client import Client
from .errors import invalid_argument


class ZiggeoWebhooks:
    """The SDK's ``ZiggeoWebhooks``: ``create``, ``confirm`` and ``delete`` taking one dict."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def create(self, data: Mapping[str, Any] | None = None) -> str:
        """Register a webhook from ``{"target_url", "encoding", "events"}``; return the webhook id."""
        fields = _fields(data, ("target_url", "encoding", "events"))
        return self._client.webhooks.create(
            fields.get("target_url"), fields.get("encoding"), events=fields.get("events")
        )

    def confirm(self, data: Mapping[str, Any] | None = None) -> str:
        """Confirm a webhook from ``{"webhook_id", "validation_code"}``; return the response body."""
        fields = _fields(data, ("webhook_id", "validation_code"))
        return self._client.webhooks.confirm(fields.get("webhook_id"), _text(fields.get("validation_code")))

    def delete(self, data: Mapping[str, Any] | None = None) -> str:
        """Remove the webhooks of ``{"target_url"}``; return the response body."""
        fields = _fields(data, ("target_url",))
        return self._client.webhooks.delete(fields.get("target_url"))


class Ziggeo:
    """The SDK's ``Ziggeo`` application object, limited to ``webhooks()``.

    ``base_url`` and the other keyword arguments of :class:`libziggeo.Client`
    may be passed after the SDK's three positional arguments. The SDK's
    ``encryption_key`` is accepted and unused, as the webhook calls do not
    use it. Call :meth:`close`, or let the finaliser free the client.
    """

    def __init__(self, token: str, private_key: str, encryption_key: str | None = None, **options: Any) -> None:
        self.token = token
        self.encryption_key = encryption_key
        self.client = Client(token, private_key, **options)
        self._webhooks = ZiggeoWebhooks(self.client)

    def webhooks(self) -> ZiggeoWebhooks:
        """Return the webhook calls, as the SDK's ``Ziggeo.webhooks()`` does."""
        return self._webhooks

    def close(self) -> None:
        """Free the underlying client; idempotent."""
        self.client.close()

    def __repr__(self) -> str:
        return f"<libziggeo.compat.Ziggeo token={self.token!r}>"


def _fields(data: Mapping[str, Any] | None, known: tuple[str, ...]) -> Mapping[str, Any]:
    """Check the SDK-style dict. An unknown key, such as a misspelt
    ``"encodng"``, is rejected: the SDK would send it on, and the server
    would then quietly apply its default."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise invalid_argument("data", f"expected a dict of form fields, got {type(data).__name__}")
    for key in data:
        if key not in known:
            raise invalid_argument("data", f"unknown field {key!r}; this call takes {', '.join(known)}")
    return data


def _text(value: Any) -> Any:
    """Pass an int validation code as its decimal text, as the SDK's urlencode does."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value
