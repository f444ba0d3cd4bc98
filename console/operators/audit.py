"""The audit trail: rows for `LocalStore`'s `audit=` argument, and reading them back. Qt-free.

An audit row says who (`username`), from which node, when, what action, on what target
(kind, id, site) and, for edits, the changed fields before and after. The row is written
in the same SQLite transaction as the action (`LocalStore` takes the rows built here), the
table is append-only and replicated like the alarm journal.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from console.operators.permissions import Actor
from server_link.sql_text import filtered

CSV_COLUMNS = ("at", "username", "node", "action", "target_kind", "target_id", "site", "division", "before", "after")


def entry(actor: Actor | str, node: str, action: str, division: str, *, target_kind: str | None = None,
          target_id: str | None = None, site: str | None = None, before: dict | None = None,
          after: dict | None = None, at: float | None = None) -> dict:
    """One audit row as `LocalStore` writes it. `before`/`after` left out of an edit are filled
    by the store from the row it changes."""
    row = {"at": time.time() if at is None else at,
           "username": actor.username if isinstance(actor, Actor) else actor,
           "node": node, "action": action, "division": division, "target_kind": target_kind,
           "target_id": target_id, "site": site}
    if before is not None:
        row["before"] = before
    if after is not None:
        row["after"] = after
    return row


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""
    action: str = ""
    site: str = ""
    start: float | None = None
    end: float | None = None


class AuditReader:
    """Read-only queries on the node's store (WAL: never blocks a write)."""

    def __init__(self, path: Path | str):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.Lock()

    def close(self) -> None:
        self._db.close()

    def rows(self, flt: AuditFilter = AuditFilter(), limit: int | None = 5_000) -> list[dict]:
        """Matching rows, newest first."""
        where, params = [], []
        for column, value in (("username", flt.username), ("action", flt.action), ("site", flt.site)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if flt.start is not None:
            where.append("at >= ?")
            params.append(flt.start)
        if flt.end is not None:
            where.append("at < ?")
            params.append(flt.end)
        sql = filtered(f"SELECT {', '.join(CSV_COLUMNS)} FROM audit_event", where, "at DESC, rowid DESC", limit)
        with self._lock:
            return [dict(row) for row in self._db.execute(sql, params)]

    def distinct(self, column: str) -> list[str]:
        """The values present in one filter column (username, action, site), sorted."""
        if column not in ("username", "action", "site"):
            raise ValueError(f"audit filter column {column!r}: not one of username, action, site")
        with self._lock:
            return [value for (value,) in self._db.execute(
                f"SELECT DISTINCT {column} FROM audit_event WHERE {column} IS NOT NULL ORDER BY 1")]


def changes(row: dict) -> str:
    """`field: before → after` for an edit's row, else its `after` summary."""
    before = json.loads(row["before"]) if row.get("before") else {}
    after = json.loads(row["after"]) if row.get("after") else {}
    if before:
        return "; ".join(f"{name}: {before.get(name)!s} → {after.get(name)!s}" for name in after)
    return "; ".join(f"{name}: {value}" for name, value in after.items())


def export_csv(rows: Sequence[dict], path: Path | str) -> int:
    """Write rows (as `AuditReader.rows` returns them) to a UTF-8 CSV with ISO times; returns the count.

    UTF-8 with a byte-order mark so a spreadsheet opens the Chinese text correctly.
    """
    with open(path, "w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            at = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(row["at"]))
            writer.writerow([at, *(row.get(name) or "" for name in CSV_COLUMNS[1:])])
    return len(rows)
