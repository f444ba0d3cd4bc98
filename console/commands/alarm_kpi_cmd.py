"""`duty-console alarm-kpi`: alarm-system KPIs (EEMUA 191 / ISA-18.2) of this node's journal."""
from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from pathlib import Path

from console.config import NodeConfig


def _when(text: str) -> float:
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date/time: {text!r} (e.g. 2026-11-28T08:00)") from None


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "alarm-kpi",
        help="alarm KPIs for a period: rate per 10 min, peak, flood time, chattering, standing, top 10",
        description="Compute alarm-system KPIs from the local alarm journal (default: the last 24 h).",
    )
    parser.add_argument("--from", dest="start", type=_when, help="period start, ISO local time")
    parser.add_argument("--to", dest="end", type=_when, help="period end, ISO local time (default now)")
    parser.add_argument("--csv", type=Path, metavar="OUT.csv", help="write all figures as CSV")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from console.alarms.kpi import compute_kpis
    from server_link.alarm_journal import AlarmJournal
    from domain.divisions import hebei

    end = args.end if args.end is not None else datetime.now().timestamp()
    start = args.start if args.start is not None else end - timedelta(days=1).total_seconds()
    if end <= start:
        print("duty-console alarm-kpi: --to must be after --from", file=sys.stderr)
        return 2
    journal = AlarmJournal.open(config.backend.resolved_store_path, config.node.division, hebei())
    try:
        report = compute_kpis(journal.events(start - 2 * 86400.0, end, kinds=("raise", "clear")), start, end)
    finally:
        journal.close()
    print(f"period          {datetime.fromtimestamp(start):%Y-%m-%d %H:%M} .. {datetime.fromtimestamp(end):%Y-%m-%d %H:%M}")
    print(f"alarms          {report.total}")
    print(f"per 10 min      {report.average_per_10min:.2f} average, {report.peak_10min} peak")
    print(f"time in flood   {report.flood_percent:.2f} %")
    print(f"chattering      {len(report.chattering)}")
    print(f"standing        {len(report.standing)}")
    for tag, condition, count in report.top10:
        print(f"top             {count:6d}  {tag} {condition}")
    if args.csv:
        args.csv.write_text(report.to_csv(), encoding="utf-8-sig")
        print(f"written {args.csv}")
    return 0
