"""The page shown for a navigation entry whose feature is not built yet.

It says so plainly: a duty officer must never mistake an empty page for "no alarms".
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from widgets.retranslating import Retranslating


class NotAvailablePage(Retranslating, QWidget):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("notAvailablePage")
        self._title = title
        self._heading = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self._heading.setObjectName("pageHeading")
        self._message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self._heading)
        layout.addWidget(self._message)
        layout.addStretch(2)
        self._retranslate()

    def _retranslate(self) -> None:
        self._heading.setText(QCoreApplication.translate("pages", self._title))
        self._message.setText(self.tr("Not available yet: this page is not part of this version of the console."))
