"""The permanent strip that says a drill is running: "演练进行中 · <scenario>".

Shown above the pages (under the demo strip) for as long as a drill this node takes part in
runs, in its own colour (violet, never an alarm colour), so no one takes a drill's alarms
and records for real ones. It cannot be closed; it goes when the drill is ended here or on
the node that started it (the `DrillRuntime` re-reads the drills every second).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from widgets.retranslating import Retranslating

DRILL_COLOUR = "#5b2c83"


class DrillBanner(Retranslating, QWidget):
    def __init__(self, runtime, parent=None):
        super().__init__(parent, objectName="drillBanner")
        self.runtime = runtime
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(f"QWidget#drillBanner {{ background: {DRILL_COLOUR}; }}"
                           " QWidget#drillBanner QLabel { color: #ffffff; font-size: 16px; font-weight: bold;"
                           " background: transparent; padding: 4px; }")
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        runtime.changed.connect(self._retranslate)
        self._retranslate()

    def text(self) -> str:
        return self.label.text()

    def _retranslate(self) -> None:
        drill = self.runtime.book.current()
        self.setVisible(drill is not None)
        if drill is not None:
            self.label.setText(self.tr("Drill in progress · %1 · alarms and records are marked as drill")
                               .replace("%1", drill.title))
