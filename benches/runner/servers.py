"""The servers a benchmark run talks to, all on loopback and all started here.

:class:`Sandbox` runs the release build of ziggeo-sandbox over HTTP or HTTPS
with request logging off. :class:`RefusingPort` keeps a loopback port that is
bound but not listening: it is the target URL of every webhook the benchmark
creates, so the sandbox's handshake ping after each create is refused at
once by this machine's kernel instead of costing the server a whole HTTP
exchange, and nothing else can take the port during the run.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import urllib.request
from pathlib import Path

APP_TOKEN = "bench_app_token"
PRIVATE_KEY = "bench_private_key"

# Loopback admin calls must not go through a proxy from the environment.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class RefusingPort:
    """A loopback port bound without listening; connections to it are refused."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]

    @property
    def target_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def close(self) -> None:
        self._socket.close()


class Sandbox:
    """A running ziggeo-sandbox process; stop it with :meth:`stop` or a ``with`` block.

    ``prefix`` runs the sandbox under another command, such as
    ``ip netns exec NAME`` for the emulated round-trip time.
    """

    def __init__(self, binary: Path, tls: bool, prefix: list[str] | None = None) -> None:
        self.tls_dir = Path(tempfile.mkdtemp(prefix="ziggeo-bench-tls-")) if tls else None
        command = [*(prefix or []), str(binary), "--listen", "127.0.0.1:0",
                   "--app", f"{APP_TOKEN}:{PRIVATE_KEY}", "--quiet"]
        if self.tls_dir:
            command += ["--tls-self-signed", str(self.tls_dir)]
        # Warnings, one per refused handshake ping, go nowhere: they would cost
        # the server a terminal or a file write per call.
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        first_line = self.process.stdout.readline().strip() if self.process.stdout else ""
        if not first_line.startswith("listening on "):
            self.stop()
            raise RuntimeError(f"ziggeo-sandbox did not start: first line {first_line!r}")
        self.base_url = first_line.removeprefix("listening on ")

    @property
    def ca_file(self) -> str | None:
        return str(self.tls_dir / "ca.pem") if self.tls_dir else None

    def admin(self, method: str, path: str) -> dict:
        """Call an admin route over plain loopback; the HTTPS sandbox needs its CA."""
        request = urllib.request.Request(self.base_url + path, method=method, data=b"" if method == "POST" else None)
        opener = _NO_PROXY
        if self.ca_file:
            import ssl

            context = ssl.create_default_context(cafile=self.ca_file)
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                                 urllib.request.HTTPSHandler(context=context))
        with opener.open(request, timeout=10) as response:
            return json.loads(response.read())

    def reset(self) -> None:
        self.admin("POST", "/_sandbox/reset")

    def webhooks(self) -> list[dict]:
        return self.admin("GET", "/_sandbox/webhooks")["webhooks"]

    def cpu_seconds(self) -> float:
        """User plus system CPU time the sandbox process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
