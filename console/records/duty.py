"""The duty room's own records: the append-only duty log, today's roster, shift handovers.

Every write returns only after the store has committed it with its outbox op, so the page
shows an entry only once it is durable. Qt-free.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from console.divisions import DivisionRegistry
from console.records.incidents import open_incidents
from console.records.labels import LOG_KIND
from console.records.queries import RecordsReader
from console.records.reporting import HopState
from server_link.local_store import LocalStore, StoreError


def append_log(store: LocalStore, officer: str, kind: str, text: str, at: float | None = None) -> str:
    if kind not in LOG_KIND:
        raise StoreError(f"duty log category {kind!r}: not one of {', '.join(LOG_KIND)}")
    if not officer.strip():
        raise StoreError("duty log officer: must not be empty")
    if not text.strip():
        raise StoreError("duty log text: must not be empty")
    return store.append("duty_log", store.node, at=time.time() if at is None else at,
                        officer=officer.strip(), kind=kind, text=text.strip())


def recent_log(reader: RecordsReader, limit: int = 500) -> list[dict]:
    """This node's log, newest first (a city sees its own room's log, not its counties')."""
    return reader.rows("duty_log", "at DESC", where="division = ?", params=(reader.node,), limit=limit)


def roster_for(reader: RecordsReader, day: str) -> list[dict]:
    return reader.rows("duty_roster", "shift, officer", where="division = ? AND day = ?", params=(reader.node, day))


def current_shift(now: float) -> str:
    """The roster shift running at `now`: day 08:00–20:00, night otherwise."""
    return "day" if 8 <= time.localtime(now).tm_hour < 20 else "night"


def recent_handovers(reader: RecordsReader, limit: int = 20) -> list[dict]:
    return reader.rows("shift_handover", "at DESC", where="division = ?", params=(reader.node,), limit=limit)


@dataclass(frozen=True)
class OpenItem:
    """One thing still running at handover: a report whose clock runs, or overdue hazards."""

    kind: str  # "report" | "overdue_hazards"
    title: str = ""
    reporter: str = ""
    receiver: str = ""
    count: int = 0


def open_items(reader: RecordsReader, divisions: DivisionRegistry, now: float) -> list[OpenItem]:
    """What the outgoing officer must hand over."""
    items = []
    for incident in open_incidents(reader):
        for hop in incident.chain(divisions, now):
            if hop.state in (HopState.DUE, HopState.OVERDUE):
                items.append(OpenItem("report", incident.incident["title"], hop.reporter, hop.receiver))
    overdue = reader.count("hazard", "deadline < ? AND status NOT IN ('rectified', 'verified')", (now,))
    if overdue:
        items.append(OpenItem("overdue_hazards", count=overdue))
    return items


def confirm_handover(store: LocalStore, from_officer: str, to_officer: str, items: list[str], notes: str,
                     confirmed: bool, at: float | None = None) -> str:
    """Store a handover the incoming officer has confirmed; the open items lead the notes."""
    if not from_officer.strip():
        raise StoreError("handover outgoing officer: must not be empty")
    if not to_officer.strip():
        raise StoreError("handover incoming officer: must not be empty")
    if to_officer.strip() == from_officer.strip():
        raise StoreError("handover incoming officer: must differ from the outgoing officer")
    if not confirmed:
        raise StoreError("handover: the incoming officer has not confirmed it")
    text = "\n".join([f"• {item}" for item in items] + ([""] if items and notes.strip() else []) + [notes.strip()])
    return store.insert("shift_handover", store.node, at=time.time() if at is None else at,
                        from_officer=from_officer.strip(), to_officer=to_officer.strip(), notes=text.strip())
