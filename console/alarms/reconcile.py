"""One alarm seen by two nodes with different raise times ends as one occurrence. Qt-free.

An occurrence id is name-based on tag + condition + raise *source* time, so nodes fed the
same samples agree on it (OPC UA carries the device's timestamp). A Modbus register has no
timestamp of its own: each reader stamps its poll time, so the collector and a console that
reads the field directly during an outage raise the same alarm under ids a scan apart.
Rule: two occurrences of one tag and condition whose active intervals overlap are one
occurrence if different nodes raised them, and the canonical one is the earlier raise (then
the smaller id). Every node therefore picks the same canonical id whatever order the events
reach it in; the events of the other copy (its acknowledgments, comments, escalations, its
clear) count for it. A node's own occurrences are never merged: it raises a condition again
only after it cleared, and its journal is the record of that.
"""
from __future__ import annotations

from collections.abc import Iterable

from domain.alarm_events import AlarmEvent, EventKind

OPEN = float("inf")


def overlap(a_raised: float, a_cleared: float | None, b_raised: float, b_cleared: float | None) -> bool:
    """Active intervals [raised, cleared) overlap; None = still active (or its clear not known)."""
    return a_raised < (OPEN if b_cleared is None else b_cleared) and b_raised < (OPEN if a_cleared is None else a_cleared)


def canonical_occurrences(events: Iterable[AlarmEvent]) -> dict[str, str]:
    """Every duplicate occurrence id among `events` → its canonical id (absent: it is canonical)."""
    raised: dict[tuple[str, str], list[tuple[float, str, str]]] = {}
    cleared: dict[str, float] = {}
    for event in events:
        if event.kind is EventKind.RAISE:
            raised.setdefault((event.tag, event.condition), []).append((event.at, event.occurrence_id, event.node))
        elif event.kind is EventKind.CLEAR:
            cleared[event.occurrence_id] = event.at
    aliases: dict[str, str] = {}
    for occurrences in raised.values():
        canonical, end, nodes = "", -OPEN, set()
        for at, occurrence, node in sorted(occurrences):
            if canonical and at < end and node not in nodes:
                aliases[occurrence] = canonical
                end = max(end, cleared.get(occurrence, OPEN))
                nodes.add(node)
            else:
                canonical, end, nodes = occurrence, cleared.get(occurrence, OPEN), {node}
    return aliases
