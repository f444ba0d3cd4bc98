"""The trend view: several pens of live and historical values on a real time axis.

Data comes from a `console.trends.store.TrendStore` (filled by the tag bus) and, for
times before the ring buffers, from the history store through a `TrendBackfill`.
The view never redraws on ingest: a `RedrawScheduler` timer calls `tick()` at a steady
rate, and the view redraws only if it is visible and something changed (new samples
of its tags, the live window moved, the user zoomed or panned).

Per pen: a solid line of good values that breaks at BAD samples (a gap), a dashed
line over stale samples and from a stale pen's last value to now, and one dashed
horizontal line per alarm limit in the level's colour.
"""
from __future__ import annotations

import csv
import math
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGraphicsItem,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.trends.series import STALE_QUALITY, Series
from console.trends.trace import PenTrace
from domain.values import LEVEL_COLOURS, AlarmLevel, Quality
from domain.tags import TagSpec
from console.services.backfill import TrendBackfill
from widgets.alarm_text import level_name
from widgets.trend_support import PEN_COLOURS, quality_text, spaced_labels

MIN_SPAN_S = 10.0
MAX_SPAN_S = 31 * 86_400.0


class RedrawScheduler(QObject):
    """One timer for all trend views: a steady redraw rate whatever the data rate.

    The views' ticks are spread over the redraw period (a few views per 10 ms slot)
    rather than all at once, so the GUI never stops for the sum of all redraws and
    each repaint covers only the views just updated.
    """

    SLOT_MS = 10

    def __init__(self, interval_ms: int = 100, parent: QObject | None = None,
                 clock: Callable[[], float] = time.time):
        super().__init__(parent)
        self._views: list[TrendView] = []
        self.clock = clock
        self.force = False  # benchmarks: every tick redraws every visible view
        self.interval_ms = interval_ms
        self._slot_ms = min(interval_ms, self.SLOT_MS)
        self._slots = max(1, interval_ms // self._slot_ms)
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._done = 0  # slots handled so far
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(self._slot_ms)
        self.timer.timeout.connect(self._on_slot)
        self.timer.start()

    def register(self, view: "TrendView") -> None:
        self._views.append(view)

    def unregister(self, view: "TrendView") -> None:
        if view in self._views:
            self._views.remove(view)

    def _on_slot(self) -> None:
        """Handle every slot that is due by the clock: a late timer does not lower the rate."""
        due = self._elapsed.elapsed() // self._slot_ms
        self._done = max(self._done, due - self._slots)  # over a period behind: one round, no more
        views = []
        while self._done < due:
            self._done += 1
            views += self._views[self._done % self._slots::self._slots]
        if views:
            self._tick(views)

    def tick(self) -> None:
        """Tick every view now (tests, screenshots)."""
        self._tick(list(self._views))

    def _tick(self, views) -> None:
        now = self.clock()
        for view in views:
            if view.isVisible() and not view.visibleRegion().isEmpty():
                view.tick(now)


class _Pen:
    def __init__(self, spec: TagSpec, colour: str, right: bool):
        self.spec = spec
        self.colour = colour
        self.right = right
        self.trace = PenTrace(spec.id)
        self.shown = Series.empty()  # what the solid and dashed lines were built from
        # width 1 (cosmetic): wider pens take Qt's stroker path, many times slower to paint
        self.curve = pg.PlotCurveItem(pen=pg.mkPen(colour, width=1), connect="finite")
        self.stale = pg.PlotCurveItem(pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine),
                                      connect="finite")
        self.stale.setVisible(False)
        self.limit_lines: list[pg.InfiniteLine] = []
        self.visible = True
        self.stale_drawn = False
        self.built: tuple[float, float, int] | None = None  # x range the trace was built for


