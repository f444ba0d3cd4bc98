"""The node's local store and a read-only reader on it, shared by the records pages.

The application may open the store at start-up and put it in `AppContext.services`
("local_store"); otherwise the first records page opens it at the configured path.
"""
from __future__ import annotations

from console.records.queries import RecordsReader
from server_link.local_store import LocalStore


def records_services(context) -> tuple[LocalStore, RecordsReader]:
    services = context.services
    if services.get("local_store") is None:
        services["local_store"] = LocalStore(context.config.backend.resolved_store_path, context.node_code)
    store = services["local_store"]
    if services.get("records_reader") is None:
        services["records_reader"] = RecordsReader(store.path, store.node)
    return store, services["records_reader"]
