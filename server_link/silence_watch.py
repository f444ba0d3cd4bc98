"""The collector's stale watchdog: a GOOD value whose source went silent is marked stale. Qt-free.

The runtime re-delivers a steady GOOD value every half stale limit (drivers.tag_table),
so a tag the collector has not heard for longer than its stale limit has lost its
source, whatever the runtime believes — its loop may be blocked on a hung server, or
it may hold a cached value on a path that answers nothing. `SilenceWatch` sees every
value the collector writes and, on each `check`, returns a copy of the last value of
each such tag (past `STALE_GRACE_S` more, the way a batch takes to the collector) with quality UNCERTAIN_STALE (same source and receive time, so the live
row keeps its true age and the history insert of the copy is a no-op). The heartbeat
then never vouches for a value the collector did not refresh. Time is the caller's
monotonic clock, so a wall-clock jump neither hides nor invents silence.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from domain.values import Quality, TagValue
from server_link.live_rows import DEFAULT_STALE_AFTER_S, STALE_GRACE_S


class SilenceWatch:
    def __init__(self, stale_after: Mapping[str, float]):
        self._limit = {tag: limit + STALE_GRACE_S for tag, limit in stale_after.items()}
        self._default = DEFAULT_STALE_AFTER_S + STALE_GRACE_S
        self._good: dict[str, tuple[TagValue, float]] = {}  # tag → (last GOOD value, when heard)

    def heard(self, values: Iterable[TagValue], now: float) -> None:
        for value in values:
            if value.quality is Quality.GOOD:
                self._good[value.tag] = (value, now)
            else:
                self._good.pop(value.tag, None)

    def check(self, now: float) -> list[TagValue]:
        """The GOOD tags silent past their stale limit, as UNCERTAIN_STALE copies (each reported once)."""
        silent = [tag for tag, (_, heard_at) in self._good.items()
                  if now - heard_at > self._limit.get(tag, self._default)]
        return [dataclasses.replace(self._good.pop(tag)[0], quality=Quality.UNCERTAIN_STALE) for tag in silent]
