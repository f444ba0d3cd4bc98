"""A migrated backend with node roles, and nodes (local store + engine) for sync tests.

Roles are cluster-wide, so their names carry a per-session random prefix and are dropped
afterwards.
"""
from __future__ import annotations

import atexit
import contextlib
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import make_dsn, parse_dsn

from server_link import server_schema
from server_link.local_store import LocalStore
from domain.divisions import hebei
from server_link.migrate import upgrade_postgres
from server_link.models import synced_tables
from server_link.sync_engine import SyncEngine, connect_backend
from tests.support.postgres import fresh_database


@dataclass
class Backend:
    admin_dsn: str
    prefix: str = field(default_factory=lambda: f"dtn{uuid.uuid4().hex[:8]}")
    roles: dict[str, str] = field(default_factory=dict)  # division -> role

    def admin(self):
        conn = psycopg2.connect(self.admin_dsn)
        conn.autocommit = True
        return conn

    def role_for(self, division: str) -> str:
        if division not in self.roles:
            role = f"{self.prefix}_{division}"
            with self.admin() as conn, conn.cursor() as cur:
                server_schema.create_node_role(cur, role, division)
            conn.close()
            self.roles[division] = role
        return self.roles[division]

    def node_dsn(self, division: str, host: str | None = None, port: int | None = None) -> str:
        params = parse_dsn(self.admin_dsn)
        params["user"] = self.role_for(division)
        if host is not None:
            params["host"], params["port"] = host, str(port)
        return make_dsn(**params)

    def query(self, statement: str, args=()) -> list[tuple]:
        conn = self.admin()
        try:
            with conn.cursor() as cur:
                cur.execute(statement, args)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def drop_roles(self) -> None:
        conn = self.admin()
        with conn.cursor() as cur:
            for role in self.roles.values():
                server_schema.drop_node_role(cur, role)
        conn.close()
        self.roles.clear()


@contextlib.contextmanager
def backend(dsn: str) -> Iterator[Backend]:
    upgrade_postgres(dsn)
    env = Backend(dsn)
    try:
        yield env
    finally:
        env.drop_roles()


@dataclass
class Node:
    division: str
    store: LocalStore
    engine: SyncEngine


_STORE_TEMPLATE: list[Path] = []


def _fresh_store_file(directory: Path, division: str) -> Path:
    """A migrated empty SQLite store, copied from one migrated once per process (fast)."""
    if not _STORE_TEMPLATE:
        template = Path(tempfile.mkdtemp(prefix="duty-store-tpl-")) / "store.sqlite"
        LocalStore(template, "130000", hebei()).close()
        atexit.register(shutil.rmtree, template.parent, True)
        _STORE_TEMPLATE.append(template)
    path = directory / f"node-{division}-{uuid.uuid4().hex[:6]}.sqlite"
    shutil.copyfile(_STORE_TEMPLATE[0], path)
    return path


def make_node(env: Backend, division: str, directory: Path, dsn: str | None = None) -> Node:
    store = LocalStore(_fresh_store_file(directory, division), division, hebei())
    engine = SyncEngine(store, connect_backend(dsn or env.node_dsn(division)))
    return Node(division, store, engine)


def enterprise_fields(division: str, serial: int, **overrides) -> dict:
    """A valid enterprise record for a division (credit code checked)."""
    from server_link import credit_code

    body = f"T{serial:07d}"
    fields = {"credit_code": credit_code.make(division, body), "name": f"测试企业{serial}",
              "industry": "other", "supervision_level": "county", "status": "operating",
              "audit_state": "approved"}
    fields.update(overrides)
    return fields


def settle(nodes: list[Node], rounds: int = 3) -> None:
    """Sync every node a few rounds so each has heard every other's pushes."""
    for _ in range(rounds):
        for node in nodes:
            node.engine.sync_once()


def server_rows(env: Backend, table: str, divisions: set[str]) -> dict[str, dict]:
    """The backend's rows of a table within some divisions, as the admin sees them."""
    columns = synced_tables()[table]
    rows = env.query(f"SELECT {','.join(columns)} FROM {table} WHERE division = ANY(%s)", (sorted(divisions),))
    return {row["id"]: row for row in (dict(zip(columns, r)) for r in rows)}


@contextlib.contextmanager
def migrated_template(server_dsn: str) -> Iterator[str]:
    """A database migrated once and used as the template of each test's backend (fast clones)."""
    with fresh_database(server_dsn, prefix="duty_sync_tpl") as dsn:
        upgrade_postgres(dsn)
        yield parse_dsn(dsn)["dbname"]


@contextlib.contextmanager
def cloned_backend(server_dsn: str, template: str) -> Iterator[Backend]:
    name = f"duty_sync_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(server_dsn)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template)))
        params = parse_dsn(server_dsn)
        params["dbname"] = name
        env = Backend(make_dsn(**params))
        try:
            yield env
        finally:
            env.drop_roles()
    finally:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.close()
