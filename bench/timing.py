"""Figures the records benchmarks print: p50 and p95 of timed samples, in milliseconds."""
from __future__ import annotations

import statistics


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p95) in ms of samples in seconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000
