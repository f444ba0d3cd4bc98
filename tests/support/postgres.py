"""A PostgreSQL server for tests and benchmarks, and a fresh database per session.

Order of preference: `$DUTY_TEST_PG_DSN`, the machine's server on 127.0.0.1:5432,
else a throwaway cluster started from the installed binaries (`initdb`, `pg_ctl`).
PostgreSQL refuses to run as root, so as root the cluster runs as user `postgres`.
"""
from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import psycopg2
from psycopg2 import sql

from tests.support.pg_cluster import ThrowawayCluster

LOCAL_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def _answers(dsn: str) -> bool:
    try:
        psycopg2.connect(dsn, connect_timeout=2).close()
        return True
    except psycopg2.Error:
        return False


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """initdb + pg_ctl start on a free loopback port; yields a server-level DSN."""
    cluster = ThrowawayCluster()
    try:
        cluster.start()
        yield cluster.dsn
    finally:
        cluster.remove()


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A server-level DSN (database `postgres`) by the order of preference above."""
    explicit = os.environ.get("DUTY_TEST_PG_DSN")
    if explicit:
        yield explicit
    elif _answers(LOCAL_DSN):
        yield LOCAL_DSN
    else:
        with throwaway_cluster() as dsn:
            yield dsn


def with_dbname(dsn: str, dbname: str) -> str:
    params = psycopg2.extensions.parse_dsn(dsn)
    params["dbname"] = dbname
    return psycopg2.extensions.make_dsn(**params)


@contextlib.contextmanager
def fresh_database(server_dsn: str, prefix: str = "duty_test") -> Iterator[str]:
    """Create an empty database, yield its DSN, drop it (and its sessions) afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(server_dsn)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        yield with_dbname(server_dsn, name)
    finally:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.close()


def backend_node_toml(dsn: str, division: str, user: str | None = None, extra: str = "") -> str:
    """A node config whose backend is the database of `dsn` (its user unless `user`), then `extra`."""
    params = psycopg2.extensions.parse_dsn(dsn)
    return (f'[node]\ndivision = "{division}"\n\n[backend]\nkind = "postgresql"\n'
            f'host = "{params.get("host", "127.0.0.1")}"\nport = {params.get("port", 5432)}\n'
            f'dbname = "{params["dbname"]}"\nuser = "{user or params.get("user", "postgres")}"\n'
            f'sslmode = "disable"\n{extra}')
