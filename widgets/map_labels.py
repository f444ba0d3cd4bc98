"""Label placement without overlaps: greedy by priority on a screen-space grid.

Hand-written because the candidates are few (≈ 500) and Qt has no label placer; a
uniform grid keeps each test local, so a full re-layout after a zoom costs a few ms.
Qt-free: rectangles are (left, top, right, bottom) tuples in pixels.
"""
from __future__ import annotations

from collections.abc import Sequence

Rect = tuple[float, float, float, float]
_CELL = 64.0
PADDING = 2.0


def _cells(rect: Rect):
    left, top, right, bottom = rect
    for gx in range(int(left // _CELL), int(right // _CELL) + 1):
        for gy in range(int(top // _CELL), int(bottom // _CELL) + 1):
            yield gx, gy


def overlaps(a: Rect, b: Rect, padding: float = PADDING) -> bool:
    """Whether two rectangles come closer than `padding` (the gap `place` keeps)."""
    return a[0] - padding < b[2] + padding and b[0] - padding < a[2] + padding \
        and a[1] - padding < b[3] + padding and b[1] - padding < a[3] + padding


def place(candidates: Sequence[Rect], padding: float = PADDING) -> list[bool]:
    """Which candidates to show, taking them in the given (priority) order.

    A candidate is shown when its rectangle, grown by `padding`, overlaps no rectangle
    already shown; so no two shown labels ever touch.
    """
    grid: dict[tuple[int, int], list[Rect]] = {}
    shown: list[bool] = []
    for left, top, right, bottom in candidates:
        rect = (left - padding, top - padding, right + padding, bottom + padding)
        cells = list(_cells(rect))
        clash = any(overlaps(rect, other, 0.0) for cell in cells for other in grid.get(cell, ()))
        shown.append(not clash)
        if not clash:
            for cell in cells:
                grid.setdefault(cell, []).append(rect)
    return shown
