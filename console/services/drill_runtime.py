"""Drills in the GUI: the `DrillBook` re-read once a second, the alarm engine told which sites
and times belong to a running drill, and a `changed` signal for the banner and the drill page.

`start_drill_service(context)` is a `console.app.SERVICE_STARTERS` entry (after the alarm
service); it puts the `DrillRuntime` in `context.services["drills"]`.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from console.drill.runs import Drill, DrillBook
from console.drill.service import DrillService
from console.operators.permissions import Actor
from console.records.store_access import records_services
from console.services.alarm_runtime import node_catalogue

REFRESH_MS = 1000


class DrillRuntime(QObject):
    changed = Signal()  # the drills known (started, ended, synced from another node) changed

    def __init__(self, context, parent: QObject | None = None):
        super().__init__(parent)
        store, _ = records_services(context)
        self.book = DrillBook(store.path, store.node)
        self.book.refresh()
        alarms = context.services.get("alarms")
        catalogue = alarms.catalogue if alarms is not None else node_catalogue(context)
        self.service = DrillService(store, self.book, catalogue, context.services.get("simulator"))
        engine = context.services.get("alarm_engine")
        if engine is not None:
            engine.drill_of = self.book.drill_at
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()

    def start_drill(self, actor: Actor, scenario: str, sites: list[str], nodes: list[str]) -> Drill:
        """Start a drill (durable when this returns; `PermissionDenied`/`StoreError` otherwise)."""
        drill = self.service.start(actor, scenario, sites, nodes)
        self.changed.emit()
        return drill

    def stop_drill(self, actor: Actor, drill_id: str) -> None:
        self.service.stop(actor, drill_id)
        self.changed.emit()

    def refresh(self) -> None:
        if self.book.refresh():
            self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()
        self.book.close()


def start_drill_service(context) -> Callable[[], None]:
    runtime = DrillRuntime(context)
    context.services["drills"] = runtime
    return runtime.stop


def current_drill_id(context) -> str | None:
    """The drill this node takes part in now, for the records a form writes (None: real work)."""
    runtime = context.services.get("drills")
    drill = runtime.book.current() if runtime is not None else None
    return drill.id if drill is not None else None
