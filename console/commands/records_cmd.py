"""`duty-console records import FILE`: enterprises from xlsx or CSV into this node's store.

Every bad row is printed (file:row N: column: reason). A file with any bad row stores
nothing unless `--good-rows-only`; `--dry-run` only checks. Exit 0 when the file was stored
(or would be), 1 when bad rows kept it out, 2 when the file cannot be read.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from console.config import NodeConfig


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("records", help="registry records: import enterprises from xlsx/CSV",
                                   description="Registry records of this node.")
    actions = parser.add_subparsers(dest="records_command", metavar="ACTION", required=True)
    imports = actions.add_parser(
        "import", help="import enterprises from an xlsx or CSV (UTF-8 or GBK) file",
        description="Import enterprises. Columns (Chinese headers, any order, extra columns ignored): "
                    "统一社会信用代码, 企业名称, 行政区划代码, 行业类别, 监管层级, 地址, 法定代表人, 联系电话, 经度, 纬度.")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("--dry-run", action="store_true", help="check every row, store nothing")
    imports.add_argument("--good-rows-only", action="store_true",
                         help="store the good rows even when some rows are bad (the bad ones are listed)")
    imports.add_argument("--operator", default=None, help="who imports (default: the login name)")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from domain.divisions import hebei
    from console.operators.permissions import Actor, Role
    from console.records.queries import RecordsReader
    from console.records.registry_import import ImportFileError, store_rows, validate
    from console.node_sync import open_store

    node = config.node.division
    try:
        checked = validate(args.file, hebei(), node)
    except ImportFileError as exc:
        print(f"duty-console records import: {exc}", file=sys.stderr)
        return 2
    for error in checked.errors:
        print(f"{args.file}:{error}")
    summary = f"{checked.rows:,} rows: {len(checked.good):,} good, {checked.bad_rows:,} bad"
    if checked.errors and not args.good_rows_only:
        print(f"{summary}; nothing stored (fix the rows, or use --good-rows-only)")
        return 1
    if args.dry_run:
        print(f"{summary}; dry run, nothing stored")
        return 0
    operator = args.operator or getpass.getuser()
    actor = Actor(username=operator, display_name=operator, role=Role.DUTY_OFFICER, node=node)
    store = open_store(config)
    reader = RecordsReader(store.path, node)
    try:
        result = store_rows(store, actor, hebei(), checked, reader.enterprise_ids_by_code())
    finally:
        reader.close()
        store.close()
    print(f"{summary}; stored: {result.created:,} new, {result.updated:,} updated (pending review), "
          f"{result.unchanged:,} unchanged")
    return 0
