"""`duty-console collect`: read the field, write live values and history to PostgreSQL.

The field is the node config's `field.sites_file` (an acquisition TOML), or `--acq`, or —
with `field.simulator = true` and no file — the built-in simulator started in-process.
The database is the node config's `[backend]` (kind = "postgresql") or `--dsn`.

The database must answer at start (a wrong DSN stops the command with one line); after
that an outage is survived: values go to an on-disk spool (`--spool`, bounded by
`--spool-max-rows`) and are written, in order, when the database is back
(`server_link.outage_writer`). A tag the collector stops hearing is marked stale in
`field_live` after its stale limit (`server_link.silence_watch`).
"""
from __future__ import annotations

import argparse
import logging
import queue
import signal
import sys
import threading
import time
from pathlib import Path

from console import paths
from console.config import NodeConfig
from domain.config_files import ConfigError
from server_link.spool import BYTES_PER_ROW, DEFAULT_MAX_ROWS

log = logging.getLogger(__name__)
PRUNE_EVERY_S = 3600.0
SILENCE_CHECK_S = 0.5


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "collect", help="headless collector: field values into PostgreSQL (live + 30-day history)",
        description="Runs the acquisition runtime headless and writes every batch into PostgreSQL "
                    "(field_live, field_history partitioned by day, NOTIFY field_live).")
    parser.add_argument("--acq", type=Path, help="acquisition config TOML (default: config field.sites_file)")
    parser.add_argument("--dsn", help="PostgreSQL DSN (default: the config's [backend])")
    parser.add_argument("--retain-days", type=int, default=31, help="history kept, at least 30 (default 31)")
    parser.add_argument("--name", default="collector",
                        help="this collector's name in field_collector (its heartbeat row; default 'collector')")
    parser.add_argument("--duration", type=float, help="stop after this many seconds (default: run until stopped)")
    parser.add_argument("--spool", type=Path,
                        help="outage spool file (default: collector-<name>.spool.sqlite in the data dir)")
    parser.add_argument("--spool-max-rows", type=int, default=DEFAULT_MAX_ROWS,
                        help=f"values the spool keeps, oldest dropped beyond (default {DEFAULT_MAX_ROWS:,}, "
                             f"about {DEFAULT_MAX_ROWS * BYTES_PER_ROW // 1_000_000} MB)")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from drivers.acq_config import load_acquisition_config
    from drivers.runtime import AcquisitionRuntime
    from server_link.history import HistoryWriter
    from server_link.outage_writer import OutageTolerantWriter
    from server_link.silence_watch import SilenceWatch
    from server_link.spool import Spool

    simulator = None
    try:
        acq_path = args.acq or config.field.sites_file
        if acq_path is not None:
            plan = load_acquisition_config(acq_path).to_plan()
        elif config.field.simulator:
            from drivers.simulator.embedded import start_embedded_simulator

            simulator, plan = start_embedded_simulator(config.field.simulator_seed)
        else:
            raise ConfigError("field: no sites_file and the simulator is off: nothing to collect")
        dsn = args.dsn or _backend_dsn(config)
        stale_after = {tag: binding.spec.stale_after for tag, binding in plan.tags.items()}
        history = HistoryWriter(dsn, args.retain_days, name=args.name, tags=len(plan.tags), stale_after=stale_after)
        spool = Spool(args.spool or paths.data_dir() / f"collector-{args.name}.spool.sqlite", args.spool_max_rows)
        writer = OutageTolerantWriter(history, spool)
    except (ConfigError, ValueError) as exc:
        print(f"duty-console collect: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # database unreachable etc.: say what, not a traceback
        print(f"duty-console collect: {type(exc).__name__}: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
        return 1
    batches: queue.Queue = queue.Queue()
    runtime = AcquisitionRuntime(plan, batches.put)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    runtime.start()
    print(f"collecting {len(plan.tags)} tags of {len(plan.catalogue.sites)} sites", flush=True)
    deadline = time.monotonic() + args.duration if args.duration else None
    silence = SilenceWatch(stale_after)
    last_prune = last_check = 0.0
    try:
        while not stop.is_set() and (deadline is None or time.monotonic() < deadline):
            try:
                batch = batches.get(timeout=SILENCE_CHECK_S)
            except queue.Empty:
                batch = []  # a quiet field: the heartbeat is still renewed
            silence.heard(batch, time.monotonic())
            if time.monotonic() - last_check >= SILENCE_CHECK_S:
                batch = batch + silence.check(time.monotonic())
                last_check = time.monotonic()
            writer.submit(batch, time.time())
            if time.monotonic() - last_prune > PRUNE_EVERY_S:
                dropped = writer.prune(time.time())
                if dropped:
                    log.info("pruned history partitions %s", ", ".join(dropped))
                last_prune = time.monotonic()
    finally:
        runtime.stop()
        writer.close()
        if simulator is not None:
            simulator.stop()
    return 0


def _backend_dsn(config: NodeConfig) -> str:
    if config.backend.kind != "postgresql":
        raise ConfigError("backend.kind is 'embedded': give --dsn or configure a postgresql backend")
    from server_link.credentials import backend_dsn

    return backend_dsn(config.backend)
