"""The site card's small trend: the last minutes of each key tag, painted directly.

Fed from the shared trend store (`context.services["trends"].store`), so the card keeps
no buffer of its own. Painted with QPainter (a few hundred points per tag) rather than a
plot widget: a refresh reads four store windows, builds four paths and repaints this
widget only, well under a millisecond; a plot widget re-laid-out its axes every time.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.trends.series import BAD_QUALITY, Series
from console.trends.store import TrendStore
from domain.tags import TagSpec
from widgets import map_style as style

WINDOW_S = 300.0
SLIDE_S = 5.0  # a tag with no new samples (off-line) still slides along at this pace
LINE = QColor("#35d0ff")
GRID = QColor("#27415a")
TEXT = QColor("#9fb6ca")


class SparkTrace:
    """One tag's samples over [t0, t1] as a path normalised to 0..1 on both axes (the paint
    scales it to its cell). Also used by the alarm console's trend around an alarm."""

    def __init__(self, spec: TagSpec) -> None:
        self.spec = spec
        self.version = -1
        self.loaded_at = -math.inf
        self.path = QPainterPath()
        self.low = self.high = math.nan
        self.t0, self.t1 = 0.0, 1.0

    def load(self, store: TrendStore, t0: float, t1: float) -> None:
        """The samples from `t0` on; the time axis ends at `t1` or at the newest sample
        if a device clock runs a little ahead."""
        self.loaded_at = t1
        series = store.window(self.spec.id, t0, math.inf)
        if len(series):
            t1 = max(t1, float(series.t[-1]))
        self.load_series(series, t0, t1)

    def load_series(self, series: Series, t0: float, t1: float, include: Sequence[float] = ()) -> None:
        """Draw `series` on a time axis from `t0` to `t1`; the value axis spans the finite
        values and every value in `include` (e.g. an alarm limit that must stay in sight)."""
        self.t0, self.t1 = t0, t1
        values = np.where(series.q >= BAD_QUALITY, np.nan, series.v)  # BAD samples leave a gap
        finite = values[np.isfinite(values)]
        self.path = QPainterPath()
        if not len(finite):
            self.low = self.high = math.nan
            return
        self.low = min(float(finite.min()), *include) if include else float(finite.min())
        self.high = max(float(finite.max()), *include) if include else float(finite.max())
        xs = (series.t - t0) / (t1 - t0)
        ys = self.y_of(values)
        pen_down = False
        for x, y in zip(xs.tolist(), ys.tolist()):
            if math.isnan(y):
                pen_down = False
            elif pen_down:
                self.path.lineTo(x, y)
            else:
                self.path.moveTo(x, y)
                pen_down = True

    def x_of(self, t: float) -> float:
        return (t - self.t0) / (self.t1 - self.t0)

    def y_of(self, value):
        """0 at the top (the highest value), 1 at the bottom; works on arrays too."""
        span = self.high - self.low or max(abs(self.high) * 0.05, 1e-6)
        return 1.0 - (value - self.low) / span

    def draw(self, painter: QPainter, inner: QRectF, colour: QColor = LINE) -> None:
        """The path scaled into `inner`, antialiased, with a cosmetic 1.5 px pen."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(QPointF(inner.left(), inner.top()))
        painter.scale(inner.width(), inner.height())
        pen = QPen(colour, 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPath(self.path)
        painter.restore()


class KeyTrends(QWidget):
    """Small trends of a site's key tags, two per row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)  # two rows of two trends, each tall enough to read
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.store: TrendStore | None = None
        self.traces: list[SparkTrace] = []
        self._font = QFont(self.font())
        self._font.setPixelSize(11)

    def set_store(self, store: TrendStore | None) -> None:
        self.store = store
        self.update()

    def show_tags(self, specs: Sequence[TagSpec]) -> None:
        self.traces = [SparkTrace(spec) for spec in specs]
        self.update()

    def refresh(self, now: float) -> bool:
        """Re-read the tags whose store version moved (or whose window is `SLIDE_S` old);
        repaint if any did."""
        if self.store is None:
            return False
        moved = False
        for trace in self.traces:
            version = self.store.version(trace.spec.id)
            if version != trace.version or now - trace.loaded_at >= SLIDE_S:
                trace.version = version
                trace.load(self.store, now - WINDOW_S, now)
                moved = True
        if moved:
            self.update()
        return moved

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.BACKGROUND)
        painter.setFont(self._font)
        if self.store is None:
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Trend service not running"))
            return
        columns = 2 if len(self.traces) > 1 else 1
        rows = max(1, math.ceil(len(self.traces) / columns))
        width, height = self.width() / columns, self.height() / rows
        for index, trace in enumerate(self.traces):
            cell = QRectF((index % columns) * width, (index // columns) * height, width, height)
            self._paint_trace(painter, trace, cell.adjusted(4, 2, -4, -2))

    def _paint_trace(self, painter: QPainter, trace: SparkTrace, cell: QRectF) -> None:
        line_h = painter.fontMetrics().height()
        spec = trace.spec
        painter.setPen(style.LABEL_TEXT)
        painter.drawText(QRectF(cell.left(), cell.top(), cell.width(), line_h), Qt.AlignmentFlag.AlignLeft,
                         f"{spec.name} ({spec.unit})" if spec.unit else spec.name)
        frame = paint_frame(painter, trace, cell, self.tr("−%1 min").replace("%1", str(int(WINDOW_S // 60))),
                            self.tr("now"), self.tr("No values yet"))
        if frame is not None:
            trace.draw(painter, frame[1])


def paint_frame(painter: QPainter, trace: SparkTrace, cell: QRectF, start: str, end: str,
                empty: str) -> tuple[QRectF, QRectF] | None:
    """A small trend's frame under a one-line header in `cell`: the box, `start` and `end`
    under it, the max/min readings. Returns (box, inner rect for the path), or None when
    there are no values (then `empty` is written in the box)."""
    line_h = painter.fontMetrics().height()
    plot = QRectF(cell.left(), cell.top() + line_h + 2, cell.width(), cell.height() - 2 * line_h - 4)
    painter.setPen(QPen(GRID, 1))
    painter.drawRect(plot)
    painter.setPen(TEXT)
    below = QRectF(cell.left(), plot.bottom() + 1, cell.width(), line_h)
    painter.drawText(below, Qt.AlignmentFlag.AlignLeft, start)
    painter.drawText(below, Qt.AlignmentFlag.AlignRight, end)
    if trace.path.isEmpty():
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, empty)
        return None
    painter.drawText(plot.adjusted(3, 1, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                     f"{trace.high:.2f}")
    painter.drawText(plot.adjusted(3, 0, 0, -1), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                     f"{trace.low:.2f}")
    return plot, plot.adjusted(1, line_h, -1, -line_h)  # room for the max / min readings
