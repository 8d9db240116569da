"""The three webhook calls against the sandbox, with their success and error answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import libziggeo
from conftest import APP_TOKEN, PRIVATE_KEY

WEBHOOK_ID = re.compile(r"^[0-9a-f]{32}$")


def validation_code_of(receiver) -> tuple[str, str]:
    """Return the webhook id and validation code from the receiver's handshake."""
    ping = libziggeo.parse_delivery(receiver.next().body, None)
    assert ping.kind is libziggeo.DeliveryKind.PING
    validation = receiver.next()
    parsed = libziggeo.parse_delivery(validation.body, validation.content_type)
    return parsed.webhook_id, parsed.validation_code


def test_create_returns_webhook_id(client, sandbox, receiver):
    webhook_id = client.webhooks.create(receiver.url + "/hook", "json", events="video_ready,video_delete")

    assert WEBHOOK_ID.match(webhook_id)
    stored = sandbox.webhooks()
    assert [webhook["id"] for webhook in stored] == [webhook_id]
    assert stored[0]["target_url"] == receiver.url + "/hook"


def test_create_takes_event_iterable(client, sandbox, receiver):
    client.webhooks.create(receiver.url, events=("video_ready", "video_failed"))

    assert sandbox.webhooks()[0]["events"] == ["video_ready", "video_failed"]


def test_create_then_confirm(client, sandbox, receiver):
    webhook_id = client.webhooks.create(receiver.url, "json", events="video_ready")
    delivered_id, code = validation_code_of(receiver)

    body = client.webhooks.confirm(webhook_id, code)

    assert delivered_id == webhook_id
    assert body == "true"
    assert sandbox.webhooks()[0]["confirmed"] is True


def test_delete_returns_null(client, sandbox, receiver):
    client.webhooks.create(receiver.url, events="video_ready")

    body = client.webhooks.delete(receiver.url)

    assert body == "null"
    assert sandbox.webhooks() == []


def test_create_unknown_event_is_400(client, receiver):
    with pytest.raises(libziggeo.HTTPError) as caught:
        client.webhooks.create(receiver.url, events="video_no_such_event")

    assert caught.value.http_status == 400
    assert caught.value.status is libziggeo.Status.HTTP
    assert "video_no_such_event" in caught.value.body
    assert "400" in str(caught.value)


def test_wrong_private_key_is_401(sandbox, receiver):
    with libziggeo.Client(APP_TOKEN, "not-the-key", base_url=sandbox.base_url) as client:
        with pytest.raises(libziggeo.HTTPError) as caught:
            client.webhooks.create(receiver.url, events="video_ready")

    assert caught.value.http_status == 401
    assert caught.value.body
    assert "not-the-key" not in str(caught.value)
    assert "not-the-key" not in repr(caught.value)


def test_confirm_unknown_webhook_is_404(client):
    with pytest.raises(libziggeo.HTTPError) as caught:
        client.webhooks.confirm("0" * 32, "123456")

    assert caught.value.http_status == 404
    assert caught.value.body


def test_confirm_wrong_code_is_400(client, receiver):
    webhook_id = client.webhooks.create(receiver.url, events="video_ready")
    _, code = validation_code_of(receiver)
    wrong = "000000" if code != "000000" else "111111"

    with pytest.raises(libziggeo.HTTPError) as caught:
        client.webhooks.confirm(webhook_id, wrong)

    assert caught.value.http_status == 400
    assert caught.value.body


def test_delete_unknown_url_is_404(client):
    with pytest.raises(libziggeo.HTTPError) as caught:
        client.webhooks.delete("http://127.0.0.1:1/never-registered")

    assert caught.value.http_status == 404
    assert caught.value.body


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda hooks: hooks.create("not a url", events="video_ready"), "target_url"),
        (lambda hooks: hooks.create("http://127.0.0.1:1/", events="Video Ready"), "events"),
        (lambda hooks: hooks.create("http://127.0.0.1:1/", events=[1, 2]), "events"),
        (lambda hooks: hooks.create("http://127.0.0.1:1/", "xml", events="video_ready"), "encoding"),
        (lambda hooks: hooks.create("http://127.0.0.1:1/\0", events="video_ready"), "target_url"),
        (lambda hooks: hooks.confirm("", "123456"), "webhook_id"),
        (lambda hooks: hooks.confirm("abc", None), "validation_code"),
        (lambda hooks: hooks.delete(b"http://127.0.0.1:1/"), "target_url"),
    ],
)
def test_invalid_argument_sends_nothing(client, sandbox, call, parameter):
    before = sandbox.request_count()

    with pytest.raises(libziggeo.InvalidArgumentError) as caught:
        call(client.webhooks)

    assert isinstance(caught.value, ValueError)
    assert caught.value.status is libziggeo.Status.INVALID_ARGUMENT
    assert parameter in str(caught.value)
    assert sandbox.request_count() == before


@pytest.mark.parametrize(
    ("options", "parameter"),
    [
        ({"base_url": "ftp://127.0.0.1"}, "base_url"),
        ({"timeout": -1}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": 0}, "timeout"),
        ({"connect_timeout": "10"}, "connect_timeout"),
        ({"max_retries": -1}, "max_retries"),
        ({"user_agent": "bad\nagent"}, "user_agent"),
        ({"ca_bundle": "/nonexistent/ca.pem"}, "ca_bundle"),
    ],
)
def test_client_rejects_invalid_option(options, parameter):
    with pytest.raises(libziggeo.InvalidArgumentError) as caught:
        libziggeo.Client(APP_TOKEN, PRIVATE_KEY, **options)

    assert parameter in str(caught.value)


def test_client_rejects_empty_token():
    with pytest.raises(libziggeo.InvalidArgumentError) as caught:
        libziggeo.Client("", PRIVATE_KEY)

    assert "app_token" in str(caught.value)


def test_client_options_are_used(sandbox, receiver):
    with libziggeo.Client(
        APP_TOKEN,
        PRIVATE_KEY,
        base_url=sandbox.base_url,
        timeout=5,
        connect_timeout=1.5,
        max_retries=0,
        user_agent="binding-test/1.0",
        proxy_from_env=False,
    ) as client:
        assert WEBHOOK_ID.match(client.webhooks.create(receiver.url, events="video_ready"))


def test_close_is_idempotent(sandbox):
    client = libziggeo.Client(APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url)

    client.close()
    client.close()

    assert client.closed


def test_closed_client_raises(sandbox):
    with libziggeo.Client(APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url) as client:
        webhooks = client.webhooks
    before = sandbox.request_count()

    with pytest.raises(libziggeo.InvalidArgumentError, match="closed"):
        webhooks.delete("http://127.0.0.1:1/")

    assert sandbox.request_count() == before


def test_repr_hides_private_key(client):
    assert PRIVATE_KEY not in repr(client)
    assert APP_TOKEN in repr(client)
    assert PRIVATE_KEY not in str(vars(client))


def test_library_version_matches_header():
    header = (Path(__file__).resolve().parents[3] / "include" / "ziggeo.h").read_text()
    expected = re.search(r'#define ZIGGEO_VERSION_STRING "([^"]+)"', header).group(1)

    assert libziggeo.library_version() == expected
