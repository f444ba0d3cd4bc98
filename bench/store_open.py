"""What the store guard adds to opening a node's store, and what a full check costs.

Builds a real node store (SQLite, WAL) with the synthetic data set (50,000 enterprises by
default), then measures, p50/p95 over runs:
- open: `LocalStore(path)` as the console opens it (guard: header and schema read, revision
  compared, Alembic at head) — and the guard's own part (`store_guard.inspect`);
- thorough: `store_guard.inspect(thorough=True)`, SQLite's quick check of every page
  (`duty-console store check`, self-test) — the reason it is not run at every start;
- the backend schema check of a new sync connection is one indexed single-row read and is
  not measured here.
Prints the store size and the ratio thorough / guard.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import percentiles  # noqa: E402


def timed(function, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="5,000 enterprises, 5 runs")
    options = parser.parse_args()
    enterprises, runs = (5_000, 5) if options.quick else (options.enterprises, options.runs)

    from server_link import store_guard, synthetic
    from server_link.local_store import LocalStore
    from domain.divisions import hebei

    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "store.sqlite"
        store = LocalStore(path, "130000", hebei())
        for table, rows in synthetic.generate(enterprises=enterprises).items():
            store.apply_server_rows(table, rows)
        store.checkpoint()
        store.close()
        size_mb = path.stat().st_size / 1e6

        guard = timed(lambda: store_guard.inspect(path), runs)
        opened = timed(lambda: LocalStore(path, "130000", hebei()).close(), runs)
        thorough = timed(lambda: store_guard.inspect(path, thorough=True), max(3, runs // 4))

    print(f"store: {enterprises:,} enterprises, {size_mb:.1f} MB; load average {os.getloadavg()[0]:.2f}")
    for name, samples in (("guard at open (inspect)", guard), ("LocalStore open, guard included", opened),
                          ("thorough check (quick_check)", thorough)):
        p50, p95 = percentiles(samples)
        print(f"{name:<34} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   ({len(samples)} runs)")
    print(f"ratio thorough / guard (p50): {statistics.median(thorough) / statistics.median(guard):.0f}x")


if __name__ == "__main__":
    main()
