"""The chart beside RESULTS.md: create calls per second per client."""

from __future__ import annotations

from pathlib import Path

from .stats import Spread, calls_per_s


def write(results: dict, labels: dict[str, str], path: Path) -> None:
    """Draw median calls/s with min-max error bars, per server and thread count."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = ["wrk", *labels]
    figure, axes = plt.subplots(1, 2, figsize=(12, 5.5), sharey=True)
    for axis, scheme in zip(axes, ("http", "https")):
        table = results["throughput"].get(scheme, {})
        for offset, threads in ((-0.2, 1), (0.2, 4)):
            medians, lower, upper, positions = [], [], [], []
            for index, name in enumerate(names):
                runs = table.get(name, {}).get(str(threads), [])
                spread = Spread.of([calls_per_s(run) for run in runs if run])
                if spread:
                    positions.append(index + offset)
                    medians.append(spread.median)
                    lower.append(spread.median - spread.low)
                    upper.append(spread.high - spread.median)
            label = "1 thread" if threads == 1 else "4 threads, one client"
            axis.bar(positions, medians, width=0.4, yerr=[lower, upper], capsize=3, label=label)
        axis.set_title(f"create over {scheme.upper()} (median of runs, min-max bars)")
        axis.set_xticks(range(len(names)))
        axis.set_xticklabels(["wrk (server ceiling)", *labels.values()], rotation=35, ha="right", fontsize=8)
        axis.grid(axis="y", alpha=0.3)
    axes[0].set_ylabel("calls per second")
    axes[0].legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
