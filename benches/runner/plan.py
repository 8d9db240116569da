"""The benchmark's runs: which client makes how many calls against which server.

Every client makes the same sequential calls with identical arguments.
Clients take turns inside each repetition, so that a ratio between two
clients compares runs made moments apart, and the sandbox is reset before
every run so that each starts from an empty webhook list.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from . import drivers, wrk
from .clients import Client
from .paths import SANDBOX
from .rtt import RTT_MS, DelayProxy, NetemNamespace
from .servers import BenchTarget, Sandbox


@dataclass(frozen=True)
class Budget:
    """Call counts and repetitions, chosen so `make bench` ends within 10 minutes on 2 cores."""

    repeats: int = 5
    calls: int = 2000            # per run, for a libziggeo client
    slow_calls: int = 400        # per run, for an official SDK
    op_calls: int = 300          # per confirm or delete run
    warmup: int = 20
    wrk_seconds: int = 2  # wrk takes whole seconds
    rss_calls: int = 100_000
    rtt_calls: int = 15


QUICK = Budget(repeats=2, calls=300, slow_calls=60, op_calls=40, warmup=5, wrk_seconds=1,
               rss_calls=5_000, rtt_calls=4)


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Plan:
    def __init__(self, clients: list[Client], budget: Budget, lua_script, errors: list[str]) -> None:
        self.clients = clients
        self.budget = budget
        self.lua_script = lua_script
        self.errors = errors

    def calls_for(self, client: Client, op: str = "create") -> int:
        if op != "create":
            return self.budget.op_calls if client.libziggeo else max(self.budget.op_calls // 2, 1)
        return self.budget.calls if client.libziggeo else self.budget.slow_calls

    def measure(self, sandbox: Sandbox, client: Client, settings: dict, reset: bool = True,
                **kwargs) -> dict | None:
        """Run one driver, after a sandbox reset when `reset` is true.

        Returns the driver's result with the server's CPU time added, or None
        after recording the error."""
        settings.setdefault("base_url", sandbox.base_url)
        if reset:
            sandbox.reset()
        server_cpu = sandbox.cpu_seconds()
        try:
            result = drivers.run(client, settings, sandbox.ca_file, **kwargs)
        except drivers.DriverError as error:
            self.errors.append(str(error))
            log(f"FAILED {error}")
            return None
        result["server_cpu_s"] = sandbox.cpu_seconds() - server_cpu
        return result

    def throughput(self, sandbox: Sandbox, port: BenchTarget) -> dict:
        """Create calls at 1 and 4 threads for every client, and wrk's ceiling, `repeats` times."""
        table: dict[str, dict[int, list]] = {"wrk": {1: [], 4: []}}
        for client in self.clients:
            table[client.name] = {1: [], 4: []} if client.concurrent else {1: []}
        for repeat in range(self.budget.repeats):
            log(f"{sandbox.base_url}: create, repetition {repeat + 1} of {self.budget.repeats}")
            for connections in (1, 4):
                sandbox.reset()
                try:
                    table["wrk"][connections].append(
                        wrk.run(self.lua_script, sandbox.base_url, connections, self.budget.wrk_seconds))
                except Exception as error:  # a missing or failing wrk is reported, not fatal
                    self.errors.append(f"wrk: {error}")
                    table["wrk"][connections].append(None)
            for client in self.clients:
                for threads in table[client.name]:
                    settings = {"op": "create", "calls": self.calls_for(client), "threads": threads,
                                "warmup": self.budget.warmup, "target_url": port.target_url}
                    table[client.name][threads].append(self.measure(sandbox, client, settings))
        return table

    def confirm_and_delete(self, sandbox: Sandbox, port: BenchTarget) -> dict:
        """Confirm one webhook over and over, and delete one webhook per call, on one thread."""
        table: dict[str, dict[str, list]] = {"confirm": {}, "delete": {}}
        for repeat in range(self.budget.repeats):
            log(f"{sandbox.base_url}: confirm and delete, repetition {repeat + 1} of {self.budget.repeats}")
            for client in self.clients:
                for op in ("confirm", "delete"):
                    settings = {"op": op, "calls": self.calls_for(client, op), "threads": 1,
                                "warmup": self.budget.warmup, "target_url": port.target_url}
                    result = None
                    if op == "delete":
                        result = self.measure(sandbox, client, settings)
                    elif webhook := self.registered_webhook(sandbox, client, port):
                        result = self.measure(sandbox, client, {**settings, **webhook}, reset=False)
                    table[op].setdefault(client.name, []).append(result)
        return table

    def registered_webhook(self, sandbox: Sandbox, client: Client, port: BenchTarget) -> dict:
        """Create one webhook with the client's own driver and return its id and validation code."""
        sandbox.reset()
        settings = {"op": "create", "calls": 1, "warmup": 0, "target_url": port.target_url,
                    "base_url": sandbox.base_url}
        try:
            drivers.run(client, settings, sandbox.ca_file)
        except drivers.DriverError as error:
            self.errors.append(str(error))
            return {}
        webhook = sandbox.webhooks()[0]
        return {"webhook_id": webhook["id"], "validation_code": webhook["validation_code"]}

    def memory(self, sandbox: Sandbox, port: BenchTarget, client: Client) -> list:
        """Measure RSS before and after `rss_calls` confirm calls on one client, `repeats` times.

        Confirm rather than create: the sandbox looks a webhook up by a linear
        scan after each create's handshake, so 100,000 creates without a reset
        would slow the server quadratically. Both calls take the same path
        through the client: form body, POST on a pooled connection, response body.
        """
        runs = []
        for repeat in range(self.budget.repeats):
            log(f"{sandbox.base_url}: RSS over {self.budget.rss_calls:,} confirm calls of {client.name}, "
                f"repetition {repeat + 1} of {self.budget.repeats}")
            webhook = self.registered_webhook(sandbox, client, port)
            settings = {"op": "confirm", "calls": self.budget.rss_calls, "threads": 1,
                        "warmup": self.budget.warmup, "target_url": port.target_url, **webhook}
            started = time.monotonic()
            runs.append(self.measure(sandbox, client, settings, reset=False, timeout=600) if webhook else None)
            log(f"  took {time.monotonic() - started:.1f} s")
        return runs

    def round_trip(self, port: BenchTarget) -> dict:
        """Create latency over HTTPS with RTT_MS of emulated round-trip time, per client."""
        namespace = NetemNamespace()
        reason = namespace.create()
        if reason is None:
            try:
                with Sandbox(SANDBOX, tls=True, prefix=namespace.prefix) as sandbox:
                    # Inside the namespace the only server is the sandbox, so the
                    # handshake pings go to the sandbox itself.
                    target_url = sandbox.base_url + "/bench-receiver"
                    runs = self._round_trip_runs(sandbox, sandbox.base_url, target_url, namespace.prefix)
            finally:
                namespace.delete()
            return {"method": "netem", "rtt_ms": RTT_MS, "clients": runs}

        log(f"netem is not available ({reason}); using the loopback delay proxy instead")
        with Sandbox(SANDBOX, tls=True) as sandbox:
            proxy = DelayProxy(int(sandbox.base_url.rsplit(":", 1)[1]))
            try:
                runs = self._round_trip_runs(sandbox, f"https://127.0.0.1:{proxy.port}", port.target_url, None)
            finally:
                proxy.stop()
        return {"method": "proxy", "reason": reason, "rtt_ms": RTT_MS, "clients": runs}

    def _round_trip_runs(self, sandbox: Sandbox, base_url: str, target_url: str, prefix) -> dict:
        runs: dict[str, list] = {"wrk": []} | {client.name: [] for client in self.clients}
        for repeat in range(self.budget.repeats):
            log(f"{RTT_MS:.0f} ms RTT: create, repetition {repeat + 1} of {self.budget.repeats}")
            # wrk's latency on one connection is the floor that the emulation itself sets.
            try:
                runs["wrk"].append(wrk.run(self.lua_script, base_url, 1, self.budget.wrk_seconds, prefix))
            except Exception as error:  # a missing or failing wrk is reported, not fatal
                self.errors.append(f"wrk: {error}")
                runs["wrk"].append(None)
            for client in self.clients:
                settings = {"op": "create", "calls": self.budget.rtt_calls, "threads": 1, "warmup": 2,
                            "target_url": target_url, "base_url": base_url}
                # The admin routes are out of reach inside the namespace, and a
                # few calls per run need no reset.
                runs[client.name].append(self.measure(sandbox, client, settings, reset=False, prefix=prefix))
        return runs
