"""`Series`: a run of samples of one tag as three parallel numpy arrays. Qt-free."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from domain.values import Quality

BAD_QUALITY = int(Quality.BAD_OUT_OF_RANGE)  # qualities >= this are BAD (a gap)
STALE_QUALITY = int(Quality.UNCERTAIN_STALE)


@dataclass(frozen=True)
class Series:
    """Samples in time order: `t` POSIX seconds, `v` value, `q` `Quality` as uint8.

    A value that is drawn as a gap (BAD quality) is NaN in `v` only in decimated
    output; raw series keep the value the device sent.
    """

    t: np.ndarray
    v: np.ndarray
    q: np.ndarray

    @classmethod
    def empty(cls) -> "Series":
        return cls(np.empty(0, np.float64), np.empty(0, np.float64), np.empty(0, np.uint8))

    @classmethod
    def of(cls, t, v, q=None) -> "Series":
        t = np.asarray(t, dtype=np.float64)
        v = np.asarray(v, dtype=np.float64)
        q = np.zeros(len(t), np.uint8) if q is None else np.asarray(q, dtype=np.uint8)
        if not (len(t) == len(v) == len(q)):
            raise ValueError(f"series arrays differ in length: t={len(t)} v={len(v)} q={len(q)}")
        return cls(t, v, q)

    def __len__(self) -> int:
        return len(self.t)

    def between(self, t0: float, t1: float) -> "Series":
        """The samples with t0 <= t < t1 (views, no copy)."""
        i0, i1 = np.searchsorted(self.t, (t0, t1), side="left")
        return Series(self.t[i0:i1], self.v[i0:i1], self.q[i0:i1])

    def value_at(self, when: float) -> tuple[float, int] | None:
        """The last sample at or before `when` (value, quality), or None."""
        i = int(np.searchsorted(self.t, when, side="right")) - 1
        if i < 0:
            return None
        return float(self.v[i]), int(self.q[i])


def concat(parts: list[Series]) -> Series:
    parts = [p for p in parts if len(p)]
    if not parts:
        return Series.empty()
    if len(parts) == 1:
        return parts[0]
    return Series(
        np.concatenate([p.t for p in parts]),
        np.concatenate([p.v for p in parts]),
        np.concatenate([p.q for p in parts]),
    )
