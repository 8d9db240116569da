#!/usr/bin/env python3
"""Run the whole benchmark and write benches/RESULTS.md and its chart.

Usage (from `make bench`, which builds the drivers and the release sandbox
first, and runs this with the bench virtual environment's Python):

    python benches/run.py            # the full run, 4-5 minutes on 2 cores
    python benches/run.py --quick    # a few calls per figure, to check the harness
    python benches/run.py --report   # rewrite RESULTS.md and the chart from build/bench/results.json

Raw results go to build/bench/results.json. Every server and every socket
the run uses is on loopback and started by this run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from datetime import datetime, timezone

from runner import chart, drivers, report, system, wrk
from runner.clients import all_clients, stale_bundled_libraries
from runner.paths import BENCHES, BUILD, LIBRARY, SANDBOX
from runner.plan import QUICK, Budget, Plan, log
from runner.servers import BenchTarget, Sandbox

RESULTS_JSON = BUILD / "results.json"
CHART_NAME = "calls-per-second.png"


def measure(quick: bool) -> dict:
    budget = QUICK if quick else Budget()
    clients = all_clients(sys.executable)
    skipped = {client.name: reason for client in clients if (reason := client.missing())}
    available = [client for client in clients if client.name not in skipped]
    for name, reason in skipped.items():
        log(f"skipping {name}: {reason}")
    c_client = next(client for client in clients if client.name == "c")
    if "c" in skipped:
        sys.exit(f"bench: the C driver is required: {skipped['c']}; run `make bench`")

    started = time.monotonic()
    results: dict = {
        "command": "make bench" + (" BENCH_FLAGS=--quick" if quick else ""),
        "started": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "system": system.machine(),
        "versions": system.versions(sys.executable),
        "library": system.library(),
        "budget": asdict(budget),
        "skipped": skipped,
        "errors": stale_bundled_libraries(LIBRARY),
        "throughput": {},
    }
    port = BenchTarget()
    results["target_url"] = port.target_url
    try:
        request = wrk.capture_request(lambda base_url: drivers.run(
            c_client, {"op": "create", "calls": 1, "warmup": 0, "target_url": port.target_url,
                       "base_url": base_url}, None))
        script = wrk.write_script(request, wrk.script_path())
        plan = Plan(available, budget, script, results["errors"])
        for scheme in ("http", "https"):
            with Sandbox(SANDBOX, tls=scheme == "https") as sandbox:
                results["throughput"][scheme] = plan.throughput(sandbox, port)
                if scheme == "https":
                    results["ops"] = plan.confirm_and_delete(sandbox, port)
                    results["rss"] = {"c": plan.memory(sandbox, port, c_client)}
        results["rtt"] = plan.round_trip(port)
    finally:
        port.close()
    results["load_average_end"] = os.getloadavg()
    results["elapsed_s"] = time.monotonic() - started
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few calls per figure, to check the harness")
    parser.add_argument("--report", action="store_true", help="only rewrite the report from the last results")
    args = parser.parse_args()

    if not args.report:
        BUILD.mkdir(parents=True, exist_ok=True)
        RESULTS_JSON.write_text(json.dumps(measure(args.quick), indent=1))
    # Reloaded from JSON, so that a fresh run and --report see the same keys.
    results = json.loads(RESULTS_JSON.read_text())
    labels = {client.name: client.label for client in all_clients(sys.executable)
              if client.name not in results.get("skipped", {})}
    report.write(results, labels, BENCHES / "RESULTS.md", CHART_NAME)
    chart.write(results, labels, BENCHES / CHART_NAME)
    log(f"wrote {BENCHES / 'RESULTS.md'} and {BENCHES / CHART_NAME} in {results['elapsed_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
