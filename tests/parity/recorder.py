#!/usr/bin/env python3
"""Record every HTTP request sent to a loopback server, one JSON line each.

Usage: recorder.py --out FILE [--port PORT]

Listens on 127.0.0.1 (port 0, the default, picks a free one) and prints
``listening on http://127.0.0.1:PORT`` as its first stdout line. Every POST
gets a 200 response with the body ``"ok"``, and any other method gets 405. Each
request is appended to FILE as
``{"method", "path", "content_type", "authorization", "body_b64"}``, where a
missing header is null and ``body_b64`` is the body in base64. Runs until
killed (SIGTERM or SIGINT).
"""

from __future__ import annotations

import argparse
import base64
import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class RecordingHandler(BaseHTTPRequestHandler):
    """Append each request to the server's output file and send the response."""

    protocol_version = "HTTP/1.1"
    server: RecordingServer

    def do_POST(self) -> None:  # noqa: N802 (the name http.server dispatches to)
        self._record()
        self._respond(200, b'"ok"')

    def do_GET(self) -> None:  # noqa: N802
        self._record()
        self._respond(405, b"method not allowed")

    do_PUT = do_DELETE = do_PATCH = do_GET

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        entry = {
            "method": self.command,
            "path": self.path,
            "content_type": self.headers.get("Content-Type"),
            "authorization": self.headers.get("Authorization"),
            "body_b64": base64.b64encode(body).decode("ascii"),
        }
        self.server.append(entry)

    def _respond(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep stderr quiet: the output file is the log."""


class RecordingServer(ThreadingHTTPServer):
    """A threading HTTP server whose handlers append to one file under a lock."""

    daemon_threads = True

    def __init__(self, port: int, out_path: str) -> None:
        super().__init__(("127.0.0.1", port), RecordingHandler)
        self._out_path = out_path
        self._lock = threading.Lock()

    def append(self, entry: dict[str, object]) -> None:
        line = json.dumps(entry, sort_keys=True) + "\n"
        with self._lock, open(self._out_path, "a", encoding="utf-8") as out:
            out.write(line)


def main() -> int:
    parser = argparse.ArgumentParser(description="Record HTTP requests sent to a loopback server.")
    parser.add_argument("--out", required=True, help="file to append one JSON line per request to")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default 0: any free port)")
    args = parser.parse_args()

    server = RecordingServer(args.port, args.out)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
