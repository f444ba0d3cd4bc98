"""GB 50863 aggregation for tailings monitoring items. Qt-free.

Several points of one monitoring item (e.g. the surface displacement marks of a dam)
raise the item's level when enough of them are in alarm: 4 blue make it yellow,
3 yellow make it orange, 2 orange make it red. Promoted points count at the next step
(8 blue → 2 yellow … ). Optional per node (`[alarms] gb50863_aggregation`).
"""
from __future__ import annotations

from collections.abc import Iterable

from domain.values import AlarmLevel

# level → (how many points of this level make one of the next level, next level)
RULE = {
    AlarmLevel.BLUE: (4, AlarmLevel.YELLOW),
    AlarmLevel.YELLOW: (3, AlarmLevel.ORANGE),
    AlarmLevel.ORANGE: (2, AlarmLevel.RED),
}


def aggregate_level(point_levels: Iterable[AlarmLevel]) -> AlarmLevel | None:
    """The item's level from its points' current alarm levels (None: no point in alarm)."""
    counts = {level: 0 for level in AlarmLevel}
    for level in point_levels:
        counts[AlarmLevel(level)] += 1
    for level in (AlarmLevel.BLUE, AlarmLevel.YELLOW, AlarmLevel.ORANGE):
        needed, promoted = RULE[level]
        counts[promoted] += counts[level] // needed
    for level in sorted(AlarmLevel):  # most severe first
        if counts[level]:
            return level
    return None
