"""Trend history for the GUI: a page's history queries on one worker thread, the decimated
results handed to their views on the GUI thread."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from console.services.gui_inbox import GuiInbox
from console.trends.backfill import BackfillRequest, BackfillWorker
from console.trends.history import HistorySource


class TrendBackfill(QObject):
    """Runs a view's history queries on a worker thread; results come back through a `GuiInbox`.

    One worker and one database connection serve all views of a page; a view's new
    request cancels its previous one (see `console.trends.backfill`).
    """

    def __init__(self, open_source: Callable[[], HistorySource], parent: QObject | None = None):
        super().__init__(parent)
        self._views: dict[int, object] = {}
        self.inbox = GuiInbox("trend history", self)
        self.worker = BackfillWorker(open_source, lambda req, result: self.inbox.post(self._deliver, req, result))

    def request(self, view, tags: list[str], t0: float, until: float, width: float) -> None:
        self._views[id(view)] = view
        columns = max(1, round((until - t0) / width))
        self.worker.request(id(view), tags, t0, t0 + columns * width, columns)

    def forget(self, view) -> None:
        self._views.pop(id(view), None)

    def close(self) -> None:
        self.worker.close()
        self.inbox.close()

    def _deliver(self, req: BackfillRequest, result: dict) -> None:
        view = self._views.get(req.key)
        if view is not None and self.worker.is_current(req):
            view.history_arrived(result, req.t0, req.t1, (req.t1 - req.t0) / req.columns)


