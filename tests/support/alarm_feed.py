"""A small list-backed alarm feed with the engine's shape (issue 5), for overview tests.

It is a real object, not a mock: it holds alarms, notifies subscribers on change and
acknowledges in place, which is all the overview relies on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from drivers.model import AlarmLevel


@dataclass
class ListAlarm:
    site: str
    tag: str
    level: AlarmLevel
    raised_at: float
    acknowledged: bool = False
    escalated_to: str | None = None
    state: str = "unacknowledged"


@dataclass
class ListAlarmFeed:
    alarms: list[ListAlarm] = field(default_factory=list)
    acknowledged_by: list[tuple[ListAlarm, str]] = field(default_factory=list)
    _callbacks: list = field(default_factory=list)

    def active_alarms(self) -> list[ListAlarm]:
        return list(self.alarms)

    def subscribe(self, callback):
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback)

    def changed(self) -> None:
        for callback in list(self._callbacks):
            callback()

    def raise_alarm(self, alarm: ListAlarm) -> ListAlarm:
        self.alarms.append(alarm)
        self.changed()
        return alarm

    def clear(self, alarm: ListAlarm) -> None:
        self.alarms.remove(alarm)
        self.changed()

    def acknowledge(self, alarm: ListAlarm, operator: str, note: str = "") -> None:
        alarm.acknowledged = True
        alarm.state = "acknowledged"
        self.acknowledged_by.append((alarm, operator))
        self.changed()
