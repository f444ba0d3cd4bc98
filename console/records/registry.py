"""Enterprises: entry, edit and the audit (审核) workflow, each change kept in a history. Qt-free.

An entry or edit by a node that does not review the enterprise's division (a county entering
its own enterprises) is `pending`; the reviewing level — a node strictly above the
enterprise's division, with the right to approve — approves it or returns it with a reason.
An edit of an approved enterprise goes back to pending, and `pending_fields` keeps which
fields wait for review. Every step appends one `enterprise_history` row (who, what, when)
in the same transaction as the enterprise's own write, both with their outbox ops, and each
write carries its audit-trail row (console/operators/audit.py) in that transaction too.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass

from domain.divisions import DivisionRegistry
from console.operators import audit
from console.operators.permissions import Action, Actor, PermissionDenied, require
from console.records.labels import INDUSTRY, SUPERVISION_LEVEL
from console.records.queries import RecordsReader
from server_link import credit_code
from server_link.local_store import LocalStore, StoreError

EDITABLE = ("name", "credit_code", "division", "industry", "supervision_level", "address",
            "legal_representative", "contact", "phone", "lon", "lat")
AUDIT_STATES = ("pending", "approved", "returned")


def problems(fields: dict, reader: RecordsReader, divisions: DivisionRegistry,
             enterprise_id: str | None = None) -> dict[str, str]:
    """{field: what is wrong} for a new or edited enterprise (empty when it can be saved)."""
    out = {}
    if not (fields.get("name") or "").strip():
        out["name"] = "name must not be empty"
    code = (fields.get("credit_code") or "").strip().upper()
    reason = credit_code.problem(code)
    if reason:
        out["credit_code"] = reason
    elif reader.credit_code_taken(code, enterprise_id):
        out["credit_code"] = f"{code} is already registered"
    division = fields.get("division")
    if division not in divisions or not divisions.in_jurisdiction(reader.node, division):
        out["division"] = f"division {division!r} is not in the jurisdiction of node {reader.node}"
    if fields.get("industry") not in INDUSTRY:
        out["industry"] = f"industry {fields.get('industry')!r}: not one of {', '.join(INDUSTRY)}"
    if fields.get("supervision_level") not in SUPERVISION_LEVEL:
        out["supervision_level"] = f"supervision level {fields.get('supervision_level')!r}: not one of " \
                                   f"{', '.join(SUPERVISION_LEVEL)}"
    return out


def reviews(divisions: DivisionRegistry, node: str, division: str) -> bool:
    """Whether the node at `node` is a reviewing level for enterprises of `division`."""
    return node != division and divisions.in_jurisdiction(node, division)


def _clean(fields: dict) -> dict:
    clean = {key: (value.strip() or None if isinstance(value, str) else value) for key, value in fields.items()
             if key in EDITABLE}
    if clean.get("credit_code"):
        clean["credit_code"] = clean["credit_code"].upper()
    return clean


def _approves_own_entry(actor: Actor, divisions: DivisionRegistry, division: str) -> bool:
    return actor.may(Action.APPROVE_REGISTRY) and reviews(divisions, actor.node, division)


def _history(store: LocalStore, actor: Actor, enterprise_id: str, division: str, action: str,
             changes: dict | None = None, note: str | None = None) -> None:
    store.append("enterprise_history", division, enterprise_id=enterprise_id, at=time.time(),
                 actor=actor.username, node=actor.node, action=action,
                 changes=json.dumps(changes, ensure_ascii=False) if changes else None, note=note)


def create(store: LocalStore, actor: Actor, divisions: DivisionRegistry, fields: dict) -> str:
    """A new enterprise, pending unless a reviewing level entered it; durable when this returns."""
    require(actor, Action.EDIT_RECORDS)
    clean = _clean(fields)
    division = clean.pop("division")
    approved = _approves_own_entry(actor, divisions, division)
    filled = sorted(key for key, value in clean.items() if value is not None)
    review = {"audit_state": "approved"} if approved else {"audit_state": "pending",
                                                           "pending_fields": json.dumps(filled)}
    with store.transaction():
        enterprise_id = store.insert("enterprise", division, status="operating", **clean, **review,
                                     audit=[audit.entry(actor, store.node, "record_create", division,
                                                        target_kind="enterprise", after=dict(clean))])
        _history(store, actor, enterprise_id, division, "created",
                 {key: [None, value] for key, value in clean.items() if value is not None})
    return enterprise_id


def edit(store: LocalStore, actor: Actor, divisions: DivisionRegistry, enterprise_id: str,
         fields: dict) -> list[str]:
    """Write only the changed fields; they go back to pending unless a reviewing level edited
    them. Returns the changed field names (empty: nothing was written)."""
    require(actor, Action.EDIT_RECORDS)
    with store.transaction():
        current = _current(store, enterprise_id)
        changes = {key: value for key, value in _clean(fields).items() if current.get(key) != value}
        if not changes:
            return []
        review = {}
        if not _approves_own_entry(actor, divisions, changes.get("division", current["division"])):
            waiting = set(json.loads(current.get("pending_fields") or "[]")) | set(changes)
            review = {"audit_state": "pending", "pending_fields": json.dumps(sorted(waiting)), "audit_note": None}
        store.update("enterprise", enterprise_id, **changes, **review,
                     audit=[audit.entry(actor, store.node, "record_edit", current["division"],
                                        target_kind="enterprise", target_id=enterprise_id,
                                        before={key: current.get(key) for key in changes}, after=changes)])
        _history(store, actor, enterprise_id, current["division"], "edited",
                 {key: [current.get(key), value] for key, value in changes.items()})
    return sorted(changes)


def save(store: LocalStore, actor: Actor, divisions: DivisionRegistry, fields: dict,
         enterprise_id: str | None = None) -> str:
    """Insert or edit (the dialog's Save); check `problems` first."""
    if enterprise_id is None:
        return create(store, actor, divisions, fields)
    edit(store, actor, divisions, enterprise_id, fields)
    return enterprise_id


def approve(store: LocalStore, actor: Actor, divisions: DivisionRegistry, enterprise_id: str) -> None:
    """The reviewing level accepts the pending fields."""
    require(actor, Action.APPROVE_REGISTRY)
    with store.transaction():
        current = _reviewable(store, actor, divisions, enterprise_id)
        store.update("enterprise", enterprise_id, audit_state="approved", pending_fields=None, audit_note=None,
                     audit=[audit.entry(actor, store.node, "record_approve", current["division"],
                                        target_kind="enterprise", target_id=enterprise_id)])
        _history(store, actor, enterprise_id, current["division"], "approved",
                 note=", ".join(json.loads(current.get("pending_fields") or "[]")) or None)


def return_for_correction(store: LocalStore, actor: Actor, divisions: DivisionRegistry, enterprise_id: str,
                          reason: str) -> None:
    """The reviewing level sends the entry back; the pending fields stay marked for the county."""
    require(actor, Action.APPROVE_REGISTRY)
    reason = (reason or "").strip()
    if not reason:
        raise StoreError("return: say why the entry goes back (the reason must not be empty)")
    with store.transaction():
        current = _reviewable(store, actor, divisions, enterprise_id)
        store.update("enterprise", enterprise_id, audit_state="returned", audit_note=reason,
                     audit=[audit.entry(actor, store.node, "record_return", current["division"],
                                        target_kind="enterprise", target_id=enterprise_id)])
        _history(store, actor, enterprise_id, current["division"], "returned", note=reason)


def _current(store: LocalStore, enterprise_id: str) -> dict:
    current = store.get("enterprise", enterprise_id)
    if current is None or current["deleted"]:
        raise StoreError(f"enterprise {enterprise_id}: no such enterprise on this node")
    return current


def _reviewable(store: LocalStore, actor: Actor, divisions: DivisionRegistry, enterprise_id: str) -> dict:
    current = _current(store, enterprise_id)
    if not reviews(divisions, actor.node, current["division"]):
        raise PermissionDenied(f"{actor.display_name}: node {actor.node} does not review enterprises of "
                               f"division {current['division']} (a level above it does)")
    if current["audit_state"] != "pending":
        raise StoreError(f"enterprise {current['credit_code']}: {current['audit_state']}, not pending review")
    return current


@dataclass(frozen=True)
class Refusal:
    """An enterprise write the backend refused (e.g. a credit code another county holds)."""

    enterprise_id: str
    credit_code: str
    name: str
    reason: str
    at: float


def refused_entries(store: LocalStore) -> list[Refusal]:
    """The node's enterprise writes the backend refused, newest first, for the operator to see."""
    out = []
    for op in store.rejected():
        if op["table_name"] != "enterprise":
            continue
        fields, row = json.loads(op["fields"]), store.get("enterprise", op["row_id"]) or {}
        out.append(Refusal(op["row_id"], fields.get("credit_code") or row.get("credit_code", ""),
                           fields.get("name") or row.get("name", ""),
                           op["reason"].removeprefix("rejected: "), op["at"]))
    return sorted(out, key=lambda refusal: -refusal.at)
