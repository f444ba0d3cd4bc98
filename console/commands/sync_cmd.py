"""`duty-console sync`: backend schema, node roles, demo data, the field catalogue, one sync cycle, housekeeping."""
from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from pathlib import Path

from console.config import NodeConfig
from domain.config_files import ConfigError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "sync", help="shared backend: migrate, add node roles, seed demo data, sync once, purge",
        description="Work with the shared PostgreSQL backend named in the node config.")
    actions = parser.add_subparsers(dest="sync_action", metavar="ACTION", required=True)
    migrate = actions.add_parser(
        "migrate", help="bring the backend (and this node's local store) to the current schema; "
                        "the store is backed up first (store.sqlite.before-REV)")
    migrate.add_argument("--check", action="store_true",
                         help="only report the revisions; exit 0 when both are current, 1 when a migration is due")
    migrate.add_argument("--to", metavar="REVISION", help="migrate the backend up to this revision (default: head)")
    role = actions.add_parser("add-node", help="create the login role of a node, or change its password "
                                               "(run as the backend owner)")
    role.add_argument("division", help="division code of the node, e.g. 130102")
    role.add_argument("role", help="role name, e.g. node_130102")
    role.add_argument("--password-env", help="read the role's password from this environment variable "
                                             "(default: prompt)")
    role.add_argument("--change-password", action="store_true",
                      help="the role exists: set its new password (the division must match its registration)")
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
    import psycopg2
    from sqlalchemy.exc import DBAPIError

    from server_link.credentials import backend_dsn
    from server_link.schema_version import SchemaMismatch

    try:
        dsn = backend_dsn(config.backend)
    except ConfigError as exc:
        print(f"duty-console sync: config error: {exc}", file=sys.stderr)
        return 2
    try:
        return ACTIONS[args.sync_action](args, config, dsn)
    except (UsageError, SchemaMismatch) as exc:
        print(f"duty-console sync {args.sync_action}: {exc}", file=sys.stderr)
        return 2
    except (psycopg2.Error, DBAPIError) as exc:
        error = getattr(exc, "orig", None) or exc
        print(f"duty-console sync: backend error: {_first_line(error)}", file=sys.stderr)
        return 2


class UsageError(Exception):
    """A request the command refuses, phrased for the administrator (exit 2)."""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _migrate(args: argparse.Namespace, config: NodeConfig, dsn: str) -> int:
    import psycopg2

    from server_link import schema_version
    from server_link.migrate import upgrade_postgres
    from console.node_sync import open_store

    head, known = schema_version.build_head(), schema_version.known_revisions()
    with contextlib.closing(psycopg2.connect(dsn, connect_timeout=10)) as conn:
        backend = schema_version.postgres_revision(conn)
    store_path = config.backend.resolved_store_path
    store = schema_version.sqlite_revision(store_path) if store_path.exists() else None
    if args.check:
        print(f"this build: {head}; backend: {backend or 'no schema'}; local store: {store or 'not created'}")
        if schema_version.is_newer_than_build(backend) or schema_version.is_newer_than_build(store):
            raise UsageError("a schema is newer than this build: install the current console")
        return 0 if backend == head and store in (head, None) else 1
    target = args.to or head
    if target not in known:
        raise UsageError(f"unknown revision {target!r}; this build knows {', '.join(known)}")
    if schema_version.is_newer_than_build(backend):
        raise UsageError(f"the backend is at {backend}, newer than this build (up to {head}): nothing to do here")
    if backend is not None and known.index(backend) > known.index(target):
        raise UsageError(f"the backend is at {backend}, already beyond {target}; downgrades are not supported")
    upgrade_postgres(dsn, target)
    open_store(config).close()  # backs the store up first when it migrates (server_link.store_guard)
    print(f"backend at {target}; local store at {head}")
    return 0


def _add_node(args: argparse.Namespace, config: NodeConfig, dsn: str) -> int:
    import os

    import psycopg2
    from psycopg2 import sql

    from domain.divisions import hebei
    from server_link.server_schema import create_node_role

    if args.division not in hebei():
        raise UsageError(f"unknown division code {args.division!r} (not one of the 180 Hebei divisions)")
    if args.password_env:
        password = os.environ.get(args.password_env)
        if password is None:
            raise UsageError(f"environment variable {args.password_env} is not set")
    else:
        password = getpass.getpass("password: ")
    with contextlib.closing(psycopg2.connect(dsn, connect_timeout=10)) as conn, conn, conn.cursor() as cur:
        cur.execute("SELECT division FROM sync_node WHERE role_name = %s", (args.role,))
        registered = cur.fetchone()
        if args.change_password:
            if registered is None:
                raise UsageError(f"role {args.role} is not a registered node; add it without --change-password")
            if registered[0] != args.division:
                raise UsageError(f"role {args.role} is registered for {registered[0]}, not {args.division}")
            cur.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(args.role), sql.Literal(password)))
            print(f"password of role {args.role} (node {args.division}) changed")
            return 0
        if registered is not None:
            raise UsageError(f"role {args.role} already exists for node {registered[0]}; "
                             "use --change-password to set a new password")
        create_node_role(cur, args.role, args.division, password)
    print(f"role {args.role} created for node {args.division}")
    return 0


def _seed(args: argparse.Namespace, config: NodeConfig, dsn: str) -> int:
    import psycopg2

    from server_link import synthetic

    data = synthetic.generate(args.seed, args.enterprises)
    with contextlib.closing(psycopg2.connect(dsn)) as conn, conn:
        synthetic.load(conn, data)
    print(f"loaded {synthetic.row_count(data):,} rows ({args.enterprises:,} enterprises, seed {args.seed})")
    return 0


def _once(args: argparse.Namespace, config: NodeConfig, dsn: str) -> int:
    from console.node_sync import sync_once

    store_summary = sync_once(config, dsn, progress=lambda done, total: print(f"\rinitial sync {done}/{total}", end=""))
    print(f"synced: {store_summary}")
    return 0


def _purge(args: argparse.Namespace, config: NodeConfig, dsn: str) -> int:
    import psycopg2

    from server_link.maintenance import purge

    with contextlib.closing(psycopg2.connect(dsn)) as conn, conn:
        removed = purge(conn, config.sync.tombstone_retention_days * 86400)
    print(f"{removed} tombstones removed")
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


ACTIONS = {"migrate": _migrate, "add-node": _add_node, "seed": _seed, "once": _once, "purge": _purge,
           "publish-catalogue": _publish_catalogue}
