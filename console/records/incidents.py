"""Incidents from registration to closing: casualties give the class, the class gives the
reporting chain, follow-up reports re-evaluate it, a closed incident keeps its reason. Qt-free.

Every operation takes the acting `Actor` and checks its permission itself; every write
returns only after its rows and outbox ops are committed.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from domain.divisions import DivisionRegistry
from console.operators.permissions import Action, Actor, require
from console.records import trail
from console.records.accident_class import Casualties, accident_class, followup_window_s
from console.records.queries import RecordsReader
from console.records.reporting import FIRST_HOP_S, Hop, HopState, hops
from server_link.local_store import LocalStore, StoreError

# A box around Hebei (with Beijing and Tianjin inside it): coordinates outside are a typo.
HEBEI_LON = (113.4, 119.9)
HEBEI_LAT = (36.0, 42.7)


@dataclass(frozen=True)
class OpenIncident:
    incident: dict
    reports: dict[str, float | None]  # receiving division → reported_at

    def chain(self, divisions: DivisionRegistry, now: float) -> list[Hop]:
        row = self.incident
        return hops(divisions, row["division"], row["level"], clock_start(row), self.reports, now)


def clock_start(incident: dict) -> float:
    """When the enterprise's one-hour clock starts: its leader learning of the accident
    (Order No. 493, Art. 9), the accident itself when that is not known."""
    learned = incident.get("leader_learned_at")
    return incident["occurred_at"] if learned is None else learned


def open_incidents(reader: RecordsReader, include_drills: bool = True) -> list[OpenIncident]:
    """Open incidents in the node's jurisdiction, newest first, with their report rows (a
    drill's incidents only with `include_drills`: the handover leaves them out)."""
    where = "status = 'open'" if include_drills else "status = 'open' AND drill_id IS NULL"
    incidents = reader.rows("incident", "occurred_at DESC", where=where)
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
    report = [trail.entry(actor, store, "incident_report", "incident", item.incident["division"], item.incident["id"],
                          receiver=hop.receiver, reported_at=at)]
    if existing:
        store.update("accident_report", existing[0]["id"], reported_at=at, due_at=hop.due_at,
                     reported_by=actor.username, audit=report)
        return existing[0]["id"]
    return store.insert("accident_report", item.incident["division"], incident_id=item.incident["id"],
                        reporting_division=hop.receiver, due_at=hop.due_at, reported_at=at,
                        reported_by=actor.username, drill_id=item.incident.get("drill_id"), audit=report)


@dataclass(frozen=True)
class Location:
    """Where the accident is: an enterprise of the registry, or coordinates (with an address)."""

    enterprise_id: str | None = None
    lon: float | None = None
    lat: float | None = None
    address: str = ""


def _located(reader: RecordsReader, division: str, where: Location) -> dict:
    """The incident's location fields, checked."""
    if where.enterprise_id:
        enterprise = reader.enterprise(where.enterprise_id)
        if enterprise is None:
            raise StoreError(f"incident enterprise {where.enterprise_id}: not in this node's registry")
        if enterprise["division"] != division:
            raise StoreError(f"incident enterprise {enterprise['name']}: registered in division "
                             f"{enterprise['division']}, not {division}")
        return dict(enterprise_id=enterprise["id"], lon=enterprise["lon"], lat=enterprise["lat"],
                    location=where.address.strip() or enterprise.get("address") or enterprise["name"])
    if where.lon is None or where.lat is None:
        raise StoreError("incident location: pick an enterprise or give longitude and latitude")
    if not (HEBEI_LON[0] <= where.lon <= HEBEI_LON[1] and HEBEI_LAT[0] <= where.lat <= HEBEI_LAT[1]):
        raise StoreError(f"incident location: {where.lon:.4f}, {where.lat:.4f} is outside Hebei "
                         f"(longitude {HEBEI_LON[0]}–{HEBEI_LON[1]}, latitude {HEBEI_LAT[0]}–{HEBEI_LAT[1]})")
    return dict(enterprise_id=None, lon=where.lon, lat=where.lat, location=where.address.strip() or None)


def register_incident(store: LocalStore, reader: RecordsReader, actor: Actor, division: str, title: str,
                      kind: str, where: Location, casualties: Casualties, occurred_at: float,
                      leader_learned_at: float | None = None, received_at: float | None = None,
                      drill_id: str | None = None) -> str:
    """A new open incident whose class follows from `casualties`; `received_at` is when the
    enterprise's report reached `division` (the county); `drill_id` marks an incident of a
    drill (its reports are marked too). Durable when this returns."""
    require(actor, Action.REGISTER_INCIDENT)
    if not title.strip():
        raise StoreError("incident title: must not be empty")
    problem = casualties.problem()
    if problem:
        raise StoreError(f"incident {problem}")
    if leader_learned_at is not None and leader_learned_at < occurred_at:
        raise StoreError("incident time the leader learned of it: earlier than the time the accident occurred")
    start = occurred_at if leader_learned_at is None else leader_learned_at
    if received_at is not None and received_at < start:
        raise StoreError("incident report time: earlier than the time the accident occurred or became known")
    located = _located(reader, division, where)
    level = accident_class(casualties)
    with store.transaction():
        incident_id = trail.create(
            store, actor, "incident", division,
            {"title": title.strip(), "class": level, **({"drill_id": drill_id} if drill_id else {})},
            title=title.strip(), kind=kind, level=level, occurred_at=occurred_at,
            leader_learned_at=leader_learned_at, status="open", deaths=casualties.deaths,
            serious_injuries=casualties.serious_injuries, direct_loss=float(casualties.direct_loss),
            registered_by=actor.username, drill_id=drill_id, **located)
        if received_at is not None:
            store.insert("accident_report", division, incident_id=incident_id, reporting_division=division,
                         due_at=start + FIRST_HOP_S, reported_at=received_at, reported_by=actor.username,
                         drill_id=drill_id)
    return incident_id


