"""The console ages live values itself: nothing older than its stale limit is shown GOOD. Qt-free.

Each source ages its own values (the runtime's stale watchdog, the collector's), yet a
value can still reach a console GOOD and old: re-delivered from a cache on failover, read
late from the backend, or simply the last one before its source fell silent. So every
live source publishes through one `FreshnessGuard` in front of the tag bus:

- a GOOD value whose source timestamp is older than its tag's stale limit is published
  UNCERTAIN_STALE instead;
- `sweep()` (run every `SWEEP_S` by the acquisition bridge) publishes UNCERTAIN_STALE for
  each tag whose last value, GOOD when it came, has aged past its limit since.

The value and its source timestamp are kept; `receive_ts` says when this node judged it
stale. The tag bus, and with it the map, the site card, the trends and the alarm engine,
therefore never holds a GOOD value older than its limit plus one sweep period. Age is
measured on `clock` (the node's clock by default).
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping, Sequence

from domain.values import Quality, TagValue

SWEEP_S = 0.25
Publish = Callable[[Sequence[TagValue]], None]


class FreshnessGuard:
    def __init__(self, publish: Publish, stale_limits: Mapping[str, float] | None = None,
                 clock: Callable[[], float] = time.time):
        """`stale_limits`: tag → seconds; tags without one pass unchanged."""
        self._publish = publish
        self.stale_limits: dict[str, float] = dict(stale_limits or {})
        self.clock = clock
        self._good: dict[str, tuple[float, TagValue]] = {}  # tag → (when it expires, its last value, GOOD when it came)
        self._next_expiry = float("inf")  # no value in `_good` expires before this: a sweep before it has nothing to do
        self.aged = 0  # values this guard published as stale (tests and benchmarks read it)

    def publish(self, batch: Sequence[TagValue]) -> None:
        """Publish a batch from any live source, old GOOD values turned stale."""
        now = self.clock()
        limits, good = self.stale_limits, self._good
        out: list[TagValue] | None = None
        for index, value in enumerate(batch):
            limit = limits.get(value.tag)
            if limit is None:
                continue
            if value.quality is not Quality.GOOD:
                good.pop(value.tag, None)
                continue
            expires = value.source_ts + limit
            if expires >= now:
                good[value.tag] = (expires, value)
                if expires < self._next_expiry:
                    self._next_expiry = expires
                continue
            good.pop(value.tag, None)
            if out is None:
                out = list(batch)
            out[index] = self._stale(value, now)
        self._publish(batch if out is None else out)

    def sweep(self) -> None:
        """Publish UNCERTAIN_STALE for the GOOD values that aged past their limit since they came."""
        now = self.clock()
        if now <= self._next_expiry:
            return
        expired = [value for expires, value in self._good.values() if expires < now]
        self._next_expiry = min((expires for expires, _ in self._good.values() if expires >= now), default=float("inf"))
        if not expired:
            return
        for value in expired:
            del self._good[value.tag]
        self._publish([self._stale(value, now) for value in expired])

    def _stale(self, value: TagValue, now: float) -> TagValue:
        self.aged += 1
        return dataclasses.replace(value, quality=Quality.UNCERTAIN_STALE, receive_ts=now)
