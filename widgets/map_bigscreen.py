"""Big-screen mode for the consultation room: the map, the summary and the latest alarms
in large type, full screen, and the consultation session when one is running. F11 or Esc leaves."""
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
#bigScreen #bigSession { font-size: 26px; color: #ffd34d; background: #1b2d40; padding: 6px 12px; }
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
        self.session = QLabel()
        self.session.setObjectName("bigSession")
        self.session.setWordWrap(True)
        self.session.hide()
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
        layout.addWidget(self.session)
        layout.addLayout(body, 1)

    def show_session(self, text: str | None) -> None:
        """The running consultation (topic, leader, participants), or nothing."""
        if (text or "") != self.session.text():
            self.session.setText(text or "")
            self.session.setHidden(not text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_F11, Qt.Key.Key_Escape):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)
