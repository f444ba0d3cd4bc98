"""`duty-console` and its subcommands.

Subcommands live in their own modules with `add_parser(subparsers)` and `run(args, config) -> int`;
they are registered in `SUBCOMMANDS` and imported only when used, so `--help` is fast.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from console.navigation import PAGE_KEYS

SUBCOMMANDS = {
    "self-test": "console.commands.self_test_cmd",
    "make-config": "console.commands.make_config",
    "sync": "console.commands.sync_cmd",
    "simulate": "console.commands.simulate_cmd",
    "probe": "console.commands.probe_cmd",
    "collect": "console.commands.collect_cmd",
    "alarm-kpi": "console.commands.alarm_kpi_cmd",
    "records": "console.commands.records_cmd",
    "users": "console.commands.users_cmd",
    "store": "console.commands.store_cmd",
    "commission": "console.commands.commission_cmd",
}


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, got {text!r}") from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"size {text} is too small (at least 320x240)")
    return width, height


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="duty-console",
        description="Duty console of the Hebei safety-production supervision network. "
        "Without a subcommand, starts the GUI on the configured node "
        "(the embedded default when there is no config file).",
    )
    parser.add_argument("--config", type=Path, help="node config TOML (default: the user config dir)")
    parser.add_argument("--demo", action="store_true",
                        help="run as a demonstration: built-in simulator, demo records in a local demo store, "
                             "no backend (the default when there is no config file)")
    parser.add_argument("--verbose", action="store_true", help="log to the terminal too, at debug level")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="start offscreen, save a PNG of the main window when the page is ready, exit")
    parser.add_argument("--page", choices=PAGE_KEYS, help="page to show first")
    parser.add_argument("--startup-report", action="store_true",
                        help="print start-up milestones (window shown, first live value) and exit "
                             "after the first live value is on screen (bench/startup.py)")
    parser.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH",
                        help="window size for --screenshot (default 1920x1080)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="UI language (default from config: zh_CN)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in SUBCOMMANDS.items():
        importlib.import_module(module).add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from console.config import load_config
    from domain.config_files import ConfigError
    from server_link.store_guard import StoreUnavailable

    try:
        config = load_config(args.config, demo=args.demo)
    except ConfigError as exc:
        print(f"duty-console: config error: {exc}", file=sys.stderr)
        return 2
    from console.logging_setup import configure_logging

    problem = configure_logging(args.verbose)
    if problem:
        print(f"duty-console: {problem}", file=sys.stderr)
    try:
        if args.command:
            return importlib.import_module(SUBCOMMANDS[args.command]).run(args, config)
        from console.app import run_gui

        return run_gui(args, config)
    except (ConfigError, StoreUnavailable) as exc:
        print(f"duty-console: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # read-only or full disk: say where, never a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"duty-console: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
