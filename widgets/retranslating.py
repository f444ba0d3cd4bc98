"""Live language switching for a widget: Qt sends LanguageChange, the widget re-sets its texts."""
from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin (put it before the Qt base class): calls `self._retranslate()` on LanguageChange."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
