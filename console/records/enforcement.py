"""Enforcement: inspection plans, inspection records with a checklist and findings, the hazards
an inspection found, and the documents issued on them. Qt-free.

Hazard status moves only forward, one step at a time (the sync rules keep the further of two
concurrent states too); reaching `rectified` stamps `rectified_at`, so a rectification after
the deadline stays visible as late. Every operation takes the acting `Actor` and checks it.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass

from console.operators.permissions import Action, Actor, require
from domain.translatable import QT_TRANSLATE_NOOP
from console.records import trail
from console.records.queries import RecordsReader
from server_link.local_store import LocalStore, StoreError
from server_link.models import HAZARD_STATUSES, RECORD_SOURCES

CLOSED = ("rectified", "verified")
PLAN_KINDS = ("routine", "special")
HAZARD_LEVELS = ("general", "major")
DOCUMENT_KINDS = ("rectification_order", "inspection_record")
DOCUMENT_ABBREVIATION = {"rectification_order": "责改", "inspection_record": "现检"}
# The standard checklist of a site inspection (stored in the form's language as it is ticked).
CHECKLIST = (
    QT_TRANSLATE_NOOP("records", "Safety production licence valid"),
    QT_TRANSLATE_NOOP("records", "Safety management staff on duty"),
    QT_TRANSLATE_NOOP("records", "Major hazard sources registered and monitored"),
    QT_TRANSLATE_NOOP("records", "Emergency plan filed and drilled"),
    QT_TRANSLATE_NOOP("records", "Special operations personnel certified"),
    QT_TRANSLATE_NOOP("records", "Hidden-hazard investigation ledger kept"),
)


def next_statuses(status: str) -> tuple[str, ...]:
    if status not in HAZARD_STATUSES:
        raise StoreError(f"hazard status {status!r}: not one of {', '.join(HAZARD_STATUSES)}")
    index = HAZARD_STATUSES.index(status)
    return HAZARD_STATUSES[index + 1:index + 2]


def is_overdue(hazard: dict, now: float) -> bool:
    return hazard["status"] not in CLOSED and hazard["deadline"] < now


def rectified_late(hazard: dict) -> bool:
    rectified_at = hazard.get("rectified_at")
    return rectified_at is not None and rectified_at > hazard["deadline"]


def is_late(hazard: dict, now: float) -> bool:
    """Overdue now, or rectified after its deadline (that stays visible)."""
    return is_overdue(hazard, now) or rectified_late(hazard)


def advance(store: LocalStore, actor: Actor, hazard_id: str, new_status: str, at: float | None = None) -> None:
    """Move a hazard to `new_status`; durable (with its audit row) when this returns."""
    require(actor, Action.EDIT_RECORDS)
    hazard = store.get("hazard", hazard_id)
    if hazard is None:
        raise StoreError(f"hazard {hazard_id}: no such hazard on this node")
    if new_status not in next_statuses(hazard["status"]):
        raise StoreError(f"hazard {hazard_id}: cannot move from {hazard['status']!r} to {new_status!r}")
    changes = {"status": new_status}
    if new_status == "rectified":
        changes["rectified_at"] = time.time() if at is None else at
    store.update("hazard", hazard_id, **changes,
                 audit=[trail.entry(actor, store, "record_edit", "hazard", hazard["division"], hazard_id)])


# --- plans --------------------------------------------------------------------------------

@dataclass
class PlanFields:
    name: str
    kind: str
    period_start: float
    period_end: float
    targets: list[str]  # enterprise ids


def save_plan(store: LocalStore, reader: RecordsReader, actor: Actor, division: str, plan: PlanFields,
              plan_id: str | None = None) -> str:
    """Create or edit an inspection plan; durable when this returns."""
    require(actor, Action.EDIT_RECORDS)
    if not plan.name.strip():
        raise StoreError("inspection plan name: must not be empty")
    if plan.kind not in PLAN_KINDS:
        raise StoreError(f"inspection plan kind {plan.kind!r}: not one of {', '.join(PLAN_KINDS)}")
    if plan.period_end < plan.period_start:
        raise StoreError("inspection plan period: ends before it starts")
    if not plan.targets:
        raise StoreError("inspection plan targets: choose at least one enterprise")
    known = reader.enterprise_names(set(plan.targets))
    unknown = [target for target in plan.targets if target not in known]
    if unknown:
        raise StoreError(f"inspection plan targets: {len(unknown)} enterprise(s) not in this node's registry")
    fields = dict(name=plan.name.strip(), kind=plan.kind, period_start=plan.period_start,
                  period_end=plan.period_end, targets=json.dumps(sorted(set(plan.targets))),
                  planned_count=len(set(plan.targets)), year=time.localtime(plan.period_start).tm_year)
    return trail.save(store, actor, "inspection_plan", division, fields, plan_id, {"name": fields["name"]})


def plan_targets(plan: dict) -> list[str]:
    return json.loads(plan["targets"]) if plan.get("targets") else []


def plan_progress(reader: RecordsReader, plan: dict) -> tuple[int, int]:
    """(target enterprises inspected under the plan, planned); plans from before targets count records."""
    done = reader.rows("inspection_record", "enterprise_id", where="plan_id = ?", params=(plan["id"],))
    inspected = {row["enterprise_id"] for row in done}
    targets = plan_targets(plan)
    if targets:
        return len(inspected & set(targets)), len(targets)
    return len(done), plan["planned_count"]


def plans(reader: RecordsReader, division: str | None) -> list[dict]:
    """Plans with their progress (`done`, `planned`), newest period first."""
    out = []
    for plan in reader.rows("inspection_plan", "year DESC, name", division=division):
        done, planned = plan_progress(reader, plan)
        out.append(dict(plan, done=done, planned=planned))
    return out


# --- inspections and hazards --------------------------------------------------------------

@dataclass
class InspectionFields:
    enterprise_id: str
    inspector: str
    inspected_at: float
    checklist: list[tuple[str, bool]]
    findings: str
    result: str
    plan_id: str | None = None
    source: str = "console"


def save_inspection(store: LocalStore, reader: RecordsReader, actor: Actor, record: InspectionFields,
                    inspection_id: str | None = None) -> str:
    """Create or edit an inspection record in the enterprise's division; durable when this returns."""
    require(actor, Action.EDIT_RECORDS)
    enterprise = reader.enterprise(record.enterprise_id) if record.enterprise_id else None
    if enterprise is None:
        raise StoreError("inspection enterprise: choose an enterprise of this node's registry")
    if not record.inspector.strip():
        raise StoreError("inspection inspector: must not be empty")
    if not record.result.strip():
        raise StoreError("inspection result: must not be empty")
    if record.inspected_at > time.time() + 3600:
        raise StoreError("inspection time: in the future")
    if record.source not in RECORD_SOURCES:
        raise StoreError(f"inspection source {record.source!r}: not one of {', '.join(RECORD_SOURCES)}")
    if record.plan_id and store.get("inspection_plan", record.plan_id) is None:
        raise StoreError(f"inspection plan {record.plan_id}: no such plan on this node")
    fields = dict(enterprise_id=enterprise["id"], inspector=record.inspector.strip(),
                  inspected_at=record.inspected_at, result=record.result.strip()[:200],
                  checklist=json.dumps([[item, bool(passed)] for item, passed in record.checklist], ensure_ascii=False),
                  findings=record.findings.strip(), plan_id=record.plan_id or None, source=record.source)
    return trail.save(store, actor, "inspection_record", enterprise["division"], fields, inspection_id,
                      {"enterprise_id": enterprise["id"]})


