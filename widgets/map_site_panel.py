"""The site card: who and where, key values with quality, active alarms, a small trend.

Values are read from the tag bus each time the card refreshes, so they are the bus's
values, never a copy that could drift; the small trend reads the shared trend store
(`widgets.map_sparkline`). A refresh rewrites only the cells and labels whose text
changed, so the card's layout is not recomputed every second. Buttons to other pages
are enabled only when the page exists; otherwise they say so.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
    QAbstractItemView, QHeaderView, QToolButton, QVBoxLayout,
)

from console.overview import AlarmLike, SiteStatus
from domain.values import Quality, SourcePath, TagValue
from domain.tags import Site, SiteKind, TagSpec
from widgets import map_style as style
from widgets.alarm_text import level_name
from widgets.map_style import set_text
from widgets.map_sparkline import KeyTrends

_STATE_TEXT = {
    "red": QT_TRANSLATE_NOOP("SitePanel", "Red alarm"),
    "orange": QT_TRANSLATE_NOOP("SitePanel", "Orange alarm"),
    "yellow": QT_TRANSLATE_NOOP("SitePanel", "Yellow alarm"),
    "blue": QT_TRANSLATE_NOOP("SitePanel", "Blue alarm"),
    "normal": QT_TRANSLATE_NOOP("SitePanel", "Normal"),
    "stale": QT_TRANSLATE_NOOP("SitePanel", "Data stale"),
    "offline": QT_TRANSLATE_NOOP("SitePanel", "Off-line"),
}
_QUALITY_TEXT = {
    Quality.GOOD: QT_TRANSLATE_NOOP("SitePanel", "good"),
    Quality.UNCERTAIN_STALE: QT_TRANSLATE_NOOP("SitePanel", "stale"),
    Quality.BAD_OUT_OF_RANGE: QT_TRANSLATE_NOOP("SitePanel", "out of range"),
    Quality.BAD_CONFIG: QT_TRANSLATE_NOOP("SitePanel", "config error"),
    Quality.BAD_COMM: QT_TRANSLATE_NOOP("SitePanel", "no comms"),
}
_NO_VALUE = QT_TRANSLATE_NOOP("SitePanel", "no value")
# how the value reached this console: the backend (collector) or its own field connection
_PATH_TEXT = {
    SourcePath.BACKEND: QT_TRANSLATE_NOOP("SitePanel", "backend"),
    SourcePath.PRIMARY: QT_TRANSLATE_NOOP("SitePanel", "field, primary"),
    SourcePath.SECONDARY: QT_TRANSLATE_NOOP("SitePanel", "field, standby"),
    SourcePath.SIMULATOR: QT_TRANSLATE_NOOP("SitePanel", "simulator"),
}


def format_value(spec: TagSpec, value: TagValue | None) -> str:
    if value is None:
        return "—"
    return f"{value.value:.2f} {spec.unit}".strip()


def _fit_rows(table: QTableWidget, minimum: int = 0, maximum: int = 100) -> None:
    """Size a short table to its rows so the card shows every value without scrolling
    (up to `maximum` rows; beyond that the table scrolls)."""
    rows = min(maximum, max(minimum, table.rowCount()))
    height = table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize() + 4
    table.setFixedHeight(height)


class SitePanel(QFrame):
    acknowledgeRequested = Signal(list, str)  # the alarms, the operator's note
    openPageRequested = Signal(str, str)  # page key, site code
    closeRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sitePanel")
        self.site: Site | None = None
        self._alarm_signature: list = []
        self._state: str | None = None
        self._available_pages: set[str] = set()
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("siteTitle")
        self.title.setWordWrap(True)
        close = QToolButton(text="×", clicked=self.closeRequested)
        close.setToolTip(self.tr("Close"))
        header.addWidget(self.title, 1)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.info)

        self.values = self._table([self.tr("Quantity"), self.tr("Value"), self.tr("Quality"), self.tr("Source")])
        layout.addWidget(self.values)
        self.alarm_title = QLabel()
        layout.addWidget(self.alarm_title)
        self.alarm_table = self._table([self.tr("Level"), self.tr("Tag"), self.tr("Raised"), ""])
        layout.addWidget(self.alarm_table)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Acknowledgement note (required for red alarms)"))
        self.ack_all = QPushButton()
        self.ack_all.clicked.connect(lambda: self.acknowledgeRequested.emit(list(self._unacked), self.note.text()))
        self._unacked: list = []
        ack_row = QHBoxLayout()
        ack_row.addWidget(self.note, 1)
        ack_row.addWidget(self.ack_all)
        layout.addLayout(ack_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.trend = KeyTrends()
        layout.addWidget(self.trend, 1)

        buttons = QGridLayout()
        self.page_buttons = {}
        for col, (key, text) in enumerate((("monitoring", self.tr("Trends")), ("alarms", self.tr("Alarms")),
                                           ("video", self.tr("Camera")))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=key: self.openPageRequested.emit(k, self.site.code))
            buttons.addWidget(button, 0, col)
            self.page_buttons[key] = button
        layout.addLayout(buttons)
        self.pages_note = QLabel()
        self.pages_note.setWordWrap(True)
        layout.addWidget(self.pages_note)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        # compact rows (the default is roomy): the card must fit a 768-line screen with little scrolling
        table.verticalHeader().setDefaultSectionSize(max(24, table.fontMetrics().height() + 10))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def set_available_pages(self, pages: set[str]) -> None:
        """Which of the trend / alarm / video pages exist; the others are said to be missing."""
        self._available_pages = set(pages)

    def show_site(self, site: Site, division_path: str, key_tags: Sequence[TagSpec] = ()) -> None:
        self.site = site
        kind = self.tr("Tailings pond") if site.kind is SiteKind.TAILINGS_POND else self.tr("Hazardous-chemical source")
        self.title.setText(site.name)
        enterprise = site.enterprise or self.tr("not recorded")
        rows = ((self.tr("Enterprise"), enterprise), (self.tr("Kind"), kind), (self.tr("Division"), division_path),
                (self.tr("Code"), f"{site.code} · {site.lon:.4f}°E {site.lat:.4f}°N"))
        self.info.setText("<br>".join(f"<b>{name}:</b> {value}" for name, value in rows))
        for key, button in self.page_buttons.items():
            available = key in self._available_pages
            button.setEnabled(available)
            button.setToolTip("" if available else self.tr("That page is not available yet"))
        missing = [button.text() for key, button in self.page_buttons.items() if key not in self._available_pages]
        self.pages_note.setText(self.tr("Not available yet: %1").replace("%1", ", ".join(missing)) if missing else "")
        self.trend.show_tags(key_tags)
        self.values.setRowCount(0)
        self._alarm_signature = None
        self._state = None

    def update_values(self, status: SiteStatus, key_values: Sequence[tuple[TagSpec, TagValue | None]],
                      alarms: Sequence[AlarmLike], tag_name: Callable[[str], str] = str) -> None:
        """Show the current values; cells are rewritten in place and the alarm rows only
        rebuilt when the alarms changed, so a refresh repaints little."""
        if status.state != self._state:  # a style sheet change re-polishes the widget: only on change
            self._state = status.state
            self.title.setStyleSheet(f"border-left: 8px solid {style.STATE_COLOURS[status.state]}; padding-left: 6px;")
        if self.values.rowCount() != len(key_values):
            self.values.setRowCount(len(key_values))
            _fit_rows(self.values)
        for row, (spec, value) in enumerate(key_values):
            quality = _QUALITY_TEXT[value.quality] if value else _NO_VALUE
            path = self.tr(_PATH_TEXT[value.path]) if value else ""
            for col, text in enumerate((spec.name, format_value(spec, value), self.tr(quality), path)):
                item = self.values.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.values.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                colour = style.GREY if col == 2 and (value is None or not value.quality.is_good) else style.LABEL_TEXT
                if item.foreground().color() != colour:
                    item.setForeground(colour)
        set_text(self.alarm_title, self.tr("Active alarms: %n", "", len(alarms)) + "  ·  " + self.tr(_STATE_TEXT[status.state]))
        signature = [(id(a), a.level, a.acknowledged) for a in alarms]
        if signature != self._alarm_signature:
            self._alarm_signature = signature
            self._show_alarms(alarms, tag_name)

    def _show_alarms(self, alarms: Sequence[AlarmLike], tag_name: Callable[[str], str]) -> None:
        self.alarm_table.setRowCount(len(alarms))
        _fit_rows(self.alarm_table, minimum=1, maximum=4)  # more scroll: the card keeps its buttons in view
        unacked = [a for a in alarms if not a.acknowledged]
        self.ack_all.setVisible(len(unacked) > 1)
        self.ack_all.setText(self.tr("Acknowledge all %n", "", len(unacked)))
        self._unacked = unacked
        for row, alarm in enumerate(alarms):
            level = QTableWidgetItem(level_name(alarm.level))
            level.setBackground(QColor(style.STATE_COLOURS[alarm.level.name.lower()]))
            level.setForeground(QColor("#111111"))
            self.alarm_table.setItem(row, 0, level)
            self.alarm_table.setItem(row, 1, QTableWidgetItem(tag_name(alarm.tag)))
            self.alarm_table.setItem(row, 2, QTableWidgetItem(time.strftime("%H:%M:%S", time.localtime(alarm.raised_at))))
            if alarm.acknowledged:
                self.alarm_table.setCellWidget(row, 3, QLabel(self.tr("acknowledged")))
            else:
                ack = QPushButton(self.tr("Acknowledge"))
                ack.clicked.connect(lambda _=False, a=alarm: self.acknowledgeRequested.emit([a], self.note.text()))
                self.alarm_table.setCellWidget(row, 3, ack)

    def show_message(self, text: str, error: bool = False) -> None:
        set_text(self.message, text)
        self.message.setStyleSheet(f"color: {style.STATE_COLOURS['red']};" if error else "")

    def alarm_buttons(self) -> list[QPushButton]:
        return [self.alarm_table.cellWidget(r, 3) for r in range(self.alarm_table.rowCount())
                if isinstance(self.alarm_table.cellWidget(r, 3), QPushButton)]
