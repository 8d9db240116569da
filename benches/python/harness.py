"""The shared part of the Python benchmark drivers.

A driver passes :func:`main` a name and a ``connect`` function. ``connect``
imports its client library and returns an object with ``create(target_url)``,
``confirm(webhook_id, validation_code)`` and ``delete(target_url)``, each
returning the response body as ``str``. The time ``connect`` takes is the
reported load-and-create time. The calls to make come from the
``ZIGGEO_BENCH_*`` environment variables described in benches/README.md, and
one JSON line of results goes to stdout. A failed call or an unexpected body
ends the run with exit status 1.
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable, Protocol


class Calls(Protocol):
    def create(self, target_url: str) -> str: ...
    def confirm(self, webhook_id: str, validation_code: str) -> str: ...
    def delete(self, target_url: str) -> str: ...


@dataclass(frozen=True)
class Config:
    """The run's settings, read from the ZIGGEO_BENCH_* environment variables."""

    base_url: str
    ca_file: str | None
    app_token: str
    private_key: str
    op: str
    calls: int
    warmup: int
    threads: int
    target_url: str
    encoding: str
    events: str
    webhook_id: str
    validation_code: str

    @classmethod
    def from_env(cls) -> Config:
        env = os.environ

        def required(name: str) -> str:
            value = env.get(name)
            if not value:
                sys.exit(f"bench: missing environment variable {name}; see benches/README.md")
            return value

        op = env.get("ZIGGEO_BENCH_OP") or "create"
        if op not in ("create", "confirm", "delete"):
            sys.exit(f"bench: ZIGGEO_BENCH_OP={op!r}; use create, confirm or delete")
        config = cls(
            base_url=required("ZIGGEO_BENCH_BASE_URL"),
            ca_file=env.get("ZIGGEO_BENCH_CA_FILE") or None,
            app_token=required("ZIGGEO_BENCH_APP_TOKEN"),
            private_key=required("ZIGGEO_BENCH_PRIVATE_KEY"),
            op=op,
            calls=int(env.get("ZIGGEO_BENCH_CALLS") or 1000),
            warmup=int(env.get("ZIGGEO_BENCH_WARMUP") or 20),
            threads=int(env.get("ZIGGEO_BENCH_THREADS") or 1),
            target_url=required("ZIGGEO_BENCH_TARGET_URL"),
            encoding=env.get("ZIGGEO_BENCH_ENCODING") or "json",
            events=env.get("ZIGGEO_BENCH_EVENTS") or "video_ready",
            webhook_id=env.get("ZIGGEO_BENCH_WEBHOOK_ID") or "",
            validation_code=env.get("ZIGGEO_BENCH_VALIDATION_CODE") or "",
        )
        if config.calls < 1 or not 1 <= config.threads <= 64:
            sys.exit("bench: ZIGGEO_BENCH_CALLS must be at least 1 and ZIGGEO_BENCH_THREADS 1 to 64")
        return config


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def percentile_us(sorted_seconds: list[float], fraction: float) -> float:
    """Return the nearest-rank percentile of sorted seconds, in microseconds."""
    rank = max(1, math.ceil(fraction * len(sorted_seconds)))
    return sorted_seconds[rank - 1] * 1e6


class Runner:
    """Makes numbered calls of one kind and checks each response body."""

    def __init__(self, config: Config, calls: Calls) -> None:
        self.config = config
        self.calls = calls
        self.delete_urls: list[str] = []

    def prepare(self) -> None:
        """For delete: create one webhook per call, at TARGET_URL/INDEX."""
        if self.config.op != "delete":
            return
        for index in range(self.config.warmup + self.config.calls):
            url = f"{self.config.target_url}/{index}"
            self.check(index, self.calls.create(url), None)
            self.delete_urls.append(url)

    def call(self, index: int) -> None:
        config = self.config
        if config.op == "create":
            self.check(index, self.calls.create(config.target_url), None)
        elif config.op == "confirm":
            self.check(index, self.calls.confirm(config.webhook_id, config.validation_code), "true")
        else:
            self.check(index, self.calls.delete(self.delete_urls[index]), "null")

    @staticmethod
    def check(index: int, body: str, expected: str | None) -> None:
        ok = len(body) == 32 if expected is None else body == expected
        if not ok:
            raise RuntimeError(f"call {index} returned an unexpected body: {body!r}")


def run_threads(runner: Runner, first: int, calls: int, threads: int) -> list[float]:
    """Make `calls` calls from index `first` on `threads` threads; return their latencies."""
    latencies: list[list[float]] = [[] for _ in range(threads)]
    errors: list[BaseException] = []

    def work(slot: int, start: int, count: int) -> None:
        record = latencies[slot].append
        try:
            for index in range(start, start + count):
                began = time.perf_counter()
                runner.call(index)
                record(time.perf_counter() - began)
        except BaseException as error:  # reported below, after every thread stopped
            errors.append(error)

    workers = []
    start = first
    for slot in range(threads):
        count = calls // threads + (1 if slot < calls % threads else 0)
        workers.append(threading.Thread(target=work, args=(slot, start, count)))
        start += count
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise errors[0]
    return [latency for part in latencies for latency in part]


def main(name: str, connect: Callable[[Config], Calls]) -> int:
    config = Config.from_env()
    init_start = time.perf_counter()
    calls = connect(config)
    init_ms = (time.perf_counter() - init_start) * 1e3

    runner = Runner(config, calls)
    try:
        runner.prepare()
        for index in range(config.warmup):
            runner.call(index)

        rss_before = rss_kb()
        cpu_start = cpu_seconds()
        wall_start = time.perf_counter()
        latencies = run_threads(runner, config.warmup, config.calls, config.threads)
        wall = time.perf_counter() - wall_start
        cpu = cpu_seconds() - cpu_start
        rss_after = rss_kb()
    except Exception as error:
        print(f"bench-{name}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1

    latencies.sort()
    print(json.dumps({
        "client": name,
        "op": config.op,
        "threads": config.threads,
        "calls": config.calls,
        "wall_s": wall,
        "cpu_s": cpu,
        "p50_us": percentile_us(latencies, 0.50),
        "p99_us": percentile_us(latencies, 0.99),
        "init_ms": init_ms,
        "rss_before_kb": rss_before,
        "rss_after_kb": rss_after,
    }))
    return 0
