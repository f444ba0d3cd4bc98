"""Alarm texts in the current language: level and state names, the alarm's own text, times."""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from console.alarms.labels import LEVEL_NAMES, STATE_NAMES
from console.alarms.messages import render
from console.alarms.model import AlarmRecord, AlarmState
from domain.values import AlarmLevel


def tr(text: str) -> str:
    return QCoreApplication.translate("alarms", text)


def level_name(level: AlarmLevel) -> str:
    return tr(LEVEL_NAMES[AlarmLevel(level)])


def state_name(state: AlarmState) -> str:
    return tr(STATE_NAMES[state])


def alarm_text(rec: AlarmRecord) -> str:
    """The alarm's text in the current language (journal rows without a message keep their text)."""
    return render(rec.message, tr) if rec.message else rec.text


def event_text(payload: dict) -> str:
    """The alarm text a journal event carries, in the current language."""
    return render(payload["message"], tr) if payload.get("message") else payload.get("text", "")


def format_time(at: float | None) -> str:
    return time.strftime("%m-%d %H:%M:%S", time.localtime(at)) if at else ""