def checklist_of(record: dict) -> list[tuple[str, bool]]:
    return [(item, bool(passed)) for item, passed in json.loads(record.get("checklist") or "[]")]


def add_hazard(store: LocalStore, actor: Actor, inspection_id: str, description: str, level: str,
               deadline: float) -> str:
    """A hazard found by an inspection, with its rectification deadline; durable when this returns."""
    require(actor, Action.EDIT_RECORDS)
    inspection = store.get("inspection_record", inspection_id)
    if inspection is None or inspection["deleted"]:
        raise StoreError(f"hazard inspection {inspection_id}: no such inspection on this node")
    if not description.strip():
        raise StoreError("hazard description: must not be empty")
    if level not in HAZARD_LEVELS:
        raise StoreError(f"hazard level {level!r}: not one of {', '.join(HAZARD_LEVELS)}")
    if deadline <= inspection["inspected_at"]:
        raise StoreError("hazard rectification deadline: must be after the inspection")
    return trail.create(store, actor, "hazard", inspection["division"], {"inspection_id": inspection_id},
                        enterprise_id=inspection["enterprise_id"], inspection_id=inspection_id,
                        description=description.strip()[:300], level=level, deadline=deadline, status="reported",
                        source=inspection.get("source") or "console")


def with_enterprise_names(reader: RecordsReader, rows: list[dict]) -> list[dict]:
    names = reader.enterprise_names({row["enterprise_id"] for row in rows})
    return [dict(row, enterprise=names.get(row["enterprise_id"], "")) for row in rows]


