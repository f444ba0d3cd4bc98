"""`duty-console collect`: read the field, write live values and history to PostgreSQL.

The field is the node config's `field.sites_file` (an acquisition TOML), or `--acq`, or —
with `field.simulator = true` and no file — the built-in simulator started in-process.
The database is the node config's `[backend]` (kind = "postgresql") or `--dsn`.
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

from console.config import ConfigError, NodeConfig

log = logging.getLogger(__name__)
PRUNE_EVERY_S = 3600.0


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


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from drivers.acq_config import load_acquisition_config
    from drivers.runtime import AcquisitionRuntime
    from server_link.history import HistoryWriter

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
        writer = HistoryWriter(dsn, args.retain_days, name=args.name, tags=len(plan.tags))
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
    last_prune = 0.0
    try:
        while not stop.is_set() and (deadline is None or time.monotonic() < deadline):
            try:
                batch = batches.get(timeout=0.5)
            except queue.Empty:
                writer.beat_if_due()  # a quiet field still shows the collector alive
                continue
            writer.write(batch, time.time())
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
