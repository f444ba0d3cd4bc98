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
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if offscreen or not has_display():
            os.environ["QT_QPA_PLATFORM"] = offscreen_platform()
        app = QApplication(sys.argv[:1])
        app.setApplicationName("duty-console")
        app.setOrganizationName("hebei-safety")
        app.setWindowIcon(QIcon(str(resource_path("icons", "duty-console.svg"))))
        register_bundled_fonts()
    return app


def register_bundled_fonts() -> list[str]:
    """Register the fonts the bundle carries (resources/fonts, filled by the installer build),
    so Chinese renders on a host with no CJK font. Returns the families added."""
    from PySide6.QtGui import QFontDatabase

    folder = resource_path("fonts")
    families: list[str] = []
    for font_file in sorted(folder.glob("*.tt[cf]")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families
