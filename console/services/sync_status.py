"""The local store and the sync service as a GUI service: `start_sync` opens them, and
`SyncStatusBridge` brings the sync thread's status snapshots to the GUI thread (its
`GuiInbox`), reporting the backend link on the way."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from console.link_state import LinkBoard, LinkState
from console.services.gui_inbox import GuiInbox
from domain.config_files import ConfigError

if TYPE_CHECKING:  # SQLAlchemy, Alembic and the models: imported by the start-up job, off the GUI thread
    from server_link.sync_service import SyncService, SyncStatus

LINK_STATES = {"up": LinkState.UP, "down": LinkState.DOWN, "connecting": LinkState.UNKNOWN}


class SyncStatusBridge(QObject):
    """Brings the sync service's status to the GUI thread: reports the backend link, then
    emits `changed` there (so its receivers need no queued connection)."""

    changed = Signal(object)  # SyncStatus, on the GUI thread

    def __init__(self, service: SyncService, links: LinkBoard | None = None, parent=None):
        super().__init__(parent)
        self._links = links
        self.inbox = GuiInbox("sync status", self)
        self._unsubscribe = service.subscribe(lambda status: self.inbox.post(self._arrived, status))  # sync thread

    def close(self) -> None:
        self._unsubscribe()
        self.inbox.close()

    def _arrived(self, status: SyncStatus) -> None:
        if self._links is not None:
            self._links.report("backend", LINK_STATES[status.link], status.message)
        self.changed.emit(status)


def start_sync(context):
    """Service starter (console.app.SERVICE_STARTERS; a staged one, `console.startup`): the local
    store, opened and migrated on the start-up worker thread, and with a shared backend the sync
    service with its status bridge. Puts `store`, `sync` and `sync_bridge` into
    `context.services`; returns the stop function."""
    store = yield lambda: _open_store(context.config)
    from console.node_sync import sync_service  # imported by the job already

    context.services["store"] = store
    try:
        service = sync_service(context.config, store)
    except ConfigError as exc:  # no password: the node works locally and says why
        context.services["sync_blocked"] = str(exc)
        context.links.report("backend", LinkState.DOWN, str(exc))
        return store.close
    if service is None:
        return store.close
    context.services["sync"] = service
    bridge = context.services["sync_bridge"] = SyncStatusBridge(service, context.links)
    service.start()

    def stop() -> None:
        service.stop()
        bridge.close()
        store.close()
    return stop


def _open_store(config):
    from console.node_sync import open_store

    return open_store(config)
