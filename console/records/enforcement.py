"""Hazard rectification: status moves only forward, one step at a time; overdue is computed. Qt-free.

The sync rules (issue 7) already keep the further of two concurrent states; here the
operator is offered only the next step, so a hazard cannot be marked verified before it
was rectified.
"""
from __future__ import annotations

from console.records.queries import RecordsReader
from console.operators import audit
from console.operators.permissions import Action, Actor, require
from server_link.local_store import LocalStore, StoreError
from server_link.models import HAZARD_STATUSES

CLOSED = ("rectified", "verified")


def next_statuses(status: str) -> tuple[str, ...]:
    if status not in HAZARD_STATUSES:
        raise StoreError(f"hazard status {status!r}: not one of {', '.join(HAZARD_STATUSES)}")
    index = HAZARD_STATUSES.index(status)
    return HAZARD_STATUSES[index + 1:index + 2]


def is_overdue(hazard: dict, now: float) -> bool:
    return hazard["status"] not in CLOSED and hazard["deadline"] < now


def advance(store: LocalStore, hazard_id: str, new_status: str, *, actor: Actor) -> None:
    """Move a hazard to `new_status`; durable (with its audit row) when this returns."""
    require(actor, Action.EDIT_RECORDS)
    hazard = store.get("hazard", hazard_id)
    if hazard is None:
        raise StoreError(f"hazard {hazard_id}: no such hazard on this node")
    if new_status not in next_statuses(hazard["status"]):
        raise StoreError(f"hazard {hazard_id}: cannot move from {hazard['status']!r} to {new_status!r}")
    store.update("hazard", hazard_id, status=new_status, audit=[audit.entry(
        actor, store.node, "record_edit", hazard["division"], target_kind="hazard", target_id=hazard_id)])


def with_enterprise_names(reader: RecordsReader, rows: list[dict]) -> list[dict]:
    names = reader.enterprise_names({row["enterprise_id"] for row in rows})
    return [dict(row, enterprise=names.get(row["enterprise_id"], "")) for row in rows]


def hazards(reader: RecordsReader, division: str | None, open_only: bool) -> tuple[list[dict], int]:
    """Hazards by deadline, earliest first (overdue on top), with enterprise names; and how
    many there are in all (a list holds at most `ROW_LIMIT`)."""
    where = f"status NOT IN ({','.join('?' * len(CLOSED))})" if open_only else ""
    params = CLOSED if open_only else ()
    rows = reader.rows("hazard", "deadline", division=division, where=where, params=params)
    return with_enterprise_names(reader, rows), reader.count("hazard", where, params, division)


def overdue_count(reader: RecordsReader, division: str | None, now: float) -> int:
    where = f"deadline < ? AND status NOT IN ({','.join('?' * len(CLOSED))})"
    return reader.count("hazard", where, (now, *CLOSED), division)


def inspection_records(reader: RecordsReader, division: str | None) -> list[dict]:
    return with_enterprise_names(reader, reader.rows("inspection_record", "inspected_at DESC", division=division))
