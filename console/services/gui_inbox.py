"""The one way a value crosses from a worker thread to the GUI thread.

`post(handler, *args)` from any thread puts the call on a thread-safe queue and, if no
wake-up is pending, emits one queued signal; on the GUI thread the inbox drains everything
queued so far in one go, in order. A handler that raises is logged (with its name) and the
rest still run, so one bad delivery never stalls a service. After `close()` posts are
dropped: a thread that outlives its service never reaches a deleted Qt object.
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from domain.observers import callback_name

log = logging.getLogger(__name__)


class GuiInbox(QObject):
    """A queue drained on the thread this object lives in (create it on the GUI thread)."""

    _wake = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._queue: queue.SimpleQueue[tuple[Callable, tuple]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._wake_pending = False
        self._closed = False
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, handler: Callable, *args) -> None:
        """Any thread: run `handler(*args)` on the GUI thread soon."""
        if self._closed:
            return
        self._queue.put((handler, args))
        with self._lock:
            if self._wake_pending:
                return
            self._wake_pending = True
        self._wake.emit()

    def close(self) -> None:
        """No more deliveries: what is queued is dropped, later posts are ignored."""
        self._closed = True

    def _drain(self) -> None:
        with self._lock:
            self._wake_pending = False  # a post from here on wakes us again
        while not self._closed:
            try:
                handler, args = self._queue.get_nowait()
            except queue.Empty:
                return
            try:
                handler(*args)
            except Exception:
                log.exception("%s: handler %s failed", self.name, callback_name(handler))
