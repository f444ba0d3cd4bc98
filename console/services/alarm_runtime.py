"""Starting the alarm service in the GUI: engine + journal + tag bus + timers.

`start_alarm_service(context)` is a `console.app.SERVICE_STARTERS` entry: it builds the
engine for this node's jurisdiction, restores open alarms from the journal, feeds it
every tag-bus batch, ticks it for delays / shelve expiry / escalation, and runs the
journal's completion callbacks on the GUI thread as soon as the writer thread commits
(through its `GuiInbox`). Journal events other nodes wrote reach it the same way: the sync
thread posts the newly pulled events and the GUI thread merges them into the engine. It stores the running `AlarmService` in `context.services["alarms"]`.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from console.alarms.engine import AlarmEngine, settings_from_config
from domain.alarm_events import AlarmEvent
from console.context import AppContext
from console.services.gui_inbox import GuiInbox
from domain.tags import Catalogue
from server_link.alarm_journal import AlarmJournal
from server_link.local_store import LocalStore

TICK_MS = 500


class AlarmService(QObject):
    """What pages and widgets use: `engine`, `journal`, `catalogue`."""

    def __init__(self, context: AppContext, catalogue: Catalogue, store: LocalStore | Path,
                 clock: Callable[[], float] = time.time, parent: QObject | None = None):
        """`store` is the node's store (the sync starter's), or a path to open one for this service.
        The engine stamps from `context.services["node_clock"]` when the clock watch runs, else `clock`."""
        super().__init__(parent)
        self.context = context
        self.catalogue = catalogue
        owned = not isinstance(store, LocalStore)
        if owned:
            store = LocalStore(store, context.node_code, context.divisions)
        self.inbox = GuiInbox("alarm service", self)
        self.journal = AlarmJournal(store, on_commit=self._committed, owns_store=owned)
        config = context.config.alarms
        self.engine = AlarmEngine(catalogue, context.divisions, context.node_code, journal=self.journal,
                                  settings=settings_from_config(config), clock=clock,
                                  node_clock=context.services.get("node_clock"), actors=context.resolve_actor)
        self.engine.restore(self.journal.open_events(since=self.engine.clock() - config.restore_days * 86400.0))
        self._stop_pull = self.journal.on_pulled(self._on_pulled)
        self._unsubscribe = context.tag_bus.subscribe(self.engine.evaluate, replay=True)
        self._timer = QTimer(self, interval=TICK_MS, timeout=self.engine.tick)
        self._timer.start()

    def _committed(self) -> None:
        """Writer thread: a batch is durable; the GUI thread runs its completion callbacks."""
        self.inbox.post(self.engine.poll)

    def _on_pulled(self, events: list[AlarmEvent]) -> None:
        """Sync thread: hand the events over; the GUI thread merges them."""
        self.inbox.post(self.engine.merge, events)

    def stop(self) -> None:
        self._timer.stop()
        self._unsubscribe()
        self._stop_pull()
        self.journal.close()
        self.inbox.close()


def node_catalogue(context: AppContext) -> Catalogue:
    """The catalogue acquisition published, else the simulator's when the field is simulated."""
    catalogue = context.services.get("catalogue")
    if catalogue is not None:
        return catalogue
    if context.config.field.simulator:
        from drivers.simulator.catalogue import build_catalogue

        return build_catalogue(context.config.field.simulator_seed)
    return Catalogue()


def start_alarm_service(context: AppContext) -> Callable[[], None]:
    store = context.services.get("store") or context.config.backend.resolved_store_path
    service = AlarmService(context, node_catalogue(context), store)
    context.services["alarms"] = service
    # what views follow: active_alarms(), subscribe(), acknowledge() (map, video pop-up)
    context.services["alarm_engine"] = service.engine
    return service.stop
