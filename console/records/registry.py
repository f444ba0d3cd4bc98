"""Adding and editing enterprises: every field checked, each problem named next to its field. Qt-free."""
from __future__ import annotations

from console.divisions import DivisionRegistry
from console.records.labels import INDUSTRY, SUPERVISION_LEVEL
from console.records.queries import RecordsReader
from server_link import credit_code
from console.operators import audit
from console.operators.permissions import Action, Actor, require
from server_link.local_store import LocalStore

EDITABLE = ("name", "credit_code", "division", "industry", "supervision_level", "address", "contact", "phone")


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


def save(store: LocalStore, fields: dict, enterprise_id: str | None = None, *, actor: Actor) -> str:
    """Insert or update (only the changed fields); durable, with its audit row (before/after of an
    edit), when this returns. Check `problems` first."""
    require(actor, Action.EDIT_RECORDS)
    clean = {key: (value.strip() if isinstance(value, str) else value) for key, value in fields.items()
             if key in EDITABLE}
    clean["credit_code"] = clean["credit_code"].upper()
    if enterprise_id is None:
        division = clean.pop("division")
        return store.insert("enterprise", division, status="operating", audit_state="approved", **clean,
                            audit=[audit.entry(actor, store.node, "record_create", division,
                                               target_kind="enterprise", after=dict(clean))])
    current = store.get("enterprise", enterprise_id) or {}
    changes = {key: value for key, value in clean.items() if current.get(key) != value}
    if changes:
        store.update("enterprise", enterprise_id, **changes, audit=[audit.entry(
            actor, store.node, "record_edit", changes.get("division", current.get("division", store.node)),
            target_kind="enterprise", target_id=enterprise_id)])
    return enterprise_id
