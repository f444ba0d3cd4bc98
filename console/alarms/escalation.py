"""Level-by-level notification (逐级通知) as a pure function of history, policy and clock. Qt-free.

An alarm belongs to its site's county. If it is not acknowledged within its level's
limit it goes up one supervision level (county → city → province), and again after
another limit. Every node computes the same answer from the raise time, the
acknowledgment time and the clock, so no central timer is needed.
"""
from __future__ import annotations

from dataclasses import dataclass

from domain.values import AlarmLevel

DEFAULT_LIMITS_MIN = {AlarmLevel.RED: 5.0, AlarmLevel.ORANGE: 15.0, AlarmLevel.YELLOW: 30.0, AlarmLevel.BLUE: 60.0}


@dataclass(frozen=True)
class EscalationPolicy:
    limits_min: dict[AlarmLevel, float]

    @classmethod
    def default(cls) -> "EscalationPolicy":
        return cls(dict(DEFAULT_LIMITS_MIN))

    def limit_s(self, level: AlarmLevel) -> float:
        return self.limits_min[AlarmLevel(level)] * 60.0


@dataclass(frozen=True)
class Escalation:
    division: str  # the supervision level it reached
    due_at: float  # when it reached it


def escalations(chain: list[str], level: AlarmLevel, raised_at: float, acked_at: float | None,
                policy: EscalationPolicy, now: float) -> list[Escalation]:
    """The escalations that have happened by `now`, nearest level first.

    `chain` is the site's county and its supervisors (`DivisionRegistry.chain_up`). An
    escalation due at the very moment of the acknowledgment does not happen.
    """
    limit = policy.limit_s(level)
    stop = now if acked_at is None else min(now, acked_at)
    reached = []
    for step, division in enumerate(chain[1:], start=1):
        due = raised_at + step * limit
        if due > stop or (acked_at is not None and due >= acked_at):
            break
        reached.append(Escalation(division, due))
    return reached


def next_escalation_at(chain: list[str], level: AlarmLevel, raised_at: float, steps_done: int,
                       policy: EscalationPolicy) -> float | None:
    """When the next escalation falls due, or None when the top is reached."""
    if steps_done + 1 >= len(chain):
        return None
    return raised_at + (steps_done + 1) * policy.limit_s(level)
