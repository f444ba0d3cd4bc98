"""Alarm engine, escalation, aggregation and KPIs: the Qt-free alarm core (ISA-18.2 / IEC 62682)."""
from console.alarms.conditions import ConditionKind, ConditionSpec, default_conditions
from console.alarms.engine import ActionRefused, AlarmEngine, AlarmSettings
from console.alarms.escalation import EscalationPolicy, escalations
from console.alarms.model import AlarmRecord, AlarmState

__all__ = [
    "ActionRefused", "AlarmEngine", "AlarmRecord", "AlarmSettings", "AlarmState",
    "ConditionKind", "ConditionSpec", "EscalationPolicy", "default_conditions", "escalations",
]
