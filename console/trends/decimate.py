"""Min/max decimation: any span drawn from about two points per pixel column. Qt-free.

Hand-written rather than pyqtgraph's `setDownsampling(mode='peak')` because that
works in the widget on the whole buffer (so the buffer must be handed over every
redraw), cuts into blocks of sample counts rather than time columns, and lets a BAD
sample turn a whole block into NaN. Here:

- columns are a fixed grid of absolute time (multiples of the column width), so a
  live view that slides keeps the same columns and nothing shimmers;
- each column keeps its exact minimum and maximum sample (values and times from the
  raw data, in time order), so no peak is ever lost or moved;
- BAD samples (or non-finite values) are left out of min/max and the column gets a
  NaN point at the first BAD sample, so the line breaks there at any zoom.
"""
from __future__ import annotations

import numpy as np

from console.trends.series import BAD_QUALITY, Series


def column_width(t0: float, t1: float, columns: int) -> float:
    if columns < 1 or not t1 > t0:
        raise ValueError(f"need t1 > t0 and columns >= 1, got t0={t0} t1={t1} columns={columns}")
    return (t1 - t0) / columns


def minmax_decimate(series: Series, t0: float, t1: float, columns: int) -> Series:
    """At most ~2 points per column of [t0, t1) (3 where a column holds a BAD sample).

    Samples outside [t0, t1) are taken as they are in whole columns too, so the caller
    may pass one column of margin either side and the line still reaches the edges.
    BAD samples come back with a NaN value.
    """
    return decimate_by_width(series, column_width(t0, t1, columns))


def decimate_by_width(series: Series, width: float) -> Series:
    """`minmax_decimate` on the absolute column grid of `width` seconds."""
    t, v, q = series.t, series.v, series.q
    n = len(t)
    bad = (q >= BAD_QUALITY) | ~np.isfinite(v)
    if n == 0 or n <= 2 * ((t[-1] - t[0]) / width + 1):
        return Series(t, np.where(bad, np.nan, v), q)

    col = np.floor(t / width).astype(np.int64)
    starts = np.flatnonzero(np.diff(col)) + 1
    starts = np.concatenate(([0], starts))
    counts = np.diff(np.append(starts, n))
    segment = np.repeat(np.arange(len(starts)), counts)
    index = np.arange(n)

    low = np.where(bad, np.inf, v)
    high = np.where(bad, -np.inf, v)
    col_min = np.minimum.reduceat(low, starts)
    col_max = np.maximum.reduceat(high, starts)
    # first index in each column where the column's min (max) occurs
    i_min = np.minimum.reduceat(np.where(low == col_min[segment], index, n), starts)
    i_max = np.minimum.reduceat(np.where(high == col_max[segment], index, n), starts)
    i_bad = np.minimum.reduceat(np.where(bad, index, n), starts)

    has_good = np.isfinite(col_min)
    keep = np.unique(np.concatenate((i_min[has_good], i_max[has_good], i_bad[i_bad < n])))
    return Series(t[keep], np.where(bad[keep], np.nan, v[keep]), q[keep])
