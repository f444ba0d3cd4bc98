"""What one pen of a trend view draws: history + ring buffer, decimated, cached. Qt-free.

Redrawing a day of 1 Hz data for 128 pens several times a second cannot re-decimate
86,400 samples per pen each time. Columns sit on an absolute time grid, so a column
whose last sample has arrived never changes: `PenTrace` keeps the decimated points of
completed columns and, on each new sample, decimates only the samples since the last
completed column. The cache is rebuilt when the column width changes (zoom, resize) or
the view moves before the cached part (scroll back).
"""
from __future__ import annotations

import math

import numpy as np

from console.trends.decimate import decimate_by_width
from console.trends.series import Series, concat

MARGIN_COLUMNS = 2  # decimated beyond each edge so the line reaches the border


class PenTrace:
    def __init__(self, tag: str):
        self.tag = tag
        self._width = 0.0
        self._lo = math.inf  # time of the first cached column
        self._done = math.inf  # start of the first column not yet final
        self._cached = Series.empty()
        self._history = Series.empty()  # decimated rows from the history store
        self._history_span = (math.inf, -math.inf, math.inf)  # (t0, until, width) answered
        self.version = -1  # store version the trace was built from

    def set_history(self, series: Series, t0: float, until: float, width: float) -> None:
        """History rows (decimated by the database at `width`) for [t0, until)."""
        self._history = series.between(t0, until)
        self._history_span = (t0, until, width)

    def history_needed(self, store, x0: float, x1: float, columns: int) -> tuple[float, float] | None:
        """The range [x0, until) the ring does not cover and history has not answered, or None.

        Less than a column uncovered does not count (a full ring of the view's span
        starts a second after its left edge).
        """
        width = (x1 - x0) / columns
        first = store.first_time(self.tag)
        if first is not None and x0 >= first - width:
            return None
        until = min(first, x1) if first is not None else x1
        h0, h_until, h_width = self._history_span
        if h0 <= x0 and h_until >= until and h_width <= width * 1.5:
            return None
        return x0, until

    def build(self, store, x0: float, x1: float, columns: int) -> Series:
        width = (x1 - x0) / columns
        lo = (math.floor(x0 / width) - MARGIN_COLUMNS) * width
        hi = (math.floor(x1 / width) + MARGIN_COLUMNS + 1) * width
        if width != self._width or lo < self._lo:
            self._width, self._lo, self._done = width, lo, lo
            self._cached = Series.empty()
        fresh = decimate_by_width(store.window(self.tag, self._done, hi), width)
        if len(fresh):
            last_column = math.floor(fresh.t[-1] / width) * width
            split = int(np.searchsorted(fresh.t, last_column, side="left"))
            final = Series(fresh.t[:split], fresh.v[:split], fresh.q[:split])
            tail = Series(fresh.t[split:], fresh.v[split:], fresh.q[split:])
            self._cached = concat([self._cached, final])
            self._done = max(self._done, last_column)
        else:
            tail = Series.empty()
        if lo > self._lo:  # the view slid on: forget what scrolled out
            self._cached = self._cached.between(lo, math.inf)
            self._lo = lo
        memory = concat([self._cached, tail])
        ring_first = store.first_time(self.tag)
        until = memory.t[0] if len(memory) else (ring_first if ring_first is not None else math.inf)
        history = self._history.between(lo, until)
        self.version = store.version(self.tag)
        return concat([history, memory]).between(lo, hi)
