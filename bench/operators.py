"""Operators: what signing in and the audit trail cost.

- sign-in: `Accounts.sign_in` with the right password (argon2id verify + the audit row,
  committed with synchronous=FULL) and with a wrong one (verify + count + audit), p50/p95 ms;
- acknowledge-all of 10,000 alarms at 280 sites committed in one transaction of the node's
  store, without and with its audit rows (one per site touched), ms and the ratio.
Run: .venv/bin/python bench/operators.py [--quick]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.alarms.engine import audit_rows  # noqa: E402
from domain.alarm_events import AlarmEvent, EventKind, new_event_id  # noqa: E402
from console.operators.accounts import Accounts, SignInRefused  # noqa: E402
from console.operators.permissions import Actor, Role  # noqa: E402
from server_link.alarm_journal import NAMES, TABLE  # noqa: E402
from server_link.local_store import LocalStore  # noqa: E402
from domain.divisions import hebei  # noqa: E402

NODE = "130000"
ADMIN = Actor("admin", "管理员", Role.ADMINISTRATOR, NODE)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_sign_in(directory: Path, rounds: int) -> None:
    store = LocalStore(directory / "signin.sqlite", NODE, hebei())
    accounts = Accounts(store, max_failed_attempts=10_000)
    accounts.add(ADMIN, "zhangwei", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    right, wrong = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        accounts.sign_in("zhangwei", "zhangwei-pass")
        right.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        try:
            accounts.sign_in("zhangwei", "not-the-password")
        except SignInRefused:
            wrong.append((time.perf_counter() - start) * 1000)
    store.close()
    for name, values in (("right password", right), ("wrong password", wrong)):
        print(f"sign-in, {name}: p50 {statistics.median(values):.1f} ms, p95 {percentile(values, 0.95):.1f} ms "
              f"({len(values)} sign-ins)")


def ack_events(count: int, sites: int) -> list[AlarmEvent]:
    now = time.time()
    return [AlarmEvent(new_event_id(), new_event_id(), EventKind.ACK, 3, f"TP130102{i % sites:04d}",
                       f"TP130102{i % sites:04d}.pond_level", "H", "130102", now, "zhangwei", NODE, "已确认")
            for i in range(count)]


def bench_ack_all(directory: Path, rounds: int) -> None:
    actor = Actor("zhangwei", "张伟", Role.DUTY_OFFICER, NODE)
    timings: dict[str, list[float]] = {"without audit": [], "with audit": []}
    for attempt in range(rounds):
        for label in timings:
            store = LocalStore(directory / f"ack-{label[:4]}-{attempt}.sqlite", NODE, hebei())
            events = ack_events(10_000, 280)
            rows = [event.row() for event in events]
            trail = audit_rows(events, actor, NODE) if label == "with audit" else ()
            start = time.perf_counter()
            store.append_rows(TABLE, NAMES, rows, trail)
            timings[label].append((time.perf_counter() - start) * 1000)
            store.close()
    plain, audited = (statistics.median(values) for values in timings.values())
    print(f"acknowledge-all 10,000 alarms at 280 sites, one transaction: {plain:.0f} ms without audit, "
          f"{audited:.0f} ms with its 280 audit rows (ratio {audited / plain:.2f}; median of {rounds})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as directory:
        bench_sign_in(Path(directory), 5 if args.quick else 20)
        bench_ack_all(Path(directory), 1 if args.quick else 5)
    print(f"load average after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
