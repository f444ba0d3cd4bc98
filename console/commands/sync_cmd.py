"""`duty-console sync`: backend schema, node roles, demo data, the field catalogue, one sync cycle, housekeeping."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from console.config import ConfigError, NodeConfig


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "sync", help="shared backend: migrate, add node roles, seed demo data, sync once, purge",
        description="Work with the shared PostgreSQL backend named in the node config.")
    actions = parser.add_subparsers(dest="sync_action", metavar="ACTION", required=True)
    actions.add_parser("migrate", help="bring the backend (and this node's local store) to the current schema")
    role = actions.add_parser("add-node", help="create the login role of a node (run as the backend owner)")
    role.add_argument("division", help="division code of the node, e.g. 130102")
    role.add_argument("role", help="role name, e.g. node_130102")
    role.add_argument("--password-env", help="read the new role's password from this environment variable "
                                             "(default: prompt)")
    seed = actions.add_parser("seed", help="load the synthetic data set (run as the backend owner)")
    seed.add_argument("--enterprises", type=int, default=50_000)
    seed.add_argument("--seed", type=int, default=20180830)
    actions.add_parser("once", help="push this node's outbox and pull its jurisdiction once")
    actions.add_parser("purge", help="drop tombstones and change-log entries older than the retention")
    publish = actions.add_parser(
        "publish-catalogue", help="publish the field catalogue (sites, devices, tags, cameras) into the registry "
                                  "tables, idempotently (run as the backend owner)")
    publish.add_argument("--acq", type=Path, help="acquisition config TOML (default: config field.sites_file)")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    if config.backend.kind != "postgresql":
        print("duty-console sync: the node config has no shared backend (backend.kind = \"embedded\")",
              file=sys.stderr)
        return 2
    import os

    import psycopg2

    from server_link.credentials import backend_dsn

    try:
        dsn = backend_dsn(config.backend)
    except ConfigError as exc:
        print(f"duty-console sync: config error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.sync_action == "migrate":
            from server_link.migrate import upgrade_postgres
            from server_link.node_sync import open_store

            upgrade_postgres(dsn)
            open_store(config).close()
            print("backend and local store are at the current schema")
        elif args.sync_action == "add-node":
            from server_link.server_schema import create_node_role

            password = os.environ[args.password_env] if args.password_env else getpass.getpass("password: ")
            with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
                create_node_role(cur, args.role, args.division, password)
            print(f"role {args.role} created for node {args.division}")
        elif args.sync_action == "seed":
            from server_link import synthetic

            data = synthetic.generate(args.seed, args.enterprises)
            with psycopg2.connect(dsn) as conn:
                synthetic.load(conn, data)
            print(f"loaded {synthetic.row_count(data):,} rows ({args.enterprises:,} enterprises, seed {args.seed})")
        elif args.sync_action == "once":
            from server_link.node_sync import open_store
            from server_link.sync_engine import SyncEngine, connect_backend

            store = open_store(config)
            engine = SyncEngine(store, connect_backend(dsn), batch_size=config.sync.batch_size)
            engine.sync_once(progress=lambda done, total: print(f"\rinitial sync {done}/{total}", end=""))
            print(f"synced: {store.pending_count()} pending, {len(store.open_conflicts())} conflicts waiting")
            engine.close()
            store.close()
        elif args.sync_action == "publish-catalogue":
            return _publish_catalogue(args, config, dsn)
        elif args.sync_action == "purge":
            from server_link.maintenance import purge

            with psycopg2.connect(dsn) as conn:
                removed = purge(conn, config.sync.tombstone_retention_days * 86400)
            print(f"{removed} tombstones removed")
    except psycopg2.Error as exc:
        print(f"duty-console sync: backend error: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
        return 1
    return 0


def _publish_catalogue(args: argparse.Namespace, config: NodeConfig, dsn: str) -> int:
    import psycopg2

    from drivers.acq_config import load_acquisition_config
    from server_link.registry_publish import CameraEntry, catalogue_rows, enterprise_ids, publish

    acq = args.acq or config.field.sites_file
    if acq is None:
        print("duty-console sync publish-catalogue: give --acq or set field.sites_file "
              "(the simulator's ports change on each start: nothing lasting to publish)", file=sys.stderr)
        return 2
    try:
        plan = load_acquisition_config(acq).to_plan()
    except ConfigError as exc:
        print(f"duty-console sync publish-catalogue: {exc}", file=sys.stderr)
        return 2
    cameras = [CameraEntry(c.id, c.name, c.site, c.main_url) for c in config.video.cameras]
    conn = psycopg2.connect(dsn)
    try:
        enterprises = enterprise_ids(conn, (s.enterprise for s in plan.catalogue.sites.values()))
        changed = publish(conn, catalogue_rows(plan, cameras, enterprises))
    finally:
        conn.close()
    print("changed rows: " + ", ".join(f"{table} {count}" for table, count in changed.items()))
    return 0
