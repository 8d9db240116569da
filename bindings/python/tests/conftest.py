"""Fixtures: a sandbox process, a loopback receiver for deliveries, and clients.

The sandbox binary comes from ZIGGEO_SANDBOX_BIN (the Makefile exports it).
Every test talks only to these loopback servers.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import libziggeo

APP_TOKEN = "test_app_token"
PRIVATE_KEY = "test-private-key/+= secret"
STARTUP_TIMEOUT = 30.0


class Sandbox:
    """A running ziggeo-sandbox process and its admin routes."""

    def __init__(self) -> None:
        binary = os.environ.get("ZIGGEO_SANDBOX_BIN")
        if not binary or not os.path.isfile(binary):
            raise RuntimeError(
                f"ZIGGEO_SANDBOX_BIN is {binary!r}; build the sandbox with `make sandbox` and "
                "set ZIGGEO_SANDBOX_BIN to target/debug/ziggeo-sandbox"
            )
        self.process = subprocess.Popen(
            [binary, "--listen", "127.0.0.1:0", "--app", f"{APP_TOKEN}:{PRIVATE_KEY}", "--quiet"],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.base_url = self._read_base_url()

    def _read_base_url(self) -> str:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.process.stdout.readline()), daemon=True).start()
        try:
            first = lines.get(timeout=STARTUP_TIMEOUT)
        except queue.Empty:
            self.stop()
            raise RuntimeError(f"the sandbox printed no address within {STARTUP_TIMEOUT} s") from None
        prefix = "listening on "
        if not first.startswith(prefix):
            self.stop()
            raise RuntimeError(f"unexpected first line from the sandbox: {first!r}")
        return first[len(prefix):].strip()

    def admin(self, method: str, path: str, payload: object | None = None) -> object:
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def add_fault(self, **fault: object) -> None:
        self.admin("POST", "/_sandbox/faults", fault)

    def request_count(self) -> int:
        return self.admin("GET", "/_sandbox/requests")["total"]

    def webhooks(self) -> list[dict]:
        return self.admin("GET", "/_sandbox/webhooks")["webhooks"]

    def reset(self) -> None:
        self.admin("DELETE", "/_sandbox/faults")
        self.admin("POST", "/_sandbox/reset")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


@dataclass
class Received:
    """One request the sandbox POSTed to the receiver."""

    path: str
    content_type: str | None
    body: bytes


class Receiver:
    """A loopback HTTP server that responds 200 and queues every request it gets."""

    def __init__(self) -> None:
        self.requests: queue.Queue[Received] = queue.Queue()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                receiver.requests.put(Received(self.path, self.headers.get("Content-Type"), body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def next(self, timeout: float = 10.0) -> Received:
        return self.requests.get(timeout=timeout)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def sandbox_process() -> Iterator[Sandbox]:
    sandbox = Sandbox()
    yield sandbox
    sandbox.stop()


@pytest.fixture
def sandbox(sandbox_process: Sandbox) -> Sandbox:
    """The session's sandbox, with no webhooks and no faults."""
    sandbox_process.reset()
    return sandbox_process


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.stop()


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[libziggeo.Client]:
    with libziggeo.Client(APP_TOKEN, PRIVATE_KEY, base_url=sandbox.base_url, timeout=10.0) as client:
        yield client

