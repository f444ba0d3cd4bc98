"""Alarm conditions of a tag and the chatter filter (deadband, on-delay, off-delay). Qt-free.

A `ConditionSpec` says when a tag is in alarm; a `ConditionFilter` turns the raw yes/no
of each sample into a debounced active/inactive with the times that matter. Times are
the samples' source timestamps, so two nodes fed the same samples decide alike; `tick`
lets a pending delay end when no new sample comes (subscriptions report on change only).
"""
from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from domain.values import AlarmLevel, Quality
from domain.tags import TagSpec


class ConditionKind(str, enum.Enum):
    HIGH = "high"  # value >= limit
    LOW = "low"  # value <= limit
    RATE = "rate"  # |Δvalue| per minute >= limit
    DEVIATION = "deviation"  # |value - setpoint| >= limit
    DISCRETE = "discrete"  # value == limit (an alarm state of a discrete input)
    BAD_QUALITY = "bad_quality"  # the device or the configuration says the value is bad
    # The source lost the device (BAD_COMM) or nothing confirmed the value within its stale
    # time (UNCERTAIN_STALE). Silence alone is no sign: sources report by exception and
    # confirm unchanged values without sending them (drivers/tag_table.py).
    COMM_LOSS = "comm_loss"


@dataclass(frozen=True)
class ConditionSpec:
    name: str  # short id shown to operators: HH, H, L, LL, ROC, DEV, STATE, BAD, COMM
    kind: ConditionKind
    level: AlarmLevel
    limit: float = 0.0
    deadband: float = 0.0  # hysteresis: clears only this far back inside the limit
    on_delay: float = 0.0  # s the condition must hold before the alarm is raised
    off_delay: float = 0.0  # s the condition must be gone before the alarm clears
    latching: bool = False  # stays in alarm after clearing until an operator resets it
    setpoint: float = 0.0  # deviation only
    label: str = ""  # discrete only: what the alarm state means

    def __post_init__(self) -> None:
        if self.deadband < 0 or self.on_delay < 0 or self.off_delay < 0:
            raise ValueError(f"condition {self.name}: deadband and delays must be >= 0")


COMM_FAILED = frozenset({Quality.BAD_COMM, Quality.UNCERTAIN_STALE})
OCCURRENCE_RESOLUTION_S = 0.001  # occurrence ids are made from the raise time in milliseconds

# Default chatter filter for limits derived from the catalogue: 1 % of span hysteresis.
DEFAULT_DEADBAND_FRACTION = 0.01


# Operator-facing names of the declared conditions; a second one of a kind gets a number (ROC2).
DECLARED_NAMES = {"rate": ("ROC", ConditionKind.RATE), "deviation": ("DEV", ConditionKind.DEVIATION),
                  "discrete": ("STATE", ConditionKind.DISCRETE)}


def default_conditions(tag: TagSpec, *, bad_quality_level: AlarmLevel = AlarmLevel.BLUE) -> list[ConditionSpec]:
    """The conditions of a catalogue tag: its limits, its declared conditions, bad quality and comm loss.

    Limits beyond the first in one direction are named by ISA convention: the most
    extreme high is HH, the next H (likewise LL, L); a third or fourth gets a number.
    """
    deadband = (tag.span_hi - tag.span_lo) * DEFAULT_DEADBAND_FRACTION
    specs: list[ConditionSpec] = []
    for direction, kind in (("high", ConditionKind.HIGH), ("low", ConditionKind.LOW)):
        limits = [limit for limit in tag.limits if limit.direction == direction]
        limits.sort(key=lambda limit: limit.value, reverse=direction == "high")
        letter = direction[0].upper()
        names = [letter] if len(limits) == 1 else [letter * 2, letter] + [f"{letter}{n}" for n in range(3, 5)]
        for name, limit in zip(names, limits):
            specs.append(ConditionSpec(name, kind, limit.level, limit.value, deadband))
    counts: dict[str, int] = {}
    for declared in tag.conditions:
        base, kind = DECLARED_NAMES[declared.kind]
        counts[base] = counts.get(base, 0) + 1
        name = base if counts[base] == 1 else f"{base}{counts[base]}"
        specs.append(ConditionSpec(name, kind, declared.level, declared.limit, declared.deadband,
                                   declared.on_delay_s, declared.off_delay_s, declared.latching,
                                   declared.setpoint, declared.label))
    specs.append(ConditionSpec("BAD", ConditionKind.BAD_QUALITY, bad_quality_level, on_delay=tag.scan_period_s))
    specs.append(ConditionSpec("COMM", ConditionKind.COMM_LOSS, bad_quality_level, on_delay=tag.scan_period_s))
    return specs


class ConditionFilter:
    """Debounced state of one condition of one tag.

    `raw` is the condition as of the last sample (with deadband); `active` is the
    alarm after on/off delays. `update` returns +1 when the alarm is raised, -1 when
    it clears, 0 otherwise; `raised_at` / `cleared_at` then say when (source time).

    The filter's time never runs backwards: samples come by several paths and clocks (a
    failover re-delivers a standby's older reading, `settle` runs on the node's clock), so
    a change is dated no earlier than the last raise or clear, a clear never precedes its
    raise, and each raise gets a later time (hence its own occurrence id) than the one before.
    """

    __slots__ = ("spec", "raw", "active", "since", "raised_at", "cleared_at")

    def __init__(self, spec: ConditionSpec):
        self.spec = spec
        self.raw = False
        self.active = False
        self.since = 0.0  # source time the raw condition last changed
        self.raised_at = -math.inf  # none yet
        self.cleared_at = -math.inf

    def test(self, value: float, quality: Quality, previous: tuple[float, float] | None, ts: float) -> bool:
        """The raw condition for one sample, with the deadband applied."""
        spec = self.spec
        kind = spec.kind
        if kind is ConditionKind.BAD_QUALITY:
            return quality is Quality.BAD_OUT_OF_RANGE or quality is Quality.BAD_CONFIG
        if kind is ConditionKind.COMM_LOSS:
            return quality in COMM_FAILED
        if quality >= Quality.BAD_OUT_OF_RANGE:
            return self.raw  # a bad value proves nothing: hold (the BAD condition reports it)
        band = spec.deadband if self.raw else 0.0
        if kind is ConditionKind.HIGH:
            return value >= spec.limit - band
        if kind is ConditionKind.LOW:
            return value <= spec.limit + band
        if kind is ConditionKind.DEVIATION:
            return abs(value - spec.setpoint) >= spec.limit - band
        if kind is ConditionKind.DISCRETE:
            return value == spec.limit
        if kind is ConditionKind.RATE:
            if previous is None or ts <= previous[1]:
                return self.raw
            per_minute = abs(value - previous[0]) * 60.0 / (ts - previous[1])
            return per_minute >= spec.limit - band
        return self.raw

    def update(self, raw: bool, ts: float) -> int:
        if raw != self.raw:
            self.raw = raw
            self.since = max(ts, self.raised_at, self.cleared_at)
        return self.settle(max(ts, self.since))

    def settle(self, now: float) -> int:
        """Let pending on/off delays end at `now`."""
        if self.raw and not self.active:
            if now - self.since >= self.spec.on_delay:
                self.active = True
                at = self.since + self.spec.on_delay
                self.raised_at = at if at > self.raised_at else self.raised_at + OCCURRENCE_RESOLUTION_S
                return 1
        elif self.active and not self.raw:
            if now - self.since >= self.spec.off_delay:
                self.active = False
                self.cleared_at = max(self.since + self.spec.off_delay, self.raised_at)
                return -1
        return 0

    @property
    def pending(self) -> bool:
        return self.raw != self.active
