"""The value contract every part of the console shares: a tag value with its quality.

Every value carries quality, a source timestamp and the path it came by; stale is a
state, not a guess. Qt-free.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Quality(enum.IntEnum):
    """Quality of a value, ordered so that `max()` of several is the worst."""

    GOOD = 0
    UNCERTAIN_STALE = 1
    BAD_OUT_OF_RANGE = 2
    BAD_CONFIG = 3
    BAD_COMM = 4

    @property
    def is_good(self) -> bool:
        return self is Quality.GOOD

    @property
    def is_bad(self) -> bool:
        return self >= Quality.BAD_OUT_OF_RANGE


class AlarmLevel(enum.IntEnum):
    """The four warning levels, most severe first (lower number = more severe)."""

    RED = 1  # 重大
    ORANGE = 2  # 较大
    YELLOW = 3  # 一般
    BLUE = 4  # 较低


LEVEL_COLOURS = {
    AlarmLevel.RED: "#e02020",
    AlarmLevel.ORANGE: "#ff8c00",
    AlarmLevel.YELLOW: "#f5d000",
    AlarmLevel.BLUE: "#1e6fff",
}


class SourcePath(str, enum.Enum):
    """How a value reached this node."""

    BACKEND = "backend"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    SIMULATOR = "simulator"


@dataclass(frozen=True, slots=True)
class TagValue:
    """One observation of one tag.

    `source_ts` is when the field device took the value, `receive_ts` when this node
    got it; both are POSIX seconds (UTC).
    """

    tag: str
    value: float
    quality: Quality
    source_ts: float
    receive_ts: float
    path: SourcePath = SourcePath.PRIMARY
