"""A fixed-capacity ring buffer of one tag's samples in numpy arrays. Qt-free.

Append is O(1): the write position moves round the arrays and nothing is shifted.
The samples are always two sorted runs (`[head:]` then `[:head]` once wrapped), so a
time window is two binary searches and at most two slices.

Memory per sample: 8 B time (float64) + 8 B value (float64, so min/max stay exactly
what the device sent) + 1 B quality = 17 B.
"""
from __future__ import annotations

import numpy as np

from console.trends.series import Series, concat

BYTES_PER_SAMPLE = 8 + 8 + 1


class RingBuffer:
    def __init__(self, capacity: int):
        if capacity < 1:
            raise ValueError(f"ring buffer capacity must be >= 1, got {capacity}")
        self._t = np.empty(capacity, np.float64)
        self._v = np.empty(capacity, np.float64)
        self._q = np.empty(capacity, np.uint8)
        self._head = 0  # next write position
        self._size = 0
        self.dropped_out_of_order = 0

    @property
    def capacity(self) -> int:
        return len(self._t)

    @property
    def nbytes(self) -> int:
        return self._t.nbytes + self._v.nbytes + self._q.nbytes

    def __len__(self) -> int:
        return self._size

    @property
    def last_t(self) -> float | None:
        return float(self._t[self._head - 1]) if self._size else None

    @property
    def first_t(self) -> float | None:
        if not self._size:
            return None
        start = self._head if self._size == self.capacity else 0
        return float(self._t[start])

    def last(self) -> tuple[float, float, int] | None:
        if not self._size:
            return None
        i = self._head - 1
        return float(self._t[i]), float(self._v[i]), int(self._q[i])

    def append(self, t: float, v: float, q: int) -> bool:
        """Add one sample; a sample not newer than the last is dropped (returns False).

        Time order is what makes windows two binary searches; a late duplicate (the
        same value by the backend and the direct path) carries nothing new.
        """
        if self._size and t <= self._t[self._head - 1]:
            self.dropped_out_of_order += 1
            return False
        h = self._head
        self._t[h] = t
        self._v[h] = v
        self._q[h] = q
        self._head = h + 1 if h + 1 < len(self._t) else 0
        if self._size < len(self._t):
            self._size += 1
        return True

    def extend(self, series: Series) -> None:
        """Append a time-ordered run at once (prefill, tests, benches)."""
        if not len(series):
            return
        last = self.last_t
        if last is not None:
            series = series.between(np.nextafter(last, np.inf), np.inf)
        cap = self.capacity
        if len(series) >= cap:
            tail = slice(len(series) - cap, None)
            self._t[:] = series.t[tail]
            self._v[:] = series.v[tail]
            self._q[:] = series.q[tail]
            self._head, self._size = 0, cap
            return
        n = len(series)
        first = min(n, cap - self._head)
        for dst, src in ((self._t, series.t), (self._v, series.v), (self._q, series.q)):
            dst[self._head : self._head + first] = src[:first]
            dst[: n - first] = src[first:]
        self._head = (self._head + n) % cap
        self._size = min(cap, self._size + n)

    def _runs(self) -> list[slice]:
        if self._size < self.capacity:
            return [slice(0, self._size)]
        return [slice(self._head, None), slice(0, self._head)]

    def window(self, t0: float = -np.inf, t1: float = np.inf) -> Series:
        """A copy of the samples with t0 <= t < t1, oldest first."""
        parts = []
        for run in self._runs():
            t = self._t[run]
            i0, i1 = np.searchsorted(t, (t0, t1), side="left")
            if i1 > i0:
                base = run.start or 0
                sl = slice(base + i0, base + i1)
                parts.append(Series(self._t[sl].copy(), self._v[sl].copy(), self._q[sl].copy()))
        return concat(parts)

    def resized(self, capacity: int) -> "RingBuffer":
        """A new buffer of another capacity holding the newest samples of this one."""
        other = RingBuffer(capacity)
        other.extend(self.window())
        return other
