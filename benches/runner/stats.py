"""Medians, ranges and ratios over repeated runs."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Spread:
    """The median of a figure over runs, with its min and max."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: list[float]) -> Spread | None:
        values = [value for value in values if value is not None]
        if not values:
            return None
        return cls(statistics.median(values), min(values), max(values), len(values))


def calls_per_s(result: dict) -> float:
    return result.get("calls_per_s") or result["calls"] / result["wall_s"]


def paired_ratios(numerators: list[dict | None], denominators: list[dict | None], figure=calls_per_s) -> list[float]:
    """Ratios of a figure run by run: run i of one client over run i of another."""
    return [figure(a) / figure(b) for a, b in zip(numerators, denominators) if a and b and figure(b) > 0]
