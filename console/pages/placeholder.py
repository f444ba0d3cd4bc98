"""Pages shown instead of a real one: a navigation entry whose feature is not built yet, and
any page while the console's services are still starting.

They say so plainly: a duty officer must never mistake an empty page for "no alarms".
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


class StartingPage(NotAvailablePage):
    """Stands in for every page until the services have started (`console.startup`)."""

    def __init__(self, parent=None) -> None:
        super().__init__("", parent)
        self.setObjectName("startingPage")

    def is_ready(self) -> bool:
        return False

    def _retranslate(self) -> None:
        self._heading.setText(self.tr("Starting…"))
        self._message.setText(self.tr("Connecting to the field, the local store and the backend. "
                                      "The page opens as soon as they are up."))