def hazards(reader: RecordsReader, division: str | None, open_only: bool) -> tuple[list[dict], int]:
    """Hazards by deadline, earliest first (overdue on top), with enterprise names; and how
    many there are in all (a list holds at most `ROW_LIMIT`). `open_only` keeps the open ones
    and those rectified late."""
    marks = ",".join("?" * len(CLOSED))
    where = f"(status NOT IN ({marks}) OR rectified_at > deadline)" if open_only else ""
    params = CLOSED if open_only else ()
    rows = reader.rows("hazard", "deadline", division=division, where=where, params=params)
    return with_enterprise_names(reader, rows), reader.count("hazard", where, params, division)


def hazards_of(reader: RecordsReader, inspection_id: str) -> list[dict]:
    return reader.rows("hazard", "deadline", where="inspection_id = ?", params=(inspection_id,))


def overdue(reader: RecordsReader, now: float, limit: int = 50) -> list[dict]:
    """Open hazards past their deadline, most overdue first, with enterprise names."""
    rows = reader.rows("hazard", "deadline", where=f"deadline < ? AND status NOT IN ({','.join('?' * len(CLOSED))})",
                       params=(now, *CLOSED), limit=limit)
    return with_enterprise_names(reader, rows)


def overdue_count(reader: RecordsReader, division: str | None, now: float) -> int:
    where = f"deadline < ? AND status NOT IN ({','.join('?' * len(CLOSED))})"
    return reader.count("hazard", where, (now, *CLOSED), division)


def inspection_records(reader: RecordsReader, division: str | None) -> list[dict]:
    return with_enterprise_names(reader, reader.rows("inspection_record", "inspected_at DESC", division=division))


# --- documents ----------------------------------------------------------------------------

def issue_document(store: LocalStore, reader: RecordsReader, actor: Actor, inspection_id: str, kind: str,
                   at: float | None = None) -> str:
    """Number and store an enforcement document on an inspection; returns its id.

    The number names the issuing node, so two nodes never give out the same one:
    冀<node><abbreviation>〔<year>〕<serial>号, the serial counting this node's documents of
    the kind that year.
    """
    require(actor, Action.EDIT_RECORDS)
    if kind not in DOCUMENT_KINDS:
        raise StoreError(f"document kind {kind!r}: not one of {', '.join(DOCUMENT_KINDS)}")
    inspection = store.get("inspection_record", inspection_id)
    if inspection is None or inspection["deleted"]:
        raise StoreError(f"document inspection {inspection_id}: no such inspection on this node")
    if kind == "rectification_order" and not hazards_of(reader, inspection_id):
        raise StoreError("rectification order: the inspection found no hazard to order rectified")
    at = time.time() if at is None else at
    year = time.localtime(at).tm_year
    prefix = f"冀{store.node}{DOCUMENT_ABBREVIATION[kind]}〔{year}〕"
    with store.transaction():
        serial = 1 + reader.count("enforcement_document", "kind = ? AND number LIKE ?", (kind, prefix + "%"))
        number = f"{prefix}{serial:04d}号"
        return trail.create(store, actor, "enforcement_document", inspection["division"], {"number": number},
                            enterprise_id=inspection["enterprise_id"], inspection_id=inspection_id, kind=kind,
                            number=number, issued_at=at, officer=actor.display_name)
