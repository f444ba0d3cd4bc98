"""Schema revisions: which one this build runs, which one a store or the backend holds.

A node syncs only with a backend at exactly this build's head revision: an older backend
lacks tables or columns the node writes, a newer one may hold rows this build would
misread. The revision is Alembic's `alembic_version` row (readable by every node role:
`upgrade_postgres` grants it). Comparisons return one line for the operator, or None.
"""
from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

import psycopg2.errors

from server_link.migrate import alembic_config


@functools.cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def build_head() -> str:
    """The newest revision this build knows (what `sync migrate` brings a schema to)."""
    return _script().get_current_head()


def known_revisions() -> list[str]:
    """Every revision of this build, oldest first."""
    return [script.revision for script in reversed(list(_script().walk_revisions()))]


def sqlite_revision(path: Path) -> str | None:
    """The revision of a node's store (None: not migrated yet). Opens it read-only."""
    from server_link.store_guard import read_only_uri, read_revision

    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return read_revision(conn)
    finally:
        conn.close()


def postgres_revision(conn) -> str | None:
    """The backend's revision (None: never migrated), on an open psycopg2 connection."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('alembic_version') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute("SELECT version_num FROM alembic_version")
        row = cur.fetchone()
    return row[0] if row else None


def is_newer_than_build(revision: str | None) -> bool:
    return revision is not None and revision not in known_revisions()


def backend_problem(revision: str | None) -> str | None:
    """Why this build must not sync with a backend at `revision` (None: it may)."""
    head = build_head()
    if revision == head:
        return None
    if revision is None:
        return f"the backend has no schema yet; this build needs revision {head}: run `duty-console sync migrate`"
    if is_newer_than_build(revision):
        return (f"the backend is at schema revision {revision}, newer than this build (up to {head}): "
                "install the current console on this node")
    return (f"the backend is at schema revision {revision}, older than this build ({head}): "
            "run `duty-console sync migrate` on the backend")


class SchemaMismatch(Exception):
    """The backend is at another schema revision: no sync until one side is upgraded."""


def refuse_mismatched_schema(conn) -> None:
    """Raise `SchemaMismatch` (closing `conn`) unless the backend is at this build's revision."""
    try:
        problem = backend_problem(postgres_revision(conn))
    except psycopg2.errors.InsufficientPrivilege:
        problem = ("this node's role cannot read the backend's schema revision: "
                   "run `duty-console sync migrate` on the backend (it grants it)")
    if problem:
        conn.close()
        raise SchemaMismatch(problem)
    conn.rollback()  # end the read's transaction: the caller starts clean
