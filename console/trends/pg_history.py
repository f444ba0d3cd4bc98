"""History from the shared PostgreSQL backend (written by the collector). Qt-free.

The table is the collector's (`server_link/history.py`, issue 3); this module only
reads it, with the decimating query of `console.trends.history`. A running query is
cancelled with libpq's cancel request (`connection.cancel()`, safe from another thread).
"""
from __future__ import annotations

from dataclasses import dataclass

import psycopg2
import psycopg2.errors

from console.trends.history import QueryCancelled, check_window, decimating_sql, rows_to_series
from console.trends.series import Series


@dataclass(frozen=True)
class HistoryTable:
    """Where the collector keeps history: names and the POSIX-seconds expression of its time."""

    table: str = "tag_history"
    tag: str = "tag"
    ts: str = "ts"
    value: str = "value"
    quality: str = "quality"


class PostgresHistorySource:
    def __init__(self, dsn: str, table: HistoryTable = HistoryTable(), connect_timeout: int = 5):
        self._conn = psycopg2.connect(dsn, connect_timeout=connect_timeout,
                                      application_name="duty-console trends")
        self._conn.autocommit = True
        t = table
        self._decimated = decimating_sql(t.table, t.tag, t.ts, t.value, t.quality,
                                         f"floor({t.ts} / %(width)s)", lambda name: f"%({name})s")
        self._raw = (f"SELECT {t.ts}, {t.value}, {t.quality} FROM {t.table} "
                     f"WHERE {t.tag} = %(tag)s AND {t.ts} >= %(t0)s AND {t.ts} < %(t1)s ORDER BY {t.ts}")

    def query(self, tag: str, t0: float, t1: float, columns: int) -> Series:
        width = check_window(t0, t1, columns)
        return self._fetch(self._decimated, {"tag": tag, "t0": t0, "t1": t1, "width": width}, decimated=True)

    def raw(self, tag: str, t0: float, t1: float) -> Series:
        return self._fetch(self._raw, {"tag": tag, "t0": t0, "t1": t1}, decimated=False)

    def _fetch(self, sql: str, params: dict, decimated: bool) -> Series:
        try:
            with self._conn.cursor() as cur:
                cur.execute(sql, params)
                rows = cur.fetchall()
        except psycopg2.errors.QueryCanceled as exc:
            raise QueryCancelled(str(exc).strip()) from None
        return rows_to_series(rows, decimated)

    def interrupt(self) -> None:
        self._conn.cancel()

    def close(self) -> None:
        self._conn.close()
