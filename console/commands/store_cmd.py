"""`duty-console store check|set-aside`: the node's local store, when it is damaged or suspect."""
from __future__ import annotations

import argparse

from console.config import NodeConfig


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "store", help="check the local store, or move a damaged one aside",
        description="The node's local SQLite store (backend.store_path).")
    actions = parser.add_subparsers(dest="store_action", metavar="ACTION", required=True)
    actions.add_parser("check", help="check every page of the store and its schema revision (read-only)")
    actions.add_parser("set-aside", help="move a damaged store aside (kept), carry its pending entries into a "
                                         "fresh store; the next sync re-loads the jurisdiction")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from server_link import store_guard

    path = config.backend.resolved_store_path
    if args.store_action == "check":
        revision = store_guard.inspect(path, thorough=True)  # StoreUnavailable: one line, exit 2 (cli.main)
        print(f"{path}: sound" + (f", schema revision {revision}" if revision else " (not created yet)"))
        return 0
    if not path.exists():
        print(f"{path}: no store to set aside")
        return 0
    result = store_guard.set_aside(path)
    print(f"moved the store to {result.moved_to}; {result.pending_carried} pending entries carried into a fresh "
          f"{path}; the next sync re-loads the jurisdiction from the backend")
    return 0
