"""History from the shared PostgreSQL backend, as the collector wrote it. Qt-free.

The table is the collector's `field_history` (`server_link/history.py`, issue 3:
`tag`, `source_ts TIMESTAMPTZ`, `value`, `quality`, daily partitions, index on
(tag, source_ts)); this module only reads it, with the decimating query of
`console.trends.history`. The time filter is on `source_ts` itself so the planner uses
the index and skips partitions outside the window. A running query is cancelled with
libpq's cancel request (`connection.cancel()`, safe from another thread).
"""
from __future__ import annotations

import psycopg2
import psycopg2.errors

from console.trends.history import QueryCancelled, check_window, decimating_sql, rows_to_series
from console.trends.series import Series

EPOCH = "extract(epoch FROM source_ts)::float8"
TIME_FILTER = "source_ts >= to_timestamp(%(t0)s) AND source_ts < to_timestamp(%(t1)s)"

DECIMATED = decimating_sql("field_history", "tag", EPOCH, "value", "quality",
                           f"floor({EPOCH} / %(width)s)", TIME_FILTER, lambda name: f"%({name})s")
RAW = f"SELECT {EPOCH}, value, quality FROM field_history WHERE tag = %(tag)s AND {TIME_FILTER} ORDER BY source_ts"


class PostgresHistorySource:
    def __init__(self, dsn: str, connect_timeout: int = 5):
        self._conn = psycopg2.connect(dsn, connect_timeout=connect_timeout, application_name="duty-console trends")
        self._conn.autocommit = True

    def query(self, tag: str, t0: float, t1: float, columns: int) -> Series:
        width = check_window(t0, t1, columns)
        return self._fetch(DECIMATED, {"tag": tag, "t0": t0, "t1": t1, "width": width}, decimated=True)

    def raw(self, tag: str, t0: float, t1: float) -> Series:
        return self._fetch(RAW, {"tag": tag, "t0": t0, "t1": t1}, decimated=False)

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
