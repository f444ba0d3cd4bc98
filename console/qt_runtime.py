"""Creating the one QApplication, offscreen when asked or when there is no display."""
from __future__ import annotations

import os
import sys


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def ensure_application(offscreen: bool = False):
    """The existing QApplication, or a new one (offscreen when asked or headless)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if offscreen or not has_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(sys.argv[:1])
        app.setApplicationName("duty-console")
        app.setOrganizationName("hebei-safety")
    return app
