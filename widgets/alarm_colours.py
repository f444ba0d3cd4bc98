"""Alarm colours for views: shared brushes, text readable on a level colour, unacknowledged text."""
from __future__ import annotations

from functools import cache

from PySide6.QtGui import QBrush, QColor

from domain.values import LEVEL_COLOURS, AlarmLevel

NO_COLOUR = "#202020"  # the level cell of an unacknowledged alarm in the blink's off phase
MUTED = "#606060"  # the level cell of an alarm not annunciated (shelved, suppressed, out of service)
INACTIVE_TEXT = "#8a8a8a"  # the text of a row that needs no action
DRILL_ROW = "#2e1a40"  # a drill's rows: the drill banner's violet, darkened


@cache
def brush(colour: str) -> QBrush:
    """One shared brush per colour: `data()` is asked for every painted cell."""
    return QBrush(QColor(colour))


def text_on(colour: str) -> QColor:
    return QColor("#000000") if colour in (LEVEL_COLOURS[AlarmLevel.YELLOW], LEVEL_COLOURS[AlarmLevel.ORANGE]) \
        else QColor("#ffffff")


UNACKED_TEXT = {level: QColor(colour).lighter(130).name() for level, colour in LEVEL_COLOURS.items()}
