"""Side panels of the overview: the jurisdiction summary and the latest alarms list."""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from console.overview import AlarmLike, JurisdictionSummary
from widgets import map_style as style
from widgets.map_style import set_text

def _age(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes >= 60 else f"{minutes}\u00a0min"  # never "10 / min"


class SummaryPanel(QFrame):
    """Sites on-line/stale/off-line, alarms per level, unacknowledged, escalations, oldest."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("summaryHeading")
        layout.addWidget(self.heading)
        grid = QGridLayout()
        self.fields: dict[str, QLabel] = {}
        rows = [
            ("sites", self.tr("Sites")), ("online", self.tr("On-line")), ("stale", self.tr("Stale")),
            ("offline", self.tr("Off-line")),
            ("level_red", self.tr("Red alarms")), ("level_orange", self.tr("Orange alarms")),
            ("level_yellow", self.tr("Yellow alarms")), ("level_blue", self.tr("Blue alarms")),
            ("unacknowledged", self.tr("Unacknowledged")), ("escalations", self.tr("Escalations pending")),
            ("oldest", self.tr("Oldest unacknowledged")),
        ]
        for index, (key, text) in enumerate(rows):  # two pairs per row keeps the panel short
            row, col = (index // 2, (index % 2) * 2) if key != "oldest" else (index // 2 + 1, 0)
            name = QLabel(text)
            value = QLabel("—")
            value.setObjectName("summaryValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key.startswith("level_"):  # "border: none" first, or the big screen's sheet hides the bar
                name.setStyleSheet(f"border: none; border-left: 6px solid {style.STATE_COLOURS[key[6:]]}; padding-left: 4px;")
            if key == "oldest":  # a long site name: its own line under the heading, wrapped if need be
                value.setWordWrap(True)
                value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(name, row, 0, 1, 4)
                grid.addWidget(value, row + 1, 0, 1, 4)
            else:
                grid.addWidget(name, row, col)
                grid.addWidget(value, row, col + 1)
            self.fields[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)

    def show_summary(self, title: str, summary: JurisdictionSummary, site_name: Callable[[str], str],
                     now: float | None = None) -> None:
        now = time.time() if now is None else now
        set_text(self.heading, title)
        values = {
            "sites": summary.sites, "online": summary.online, "stale": summary.stale, "offline": summary.offline,
            "unacknowledged": summary.unacknowledged, "escalations": summary.escalations_pending,
        }
        for level, count in summary.alarms_by_level.items():
            values[f"level_{level.name.lower()}"] = count
        for key, value in values.items():
            set_text(self.fields[key], str(value))
        oldest = summary.oldest_unacknowledged
        set_text(self.fields["oldest"],
                 "—" if oldest is None else f"{site_name(oldest.site)} · {_age(now - oldest.raised_at)}")


class LatestAlarms(QListWidget):
    """The newest active alarms of the jurisdiction, one line each."""

    def __init__(self, limit: int = 30, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the time and the tag, shorten the site
        self.limit = limit
        self._signature: list | None = None

    def show_alarms(self, alarms: Sequence[AlarmLike], describe: Callable[[AlarmLike], str]) -> None:
        signature = [(id(a), a.level, a.acknowledged) for a in list(alarms)[: self.limit]]
        if signature == self._signature:
            return
        self._signature = signature
        self.clear()
        for alarm in list(alarms)[: self.limit]:
            stamp = time.strftime("%H:%M:%S", time.localtime(alarm.raised_at))
            mark = "" if alarm.acknowledged else " ●"
            item = QListWidgetItem(f"{stamp}  {describe(alarm)}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, alarm.site)
            item.setForeground(QColor(style.STATE_COLOURS[alarm.level.name.lower()]))
            self.addItem(item)
