"""`duty-console self-test`: print a table of checks, exit 1 if an essential one fails."""
from __future__ import annotations

import argparse

from console.config import NodeConfig


def add_parser(subparsers) -> None:
    subparsers.add_parser(
        "self-test",
        help="check config, store, backend, field connections, video backend and fonts",
        description="Check that this node can run; exit non-zero if an essential check fails.",
    )


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from console.self_test import format_table, run_checks

    results, healthy = run_checks(config)
    print(format_table(results))
    return 0 if healthy else 1
