"""How a site's tags are laid out in trend views. Qt-free.

Points of one quantity (phreatic line sections 1#..3#, displacement points) share a
view: same unit, same limit ladder, directly comparable. Two single-point quantities
of one kind but different units (rain rate and 24 h rain, dry-beach length and slope)
share a view with two value axes. Views with a key tag come first.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from domain.tags import TagSpec

MAX_PENS = 8


def family(tag: TagSpec) -> str:
    """The quantity without its point number: `phreatic_depth_2` -> `phreatic_depth`."""
    return re.sub(r"_\d+$", "", tag.quantity)


def kind(tag: TagSpec) -> str:
    """The first word of the quantity: `rainfall_rate` and `rainfall_24h` are one kind."""
    return tag.quantity.split("_", 1)[0]


def plan_views(tags: Sequence[TagSpec], max_pens: int = MAX_PENS) -> list[list[TagSpec]]:
    """Groups of tags, each drawn in one view with at most two units and `max_pens` pens."""
    families: dict[tuple[str, str], list[TagSpec]] = {}
    for tag in tags:
        families.setdefault((family(tag), tag.unit), []).append(tag)
    keyed_kinds = {kind(tag) for tag in tags if tag.key}
    ordered = sorted(families.values(), key=lambda group: kind(group[0]) not in keyed_kinds)
    views: list[list[TagSpec]] = []
    for group in ordered:
        last = views[-1] if views else None
        if (last is not None and len(last) == 1 and len(group) == 1 and kind(last[0]) == kind(group[0])
                and last[0].unit != group[0].unit):
            last.append(group[0])
            continue
        views.extend(list(group[start:start + max_pens]) for start in range(0, len(group), max_pens))
    return views
