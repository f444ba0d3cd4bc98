"""The node's local store and a read-only reader on it, shared by the records pages.

The sync service starter (`widgets.sync_status.start_sync`, issue 7) opens the store at
start-up and puts it in `AppContext.services["store"]`; without it the first records page
opens it the same way (`server_link.node_sync.open_store`).
"""
from __future__ import annotations

from console.operators.permissions import Actor, Role
from console.records.queries import RecordsReader
from server_link.local_store import LocalStore
from server_link.node_sync import open_store


def records_services(context) -> tuple[LocalStore, RecordsReader]:
    services = context.services
    if services.get("store") is None:
        services["store"] = open_store(context.config)
    store = services["store"]
    if services.get("records_reader") is None:
        services["records_reader"] = RecordsReader(store.path, store.node)
    return store, services["records_reader"]


def actor_of(context) -> Actor:
    """Who acts at this console: the signed-in `context.actor` once the operators work sets it,
    until then an Actor built from `context.operator` (a duty officer at this node)."""
    actor = getattr(context, "actor", None)
    if actor is not None:
        return actor
    return Actor(username=context.operator, display_name=context.operator, role=Role.DUTY_OFFICER,
                 node=context.node_code)
