"""The drop-in for the official Python SDK's webhook calls."""

from __future__ import annotations

import pytest

import libziggeo
from conftest import APP_TOKEN, PRIVATE_KEY
from libziggeo.compat import Ziggeo


@pytest.fixture
def ziggeo(sandbox):
    application = Ziggeo(APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url)
    yield application
    application.close()


def test_compat_create_confirm_delete(ziggeo, sandbox, receiver):
    webhooks = ziggeo.webhooks()

    webhook_id = webhooks.create({"target_url": receiver.url, "encoding": "form", "events": "video_ready"})
    receiver.next()
    request = receiver.next()
    code = libziggeo.parse_delivery(request.body, request.content_type).validation_code
    confirmed = webhooks.confirm({"webhook_id": webhook_id, "validation_code": int(code)})
    deleted = webhooks.delete({"target_url": receiver.url})

    assert len(webhook_id) == 32
    assert confirmed == "true"
    assert deleted == "null"
    assert sandbox.webhooks() == []


def test_compat_webhooks_is_cached(ziggeo):
    assert ziggeo.webhooks() is ziggeo.webhooks()


def test_compat_http_error_raises(ziggeo):
    with pytest.raises(libziggeo.HTTPError) as caught:
        ziggeo.webhooks().delete({"target_url": "http://127.0.0.1:1/unknown"})

    assert caught.value.http_status == 404


def test_compat_missing_field_raises(ziggeo, sandbox):
    before = sandbox.request_count()

    with pytest.raises(libziggeo.InvalidArgumentError, match="events"):
        ziggeo.webhooks().create({"target_url": "http://127.0.0.1:1/"})

    assert sandbox.request_count() == before


def test_compat_rejects_unknown_field(ziggeo, sandbox):
    before = sandbox.request_count()

    with pytest.raises(libziggeo.InvalidArgumentError, match="encodng"):
        ziggeo.webhooks().create({"target_url": "http://127.0.0.1:1/", "encodng": "form", "events": "video_ready"})

    assert sandbox.request_count() == before


def test_compat_rejects_non_dict(ziggeo):
    with pytest.raises(libziggeo.InvalidArgumentError, match="dict"):
        ziggeo.webhooks().confirm(["webhook_id", "abc"])


def test_compat_accepts_encryption_key(sandbox):
    application = Ziggeo(APP_TOKEN, PRIVATE_KEY, "encryption", base_url=sandbox.base_url)

    assert application.encryption_key == "encryption"
    assert PRIVATE_KEY not in repr(application)
    application.close()
    application.close()
