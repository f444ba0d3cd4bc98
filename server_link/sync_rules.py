"""Conflict rules per module, as pure functions the server push and the node's replay share.

- Registry (default): field-level merge. A field the server changed since the op's base
  version, on another node, is a real conflict; the owning jurisdiction (the node at the
  row's division) wins; if neither side owns the row the server value stays and the pair
  goes to the conflict inbox (`sync_conflict`) for a person to decide.
- Forward-only fields (hazard rectification status) take the further of the two states.
- Delta fields (supply quantities) move only by signed deltas, never absolute writes.
- Failed sign-in counts (`app_user.failed_attempts`) move by deltas too: two nodes
  counting one person's failures add up.
- Append-only tables (duty log, alarm journal, enterprise history, audit trail, consultation
  participants and decisions) accept inserts only; a repeated insert of
  the same id is a no-op, so two nodes journaling the same name-based event end as one row.
  The alarm journal's rule is in `RULES` itself rather than registered by its writer: the
  push runs in whatever process holds an outbox (console, CLI `sync once`, tests), and each
  of them must refuse updates to it whether or not it imported the journal.
Qt-free.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from server_link.models import HAZARD_STATUSES


@dataclass(frozen=True)
class TableRule:
    append_only: bool = False
    forward_only: dict[str, tuple[str, ...]] = field(default_factory=dict)
    delta_fields: frozenset[str] = frozenset()
    server_managed: bool = False  # written by the server only (nodes send `resolve` ops)


MERGE = TableRule()
RULES: dict[str, TableRule] = {
    "hazard": TableRule(forward_only={"status": HAZARD_STATUSES}),
    "supply": TableRule(delta_fields=frozenset({"quantity"})),
    "duty_log": TableRule(append_only=True),
    "alarm_event": TableRule(append_only=True),
    "incident_followup": TableRule(append_only=True),
    "resource_dispatch": TableRule(append_only=True),
    "enterprise_history": TableRule(append_only=True),
    "audit_event": TableRule(append_only=True),
    "consultation_participant": TableRule(append_only=True),
    "consultation_decision": TableRule(append_only=True),
    "app_user": TableRule(delta_fields=frozenset({"failed_attempts"})),
    "sync_conflict": TableRule(server_managed=True),
}


def register_append_only(table: str) -> None:
    """Declare a replicated table defined outside `server_link.models` append-only."""
    RULES[table] = TableRule(append_only=True)


def rule_for(table: str) -> TableRule:
    return RULES.get(table, MERGE)


@dataclass
class Op:
    op_id: str
    table: str
    row_id: str
    kind: str  # upsert | delete | append | delta | resolve
    base_version: int
    division: str
    fields: dict
    origin: str = ""


@dataclass
class Conflict:
    field: str
    server_value: object
    incoming_value: object
    server_origin: str | None


@dataclass
class Outcome:
    row: dict | None  # the row to write, None when nothing changes
    status: str  # applied | merged | duplicate | ignored:… | rejected:…
    conflicts: list[Conflict] = field(default_factory=list)


def _further(order: tuple[str, ...], a, b):
    rank = {state: i for i, state in enumerate(order)}
    return a if rank.get(a, -1) >= rank.get(b, -1) else b


def apply_op(current: dict | None, op: Op, version: int, now: float) -> Outcome:
    """The server's decision for one op on the row as it is now (None: no such row visible)."""
    rule = rule_for(op.table)
    if rule.server_managed:
        return Outcome(None, "rejected: written by the server only")
    if rule.append_only and op.kind != "append":
        return Outcome(None, f"rejected: {op.table} is append-only")
    if current is None:
        if op.kind in ("append", "upsert") and op.base_version == 0:
            row = dict(op.fields, id=op.row_id, division=op.division, deleted=False)
            clock = {name: [version, op.origin] for name in op.fields}
            return Outcome(_stamp(row, clock, op, version, now), "applied")
        return Outcome(None, "rejected: no such row in this node's jurisdiction")
    if op.kind == "append":
        return Outcome(None, "duplicate")
    if current.get("deleted"):
        return Outcome(None, "ignored: row was deleted")
    row, clock = dict(current), json.loads(current.get("field_clock") or "{}")
    if op.kind == "delete":
        row["deleted"] = True
        return Outcome(_stamp(row, clock, op, version, now), "applied")
    if op.kind == "delta":
        unknown = set(op.fields) - rule.delta_fields
        if unknown:
            return Outcome(None, f"rejected: {', '.join(sorted(unknown))} do not move by deltas")
        for name, delta in op.fields.items():
            row[name] = (row.get(name) or 0) + delta
        return Outcome(_stamp(row, clock, op, version, now), "applied")
    return _merge_fields(rule, row, clock, op, version, now)


def _merge_fields(rule: TableRule, row: dict, clock: dict, op: Op, version: int, now: float) -> Outcome:
    owner = row["division"]
    conflicts, status, changed = [], "applied", False
    for name, incoming in op.fields.items():
        if name in rule.delta_fields or name in ("id", "version", "origin_node", "field_clock", "updated_at"):
            continue
        server = row.get(name)
        if name in rule.forward_only:
            incoming = _further(rule.forward_only[name], incoming, server)
        if incoming == server:
            continue
        last = clock.get(name)
        concurrent = last is not None and last[0] > op.base_version and last[1] != op.origin
        if concurrent and op.origin != owner and name not in rule.forward_only:
            status = "merged"
            if last[1] != owner:
                conflicts.append(Conflict(name, server, incoming, last[1]))
            continue
        row[name] = incoming
        clock[name] = [version, op.origin]
        changed = True
    if not changed:
        return Outcome(None, status if status != "applied" else "ignored: no change", conflicts)
    return Outcome(_stamp(row, clock, op, version, now), status, conflicts)


def _stamp(row: dict, clock: dict, op: Op, version: int, now: float) -> dict:
    row.update(version=version, origin_node=op.origin, updated_at=now, field_clock=json.dumps(clock))
    return row


def replay_locally(row: dict | None, kind: str, fields: dict, table: str) -> dict | None:
    """A pending local op laid over the server's row, so the node shows its own edits."""
    rule = rule_for(table)
    if kind in ("append", "upsert") and row is None:
        return dict(fields)
    if row is None:
        return None
    row = dict(row)
    if kind == "delete":
        row["deleted"] = True
    elif kind == "delta":
        for name, delta in fields.items():
            row[name] = (row.get(name) or 0) + delta
    elif kind == "upsert":
        for name, value in fields.items():
            if name in rule.forward_only:
                value = _further(rule.forward_only[name], value, row.get(name))
            row[name] = value
    return row
