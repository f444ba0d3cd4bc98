"""Building a node's store and sync service from its config (what app start-up calls)."""
from __future__ import annotations

from collections.abc import Callable

from console.config import NodeConfig
from server_link.credentials import backend_dsn
from server_link.local_store import LocalStore
from domain.divisions import hebei
from server_link.sync_engine import SyncEngine, connect_backend
from server_link.sync_service import SyncService


def open_store(config: NodeConfig) -> LocalStore:
    return LocalStore(config.backend.resolved_store_path, config.node.division, hebei())


def sync_service(config: NodeConfig, store: LocalStore) -> SyncService | None:
    """The sync service for a node with a shared backend; None for the embedded default."""
    if config.backend.kind != "postgresql" or not config.sync.enabled:
        return None
    dsn = backend_dsn(config.backend)
    engine = SyncEngine(store, connect_backend(dsn), batch_size=config.sync.batch_size)
    return SyncService(engine, connect_backend(dsn), interval_s=config.sync.interval_s)


def sync_once(config: NodeConfig, dsn: str, progress: Callable[[int, int], None] | None = None) -> str:
    """One push and pull of this node's store (CLI, commissioning); refuses a backend at
    another schema revision (`SchemaMismatch`). Returns a one-line summary."""
    store = open_store(config)
    engine = SyncEngine(store, connect_backend(dsn), batch_size=config.sync.batch_size)
    try:
        engine.sync_once(progress=progress)
        return f"{store.pending_count()} pending, {len(store.open_conflicts())} conflicts waiting"
    finally:
        engine.close()
        store.close()
