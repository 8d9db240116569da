"""Threads and asyncio: blocking calls release the GIL, async calls leave the loop free."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import libziggeo
from conftest import APP_TOKEN, PRIVATE_KEY

DELAY_MS = 2000


def test_other_thread_runs_during_delayed_call(sandbox, client, receiver):
    sandbox.add_fault(path="/v1/api/hook", action="delay", delay_ms=DELAY_MS)
    ticks = 0
    stop = threading.Event()

    def count_ticks() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.01)

    counter = threading.Thread(target=count_ticks)
    counter.start()
    try:
        started = time.monotonic()
        ticks_before = ticks
        client.webhooks.create(receiver.url, events="video_ready")
        elapsed = time.monotonic() - started
        ticks_during = ticks - ticks_before
    finally:
        stop.set()
        counter.join()

    assert elapsed >= DELAY_MS / 1000 * 0.9
    # About 200 ticks of 10 ms fit in 2 s; a held GIL would allow almost none.
    assert ticks_during >= 50


def test_client_shared_across_threads(sandbox, client):
    urls = [f"http://127.0.0.1:1/hook-{index}" for index in range(40)]

    def delete(url: str) -> str:
        try:
            return client.webhooks.delete(url)
        except libziggeo.HTTPError as error:
            return str(error.http_status)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(delete, urls))

    assert results == ["404"] * len(urls)
    assert sandbox.admin("GET", "/_sandbox/requests")["by_path"]["/v1/api/removehook"] == len(urls)


def test_async_call_leaves_loop_running(sandbox, client, receiver):
    sandbox.add_fault(path="/v1/api/hook", action="delay", delay_ms=DELAY_MS)

    async def scenario() -> tuple[str, int]:
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        ticker = asyncio.create_task(tick())
        webhook_id = await client.webhooks.create_async(receiver.url, "json", events="video_ready")
        ticker.cancel()
        return webhook_id, ticks

    webhook_id, ticks = asyncio.run(scenario())

    assert len(webhook_id) == 32
    assert ticks >= 50


def test_async_variants_return_bodies(sandbox, client, receiver):
    async def scenario() -> tuple[str, str, str]:
        webhook_id = await client.webhooks.create_async(receiver.url, events=["video_ready"])
        receiver.next()
        request = receiver.next()
        delivery = libziggeo.parse_delivery(request.body, request.content_type)
        confirmed = await client.webhooks.confirm_async(webhook_id, delivery.validation_code)
        again = await client.webhooks.confirm_delivery_async(delivery)
        deleted = await client.webhooks.delete_async(receiver.url)
        return confirmed, again, deleted

    assert asyncio.run(scenario()) == ("true", "true", "null")


def test_async_error_raises_in_coroutine(client):
    with pytest.raises(libziggeo.HTTPError) as caught:
        asyncio.run(client.webhooks.delete_async("http://127.0.0.1:1/none"))

    assert caught.value.http_status == 404


def test_close_during_call_waits_for_it(sandbox, receiver):
    sandbox.add_fault(path="/v1/api/hook", action="delay", delay_ms=500)
    client = libziggeo.Client(APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(client.webhooks.create, receiver.url, events="video_ready")
        time.sleep(0.1)
        client.close()

        assert len(pending.result(timeout=10)) == 32
    with pytest.raises(libziggeo.InvalidArgumentError, match="closed"):
        client.webhooks.delete(receiver.url)
