"""A PostgreSQL server for tests and benchmarks, and a fresh database per session.

Order of preference: `$DUTY_TEST_PG_DSN`, the machine's server on 127.0.0.1:5432,
else a throwaway cluster started from the installed binaries (`initdb`, `pg_ctl`).
PostgreSQL refuses to run as root, so as root the cluster runs as user `postgres`.
"""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg2
from psycopg2 import sql

LOCAL_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def _answers(dsn: str) -> bool:
    try:
        psycopg2.connect(dsn, connect_timeout=2).close()
        return True
    except psycopg2.Error:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL binary {name!r} not found: install postgresql (scripts/setup.sh does)")
    return found if isinstance(found, str) else found[-1]


def run_pg_tool(command: list[str]) -> None:
    """Run a PostgreSQL tool; on failure say which and what it printed."""
    result = subprocess.run(command, capture_output=True, text=True, cwd="/")
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}: "
                           f"{(result.stderr or result.stdout).strip()[-2000:]}")


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """initdb + pg_ctl start on a free loopback port; yields a server-level DSN."""
    workdir = Path(tempfile.mkdtemp(prefix="duty-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        run_as = ["runuser", "-u", "postgres", "--"]
        pw = pwd.getpwnam("postgres")
        os.chown(workdir, pw.pw_uid, pw.pw_gid)
    datadir, port = workdir / "data", _free_port()
    run_pg_tool([*run_as, _pg_bin("initdb"), "-D", str(datadir), "-U", "postgres", "-A", "trust",
          "-E", "UTF8", "--no-locale"])
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {workdir} -c fsync=off"
    run_pg_tool([*run_as, _pg_bin("pg_ctl"), "-D", str(datadir), "-o", options, "-w",
          "-l", str(workdir / "log"), "start"])
    try:
        yield f"host=127.0.0.1 port={port} user=postgres dbname=postgres"
    finally:
        subprocess.run([*run_as, _pg_bin("pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(workdir, ignore_errors=True)


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