class TrendView(QWidget):
    """Pens of up to two units (left and right value axes) over one time axis."""

    liveChanged = Signal(bool)
    redrawn = Signal()

    def __init__(self, store, tags: Sequence[TagSpec], scheduler: RedrawScheduler,
                 backfill: TrendBackfill | None = None, span_s: float = 3_600.0, title: str = "",
                 show_legend: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        units = list(dict.fromkeys(tag.unit for tag in tags))
        if len(units) > 2:
            raise ValueError(f"a trend view has two value axes; tags {[t.id for t in tags]} have units {units}")
        self.store = store
        self.scheduler = scheduler
        self.backfill = backfill
        self.span = float(span_s)
        self.live = True
        self.redraws = 0
        self._auto_y = True
        self._legend_at = 0.0
        self._requested: tuple | None = None

        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot_item = self.plot.getPlotItem()
        for side in ("left", "bottom", "right"):  # repaint an unchanged axis from a pixmap
            self.plot_item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot_item.setLabel("left", units[0] if units else "")
        self.vb = self.plot_item.getViewBox()
        self.vb.setMouseEnabled(x=True, y=True)
        self.vb.sigRangeChangedManually.connect(self._on_manual_range)
        self.right_vb: pg.ViewBox | None = None
        if len(units) == 2:
            self._add_right_axis(units[1])

        self.pens = [_Pen(tag, PEN_COLOURS[i % len(PEN_COLOURS)], len(units) == 2 and tag.unit == units[1])
                     for i, tag in enumerate(tags)]
        drawn_limits: set[tuple[bool, int, float]] = set()  # pens of one family share limits
        self._limit_labels: list[tuple[pg.ViewBox, AlarmLevel, pg.InfiniteLine]] = []
        for pen in self.pens:
            box = self._box(pen)
            box.addItem(pen.curve)
            box.addItem(pen.stale)
            for limit in pen.spec.limits:
                if (pen.right, limit.level, limit.value) in drawn_limits:
                    continue
                drawn_limits.add((pen.right, limit.level, limit.value))
                line = pg.InfiniteLine(
                    pos=limit.value, angle=0, movable=False,
                    pen=pg.mkPen(LEVEL_COLOURS[limit.level], width=1.2, style=Qt.PenStyle.DashLine),
                    label=f"{level_name(limit.level)} {limit.value:g}",
                    labelOpts={"position": 0.97 if pen.right else 0.03, "color": LEVEL_COLOURS[limit.level],
                               "anchors": [(1, 1), (1, 1)] if pen.right else [(0, 1), (0, 1)]},
                )
                box.addItem(line, ignoreBounds=True)
                pen.limit_lines.append(line)
                self._limit_labels.append((box, limit.level, line))
            store.retain(pen.spec.id)

        for box in {box for box, _, _ in self._limit_labels}:
            box.sigYRangeChanged.connect(self._space_limit_labels)
            box.sigResized.connect(self._space_limit_labels)

        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#9aa4b0", width=1))
        self.cursor.setVisible(False)
        self.vb.addItem(self.cursor, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse)

        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold")
        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.live_button = self._button(self.tr("Live"), self.tr("Follow live values (End); Space pauses"),
                                        lambda: self.set_live(not self.live), checkable=True)
        self.live_button.setChecked(True)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.title)
        tools.addWidget(self.readout, 1)
        tools.addWidget(self.live_button)
        tools.addWidget(self._button("+", self.tr("Zoom in (+)"), lambda: self.zoom(0.5)))
        tools.addWidget(self._button("−", self.tr("Zoom out (-)"), lambda: self.zoom(2.0)))

        self.legend = QTableWidget(len(self.pens), 4)
        self.legend.setHorizontalHeaderLabels([self.tr("Pen"), self.tr("Value"), self.tr("Unit"), self.tr("Quality")])
        self.legend.verticalHeader().setVisible(False)
        self.legend.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.legend.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.legend.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.legend.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, pen in enumerate(self.pens):
            name = QTableWidgetItem(pen.spec.name)
            name.setForeground(QColor(pen.colour))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked)
            name.setToolTip(pen.spec.id)
            self.legend.setItem(row, 0, name)
            for column in (1, 2, 3):
                self.legend.setItem(row, column, QTableWidgetItem(""))
            self.legend.item(row, 2).setText(pen.spec.unit)
        self.legend.itemChanged.connect(self._on_legend_item)
        rows_height = self.legend.verticalHeader().defaultSectionSize() * len(self.pens)
        self.legend.setFixedHeight(rows_height + self.legend.horizontalHeader().sizeHint().height() + 4)
        self.legend.setVisible(show_legend)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(tools)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scheduler.register(self)

    # ---- set-up helpers -------------------------------------------------------------
    def _button(self, text: str, tip: str, slot, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _add_right_axis(self, unit: str) -> None:
        self.right_vb = pg.ViewBox()
        self.right_vb.setMouseEnabled(x=True, y=True)
        self.plot_item.showAxis("right")
        self.plot_item.scene().addItem(self.right_vb)
        self.plot_item.getAxis("right").linkToView(self.right_vb)
        self.plot_item.setLabel("right", unit)
        self.right_vb.setXLink(self.vb)
        self.right_vb.sigRangeChangedManually.connect(self._on_manual_range)
        self.vb.sigResized.connect(lambda: self.right_vb.setGeometry(self.vb.sceneBoundingRect()))

    def _space_limit_labels(self) -> None:
        """Hide the labels of limit lines drawn too close together to read (the lines stay)."""
        for box in {box for box, _, _ in self._limit_labels}:
            lines = [(level, line) for b, level, line in self._limit_labels if b is box]
            lo, hi = box.viewRange()[1]
            scale = box.height() / (hi - lo) if hi > lo else 0.0
            keep = spaced_labels([(int(level), line.value() * scale) for level, line in lines],
                                 min_gap=lines[0][1].label.boundingRect().height() * 0.9)
            for index, (_, line) in enumerate(lines):
                line.label.setVisible(index in keep)

    def _box(self, pen: _Pen) -> pg.ViewBox:
        return self.right_vb if pen.right and self.right_vb is not None else self.vb

    def close_view(self) -> None:
        """Stop redrawing and give the store's deep buffers back."""
        self.scheduler.unregister(self)
        for pen in self.pens:
            self.store.release(pen.spec.id)
        if self.backfill is not None:
            self.backfill.forget(self)

    # ---- modes ----------------------------------------------------------------------
    def set_live(self, live: bool) -> None:
        if live == self.live:
            self.live_button.setChecked(live)
            return
        self.live = live
        self.live_button.setChecked(live)
        if live:
            self._auto_y = True
        self.liveChanged.emit(live)

    def x_range(self) -> tuple[float, float]:
        (x0, x1), _ = self.vb.viewRange()
        return x0, x1

    def set_x_range(self, x0: float, x1: float) -> None:
        self.span = min(max(x1 - x0, MIN_SPAN_S), MAX_SPAN_S)
        self.vb.setXRange(x0, x0 + self.span, padding=0)

    def zoom(self, factor: float) -> None:
        """Zoom the time axis about its right edge when live, its centre when paused."""
        span = min(max(self.span * factor, MIN_SPAN_S), MAX_SPAN_S)
        if self.live:
            self.span = span
            now = self.scheduler.clock()
            self.vb.setXRange(now - span, now, padding=0)
        else:
            x0, x1 = self.x_range()
            centre = (x0 + x1) / 2
            self.set_x_range(centre - span / 2, centre + span / 2)

    def pan(self, fraction: float) -> None:
        self.set_live(False)
        x0, x1 = self.x_range()
        shift = (x1 - x0) * fraction
        self.set_x_range(x0 + shift, x1 + shift)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        actions = {
            Qt.Key.Key_Plus: lambda: self.zoom(0.5), Qt.Key.Key_Equal: lambda: self.zoom(0.5),
            Qt.Key.Key_Minus: lambda: self.zoom(2.0),
            Qt.Key.Key_Left: lambda: self.pan(-0.25), Qt.Key.Key_Right: lambda: self.pan(0.25),
            Qt.Key.Key_Space: lambda: self.set_live(not self.live),
            Qt.Key.Key_End: lambda: self.set_live(True),
            Qt.Key.Key_A: self._reset_y,
        }
        action = actions.get(key)
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def _reset_y(self) -> None:
        self._auto_y = True
        self._invalidate()

    def _invalidate(self) -> None:
        for pen in self.pens:
            pen.built = None

    def _on_manual_range(self, mask) -> None:
        """Mouse drag or wheel: the operator is looking at something, stop following."""
        if isinstance(mask, (list, tuple)) and len(mask) == 2 and mask[1] and not mask[0]:
            self._auto_y = False
            return
        self.set_live(False)
        if isinstance(mask, (list, tuple)) and len(mask) == 2 and mask[1]:
            self._auto_y = False
        x0, x1 = self.x_range()
        self.span = min(max(x1 - x0, MIN_SPAN_S), MAX_SPAN_S)

    def _on_legend_item(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        pen = self.pens[item.row()]
        pen.visible = item.checkState() == Qt.CheckState.Checked
        for thing in (pen.curve, *pen.limit_lines):
            thing.setVisible(pen.visible)
        pen.stale.setVisible(pen.visible and pen.stale_drawn)
        self._invalidate()

    # ---- redraw ---------------------------------------------------------------------
    def tick(self, now: float) -> None:
        """Called by the scheduler while visible: redraw if anything changed."""
        moved = False
        if self.live:
            x0, x1 = now - self.span, now
            if self._moved_enough(x0, x1):
                self.vb.setXRange(x0, x1, padding=0)
                moved = True
        else:
            x0, x1 = self.x_range()
        columns = max(10, int(self.vb.width()))
        each_second = now - self._legend_at >= 1.0
        changed = [pen for pen in self.pens
                   if pen.trace.version != self.store.version(pen.spec.id)
                   or _needs_rebuild(pen.built, x0, x1, columns)
                   or each_second and self.live and self._is_stale(pen, now)]  # its dashed tail grows
        if changed:
            self._rebuild(changed, now, x0, x1, columns)
        if each_second:
            self._update_legend(now)
        if self.scheduler.force and not (changed or moved):
            self.plot.viewport().update()  # benchmarks: repaint every tick
        if changed or moved or self.scheduler.force:
            self.redraws += 1
            self.redrawn.emit()

    def _moved_enough(self, x0: float, x1: float) -> bool:
        """Follow live time in steps of a quarter pixel: smooth, and no repaint for nothing."""
        cx0, cx1 = self.x_range()
        pixel = (x1 - x0) / max(1.0, self.vb.width())
        return abs(cx0 - x0) >= pixel / 4 or abs(cx1 - x1) >= pixel / 4

    def _is_stale(self, pen: _Pen, now: float) -> bool:
        latest = self.store.latest(pen.spec.id)
        return latest is not None and now - latest[0] > pen.spec.stale_after

    def _rebuild(self, pens: list[_Pen], now: float, x0: float, x1: float, columns: int) -> None:
        need_history: dict[str, tuple[float, float]] = {}
        for pen in pens:
            pen.built = (x0, x1, columns)
            pen.shown = pen.trace.build(self.store, x0, x1, columns)
            self._draw_pen(pen, now)
            if self.backfill is not None:
                gap = pen.trace.history_needed(self.store, x0, x1, columns)
                if gap is not None:
                    need_history[pen.spec.id] = gap
        if need_history:
            self._request_history(need_history, x0, x1, columns)
        if self._auto_y:
            self._fit_y()

    def _draw_pen(self, pen: _Pen, now: float) -> None:
        shown = pen.shown
        stale = shown.q == STALE_QUALITY
        dashed_t, dashed_v = shown.t[:0], shown.v[:0]
        solid = shown.v
        if stale.any():
            solid = np.where(stale, np.nan, shown.v)
            near_stale = stale | np.roll(stale, 1) | np.roll(stale, -1)
            dashed_t, dashed_v = shown.t, np.where(near_stale, shown.v, np.nan)
        latest = self.store.latest(pen.spec.id)
        if self.live and latest is not None and now - latest[0] > pen.spec.stale_after and latest[2] < 2:
            dashed_t = np.concatenate((dashed_t, [latest[0], latest[0], now]))
            dashed_v = np.concatenate((dashed_v, [np.nan, latest[1], latest[1]]))
        pen.curve.setData(shown.t, solid)
        if len(dashed_t) or pen.stale_drawn:
            pen.stale.setData(dashed_t, dashed_v)
            pen.stale_drawn = bool(len(dashed_t))
            pen.stale.setVisible(pen.stale_drawn and pen.visible)  # an empty item still costs per paint

    def _fit_y(self) -> None:
        for box, right in ((self.vb, False), (self.right_vb, True)):
            if box is None:
                continue
            values = []
            for pen in self.pens:
                if pen.right == right and pen.visible:
                    finite = pen.shown.v[np.isfinite(pen.shown.v)]
                    if len(finite):
                        values += [finite.min(), finite.max()]
                    values += [limit.value for limit in pen.spec.limits]
            if values:
                lo, hi = min(values), max(values)
                if hi - lo < 1e-9:
                    lo, hi = lo - 1, hi + 1
                (cur_lo, cur_hi) = box.viewRange()[1]
                # keep the scale while the data stays inside and fills most of it: a value axis
                # that twitches every second is hard to read and costs a repaint of its labels
                if cur_lo <= lo and hi <= cur_hi and (hi - lo) > 0.7 * (cur_hi - cur_lo) / 1.12:
                    continue
                box.setYRange(lo, hi, padding=0.06)

    def _request_history(self, need: dict[str, tuple[float, float]], x0: float, x1: float, columns: int) -> None:
        """Ask for the uncovered range plus a tenth of the span, so a wrapping ring stays covered."""
        width = (x1 - x0) / columns
        t0 = min(gap[0] for gap in need.values()) - 2 * width
        until = min(max(gap[1] for gap in need.values()) + (x1 - x0) / 10, x1)
        key = (tuple(sorted(need)), round(t0 / width), round(until / width), round(width, 6))
        if key == self._requested:
            return
        self._requested = key
        self.backfill.request(self, list(need), t0, until, width)

    def history_arrived(self, tags_to_series: dict[str, Series], t0: float, until: float, width: float) -> None:
        """Called by `TrendBackfill` on the GUI thread with decimated history."""
        for pen in self.pens:
            if pen.spec.id in tags_to_series:
                pen.trace.set_history(tags_to_series[pen.spec.id], t0, until, width)
        self._requested = None
        self._invalidate()

    def _update_legend(self, now: float) -> None:
        self._legend_at = now
        self.legend.blockSignals(True)
        for row, pen in enumerate(self.pens):
            latest = self.store.latest(pen.spec.id)
            value_item, quality_item = self.legend.item(row, 1), self.legend.item(row, 3)
            if latest is None:
                value_item.setText("—")
                quality_item.setText(self.tr("No data"))
                quality_item.setForeground(QColor("#9aa4b0"))
                continue
            ts, value, quality = latest
            stale = now - ts > pen.spec.stale_after
            value_item.setText(_format_value(value))
            text, colour = quality_text(Quality(quality), stale)
            quality_item.setText(text)
            quality_item.setForeground(QColor(colour))
        self.legend.blockSignals(False)

    # ---- crosshair ------------------------------------------------------------------
    def _on_mouse(self, event) -> None:
        pos = event[0]
        if not self.plot_item.sceneBoundingRect().contains(pos):
            self.cursor.setVisible(False)
            self.readout.setText("")
            return
        self.show_readout(self.vb.mapSceneToView(pos).x())

    def show_readout(self, when: float) -> str:
        """Put the crosshair at `when` and read every pen's value there."""
        self.cursor.setPos(when)
        self.cursor.setVisible(True)
        parts = [datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M:%S")]
        for pen in self.pens:
            at = self.value_at(pen, when)
            if at is None:
                text = "—"
            else:
                ts, value, quality = at
                text = f"{_format_value(value)} {pen.spec.unit}" if quality < 2 else self.tr("BAD")
                if when - ts > pen.spec.stale_after:
                    text += " (" + self.tr("stale") + ")"
            parts.append(f'<span style="color:{pen.colour}">{pen.spec.name} {text}</span>')
        html = "  ".join(parts)
        self.readout.setText(html)
        return html

    def value_at(self, pen: _Pen, when: float) -> tuple[float, float, int] | None:
        """The last sample at or before `when` within an hour (ring buffer, else what is drawn)."""
        for series in (self.store.window(pen.spec.id, when - 3_600, math.nextafter(when, math.inf)),
                       pen.shown.between(when - 3_600, math.nextafter(when, math.inf))):
            if len(series):
                return float(series.t[-1]), float(series.v[-1]), int(series.q[-1])
        return None

    # ---- export ---------------------------------------------------------------------
    def visible_data(self) -> dict[str, Series]:
        """Per visible pen, the points drawn inside the shown time range."""
        x0, x1 = self.x_range()
        return {pen.spec.id: pen.shown.between(x0, math.nextafter(x1, math.inf)) for pen in self.pens if pen.visible}

    def csv_rows(self):
        """Rows of the drawn points in the visible range (see `CSV_HEADER`)."""
        specs = {pen.spec.id: pen.spec for pen in self.pens}
        for tag, series in self.visible_data().items():
            spec = specs[tag]
            for t, v, q in zip(series.t, series.v, series.q):
                yield [tag, spec.name, datetime.fromtimestamp(t).isoformat(timespec="milliseconds"),
                       repr(float(t)), "" if math.isnan(v) else repr(float(v)), spec.unit, Quality(int(q)).name]

    def export_csv(self, path: Path) -> int:
        """Write the drawn points of the visible range; returns the number of rows."""
        return write_csv(path, [self])

    def export_png(self, path: Path) -> None:
        if not self.grab().save(str(path), "PNG"):
            raise OSError(f"could not write PNG {path}")


def _needs_rebuild(built: tuple[float, float, int] | None, x0: float, x1: float, columns: int) -> bool:
    """A trace is built with two columns of margin: a slide of less than one is still right."""
    if built is None or built[2] != columns:
        return True
    bx0, bx1, _ = built
    width = (x1 - x0) / columns
    return abs((bx1 - bx0) - (x1 - x0)) > width / 2 or abs(bx0 - x0) > width


CSV_HEADER = ["tag", "name", "local_time", "posix_time", "value", "unit", "quality"]


def write_csv(path: Path, views: Sequence[TrendView]) -> int:
    """One CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese names) of several views."""
    rows = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for view in views:
            for row in view.csv_rows():
                writer.writerow(row)
                rows += 1
    return rows


def _format_value(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    magnitude = abs(value)
    decimals = 0 if magnitude >= 1000 else 1 if magnitude >= 100 else 2 if magnitude >= 1 else 3
    return f"{value:.{decimals}f}"
