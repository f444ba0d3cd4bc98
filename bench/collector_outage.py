"""The collector across database outages: `duty-console collect` reading the simulator, its
throwaway PostgreSQL cluster stopped (`pg_ctl -m fast`) or killed (kill -9 of the postmaster)
for a while and started again.

Prints per outage: its length, the rows spooled meanwhile, the time until the spool was empty
after the database came back and the flush transactions' own time and rate (from the
collector's log), the spool's size on disk; then over the whole
run: gaps in `field_history` (a tag silent longer than two stale limits), duplicates
((tag, source_ts) stored twice), whether the collector survived, and the load average.

    .venv/bin/python bench/collector_outage.py [--sites 20] [--outage 60] [--quick]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.collector import CollectorProcess, check_history  # noqa: E402
from tests.support.field import simulator_process, wait_until  # noqa: E402
from tests.support.pg_cluster import ThrowawayCluster  # noqa: E402

GAP_BOUND_S = 6.0
BACK = re.compile(r"backend back after ([0-9.]+) s")
EMPTY = re.compile(r"spool empty: (\d+) values sent in ([0-9.]+) s")


def _outage(name: str, collector: CollectorProcess, cluster: ThrowawayCluster, break_database, seconds: float) -> None:
    break_database()
    down_at = time.monotonic()
    wait_until(lambda: time.monotonic() - down_at >= seconds or not collector.alive(), seconds + 5, "the outage",
               interval=0.5)
    spooled = collector.spooled()
    spool_bytes = collector.spool.stat().st_size + _wal_size(collector.spool)
    cluster.start()
    up_at = time.monotonic()
    wait_until(lambda: collector.spooled() == 0 or not collector.alive(), 600, "the spool sent", interval=0.1)
    empty_s = time.monotonic() - up_at
    back = BACK.findall(collector.log.read_text())
    sent = EMPTY.findall(collector.log.read_text())
    flush_rows, flush_s = (int(sent[-1][0]), float(sent[-1][1])) if sent else (0, 0.0)
    print(f"{name:<20} outage {up_at - down_at:5.1f} s (collector saw {float(back[-1]) if back else 0:5.1f} s)  "
          f"spooled {spooled:8,d} rows, {spool_bytes / 1e6:5.1f} MB with WAL  "
          f"spool empty {empty_s:4.1f} s after the restart  flush {flush_rows:,d} rows in {flush_s:.2f} s "
          f"({flush_rows / flush_s if flush_s else 0:,.0f} rows/s)  collector {'alive' if collector.alive() else 'DEAD'}")


def _wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=20, help="simulated sites (20 tags each; default 20)")
    parser.add_argument("--outage", type=float, default=60.0, help="seconds each outage lasts (default 60)")
    parser.add_argument("--quick", action="store_true", help="10 s outages")
    args = parser.parse_args()
    outage = 10.0 if args.quick else args.outage
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    work = Path(tempfile.mkdtemp(prefix="collector-outage-"))
    cluster = ThrowawayCluster()
    cluster.start()
    acq = work / "acq.toml"
    try:
        with simulator_process(["--sites", str(args.sites), "--write-config", str(acq)], work / "sim"):
            collector = CollectorProcess(acq, cluster.dsn, work / "collector").start()
            try:
                wait_until(lambda: collector.spooled() == 0 and (work / "collector" / "log").exists(), 30,
                           "the collector running")
                time.sleep(10)  # a steady field before the first outage
                started = time.time()
                _outage("pg_ctl -m fast stop", collector, cluster, lambda: cluster.stop("fast"), outage)
                _outage("kill -9 postmaster", collector, cluster, cluster.kill_postmaster, outage)
                time.sleep(5)
                report = check_history(cluster.dsn, started, time.time() - 2, GAP_BOUND_S)
            finally:
                alive = collector.alive()
                collector.stop()
        print(f"history: {report.tags} tags, {report.rows:,d} rows; gaps over {GAP_BOUND_S:.0f} s: "
              f"{len(report.gaps)} (longest silence {report.max_gap_s:.1f} s); duplicates: {report.duplicates}")
        rate = report.rows / (time.time() - 2 - started)
        print(f"collector rate {rate:,.0f} values/s for {report.tags} tags: the spool's default 5,000,000 rows "
              f"last {5_000_000 / rate / 60:,.0f} min here, {5_000_000 / (rate * 5600 / report.tags) / 60:,.0f} min "
              f"scaled to 5,600 tags")
        print(f"collector survived both outages: {alive}")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        cluster.remove()
    return 0 if alive and not report.gaps and not report.duplicates else 1


if __name__ == "__main__":
    sys.exit(main())
