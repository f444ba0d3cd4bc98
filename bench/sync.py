"""Sync benchmark: initial sync, change propagation latency, push throughput.

    /work/main/.venv/bin/python bench/sync.py [--quick] [--enterprises N]

Uses a fresh database on the test PostgreSQL (tests/support/postgres.py), the synthetic
data set (50,000 enterprises plus dependants), node roles with row-level security, and
real SQLite stores. Prints figures against the issue's goals; timings on a shared 2-core
machine are noisy.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.divisions import hebei  # noqa: E402
from server_link import synthetic  # noqa: E402
from server_link.sync_engine import connect_backend  # noqa: E402
from server_link.sync_service import SyncService  # noqa: E402
from tests.support.postgres import fresh_database, postgres_server  # noqa: E402
from tests.support.sync_env import backend, make_node  # noqa: E402


def initial_sync(env, division: str, directory: Path) -> tuple[int, float]:
    node = make_node(env, division, directory)
    started = time.perf_counter()
    node.engine.sync_once()
    elapsed = time.perf_counter() - started
    rows = sum(node.store.count(table) for table in node.store.columns)
    node.engine.close()
    node.store.close()
    return rows, elapsed


def push_throughput(env, directory: Path, ops: int) -> tuple[int, float]:
    node = make_node(env, "130102", directory)
    node.engine.sync_once()
    rows = node.store.rows("enterprise")
    for i in range(ops):
        node.store.update("enterprise", rows[i % len(rows)]["id"], address=f"地址{i}")
    started = time.perf_counter()
    pushed = node.engine.push()
    elapsed = time.perf_counter() - started
    node.engine.close()
    node.store.close()
    return pushed, elapsed


def propagation(env, directory: Path, samples: int) -> list[float]:
    """County node A writes; city node B (woken by NOTIFY) shows the change. Seconds per change."""
    a, b = make_node(env, "130102", directory), make_node(env, "130100", directory)
    services = [SyncService(n.engine, connect_backend(env.node_dsn(n.division)), interval_s=3600) for n in (a, b)]
    arrived = threading.Event()
    expected: dict[str, str] = {}

    def watch(status):
        if expected and (row := b.store.get("enterprise", expected["id"])) and row["address"] == expected["address"]:
            arrived.set()

    services[1].subscribe(watch)
    for service in services:
        service.start()
    try:
        while not all(s.status.link == "up" for s in services):
            time.sleep(0.05)
        target = a.store.rows("enterprise")[0]["id"]
        latencies = []
        for i in range(samples):
            arrived.clear()
            expected.clear()
            expected.update(id=target, address=f"传播测试{i}-{uuid.uuid4().hex[:6]}")
            started = time.perf_counter()
            a.store.update("enterprise", target, address=expected["address"])  # wakes A's service
            if arrived.wait(30):
                latencies.append(time.perf_counter() - started)
        return latencies
    finally:
        for service in services:
            service.stop()
        a.store.close()
        b.store.close()


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 enterprises, fewer samples")
    parser.add_argument("--enterprises", type=int, help="data set size (default 50,000; 5,000 with --quick)")
    args = parser.parse_args()
    enterprises = args.enterprises or (5_000 if args.quick else 50_000)
    samples, push_ops = (20, 1_000) if args.quick else (100, 5_000)

    data = synthetic.generate(seed=20180830, enterprises=enterprises)
    total = synthetic.row_count(data)
    with postgres_server() as server, fresh_database(server, prefix="duty_bench_sync") as dsn, backend(dsn) as env:
        conn = env.admin()
        conn.autocommit = False
        started = time.perf_counter()
        synthetic.load(conn, data)
        conn.close()
        print(f"data set: {enterprises:,} enterprises, {total:,} rows in all; loaded in "
              f"{time.perf_counter() - started:.1f} s")
        with tempfile.TemporaryDirectory(prefix="duty-bench-sync-") as tmp:
            directory = Path(tmp)
            for division, label in (("130000", "province"), ("130100", "city 130100")):
                rows, elapsed = initial_sync(env, division, directory)
                print(f"initial sync to empty {label} node: {rows:,} rows in {elapsed:.2f} s = "
                      f"{rows / elapsed:,.0f} rows/s (goal >= 20,000; {rows / elapsed / 20_000:.2f}x)")
            latencies = propagation(env, directory, samples)
            p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
            print(f"propagation node A -> backend -> node B ({len(latencies)}/{samples} changes): "
                  f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (goal p95 < 1000 ms; {1.0 / p95:.2f}x)")
            pushed, elapsed = push_throughput(env, directory, push_ops)
            print(f"push throughput: {pushed:,} ops in {elapsed:.2f} s = {pushed / elapsed:,.0f} ops/s "
                  f"(goal >= 2,000; {pushed / elapsed / 2_000:.2f}x)")
    counties = len(hebei().counties())
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"({counties} counties; scope by supervision_parent; load average {load} on {os.cpu_count()} cores: "
          f"timings on a shared machine are noisy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
