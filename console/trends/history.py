"""History beyond the live ring buffers, with decimation done by the database. Qt-free.

One SQL shape serves SQLite (the embedded default's local recorder) and PostgreSQL
(the collector's history): per pixel column of absolute time it returns the first
sample with the column's minimum value, the first with its maximum (good samples
only) and the first BAD sample, so the result is exactly what
`console.trends.decimate.minmax_decimate` makes of the raw rows — the same picture
whether the data came from memory or from the database.

A source is used by one worker thread; `interrupt()` may be called from any other
thread and makes the running query raise `QueryCancelled` (stale queries are dropped
at the database, not just ignored when they finish).
"""
from __future__ import annotations

from typing import Protocol

import numpy as np

from console.trends.decimate import column_width
from console.trends.series import BAD_QUALITY, Series


class QueryCancelled(Exception):
    """The query was interrupted because a newer one replaced it."""


class HistorySource(Protocol):
    def query(self, tag: str, t0: float, t1: float, columns: int) -> Series: ...

    def raw(self, tag: str, t0: float, t1: float) -> Series: ...

    def interrupt(self) -> None: ...

    def close(self) -> None: ...


def decimating_sql(table: str, tag_col: str, ts_seconds: str, value_col: str, quality_col: str,
                   column_expr: str, time_filter: str, param) -> str:
    """The column-wise min/max/first-BAD query.

    `ts_seconds` is the time column as POSIX seconds, `column_expr` the pixel column of
    a row, `time_filter` the (index-friendly) condition for [t0, t1), `param(name)`
    renders a bind parameter.
    """
    p = param
    is_bad = f"({quality_col} >= {BAD_QUALITY} OR {value_col} IS NULL)"
    return f"""
WITH s AS (
  SELECT {ts_seconds} AS ts, {value_col} AS value, {quality_col} AS quality,
         CASE WHEN {is_bad} THEN 1 ELSE 0 END AS bad,
         {column_expr} AS col
  FROM {table}
  WHERE {tag_col} = {p('tag')} AND {time_filter}
), r AS (
  SELECT ts, value, quality, bad,
         ROW_NUMBER() OVER (PARTITION BY col, bad ORDER BY value ASC, ts ASC) AS rmin,
         ROW_NUMBER() OVER (PARTITION BY col, bad ORDER BY value DESC, ts ASC) AS rmax,
         ROW_NUMBER() OVER (PARTITION BY col, bad ORDER BY ts ASC) AS rfirst
  FROM s
)
SELECT ts, value, quality, bad FROM r
WHERE (bad = 0 AND (rmin = 1 OR rmax = 1)) OR (bad = 1 AND rfirst = 1)
ORDER BY ts
"""


def rows_to_series(rows, decimated: bool) -> Series:
    if not rows:
        return Series.empty()
    arr = np.array([(r[0], np.nan if r[1] is None else r[1], r[2]) for r in rows], dtype=np.float64)
    t, v, q = arr[:, 0], arr[:, 1], arr[:, 2].astype(np.uint8)
    if decimated:
        v = np.where((q >= BAD_QUALITY) | ~np.isfinite(v), np.nan, v)
    return Series(t, v, q)


def check_window(t0: float, t1: float, columns: int) -> float:
    return column_width(t0, t1, columns)
