"""Open incidents with their reporting chains, and recording a hop as reported. Qt-free."""
from __future__ import annotations

from dataclasses import dataclass

from console.divisions import DivisionRegistry
from console.records.queries import RecordsReader
from console.records.reporting import FIRST_HOP_S, Hop, HopState, hops
from console.operators import audit
from console.operators.permissions import Action, Actor, require
from server_link.local_store import LocalStore, StoreError


@dataclass(frozen=True)
class OpenIncident:
    incident: dict
    reports: dict[str, float | None]  # receiving division → reported_at

    def chain(self, divisions: DivisionRegistry, now: float) -> list[Hop]:
        row = self.incident
        return hops(divisions, row["division"], row["level"], row["occurred_at"], self.reports, now)


def open_incidents(reader: RecordsReader) -> list[OpenIncident]:
    """Open incidents in the node's jurisdiction, newest first, with their report rows."""
    incidents = reader.rows("incident", "occurred_at DESC", where="status = 'open'")
    if not incidents:
        return []
    ids = [row["id"] for row in incidents]
    marks = ",".join("?" * len(ids))
    reports: dict[str, dict[str, float | None]] = {}
    for row in reader.rows("accident_report", "reported_at", where=f"incident_id IN ({marks})", params=tuple(ids)):
        if row["reported_at"] is not None:
            reports.setdefault(row["incident_id"], {})[row["reporting_division"]] = row["reported_at"]
    return [OpenIncident(row, reports.get(row["id"], {})) for row in incidents]


def may_record(node: str, hop: Hop) -> bool:
    """A duty room records the hops it sends or receives, once the report has reached the sender."""
    return hop.state in (HopState.DUE, HopState.OVERDUE) and node in (hop.reporter, hop.receiver)


def record_report(store: LocalStore, reader: RecordsReader, item: OpenIncident, hop: Hop, at: float, *,
                  actor: Actor) -> str:
    """Store that `hop` reached its receiver at `at` (filling the level's row if it exists); durable,
    with its audit row, when this returns."""
    require(actor, Action.REGISTER_INCIDENT)
    if not may_record(store.node, hop):
        raise StoreError(f"incident {item.incident['id']}: node {store.node} cannot record the report of "
                         f"{hop.reporter or 'the enterprise'} to {hop.receiver} now")
    existing = reader.rows("accident_report", "id", where="incident_id = ? AND reporting_division = ?",
                           params=(item.incident["id"], hop.receiver))
    trail = [audit.entry(actor, store.node, "incident_report", item.incident["division"], target_kind="incident",
                         target_id=item.incident["id"], after={"receiver": hop.receiver, "reported_at": at})]
    if existing:
        store.update("accident_report", existing[0]["id"], reported_at=at, due_at=hop.due_at,
                     reported_by=actor.username, audit=trail)
        return existing[0]["id"]
    return store.insert("accident_report", item.incident["division"], incident_id=item.incident["id"],
                        reporting_division=hop.receiver, due_at=hop.due_at, reported_at=at,
                        reported_by=actor.username, audit=trail)


def register_incident(store: LocalStore, division: str, title: str, kind: str, accident_class: int,
                      occurred_at: float, received_at: float | None, *, actor: Actor) -> str:
    """A new open incident; `received_at` is when the enterprise's report reached `division`."""
    require(actor, Action.REGISTER_INCIDENT)
    if not title.strip():
        raise StoreError("incident title: must not be empty")
    if received_at is not None and received_at < occurred_at:
        raise StoreError("incident report time: earlier than the time the accident occurred")
    incident_id = store.insert("incident", division, title=title.strip(), kind=kind, level=accident_class,
                               occurred_at=occurred_at, enterprise_id=None, lon=None, lat=None, status="open",
                               registered_by=actor.username,
                               audit=[audit.entry(actor, store.node, "record_create", division,
                                                  target_kind="incident",
                                                  after={"title": title.strip(), "class": accident_class})])
    if received_at is not None:
        store.insert("accident_report", division, incident_id=incident_id, reporting_division=division,
                     due_at=occurred_at + FIRST_HOP_S, reported_at=received_at, reported_by=actor.username)
    return incident_id
