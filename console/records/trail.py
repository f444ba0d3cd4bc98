"""Records writes with their audit rows (`console.operators.audit`), so every create, edit and
removal of a record commits together with the row that says who did it. Qt-free."""
from __future__ import annotations

from console.operators import audit
from console.operators.permissions import Actor
from server_link.local_store import LocalStore


def entry(actor: Actor, store: LocalStore, action: str, table: str, division: str | None = None,
          row_id: str | None = None, **after) -> dict:
    """One audit row for a records write by `actor` at this node; `after` summarises a new row
    (an edit's changed fields are filled in by the store)."""
    return audit.entry(actor, store.node, action, division or store.node, target_kind=table, target_id=row_id,
                       after=after or None)


def create(store: LocalStore, actor: Actor, table: str, division: str, summary: dict | None = None,
           **fields) -> str:
    """Insert a record (`record_create`); `summary` goes into the audit row."""
    return store.insert(table, division, **fields,
                        audit=[entry(actor, store, "record_create", table, division, **(summary or {}))])


def save(store: LocalStore, actor: Actor, table: str, division: str, fields: dict, row_id: str | None,
         summary: dict | None = None) -> str:
    """Create the record, or write only the fields that changed (`record_edit`); returns its id."""
    if row_id is None:
        return create(store, actor, table, division, summary, **fields)
    current = store.get(table, row_id) or {}
    changes = {key: value for key, value in fields.items() if current.get(key) != value}
    if changes:
        store.update(table, row_id, **changes,
                     audit=[entry(actor, store, "record_edit", table, current.get("division"), row_id)])
    return row_id
