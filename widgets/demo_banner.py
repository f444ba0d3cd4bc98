"""The permanent strip that says the console shows simulated data, not a real node's.

Shown above the pages for as long as the console runs in demo mode (no node config, or
`--demo`), or on a configured node that asked for the built-in simulator: an operator
must never take simulated alarms for real ones. It cannot be closed. In demo mode it also
offers to commission this machine as a real node (`widgets/commission_dialog.py`).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from console.config import NodeConfig
from widgets.retranslating import Retranslating


class DemoBanner(Retranslating, QWidget):
    def __init__(self, config: NodeConfig, parent=None):
        super().__init__(parent, objectName="demoBanner")
        self._demo = config.is_demo
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("QWidget#demoBanner { background: #8a5a00; }"
                           " QWidget#demoBanner QLabel { color: #ffffff; font-size: 16px; font-weight: bold;"
                           " background: transparent; padding: 4px; }")
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.commission_button = QPushButton()
        self.commission_button.setVisible(self._demo)
        self.commission_button.clicked.connect(self.open_commissioning)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.commission_button)
        self.dialog = None
        self._retranslate()

    def text(self) -> str:
        return self.label.text()

    def open_commissioning(self) -> None:
        from domain.divisions import hebei
        from widgets.commission_dialog import CommissionDialog

        self.dialog = CommissionDialog(hebei(), self.window())
        self.dialog.open()

    def _retranslate(self) -> None:
        self.label.setText(self.tr("Demo mode · simulated data") if self._demo else
                           self.tr("Simulated field data (field.simulator = true) · not a real site"))
        self.commission_button.setText(self.tr("Commission this node…"))


def demo_banner(config: NodeConfig, parent=None) -> DemoBanner | None:
    """The banner for this config, or None when the console shows real data."""
    return DemoBanner(config, parent) if config.runs_simulator else None
