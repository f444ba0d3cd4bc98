"""Alarm-system performance (EEMUA 191 / ISA-18.2) from the journal's raise events. Qt-free.

Figures follow the usual definitions: alarms per fixed 10-minute interval, the peak
interval, the share of time in flood (more than 10 alarms in 10 minutes, ending when
the rate falls below 5), chattering alarms (3 or more activations of one alarm within
a minute), standing alarms (active longer than 24 h) and the most frequent alarms.
"""
from __future__ import annotations

import csv
import io
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from domain.alarm_events import AlarmEvent, EventKind
from console.alarms.reconcile import canonical_occurrences

WINDOW_S = 600.0
CHATTER_WINDOW_S = 60.0
CHATTER_COUNT = 3
STANDING_S = 24 * 3600.0


class FloodDetector:
    """Alarm flood with hysteresis over a sliding 10-minute window of raise times."""

    def __init__(self, enter: int = 10, exit: int = 5, window_s: float = WINDOW_S):
        self.enter, self.exit, self.window_s = enter, exit, window_s
        self._times: deque[float] = deque()
        self.in_flood = False

    def count(self, at: float) -> None:
        self._times.append(at)
        self.update(at)

    def update(self, now: float) -> bool:
        times = self._times
        while times and times[0] <= now - self.window_s:
            times.popleft()
        rate = len(times)
        if not self.in_flood and rate > self.enter:
            self.in_flood = True
        elif self.in_flood and rate < self.exit:
            self.in_flood = False
        return self.in_flood

    @property
    def rate(self) -> int:
        return len(self._times)


@dataclass
class KpiReport:
    start: float
    end: float
    total: int
    per_10min: list[int]
    average_per_10min: float
    peak_10min: int
    peak_at: float | None
    flood_percent: float
    chattering: list[tuple[str, str, int]]  # tag, condition, most activations in a minute
    standing: list[tuple[str, str, float]]  # tag, condition, hours active
    top10: list[tuple[str, str, int]] = field(default_factory=list)  # tag, condition, count

    def to_csv(self) -> str:
        """All figures in one CSV (section, key, value …) for export."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["section", "item", "value", "extra"])
        for key in ("start", "end", "total", "average_per_10min", "peak_10min", "peak_at", "flood_percent"):
            writer.writerow(["summary", key, getattr(self, key), ""])
        for index, count in enumerate(self.per_10min):
            writer.writerow(["per_10min", self.start + index * WINDOW_S, count, ""])
        for tag, condition, count in self.chattering:
            writer.writerow(["chattering", f"{tag} {condition}", count, "activations/min"])
        for tag, condition, hours in self.standing:
            writer.writerow(["standing", f"{tag} {condition}", round(hours, 2), "hours"])
        for tag, condition, count in self.top10:
            writer.writerow(["top10", f"{tag} {condition}", count, ""])
        return out.getvalue()


def compute_kpis(events: Iterable[AlarmEvent], start: float, end: float) -> KpiReport:
    """KPIs for [start, end) from raise/clear events (events before `start` count for standing);
    drill events (`drill_id` set) are left out."""
    if end <= start:
        raise ValueError(f"KPI period must end after it starts ({start} .. {end})")
    raises: list[float] = []
    by_alarm: dict[tuple[str, str], list[float]] = defaultdict(list)
    opened: dict[str, tuple[tuple[str, str], float]] = {}
    closed: dict[str, float] = {}
    events = [event for event in events if not event.drill_id]  # a drill's alarms are never real figures
    duplicates = canonical_occurrences(events)  # one alarm raised on two nodes counts once
    for event in events:
        key = (event.tag, event.condition)
        if event.kind is EventKind.RAISE:
            if event.occurrence_id in duplicates:
                continue
            opened[event.occurrence_id] = (key, event.at)
            if start <= event.at < end:
                raises.append(event.at)
                by_alarm[key].append(event.at)
        elif event.kind is EventKind.CLEAR:
            occurrence = duplicates.get(event.occurrence_id, event.occurrence_id)
            closed[occurrence] = max(closed.get(occurrence, event.at), event.at)
    raises.sort()
    bins = int(-(-(end - start) // WINDOW_S))
    per_10min = [0] * bins
    for at in raises:
        per_10min[int((at - start) // WINDOW_S)] += 1
    peak = max(per_10min) if per_10min else 0
    peak_at = start + per_10min.index(peak) * WINDOW_S if raises else None
    return KpiReport(
        start, end, len(raises), per_10min, len(raises) / bins, peak, peak_at,
        _flood_percent(raises, start, end),
        _chattering(by_alarm), _standing(opened, closed, end),
        [(tag, cond, count) for (tag, cond), count in Counter({k: len(v) for k, v in by_alarm.items()}).most_common(10)],
    )


def _flood_percent(raises: list[float], start: float, end: float) -> float:
    """Share of the period in which the sliding 10-min count was in flood (with hysteresis).

    The count only changes when an alarm enters or leaves the window, so the sweep
    visits those instants instead of every second.
    """
    steps = sorted([(at, 1) for at in raises] + [(at + WINDOW_S, -1) for at in raises])
    detector = FloodDetector()
    count, flooded, since = 0, 0.0, start
    for at, delta in steps:
        if detector.in_flood:
            flooded += max(0.0, min(at, end) - max(since, start))
        since = at
        count += delta
        if not detector.in_flood and count > detector.enter:
            detector.in_flood = True
        elif detector.in_flood and count < detector.exit:
            detector.in_flood = False
    if detector.in_flood:
        flooded += max(0.0, end - max(since, start))
    return 100.0 * flooded / (end - start)


def _chattering(by_alarm: dict[tuple[str, str], list[float]]) -> list[tuple[str, str, int]]:
    found = []
    for (tag, condition), times in by_alarm.items():
        times.sort()
        most = max(index + 1 - bisect_left(times, at - CHATTER_WINDOW_S + 1e-9) for index, at in enumerate(times))
        if most >= CHATTER_COUNT:
            found.append((tag, condition, most))
    return sorted(found, key=lambda item: -item[2])


def _standing(opened: dict, closed: dict, end: float) -> list[tuple[str, str, float]]:
    found = []
    for occurrence, ((tag, condition), raised) in opened.items():
        until = min(closed.get(occurrence, end), end)
        if until - raised > STANDING_S:
            found.append((tag, condition, (until - raised) / 3600.0))
    return sorted(found, key=lambda item: -item[2])
