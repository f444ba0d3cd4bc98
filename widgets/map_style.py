"""Colours, shapes and sizes of the map, in one place so the page and big screen agree."""
from __future__ import annotations

from PySide6.QtGui import QColor

from drivers.model import LEVEL_COLOURS, AlarmLevel

STATE_COLOURS: dict[str, str] = {
    "red": LEVEL_COLOURS[AlarmLevel.RED],
    "orange": LEVEL_COLOURS[AlarmLevel.ORANGE],
    "yellow": LEVEL_COLOURS[AlarmLevel.YELLOW],
    "blue": LEVEL_COLOURS[AlarmLevel.BLUE],
    "normal": "#2fa35a",
    "stale": "#8a8f98",
    "offline": "#55595f",
}
GREY = QColor("#8a8f98")

BACKGROUND = QColor("#0e1a26")
LAND = QColor("#1b2c3d")
COUNTY_PEN = QColor("#3f5a73")
CITY_PEN = QColor("#7fa6c9")
PROVINCE_PEN = QColor("#d0e4f5")
JURISDICTION_PEN = QColor("#35d0ff")
FOCUS_PEN = QColor("#ffffff")
LABEL_TEXT = QColor("#e8f1f8")
LABEL_BACK = QColor(14, 26, 38, 170)

MARKER_SIZE = 13.0


def tint(state: str) -> QColor:
    """Choropleth fill for a region whose worst site state is `state`."""
    colour = QColor(STATE_COLOURS[state])
    colour.setAlpha(70 if state in ("red", "orange") else 45)
    return colour
