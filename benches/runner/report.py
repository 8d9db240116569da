"""Writing RESULTS.md from a run's raw results (build/bench/results.json).

Every figure is the median over the run's repetitions with [min-max]; every
ratio is computed repetition by repetition and then summarised the same way.
"""

from __future__ import annotations

from pathlib import Path

from . import targets
from .stats import Spread, calls_per_s, paired_ratios


def spread_text(spread: Spread | None, digits: int = 0, unit: str = "") -> str:
    if spread is None:
        return "n/a"
    return f"{spread.median:,.{digits}f}{unit} [{spread.low:,.{digits}f}-{spread.high:,.{digits}f}]"


def figure(runs: list, compute) -> Spread | None:
    return Spread.of([compute(run) for run in runs if run])


def per_call_us(key: str):
    return lambda run: run[key] / run["calls"] * 1e6 if run.get(key) is not None else None


def _throughput_table(results: dict, scheme: str, labels: dict[str, str]) -> list[str]:
    table = results["throughput"].get(scheme)
    if not table:
        return [f"No {scheme.upper()} runs."]
    lines = [
        "| client | threads | calls/s | p50 µs | p99 µs | client CPU µs/call | server CPU µs/call | × wrk, same connections |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ["wrk", *labels]:
        for threads, runs in table.get(name, {}).items():
            wrk_runs = table["wrk"].get(threads, [])
            ratio = Spread.of(paired_ratios(runs, wrk_runs)) if name != "wrk" else None
            lines.append(
                f"| {labels.get(name, 'wrk (server ceiling)')} | {threads} "
                f"| {spread_text(figure(runs, calls_per_s))} "
                f"| {spread_text(figure(runs, lambda run: run['p50_us']))} "
                f"| {spread_text(figure(runs, lambda run: run['p99_us']))} "
                f"| {spread_text(figure(runs, per_call_us('cpu_s')), 1)} "
                f"| {spread_text(figure(runs, per_call_us('server_cpu_s')), 1)} "
                f"| {spread_text(ratio, 2, '×') if ratio else '-'} |"
            )
    return lines


def _ops_table(results: dict, labels: dict[str, str]) -> list[str]:
    lines = ["| client | call | calls/s | p50 µs | p99 µs | client CPU µs/call | server CPU µs/call |",
             "|---|---|---|---|---|---|---|"]
    ops = results.get("ops", {})
    for name, label in labels.items():
        for op in ("confirm", "delete"):
            runs = ops.get(op, {}).get(name, [])
            lines.append(
                f"| {label} | {op} | {spread_text(figure(runs, calls_per_s))} "
                f"| {spread_text(figure(runs, lambda run: run['p50_us']))} "
                f"| {spread_text(figure(runs, lambda run: run['p99_us']))} "
                f"| {spread_text(figure(runs, per_call_us('cpu_s')), 1)} "
                f"| {spread_text(figure(runs, per_call_us('server_cpu_s')), 1)} |")
    return lines


def _init_table(results: dict, labels: dict[str, str]) -> list[str]:
    lines = ["| client | load and create a client, ms | RSS after warm-up, MiB |", "|---|---|---|"]
    table = results["throughput"].get("https", {})
    for name, label in labels.items():
        runs = table.get(name, {}).get("1", [])
        lines.append(f"| {label} | {spread_text(figure(runs, lambda run: run['init_ms']), 2)} "
                     f"| {spread_text(figure(runs, lambda run: run['rss_before_kb'] / 1024), 1)} |")
    return lines


def _rss_lines(results: dict, labels: dict[str, str]) -> list[str]:
    lines = ["| client | calls | RSS before, KiB | RSS after, KiB | growth, KiB |", "|---|---|---|---|---|"]
    for name, runs in results.get("rss", {}).items():
        lines.append(
            f"| {labels.get(name, name)} | {runs[0]['calls'] if runs and runs[0] else 'n/a':,} "
            f"| {spread_text(figure(runs, lambda run: run['rss_before_kb']))} "
            f"| {spread_text(figure(runs, lambda run: run['rss_after_kb']))} "
            f"| {spread_text(figure(runs, lambda run: run['rss_after_kb'] - run['rss_before_kb']))} |")
    return lines


def _rtt_lines(results: dict, labels: dict[str, str]) -> list[str]:
    rtt = results.get("rtt")
    if not rtt:
        return ["Not measured."]
    if rtt["method"] == "netem":
        lines = [f"Method: a network namespace made by the script, netem delaying its loopback by "
                 f"{rtt['rtt_ms'] / 2:.0f} ms each way; sandbox and drivers run inside it."]
    else:
        lines = [
            f"netem could not be used here: {rtt['reason']}. Method instead: a loopback proxy "
            f"(benches/runner/rtt.py) that holds every chunk {rtt['rtt_ms'] / 2:.0f} ms each way. "
            "The kernel completes TCP's handshake with the proxy at once, so a call that opens a "
            "new connection shows one round trip less than on a real network: those figures are "
            "lower bounds, and on a real network they would be 1 RTT higher.",
        ]
    lines += ["", "| client | create p50, ms | p50 in RTTs | p99, ms |", "|---|---|---|---|"]
    for name, label in {"wrk": "wrk, 1 connection (the floor)", **labels}.items():
        runs = rtt["clients"].get(name, [])
        lines.append(
            f"| {label} | {spread_text(figure(runs, lambda run: run['p50_us'] / 1e3), 1)} "
            f"| {spread_text(figure(runs, lambda run: run['p50_us'] / 1e3 / rtt['rtt_ms']), 2)} "
            f"| {spread_text(figure(runs, lambda run: run['p99_us'] / 1e3), 1)} |")
    return lines


def render(results: dict, labels: dict[str, str], chart_name: str) -> str:
    system, budget, library = results["system"], results["budget"], results["library"]
    out = [
        "# libziggeo benchmark results",
        "",
        f"Written by `{results['command']}` on {results['started']} in {results['elapsed_s']:.0f} s; "
        "the harness is described in [README.md](README.md).",
        "",
        "## Machine and versions",
        "",
        f"- {system['cores']} cores, {system['cpu_model']}, {system['memory_gib']} GiB, Linux {system['kernel']}.",
        f"- Load average (1, 5, 15 min) at the start: {', '.join(f'{x:.2f}' for x in system['load_average'])}; "
        f"at the end: {', '.join(f'{x:.2f}' for x in results['load_average_end'])}. "
        "Other engineers' builds and tests share this machine, so a load above 2 means "
        "the benchmark competed with them for the 2 cores.",
    ]
    out += [f"- {name}: {version}" for name, version in results["versions"].items()]
    out += [
        "",
        "## What was measured",
        "",
        f"Each client makes sequential `create` calls with identical arguments (target URL "
        f"`{results['target_url']}`, encoding `json`, events `video_ready`) against one sandbox "
        "(release build, `--quiet`), over HTTP and then over HTTPS (`--tls-self-signed`). Per "
        f"repetition a libziggeo client makes {budget['calls']:,} calls, an official SDK "
        f"{budget['slow_calls']:,}, after {budget['warmup']} warm-up calls, and wrk runs for "
        f"{budget['wrk_seconds']} s; there are {budget['repeats']} repetitions, clients taking "
        "turns inside each, and the sandbox is reset before every run. \"4 threads\" means 4 "
        "threads sharing one client (Go: goroutines; Node Promise and the official Node SDK: 4 "
        "calls in flight on one event loop). CPU time is the driver process's user+sys time "
        "(getrusage) over the timed calls; server CPU is the sandbox's, from /proc.",
        "",
        "The target URL's host is under `.invalid`, which never resolves; the sandbox sends "
        "handshakes only to loopback hosts, so it sends none for these webhooks and a create "
        "costs it no handshake. Nothing is sent anywhere but to the sandbox.",
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    verdicts = targets.evaluate(results)
    for verdict in verdicts:
        out.append(f"| {verdict.target} | {verdict.measured} | **{verdict.verdict}** |")
    missed = [verdict for verdict in verdicts if verdict.verdict == "missed"]
    if missed:
        out += ["", "### Missed targets: where the time went in this run", ""]
        for verdict in missed:
            out += [f"- **{verdict.target}** {verdict.cause}", ""]
        out += ["### What profiling found, and the fixes", ""]
        for title, text in targets.FINDINGS.items():
            out += [f"- **{title}.** {text}", ""]
    out += [
        "",
        "## Create calls per second",
        "",
        f"![create calls per second per client]({chart_name})",
        "",
        "### HTTPS",
        "",
        *_throughput_table(results, "https", labels),
        "",
        "### HTTP",
        "",
        *_throughput_table(results, "http", labels),
        "",
        f"## Confirm and delete (HTTPS, 1 thread; {budget['op_calls']:,} calls per repetition, "
        "half that for an official SDK)",
        "",
        "Confirm repeats one webhook's confirm; delete removes one webhook per call, each created "
        "before the clock starts. The server CPU of a delete run also counts those creates.",
        "",
        *_ops_table(results, labels),
        "",
        "## Time to load the library and create a client (HTTPS)",
        "",
        "Measured inside the driver: from before the import, `require` or `dlopen` to a ready "
        "client. The Rust and Go programs link the library at build or start time, so theirs "
        "is client creation alone.",
        "",
        *_init_table(results, labels),
        "",
        "## Library size",
        "",
        f"`{library['path']}`: {library['size_bytes'] / 2**20:.2f} MiB as built, "
        f"{library['stripped_bytes'] / 2**20:.2f} MiB stripped (`strip --strip-all` on a copy). "
        f"Needed at run time: {', '.join(library['needed']) or 'nothing'}. "
        + ("A TLS library is needed. " if library["tls_library_needed"] else
           "TLS (rustls) is built in: no TLS library is needed, and the HTTPS runs above used it. ")
        + f"Exported ziggeo_* functions: {library['exported_ziggeo_functions']}.",
        "",
        "## RSS growth (HTTPS)",
        "",
        "VmRSS of the driver process after the warm-up and after the timed calls, which are "
        "confirm calls on one webhook, so that the sandbox does not hold 100,000 webhooks "
        "during the measurement; confirm takes the same path through the client as create.",
        "",
        *_rss_lines(results, labels),
        "",
        "## Create latency with 20 ms round-trip time (HTTPS)",
        "",
        *_rtt_lines(results, labels),
        "",
    ]
    if results.get("skipped") or results.get("errors"):
        out += ["## Skipped clients and errors", ""]
        out += [f"- {name} skipped: {reason}" for name, reason in results.get("skipped", {}).items()]
        out += [f"- {error}" for error in results.get("errors", [])]
        out.append("")
    return "\n".join(out)


def write(results: dict, labels: dict[str, str], path: Path, chart_name: str) -> None:
    path.write_text(render(results, labels, chart_name))
