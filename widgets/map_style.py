"""Colours, shapes and sizes of the map, in one place so the page and big screen agree."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from domain.values import LEVEL_COLOURS, AlarmLevel

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
BLINK_OFF_OPACITY = 0.25  # an unacknowledged marker's dark phase


TINT_ALPHA = {"red": 60, "orange": 45, "yellow": 25, "blue": 0}


def set_text(label: QLabel, text: str) -> None:
    """Change a side-panel label only when its text changes: each change makes the page
    lay itself out again, and the panels refresh every second."""
    if label.text() != text:
        label.setText(text)


def tint(state: str) -> QColor:
    """Choropleth fill for a region whose worst site state is `state` (faint below orange,
    so the map stays readable when many regions have a minor alarm)."""
    colour = QColor(STATE_COLOURS[state])
    colour.setAlpha(TINT_ALPHA.get(state, 0))
    return colour

# The overview's own look, dark like the map, scoped to the page so it composes with
# whatever theme the main window applies.
PAGE_QSS = """
#overviewPage, #overviewPage QWidget { background: #13212f; color: #e8f1f8; }
#overviewPage QListWidget, #overviewPage QTableWidget { background: #0e1a26; border: 1px solid #27415a; }
#overviewPage QHeaderView::section { background: #1b2c3d; color: #cfe0ee; border: none; padding: 2px 4px; }
#overviewPage QPushButton { background: #1f3447; border: 1px solid #35597a; padding: 4px 10px; border-radius: 3px; }
#overviewPage QPushButton:disabled { color: #6d7d8c; border-color: #2a3d50; }
#overviewPage QPushButton#crumb { border: none; background: transparent; color: #35d0ff; font-size: 15px; }
#overviewPage QPushButton#crumb:disabled { color: #ffffff; font-weight: bold; }
#overviewPage #summaryHeading, #overviewPage #siteTitle { font-size: 15px; font-weight: bold; }
#overviewPage #summaryValue { font-weight: bold; }
#overviewPage #mapLegend { color: #9fb6ca; }
"""
