"""The words every alarm view shows, in one place: level, state and journal-event names. Qt-free.

English source texts in the "alarms" context; the views translate them when shown
(`widgets.alarm_text`). The table, the banner, the site card and the trends all name a
level with these.
"""
from __future__ import annotations

from console.alarms.model import AlarmState
from domain.translatable import QT_TRANSLATE_NOOP
from domain.values import AlarmLevel

LEVEL_NAMES = {
    AlarmLevel.RED: QT_TRANSLATE_NOOP("alarms", "Red"),
    AlarmLevel.ORANGE: QT_TRANSLATE_NOOP("alarms", "Orange"),
    AlarmLevel.YELLOW: QT_TRANSLATE_NOOP("alarms", "Yellow"),
    AlarmLevel.BLUE: QT_TRANSLATE_NOOP("alarms", "Blue"),
}
STATE_NAMES = {
    AlarmState.NORMAL: QT_TRANSLATE_NOOP("alarms", "Normal"),
    AlarmState.UNACKED: QT_TRANSLATE_NOOP("alarms", "Unacknowledged"),
    AlarmState.ACKED: QT_TRANSLATE_NOOP("alarms", "Acknowledged"),
    AlarmState.RTN_UNACKED: QT_TRANSLATE_NOOP("alarms", "Returned, unacknowledged"),
    AlarmState.SHELVED: QT_TRANSLATE_NOOP("alarms", "Shelved"),
    AlarmState.SUPPRESSED: QT_TRANSLATE_NOOP("alarms", "Suppressed (maintenance)"),
    AlarmState.OUT_OF_SERVICE: QT_TRANSLATE_NOOP("alarms", "Out of service"),
}
EVENT_NAMES = {  # history view
    "raise": QT_TRANSLATE_NOOP("alarms", "raised"), "clear": QT_TRANSLATE_NOOP("alarms", "cleared"),
    "ack": QT_TRANSLATE_NOOP("alarms", "acknowledged"), "shelve": QT_TRANSLATE_NOOP("alarms", "shelved"),
    "unshelve": QT_TRANSLATE_NOOP("alarms", "unshelved"), "comment": QT_TRANSLATE_NOOP("alarms", "comment"),
    "escalate": QT_TRANSLATE_NOOP("alarms", "escalated"), "dispose": QT_TRANSLATE_NOOP("alarms", "disposed"),
    "reset": QT_TRANSLATE_NOOP("alarms", "reset"), "suppress": QT_TRANSLATE_NOOP("alarms", "maintenance on"),
    "unsuppress": QT_TRANSLATE_NOOP("alarms", "maintenance off"),
    "out_of_service": QT_TRANSLATE_NOOP("alarms", "out of service"),
    "in_service": QT_TRANSLATE_NOOP("alarms", "back in service"),
    "look": QT_TRANSLATE_NOOP("alarms", "first looked at"),
}
