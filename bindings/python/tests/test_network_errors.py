"""Timeouts, broken connections and server errors, injected with sandbox faults."""

from __future__ import annotations

import time

import pytest

import libziggeo
from conftest import APP_TOKEN, PRIVATE_KEY


def test_create_times_out_on_delay(sandbox, receiver):
    sandbox.add_fault(path="/v1/api/hook", action="delay", delay_ms=2000)
    with libziggeo.Client(APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url, timeout=0.5) as client:
        started = time.monotonic()
        with pytest.raises(libziggeo.ZiggeoTimeoutError) as caught:
            client.webhooks.create(receiver.url, events="video_ready")
        elapsed = time.monotonic() - started

    assert isinstance(caught.value, TimeoutError)
    assert caught.value.status is libziggeo.Status.TIMEOUT
    assert caught.value.outcome_unknown is True
    assert caught.value.http_status is None
    assert elapsed < 1.9
    assert "timed out" in str(caught.value)


def test_dropped_connection_is_connection_error(sandbox):
    sandbox.add_fault(path="/v1/api/removehook", action="drop")
    with libziggeo.Client(
        APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url, timeout=5, max_retries=0
    ) as client:
        with pytest.raises(libziggeo.ZiggeoConnectionError) as caught:
            client.webhooks.delete("http://127.0.0.1:1/hook")

    assert isinstance(caught.value, ConnectionError)


def test_server_error_carries_status_and_body(sandbox):
    sandbox.add_fault(path="/v1/api/removehook", action="respond", status=500, body="storage is down")
    with libziggeo.Client(APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url, max_retries=0) as client:
        with pytest.raises(libziggeo.HTTPError) as caught:
            client.webhooks.delete("http://127.0.0.1:1/hook")

    assert caught.value.http_status == 500
    assert caught.value.body == "storage is down"
