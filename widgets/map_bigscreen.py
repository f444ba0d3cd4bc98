"""Big-screen mode for the consultation room: the map, the summary and the latest alarms
in large type, full screen. F11 or Esc leaves."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from domain.divisions import DivisionRegistry
from widgets.map_summary import LatestAlarms, SummaryPanel
from widgets.map_view import HebeiMapView

BIG_SCREEN_QSS = """
#bigScreen { background: #0e1a26; }
#bigScreen QLabel, #bigScreen QListWidget { color: #e8f1f8; font-size: 22px; }
#bigScreen #bigTitle { font-size: 34px; font-weight: bold; color: #35d0ff; }
#bigScreen #summaryHeading { font-size: 26px; font-weight: bold; }
#bigScreen #summaryValue { font-size: 28px; font-weight: bold; }
#bigScreen QListWidget { background: #13212f; border: none; }
"""


class BigScreenWindow(QWidget):
    closed = Signal()

    def __init__(self, divisions: DivisionRegistry, node_code: str, title: str, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("bigScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(BIG_SCREEN_QSS)
        self.setWindowTitle(title)
        self.map = HebeiMapView(divisions, node_code, label_px=20, marker_size=20)
        self.summary = SummaryPanel()
        self.latest = LatestAlarms(limit=20)
        heading = QLabel(title)
        heading.setObjectName("bigTitle")
        side = QVBoxLayout()
        side.addWidget(self.summary)
        latest_title = QLabel(self.tr("Latest alarms"))
        latest_title.setObjectName("summaryHeading")
        side.addWidget(latest_title)
        side.addWidget(self.latest, 1)
        body = QHBoxLayout()
        body.addWidget(self.map, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(body, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_F11, Qt.Key.Key_Escape):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)
