"""The permanent strip that says the console shows simulated data, not a real node's.

Shown above the pages for as long as the console runs in demo mode (no node config, or
`--demo`), or on a configured node that asked for the built-in simulator: an operator
must never take simulated alarms for real ones. It cannot be closed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from console.config import NodeConfig
from widgets.retranslating import Retranslating


class DemoBanner(Retranslating, QLabel):
    def __init__(self, config: NodeConfig, parent=None):
        super().__init__(parent, objectName="demoBanner")
        self._demo = config.is_demo
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("QLabel#demoBanner { background: #8a5a00; color: #ffffff; font-size: 16px;"
                           " font-weight: bold; padding: 4px; }")
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(self.tr("Demo mode · simulated data") if self._demo else
                     self.tr("Simulated field data (field.simulator = true) · not a real site"))


def demo_banner(config: NodeConfig, parent=None) -> DemoBanner | None:
    """The banner for this config, or None when the console shows real data."""
    return DemoBanner(config, parent) if config.runs_simulator else None
