"""The accident class from casualties and direct loss (State Council Order No. 493, Art. 3). Qt-free.

Especially major (1): 30 or more deaths, or 100 or more serious injuries (acute industrial
poisoning included), or a direct economic loss of 100 million CNY or more; major (2): 10, 50,
50 million; larger (3): 3, 10, 10 million; general (4): below those. "Or more" includes the
number itself (Art. 3: 以上包括本数), so each threshold is the first value of its class. The
class is the most severe any one measure reaches.

Follow-up reports (Art. 13): casualty changes within 30 days of the accident, within 7 days
for road traffic accidents and fires.
"""
from __future__ import annotations

from dataclasses import dataclass

ESPECIALLY_MAJOR, MAJOR, LARGER, GENERAL = 1, 2, 3, 4
# (class, deaths, serious injuries, direct loss in CNY): the lowest value of each class
THRESHOLDS = (
    (ESPECIALLY_MAJOR, 30, 100, 100_000_000.0),
    (MAJOR, 10, 50, 50_000_000.0),
    (LARGER, 3, 10, 10_000_000.0),
)
DAY_S = 86400.0
FOLLOWUP_DAYS = 30
SHORT_FOLLOWUP_DAYS = 7
SHORT_FOLLOWUP_KINDS = ("fire", "road_traffic")


@dataclass(frozen=True)
class Casualties:
    deaths: int = 0
    serious_injuries: int = 0
    direct_loss: float = 0.0  # CNY

    def problem(self) -> str | None:
        """What is wrong with the figures, or None."""
        for name, value in (("deaths", self.deaths), ("serious injuries", self.serious_injuries),
                            ("direct loss", self.direct_loss)):
            if value is None or value < 0:
                return f"{name}: must be a number of zero or more, got {value!r}"
        return None


def accident_class(casualties: Casualties) -> int:
    """1 especially major … 4 general: the most severe class any measure reaches."""
    for level, deaths, injuries, loss in THRESHOLDS:
        if (casualties.deaths >= deaths or casualties.serious_injuries >= injuries
                or casualties.direct_loss >= loss):
            return level
    return GENERAL


def followup_window_s(kind: str) -> float:
    """How long after the accident casualty changes are reported as follow-ups."""
    return (SHORT_FOLLOWUP_DAYS if kind in SHORT_FOLLOWUP_KINDS else FOLLOWUP_DAYS) * DAY_S
