"""Creating the one QApplication, offscreen when asked or when there is no display."""
from __future__ import annotations

import os
import sys

from resources import resource_path


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def offscreen_platform() -> str:
    """The offscreen platform with a 3840x2160 virtual screen (Qt's default is 800x800,
    which would clamp the window geometry of a 1920x1080 screenshot)."""
    return f"offscreen:configfile={resource_path('qt', 'offscreen.json')}"


def ensure_application(offscreen: bool = False):
    """The existing QApplication, or a new one (offscreen when asked or headless)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if offscreen or not has_display():
            os.environ["QT_QPA_PLATFORM"] = offscreen_platform()
        app = QApplication(sys.argv[:1])
        app.setApplicationName("duty-console")
        app.setOrganizationName("hebei-safety")
    return app
