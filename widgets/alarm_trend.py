"""The selected alarm's tag around the alarm time, with the raise time and the limit marked.

From `BEFORE_S` before the raise to now, or to `AFTER_S` after it once that has passed.
Samples come from the shared trend store; the part before the ring's oldest sample is asked
of the history source through `TrendBackfill` (a worker thread, the result delivered through its GUI inbox),
so the GUI thread never waits on a database. Painted with the site card's `SparkTrace`.
"""
from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.trends.series import Series
from domain.values import LEVEL_COLOURS, AlarmLevel
from domain.tags import TagSpec
from widgets import map_style as style
from widgets.map_sparkline import TEXT, SparkTrace, paint_frame
from console.services.backfill import TrendBackfill

BEFORE_S = 1800.0
AFTER_S = 1800.0
HISTORY_COLUMNS = 600  # a 3 s grid over an hour: finer than the widget's pixels


def alarm_window(raised_at: float, now: float) -> tuple[float, float]:
    """The time axis for an alarm raised at `raised_at`: from `BEFORE_S` before it to now,
    at most `AFTER_S` after it (and at least a minute after it, whatever the clock says)."""
    return raised_at - BEFORE_S, max(min(now, raised_at + AFTER_S), raised_at + 60.0)


class AlarmTrend(QWidget):
    def __init__(self, service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service  # console.trends.service.TrendService, or None when not running
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.trace: SparkTrace | None = None
        self.raised_at = 0.0
        self.limit: float | None = None
        self.colour = QColor(TEXT)
        self.history = Series.empty()
        self.history_until = -math.inf  # history covers [t0, history_until)
        self.shown = Series.empty()
        self.backfill: TrendBackfill | None = None
        self._loaded: tuple = ()
        self._font = QFont(self.font())
        self._font.setPixelSize(12)

    def show_alarm(self, spec: TagSpec | None, raised_at: float | None, level: AlarmLevel | None,
                   limit: float | None, now: float | None = None) -> None:
        """Follow a new alarm (None: nothing selected)."""
        self.trace = SparkTrace(spec) if spec is not None and raised_at is not None else None
        self.raised_at = raised_at or 0.0
        self.limit = limit
        self.colour = QColor(LEVEL_COLOURS.get(level, TEXT.name()))
        self.history, self.history_until = Series.empty(), -math.inf
        self._loaded = ()
        self.refresh(time.time() if now is None else now)

    def refresh(self, now: float) -> bool:
        """Re-read the store if the tag has new samples or the window moved; repaint then."""
        if self.trace is None or self.service is None:
            self.update()
            return False
        store, tag = self.service.store, self.trace.spec.id
        t0, t1 = alarm_window(self.raised_at, now)
        state = (store.version(tag), t1, self.history_until)
        if state == self._loaded:
            return False
        self._loaded = state
        first = store.first_time(tag)
        ring_from = t0 if first is None else max(t0, first)
        history_end = min(ring_from, t1)  # the ring does not reach back before this
        if history_end > t0 and self.history_until < history_end:
            self._ask_history(t0, history_end)
        ring = store.window(tag, ring_from, t1 + 1e-6)
        early = self.history.between(t0, min(ring_from, t1 + 1e-6))
        self.shown = Series(np.concatenate((early.t, ring.t)), np.concatenate((early.v, ring.v)),
                            np.concatenate((early.q, ring.q)))
        self.trace.load_series(self.shown, t0, t1, () if self.limit is None else (self.limit,))
        self.update()
        return True

    def _ask_history(self, t0: float, until: float) -> None:
        if self.backfill is None:
            self.backfill = TrendBackfill(self.service.history_factory, self)
        self.backfill.request(self, [self.trace.spec.id], t0, until, (until - t0) / HISTORY_COLUMNS)

    def history_arrived(self, tags_to_series: dict[str, Series], t0: float, until: float, width: float) -> None:
        """Called by `TrendBackfill` on the GUI thread."""
        if self.trace is None or self.trace.spec.id not in tags_to_series or t0 != self.raised_at - BEFORE_S:
            return
        self.history, self.history_until = tags_to_series[self.trace.spec.id], until
        self.refresh(time.time())

    def close_trend(self) -> None:
        if self.backfill is not None:
            self.backfill.close()
            self.backfill = None

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.BACKGROUND)
        painter.setFont(self._font)
        line_h = painter.fontMetrics().height()
        trace = self.trace
        cell = QRectF(self.rect()).adjusted(4, 2, -4, -2)
        if trace is None:
            return
        spec = trace.spec
        header = QRectF(cell.left(), cell.top(), cell.width(), line_h)
        raised = self.tr("raised %1").replace("%1", _clock(self.raised_at))
        room = cell.width() - painter.fontMetrics().horizontalAdvance(raised) - 8
        painter.setPen(self.colour)
        painter.drawText(header, Qt.AlignmentFlag.AlignRight, raised)
        painter.setPen(style.LABEL_TEXT)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft, painter.fontMetrics().elidedText(
            f"{spec.name} ({spec.unit})" if spec.unit else spec.name, Qt.TextElideMode.ElideRight, int(room)))
        frame = paint_frame(painter, trace, cell, _clock(trace.t0), _clock(trace.t1),
                            self.tr("No values recorded around the alarm time"))
        if frame is None:
            return
        plot, inner = frame
        x = inner.left() + trace.x_of(self.raised_at) * inner.width()
        painter.setPen(QPen(self.colour, 1, Qt.PenStyle.SolidLine))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        if self.limit is not None:
            y = inner.top() + trace.y_of(self.limit) * inner.height()
            painter.setPen(QPen(self.colour, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(QRectF(plot.left(), y - line_h - 1, plot.width() - 3, line_h),
                             Qt.AlignmentFlag.AlignRight, f"{self.limit:g}")
        trace.draw(painter, inner)


def _clock(ts: float) -> str:
    return time.strftime("%H:%M", time.localtime(ts))
