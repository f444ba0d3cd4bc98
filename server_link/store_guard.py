"""Opening a node's local store safely: owner-only, checked, backed up before a migration.

The store holds enterprise contacts (names, mobile numbers), so it is created readable by
its owner only (0600; SQLite gives its WAL and shared-memory files the same mode). Before
it is opened for writing:

- a damaged file (not a database, failing SQLite's quick check) raises `StoreDamaged`
  naming the file; `set_aside` moves it out of the way (kept, never deleted), salvages the
  pending outbox into a fresh store, and the next sync re-snapshots the jurisdiction;
- a store at a revision this build does not know (written by a newer console) raises
  `StoreTooNew` instead of being opened and misread;
- a store behind this build is copied next to itself (`store.sqlite.before-<rev>`) with
  SQLite's online backup before the migration runs.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from server_link.schema_head import BUILD_HEAD

SIDE_FILES = ("-wal", "-shm")


class StoreUnavailable(Exception):
    """The local store cannot be used; one line naming the file and what to do."""


class StoreDamaged(StoreUnavailable):
    pass


class StoreTooNew(StoreUnavailable):
    pass


def create_owner_only(path: Path) -> None:
    """Create the store file (and its folder) readable by its owner only, if missing."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def read_only_uri(path: Path) -> str:
    """A SQLite URI that reads `path` without creating anything next to it.

    A read-only connection to a WAL store still creates its `-wal` and `-shm` files when no
    other connection holds them; with no `-wal` present nobody is writing, so the file is
    opened `immutable` (no side files). Checks that must write nothing (self-test) use it.
    """
    wal = Path(f"{path}-wal")
    return f"file:{path}?mode=ro" + ("" if wal.exists() else "&immutable=1")


def inspect(path: Path, thorough: bool = False) -> str | None:
    """The store's revision (None if new or empty); raises if damaged or too new.

    At every open the header and schema are read (a truncated or overwritten file fails
    there); `thorough` adds SQLite's quick check of every page (`store check`, self-test),
    too slow for every start of a store with 50,000 enterprises.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0] if thorough else "ok"
            revision = read_revision(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    if verdict != "ok":
        raise StoreDamaged(f"{path}: the local store is damaged ({verdict}); move it aside with "
                           f"`duty-console store set-aside` (the file is kept, pending entries are carried over, "
                           f"the next sync re-loads the jurisdiction from the backend)")
    if revision in (None, BUILD_HEAD):
        return revision
    from server_link import schema_version  # loads every migration script: only off the common path

    if schema_version.is_newer_than_build(revision):
        raise StoreTooNew(f"{path}: the local store is at schema revision {revision}, newer than this build "
                          f"(up to {schema_version.build_head()}); it was written by a newer console: "
                          "install that version again")
    return revision


def read_revision(conn: sqlite3.Connection) -> str | None:
    """The revision in a store's `alembic_version` (None: not migrated yet)."""
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_table else None
    return row[0] if row else None


def prepare(path: Path) -> None:
    """Make `path` a store at this build's schema: created 0600, checked, backed up, migrated.
    A store at `BUILD_HEAD` is left as it is (Alembic is not even imported)."""
    revision = inspect(path)
    if revision == BUILD_HEAD:
        return
    from sqlalchemy.exc import DBAPIError

    from server_link.migrate import upgrade_sqlite

    try:
        create_owner_only(path)
        if revision is not None:
            backup(path, path.with_name(f"{path.name}.before-{revision}"))
        upgrade_sqlite(path)
    except (OSError, sqlite3.DatabaseError, DBAPIError) as exc:  # read-only or full disk
        reason = getattr(exc, "orig", None) or getattr(exc, "strerror", None) or exc
        raise StoreUnavailable(f"{path}: the local store cannot be written ({reason})") from None


def backup(source: Path, target: Path) -> None:
    """A consistent copy of a store (SQLite online backup), owner-only like the store."""
    create_owner_only(target)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@dataclass(frozen=True)
class SetAside:
    moved_to: Path
    pending_carried: int


def set_aside(path: Path) -> SetAside:
    """Move a damaged store aside (kept, with its WAL) and start a fresh one that carries
    every pending outbox entry that can still be read; the next sync re-snapshots."""
    moved = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    pending = _readable_outbox(path)
    for suffix in ("", *SIDE_FILES):
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(Path(f"{moved}{suffix}"))
    prepare(path)
    if pending:
        conn = sqlite3.connect(path)
        try:
            with conn:
                columns = list(pending[0])
                conn.executemany(f"INSERT OR IGNORE INTO outbox ({','.join(columns)}) "
                                 f"VALUES ({','.join('?' * len(columns))})",
                                 [tuple(row[c] for c in columns) for row in pending])
        finally:
            conn.close()
    return SetAside(moved, len(pending))


def _readable_outbox(path: Path) -> list[dict]:
    """The outbox rows SQLite can still read from a damaged store (none if the file is unreadable)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            rows = [dict(row) for row in conn.execute(
                "SELECT op_id, table_name, row_id, kind, base_version, division, fields, created_at "
                "FROM outbox ORDER BY seq")]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []
    return [row for row in rows if _decodes(row["fields"])]


def _decodes(fields: str) -> bool:
    try:
        json.loads(fields)
    except (TypeError, ValueError):
        return False
    return True
