"""A migrated backend with node roles, and nodes (local store + engine) for sync tests.

Roles are cluster-wide, so their names carry a per-session random prefix and are dropped
afterwards.
"""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
from psycopg2.extensions import make_dsn, parse_dsn

from server_link import server_schema
from server_link.local_store import LocalStore
from server_link.migrate import upgrade_postgres
from server_link.sync_engine import SyncEngine, connect_backend


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


def make_node(env: Backend, division: str, directory: Path, dsn: str | None = None) -> Node:
    store = LocalStore(directory / f"node-{division}-{uuid.uuid4().hex[:6]}.sqlite", division)
    engine = SyncEngine(store, connect_backend(dsn or env.node_dsn(division)))
    return Node(division, store, engine)
