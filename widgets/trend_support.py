"""Small pieces the trend widgets share: pen colours, level and quality wording, and
the bridge that brings history query results back to the GUI thread."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal

from console.trends.backfill import BackfillRequest, BackfillWorker
from console.trends.history import HistorySource
from domain.values import AlarmLevel, Quality

# Distinct on a dark background and unlike the four alarm-level colours.
PEN_COLOURS = ("#35c9e6", "#e655d2", "#5fd35f", "#e8e8e8", "#9d7bff", "#c8a46a", "#ff85a8", "#b5e655")

_LEVEL_NAMES = {
    AlarmLevel.RED: QT_TRANSLATE_NOOP("trends", "Red"),
    AlarmLevel.ORANGE: QT_TRANSLATE_NOOP("trends", "Orange"),
    AlarmLevel.YELLOW: QT_TRANSLATE_NOOP("trends", "Yellow"),
    AlarmLevel.BLUE: QT_TRANSLATE_NOOP("trends", "Blue"),
}

_QUALITY_NAMES = {
    Quality.GOOD: (QT_TRANSLATE_NOOP("trends", "Good"), "#5fd35f"),
    Quality.UNCERTAIN_STALE: (QT_TRANSLATE_NOOP("trends", "Stale"), "#9aa4b0"),
    Quality.BAD_OUT_OF_RANGE: (QT_TRANSLATE_NOOP("trends", "Out of range"), "#ff6060"),
    Quality.BAD_CONFIG: (QT_TRANSLATE_NOOP("trends", "Config error"), "#ff6060"),
    Quality.BAD_COMM: (QT_TRANSLATE_NOOP("trends", "Comm failure"), "#ff6060"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("trends", text)


def level_name(level: AlarmLevel) -> str:
    return tr(_LEVEL_NAMES[AlarmLevel(level)])


def spaced_labels(labels: list[tuple[int, float]], min_gap: float) -> set[int]:
    """Which labels to show so that none is closer than `min_gap` to another.

    `labels` are (severity rank, position) with the most severe (lowest rank) kept first,
    so when a red and a blue limit crowd together it is the red label that stays.
    """
    shown: list[float] = []
    keep: set[int] = set()
    for index in sorted(range(len(labels)), key=lambda i: labels[i][0]):
        position = labels[index][1]
        if all(abs(position - other) >= min_gap for other in shown):
            shown.append(position)
            keep.add(index)
    return keep


def quality_text(quality: Quality, stale: bool) -> tuple[str, str]:
    """Legend wording and colour; a good value that stopped arriving is stale."""
    if stale and quality is Quality.GOOD:
        quality = Quality.UNCERTAIN_STALE
    text, colour = _QUALITY_NAMES[quality]
    return tr(text), colour


class TrendBackfill(QObject):
    """Runs a view's history queries on a worker thread; results come back queued.

    One worker and one database connection serve all views of a page; a view's new
    request cancels its previous one (see `console.trends.backfill`).
    """

    _ready = Signal(object, object)

    def __init__(self, open_source: Callable[[], HistorySource], parent: QObject | None = None):
        super().__init__(parent)
        self._views: dict[int, object] = {}
        self._ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.worker = BackfillWorker(open_source, lambda req, result: self._ready.emit(req, result))

    def request(self, view, tags: list[str], t0: float, until: float, width: float) -> None:
        self._views[id(view)] = view
        columns = max(1, round((until - t0) / width))
        self.worker.request(id(view), tags, t0, t0 + columns * width, columns)

    def forget(self, view) -> None:
        self._views.pop(id(view), None)

    def close(self) -> None:
        self.worker.close()

    def _deliver(self, req: BackfillRequest, result: dict) -> None:
        view = self._views.get(req.key)
        if view is not None and self.worker.is_current(req):
            view.history_arrived(result, req.t0, req.t1, (req.t1 - req.t0) / req.columns)