def _open_incident(store: LocalStore, incident_id: str) -> dict:
    incident = store.get("incident", incident_id)
    if incident is None or incident["deleted"]:
        raise StoreError(f"incident {incident_id}: no such incident on this node")
    if incident["status"] != "open":
        raise StoreError(f"incident {incident['title']}: already closed")
    return incident


def follow_up(store: LocalStore, actor: Actor, incident_id: str, casualties: Casualties, at: float,
              note: str = "") -> int:
    """A follow-up report (补报) of the casualties and loss as now known; the class is computed
    again from them and returned. Casualty changes are accepted within 30 days of the
    accident (7 for fires and road accidents)."""
    require(actor, Action.REGISTER_INCIDENT)
    incident = _open_incident(store, incident_id)
    problem = casualties.problem()
    if problem:
        raise StoreError(f"follow-up {problem}")
    window = followup_window_s(incident["kind"])
    if at > incident["occurred_at"] + window:
        raise StoreError(f"follow-up of {incident['title']}: casualty changes are reported within "
                         f"{window / 86400:.0f} days of the accident; it is {(at - incident['occurred_at']) / 86400:.0f} days")
    level = accident_class(casualties)
    with store.transaction():
        store.append("incident_followup", incident["division"], incident_id=incident_id, at=at,
                     deaths=casualties.deaths, serious_injuries=casualties.serious_injuries,
                     direct_loss=float(casualties.direct_loss), accident_class=level,
                     officer=actor.display_name, note=note.strip() or None)
        store.update("incident", incident_id, deaths=casualties.deaths, serious_injuries=casualties.serious_injuries,
                     direct_loss=float(casualties.direct_loss), level=level,
                     audit=[trail.entry(actor, store, "incident_followup", "incident", incident["division"],
                                        incident_id)])
    return level


def followups(reader: RecordsReader, incident_id: str) -> list[dict]:
    return reader.rows("incident_followup", "at", where="incident_id = ?", params=(incident_id,))


def close_incident(store: LocalStore, actor: Actor, incident_id: str, reason: str, at: float) -> None:
    """Close an open incident with the reason (handled, false report, merged…); durable when this returns."""
    require(actor, Action.REGISTER_INCIDENT)
    incident = _open_incident(store, incident_id)
    if not reason.strip():
        raise StoreError("closing reason: must not be empty")
    if at < incident["occurred_at"]:
        raise StoreError("closing time: earlier than the time the accident occurred")
    store.update("incident", incident_id, status="closed", closed_at=at, close_reason=reason.strip(),
                 audit=[trail.entry(actor, store, "incident_close", "incident", incident["division"], incident_id)])


DISPATCHABLE = ("rescue_team", "supply", "equipment", "expert")


def dispatch(store: LocalStore, actor: Actor, incident_id: str, resource_table: str, resource_id: str,
             amount: float | None = None, note: str = "", at: float | None = None) -> str:
    """Log a resource sent to an open incident; a supply's stock goes down by `amount` (a signed
    delta, so two rooms drawing on one depot both count). Durable when this returns."""
    require(actor, Action.REGISTER_INCIDENT)
    incident = _open_incident(store, incident_id)
    if resource_table not in DISPATCHABLE:
        raise StoreError(f"dispatch resource {resource_table!r}: not one of {', '.join(DISPATCHABLE)}")
    resource = store.get(resource_table, resource_id)
    if resource is None or resource["deleted"]:
        raise StoreError(f"dispatch {resource_table} {resource_id}: not on this node")
    if resource_table == "supply":
        if amount is None or amount <= 0:
            raise StoreError(f"dispatch {resource['name']}: give the quantity sent")
        if amount > resource["quantity"]:
            raise StoreError(f"dispatch {resource['name']}: {amount:g} {resource['unit']} asked, "
                             f"{resource['quantity']:g} in stock")
    with store.transaction():
        dispatch_id = store.append("resource_dispatch", incident["division"], incident_id=incident_id,
                                   at=time.time() if at is None else at, resource_table=resource_table,
                                   resource_id=resource_id, resource_name=resource["name"], amount=amount,
                                   officer=actor.display_name, note=note.strip() or None,
                                   audit=[trail.entry(actor, store, "dispatch", "incident", incident["division"],
                                                      incident_id, resource=resource["name"], amount=amount)])
        if resource_table == "supply":
            store.adjust("supply", resource_id, "quantity", -amount)
    return dispatch_id


def dispatch_log(reader: RecordsReader, incident_id: str) -> list[dict]:
    return reader.rows("resource_dispatch", "at DESC", where="incident_id = ?", params=(incident_id,))


def position(reader: RecordsReader, incident: dict) -> tuple[float, float] | None:
    """The incident's (lon, lat): its own, else its enterprise's."""
    if incident.get("lon") is not None and incident.get("lat") is not None:
        return incident["lon"], incident["lat"]
    enterprise = reader.enterprise(incident["enterprise_id"]) if incident.get("enterprise_id") else None
    if enterprise and enterprise.get("lon") is not None and enterprise.get("lat") is not None:
        return enterprise["lon"], enterprise["lat"]
    return None
