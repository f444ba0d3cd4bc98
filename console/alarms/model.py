"""What an alarm is: its key and its ISA-18.2 state, as the engine keeps it and views read it. Qt-free.

The state shown to an operator is derived from a few independent facts (is the
condition active, is it acknowledged, is it shelved / suppressed by design / out of
service, is it latched), so every transition of the ISA-18.2 / IEC 62682 state model
is one change of one fact. The journal events that change it are `domain.alarm_events`.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field

from domain.alarm_events import AlarmEvent, EventKind, new_event_id
from domain.values import AlarmLevel


class AlarmState(str, enum.Enum):
    """The ISA-18.2 states an operator sees (most hidden first when several facts hold)."""

    NORMAL = "normal"
    UNACKED = "unacked"
    ACKED = "acked"
    RTN_UNACKED = "rtn_unacked"
    SHELVED = "shelved"
    SUPPRESSED = "suppressed"
    OUT_OF_SERVICE = "out_of_service"


@dataclass(eq=False)
class AlarmRecord:
    """One alarm (tag + condition) and its current occurrence, as every view sees it."""

    site: str
    tag: str
    condition: str
    level: AlarmLevel
    division: str  # the site's county: where escalation starts
    text: str  # English; views render `message` in their own language
    active: bool = False
    acknowledged: bool = True
    latched: bool = False
    shelved_until: float | None = None
    shelve_reason: str = ""
    suppressed: bool = False
    out_of_service: bool = False
    occurrence_id: str = ""
    raised_at: float | None = None
    raised_on: str = ""  # the node that raised the current occurrence (see console.alarms.reconcile)
    cleared_at: float | None = None
    value: float | None = None  # the value that raised it
    acked_at: float | None = None
    acked_by: str = ""
    note: str = ""
    comments: list[str] = field(default_factory=list)
    escalation_steps: int = 0  # how many levels above the county it has gone
    escalated_to: str = ""  # division it has escalated to ("" = still at the county)
    disposed: bool = False
    message: dict = field(default_factory=dict)  # code + arguments (console.alarms.messages)
    drill_id: str = ""  # set from the raise: every event of a drill's occurrence carries it
    # Escalation timer (node-local, never journaled): the monotonic instant this node learned of the
    # raise, and how old the raise was then (None: not judged yet, no reference clock measured)
    seen_mono: float | None = None
    origin_age: float | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.tag, self.condition)

    @property
    def state(self) -> AlarmState:
        if self.out_of_service:
            return AlarmState.OUT_OF_SERVICE
        if self.suppressed:
            return AlarmState.SUPPRESSED
        if self.shelved_until is not None:
            return AlarmState.SHELVED
        if self.active or self.latched:
            return AlarmState.ACKED if self.acknowledged else AlarmState.UNACKED
        return AlarmState.NORMAL if self.acknowledged else AlarmState.RTN_UNACKED

    @property
    def annunciated(self) -> bool:
        """Shown to the operator as needing attention (counted in banners and KPIs)."""
        return self.state in (AlarmState.UNACKED, AlarmState.ACKED, AlarmState.RTN_UNACKED)

    def event(self, kind: EventKind, at: float, *, id: str | None = None, operator: str = "",
              node: str = "", note: str = "", payload: dict | None = None) -> AlarmEvent:
        return AlarmEvent(id or new_event_id(), self.occurrence_id, kind, int(self.level), self.site,
                          self.tag, self.condition, self.division, at, operator, node, note, payload or {},
                          self.drill_id)
