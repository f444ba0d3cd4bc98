"""The duty room's own records: the append-only duty log, today's roster, shift handovers.

Every write returns only after the store has committed it with its outbox op, so the page
shows an entry only once it is durable. Qt-free.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from console.divisions import DivisionRegistry
from console.operators import audit
from console.operators.permissions import Action, Actor, require
from console.records.incidents import open_incidents
from console.records.labels import LOG_KIND
from console.records.queries import RecordsReader
from console.records.reporting import HopState
from server_link.local_store import LocalStore, StoreError


def append_log(store: LocalStore, actor: Actor, kind: str, text: str, at: float | None = None) -> str:
    """A duty-log entry by the signed-in `actor` (its officer is their username)."""
    require(actor, Action.EDIT_RECORDS)
    if kind not in LOG_KIND:
        raise StoreError(f"duty log category {kind!r}: not one of {', '.join(LOG_KIND)}")
    if not text.strip():
        raise StoreError("duty log text: must not be empty")
    return store.append("duty_log", store.node, at=time.time() if at is None else at,
                        officer=actor.username, kind=kind, text=text.strip(),
                        audit=[audit.entry(actor, store.node, "duty_log", store.node, target_kind="duty_log",
                                           after={"kind": kind})])


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


def confirm_handover(store: LocalStore, outgoing: Actor, incoming: Actor | None, items: list[str], notes: str,
                     confirmed: bool, at: float | None = None) -> str:
    """Store a handover the incoming officer has confirmed; the open items lead the notes.

    Both officers are authenticated actors (the incoming one signs in on the duty page), and
    both must be allowed to hand over; the audit row names them both.
    """
    if not confirmed:
        raise StoreError("handover: the incoming officer has not confirmed it")
    if incoming is None:
        raise StoreError("handover incoming officer: must sign in to take over")
    require(outgoing, Action.HANDOVER)
    require(incoming, Action.HANDOVER)
    if incoming.username == outgoing.username:
        raise StoreError("handover incoming officer: must differ from the outgoing officer")
    text = "\n".join([f"• {item}" for item in items] + ([""] if items and notes.strip() else []) + [notes.strip()])
    return store.insert("shift_handover", store.node, at=time.time() if at is None else at,
                        from_officer=outgoing.username, to_officer=incoming.username, notes=text.strip(),
                        audit=[audit.entry(outgoing, store.node, "handover", store.node, target_kind="shift_handover",
                                           after={"from": outgoing.username, "to": incoming.username})])
