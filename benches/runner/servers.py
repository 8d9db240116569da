"""The servers a benchmark run talks to, all on loopback and all started here.

:class:`Sandbox` runs the release build of ziggeo-sandbox over HTTP or HTTPS
with request logging off. :class:`BenchTarget` gives the target URL of
every webhook the benchmark creates.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import urllib.request
from pathlib import Path

APP_TOKEN = "bench_app_token"
PRIVATE_KEY = "bench_private_key"

# Loopback admin calls must not go through a proxy from the environment.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class BenchTarget:
    """The target URL of every webhook the benchmark creates.

    Its host is under ``.invalid``, which never resolves, and the sandbox
    sends handshakes only to loopback hosts, which it checks without a DNS
    look-up. So a create costs the server no handshake: an earlier run that
    targeted a refusing loopback port measured about 180 us of server CPU
    per create for the refused ping, which capped every client's figures.
    """

    target_url = "http://bench-receiver.invalid/hook"

    def close(self) -> None:
        """Nothing to release; kept so callers can treat it like a server."""


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
