"""A group of trend views for one site or trend set: one shared time axis, one live mode.

The views sit in a scroll area (two columns); views scrolled out of sight are not
visible and so are not redrawn. Panning or zooming one view moves all of them, and
pausing one pauses the group.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.trends.layout import plan_views
from domain.tags import TagSpec
from console.services.backfill import TrendBackfill
from widgets.trend_view import RedrawScheduler, TrendView, write_csv

SPANS = ((600, QT_TRANSLATE_NOOP("TrendGroup", "10 min")), (3_600, QT_TRANSLATE_NOOP("TrendGroup", "1 h")),
         (8 * 3_600, QT_TRANSLATE_NOOP("TrendGroup", "8 h")), (86_400, QT_TRANSLATE_NOOP("TrendGroup", "24 h")),
         (7 * 86_400, QT_TRANSLATE_NOOP("TrendGroup", "7 d")), (30 * 86_400, QT_TRANSLATE_NOOP("TrendGroup", "30 d")))


class TrendGroup(QWidget):
    liveChanged = Signal(bool)

    def __init__(self, store, tags: Sequence[TagSpec], scheduler: RedrawScheduler,
                 backfill: TrendBackfill | None = None, title: str = "", span_s: float = 3_600.0,
                 columns: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self.tags = list(tags)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.span_box = QComboBox()
        for seconds, label in SPANS:
            self.span_box.addItem(self.tr(label), seconds)
        self.span_box.setCurrentIndex(max(0, self.span_box.findData(int(span_s))))
        self.span_box.activated.connect(lambda: self.set_span(self.span_box.currentData()))
        self.live_button = QPushButton(self.tr("Live"))
        self.live_button.setCheckable(True)
        self.live_button.setChecked(True)
        self.live_button.clicked.connect(lambda checked: self.set_live(checked))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(self._ask_csv)
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.png_button.clicked.connect(self._ask_png)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(QLabel(self.tr("Span")))
        bar.addWidget(self.span_box)
        bar.addWidget(self.live_button)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.png_button)

        self.views: list[TrendView] = []
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for index, group in enumerate(plan_views(self.tags)):
            view = TrendView(store, group, scheduler, backfill, span_s=span_s, title=_view_title(group))
            view.setMinimumHeight(300)
            view.liveChanged.connect(lambda live, source=view: self._on_view_live(source, live))
            if self.views:
                view.vb.setXLink(self.views[0].vb)
            self.views.append(view)
            grid.addWidget(view, index // columns, index % columns)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(grid_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    @property
    def live(self) -> bool:
        return self.live_button.isChecked()

    def set_live(self, live: bool) -> None:
        self.live_button.setChecked(live)
        for view in self.views:
            view.set_live(live)
        self.liveChanged.emit(live)

    def set_span(self, seconds: float) -> None:
        index = self.span_box.findData(int(seconds))
        if index >= 0:
            self.span_box.setCurrentIndex(index)
        for view in self.views:
            view.span = float(seconds)
        if self.views:
            if self.live:
                now = self.views[0].scheduler.clock()
                self.views[0].set_x_range(now - seconds, now)
            else:
                x0, x1 = self.views[0].x_range()
                self.views[0].set_x_range(x1 - seconds, x1)

    def _on_view_live(self, source: TrendView, live: bool) -> None:
        if live == self.live:
            return
        for view in self.views:
            if view is not source:
                view.span = source.span
        self.set_live(live)

    def checked_tags(self) -> list[str]:
        """Tags whose pen is ticked in the legends (what a new trend set takes)."""
        return [pen.spec.id for view in self.views for pen in view.pens if pen.visible]

    def close_group(self) -> None:
        for view in self.views:
            view.close_view()

    # ---- export ---------------------------------------------------------------------
    def export_csv(self, path: Path) -> int:
        """All views' drawn points of the shown range, one file."""
        return write_csv(path, self.views)

    def export_png(self, path: Path) -> None:
        if not self.grab().save(str(path), "PNG"):
            raise OSError(f"could not write PNG {path}")

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export visible data"), "trend.csv", "CSV (*.csv)")
        if path:
            count = self.export_csv(Path(path))
            QMessageBox.information(self, self.tr("Export"), self.tr("%n rows written", "", count))

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export picture"), "trend.png", "PNG (*.png)")
        if path:
            self.export_png(Path(path))


def _view_title(group: Sequence[TagSpec]) -> str:
    names = dict.fromkeys(spec.name.split("(")[0] for spec in group)
    return " / ".join(names)
