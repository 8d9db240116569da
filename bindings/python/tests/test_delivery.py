"""parse_delivery on real deliveries from the sandbox, in every encoding."""

from __future__ import annotations

import pytest

import libziggeo

ENCODINGS = ["json", "jsonheader", "form"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_handshake_parses_and_confirms(client, sandbox, receiver, encoding):
    webhook_id = client.webhooks.create(receiver.url + "/hook", encoding, events="video_ready")

    ping_request = receiver.next()
    ping = libziggeo.parse_delivery(ping_request.body, ping_request.content_type)
    validation_request = receiver.next()
    validation = libziggeo.parse_delivery(validation_request.body, validation_request.content_type)

    assert ping.kind is libziggeo.DeliveryKind.PING
    assert ping.webhook_id is None
    assert validation.kind is libziggeo.DeliveryKind.VALIDATION
    assert validation.webhook_id == webhook_id
    assert validation.validation_code.isdigit()
    assert len(validation.validation_code) == 6
    assert client.webhooks.confirm_delivery(validation) == "true"
    assert sandbox.webhooks()[0]["confirmed"] is True


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_event_parses(client, sandbox, receiver, encoding):
    client.webhooks.create(receiver.url, encoding, events="video_ready")
    receiver.next()
    validation = receiver.next()
    client.webhooks.confirm_delivery(libziggeo.parse_delivery(validation.body, validation.content_type))

    sandbox.admin(
        "POST",
        "/_sandbox/events",
        {"event_type": "video_ready", "data": {"video": {"token": "vid123", "duration": 4}}},
    )
    event_request = receiver.next()
    event = libziggeo.parse_delivery(event_request.body, event_request.content_type)

    assert event.kind is libziggeo.DeliveryKind.EVENT
    assert event.event_type == "video_ready"
    assert event.validation_code is None
    assert event.data["event_type"] == "video_ready"
    assert event.data["data"]["video"]["token"] == "vid123"


def test_validation_code_keeps_leading_zero():
    delivery = libziggeo.parse_delivery(
        '{"ziggeo_validation": true, "validation_code": "012345", "webhook_id": "abc"}',
        "application/json",
    )

    assert delivery.validation_code == "012345"
    assert delivery.webhook_id == "abc"


def test_form_body_nests_php_keys():
    delivery = libziggeo.parse_delivery(
        b"event_type=video_ready&data%5Bvideo%5D%5Btoken%5D=abc",
        "application/x-www-form-urlencoded; charset=UTF-8",
    )

    assert delivery.data == {"event_type": "video_ready", "data": {"video": {"token": "abc"}}}


def test_bytearray_and_memoryview_accepted():
    body = b'{"event_type": "video_delete", "data": {}}'

    for value in (bytearray(body), memoryview(body)):
        assert libziggeo.parse_delivery(value).event_type == "video_delete"


@pytest.mark.parametrize("body", [b"", b"{", b"not a delivery", b'{"event_type": 5}', b"\xff\xfe"])
def test_invalid_body_raises(body):
    with pytest.raises(libziggeo.InvalidDeliveryError) as caught:
        libziggeo.parse_delivery(body, "application/json" if body.startswith(b"{") else None)

    assert isinstance(caught.value, ValueError)
    assert caught.value.status is libziggeo.Status.INVALID_DELIVERY
    assert "invalid webhook delivery" in str(caught.value)


def test_wrong_body_type_raises():
    with pytest.raises(libziggeo.InvalidArgumentError, match="body"):
        libziggeo.parse_delivery(12345)


def test_confirm_delivery_rejects_event(client, sandbox):
    event = libziggeo.parse_delivery(b'{"event_type": "video_ready", "data": {}}', "application/json")
    before = sandbox.request_count()

    with pytest.raises(libziggeo.InvalidArgumentError, match="delivery"):
        client.webhooks.confirm_delivery(event)

    assert sandbox.request_count() == before


def test_confirm_delivery_rejects_closed_delivery(client):
    delivery = libziggeo.parse_delivery(
        b'{"ziggeo_validation": true, "validation_code": 123456, "webhook_id": "abc"}'
    )
    delivery.close()
    delivery.close()

    with pytest.raises(libziggeo.InvalidArgumentError, match="closed"):
        client.webhooks.confirm_delivery(delivery)
    assert delivery.validation_code == "123456"


def test_confirm_delivery_rejects_other_types(client):
    with pytest.raises(libziggeo.InvalidArgumentError, match="Delivery"):
        client.webhooks.confirm_delivery({"webhook_id": "abc"})
