"""The node's local store and a read-only reader on it, shared by the records pages.

The sync service starter (`console.services.sync_status.start_sync`, issue 7) opens the store at
start-up and puts it in `AppContext.services["store"]`; without it the first records page
opens it the same way (`console.node_sync.open_store`).
"""
from __future__ import annotations

from console.operators.accounts import Accounts
from console.records.queries import RecordsReader
from server_link.local_store import LocalStore
from console.node_sync import open_store


def records_services(context) -> tuple[LocalStore, RecordsReader]:
    services = context.services
    if services.get("store") is None:
        services["store"] = open_store(context.config)
    store = services["store"]
    if services.get("records_reader") is None:
        services["records_reader"] = RecordsReader(store.path, store.node)
    return store, services["records_reader"]


def accounts(context) -> Accounts:
    """The node's operator accounts (`context.services["accounts"]`), on the same store."""
    services = context.services
    if services.get("accounts") is None:
        store, _ = records_services(context)
        services["accounts"] = Accounts(store, context.config.operators.max_failed_attempts)
    return services["accounts"]
