"""Per-tag state in the runtime: latest value, quality, deadband and the stale watchdog. Qt-free.

Values inside the deadband legitimately produce no update, so staleness is not "no change
for a while": every successful scan (a Modbus read, or an OPC UA session known alive)
*confirms* its tags, and a tag goes UNCERTAIN_STALE only when nothing confirmed it for
`stale_after` (three scan periods by default). The deadband is checked against the last
*delivered* value, so slow drift still gets through once it adds up.

Downstream (alarm engine, trends, map, the backend's live table) a GOOD value that stops
arriving must mean a lost source, not a steady one. So a confirmed value held inside its
deadband is delivered again as a heartbeat once half its `stale_after` has passed since it
was last delivered or since the source time it was delivered with, time-stamped with the
confirmation: "still this value at this time". Historians call this the maximum time between
samples. Consoles age values by their source time (`console.freshness`), so a value that
reached us late must be re-stamped before it looks stale there.

A value read live on the active path is known at the time it arrived, so a GOOD value whose
source timestamp is older than half its stale time (an OPC UA item unchanged for an hour: its
SourceTimestamp is the last change; or a busy server's late notification) is stamped with its
arrival, like a heartbeat. A value
*cached* on a path that just became active (failover, a resumed session) was not read now:
`take_over` keeps its source timestamp and shows it GOOD only if it is newer than what was
last delivered and within its stale time; otherwise it waits, UNCERTAIN_STALE, for the path
to confirm it (a live OPC UA session, a good Modbus scan).
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from drivers.acq_config import TagBinding
from domain.values import Quality, SourcePath, TagValue
from drivers.quality import check_range

LOST = frozenset({Quality.BAD_COMM, Quality.UNCERTAIN_STALE})


@dataclass
class _State:
    binding: TagBinding
    value: float = math.nan
    quality: Quality = Quality.BAD_COMM  # nothing received yet
    source_ts: float = 0.0
    path: SourcePath = SourcePath.PRIMARY
    confirmed_at: float | None = None
    delivered: TagValue | None = None
    lost_at: float = 0.0  # when the tag last went BAD_COMM / UNCERTAIN_STALE: only a later reading is news
    stale: float = 0.0  # the spec's stale_after, read on every value (a property on the spec)

    def __post_init__(self) -> None:
        self.stale = self.binding.spec.stale_after


class TagTable:
    def __init__(self, bindings: Iterable[TagBinding]):
        self._states = {b.spec.id: _State(b) for b in bindings}
        self._changed: dict[str, TagValue] = {}

    def __contains__(self, tag: str) -> bool:
        return tag in self._states

    def current(self, tag: str) -> TagValue:
        s = self._states[tag]
        return TagValue(tag, s.value, s.quality, s.source_ts, s.confirmed_at or 0.0, s.path)

    def accept(self, tag: str, value: float, quality: Quality, source_ts: float, path: SourcePath,
               now: float) -> None:
        """A value read on the tag's active path."""
        s = self._states[tag]
        if quality is Quality.GOOD:
            quality = check_range(value, s.binding.spec.span_lo, s.binding.spec.span_hi)
            if now - source_ts > s.stale / 2:
                source_ts = now  # read live just now: "still this value at this time"
        s.value, s.quality, s.source_ts, s.path, s.confirmed_at = value, quality, source_ts, path, now
        self._maybe_deliver(s, now)

    def take_over(self, tag: str, value: float, quality: Quality, source_ts: float, path: SourcePath,
                  now: float) -> None:
        """A value cached on `path`, which just became the tag's active path: never shown as fresh.

        GOOD only when newer than what was last delivered (read after the tag was last reported
        lost, too) and within the stale time; else the newest value known stays, UNCERTAIN_STALE
        on the new path (a bad one keeps its quality) until the path confirms it. Its source
        timestamp is kept either way.
        """
        s = self._states[tag]
        if quality is Quality.GOOD and source_ts > max(s.source_ts, s.lost_at) \
                and now - source_ts <= s.stale:
            self.accept(tag, value, quality, source_ts, path, now)
            return
        if source_ts >= s.source_ts:
            s.value, s.source_ts = value, source_ts
        quality = Quality.UNCERTAIN_STALE if quality is Quality.GOOD else quality
        if quality in LOST and s.quality not in LOST:
            s.lost_at = now
        s.quality = quality
        s.path = path
        self._maybe_deliver(s, now)

    def confirm(self, tags: Iterable[str], now: float) -> None:
        """The active path is alive and reported nothing new for these tags.

        Called for every tag of a live OPC UA session twice a second, so a GOOD tag whose last
        delivery is GOOD on the same path with no heartbeat due is passed over here: for it
        `_maybe_deliver` would deliver nothing (its value only changes through `accept`).
        """
        for tag in tags:
            s = self._states[tag]
            s.confirmed_at = now
            if s.quality is Quality.UNCERTAIN_STALE:
                s.quality, s.source_ts = Quality.GOOD, max(s.source_ts, now)  # confirmed at this time
            elif s.quality is Quality.GOOD:
                last = s.delivered
                if last is not None and last.quality is Quality.GOOD and last.path is s.path \
                        and now - min(last.receive_ts, last.source_ts) < s.stale / 2:
                    continue
            else:
                continue
            self._maybe_deliver(s, now)

    def fail(self, tags: Iterable[str], quality: Quality, path: SourcePath, now: float) -> None:
        """The active path failed for these tags (communication lost, exception from the device)."""
        for tag in tags:
            s = self._states[tag]
            if s.quality != quality or s.path != path:
                if quality in LOST and s.quality not in LOST:
                    s.lost_at = now
                s.quality, s.path = quality, path
                self._maybe_deliver(s, now)

    def sweep(self, now: float) -> None:
        """The stale watchdog: GOOD tags nobody confirmed within stale_after become UNCERTAIN_STALE."""
        for s in self._states.values():
            if s.quality is Quality.GOOD and s.confirmed_at is not None \
                    and now - s.confirmed_at > s.stale:
                s.quality, s.lost_at = Quality.UNCERTAIN_STALE, now
                self._maybe_deliver(s, now)

    def take_changes(self) -> list[TagValue]:
        batch = list(self._changed.values())
        self._changed.clear()
        return batch

    def _maybe_deliver(self, s: _State, now: float) -> None:
        last = s.delivered
        heartbeat_due = (last is not None
                         and now - min(last.receive_ts, last.source_ts) >= s.stale / 2)
        if last is not None and last.quality == s.quality and last.path == s.path \
                and (abs(s.value - last.value) <= s.binding.deadband
                     or (math.isnan(s.value) and math.isnan(last.value))):
            if not (heartbeat_due and s.quality is Quality.GOOD):
                return
            s.source_ts = max(s.source_ts, now)
        value = TagValue(s.binding.spec.id, s.value, s.quality, s.source_ts, now, s.path)
        s.delivered = value
        self._changed[value.tag] = value
