"""Small pieces the trend widgets share: pen colours, level and quality wording."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from domain.values import Quality

# Distinct on a dark background and unlike the four alarm-level colours.
PEN_COLOURS = ("#35c9e6", "#e655d2", "#5fd35f", "#e8e8e8", "#9d7bff", "#c8a46a", "#ff85a8", "#b5e655")

_QUALITY_NAMES = {
    Quality.GOOD: (QT_TRANSLATE_NOOP("trends", "Good"), "#5fd35f"),
    Quality.UNCERTAIN_STALE: (QT_TRANSLATE_NOOP("trends", "Stale"), "#9aa4b0"),
    Quality.BAD_OUT_OF_RANGE: (QT_TRANSLATE_NOOP("trends", "Out of range"), "#ff6060"),
    Quality.BAD_CONFIG: (QT_TRANSLATE_NOOP("trends", "Config error"), "#ff6060"),
    Quality.BAD_COMM: (QT_TRANSLATE_NOOP("trends", "Comm failure"), "#ff6060"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("trends", text)


def spaced_labels(labels: list[tuple[int, float]], min_gap: float) -> set[int]:
    """Which labels to show so that none is closer than `min_gap` to another.

    `labels` are (severity rank, position) with the most severe (lowest rank) kept first,
    so when a red and a blue limit crowd together it is the red label that stays.
    """
    shown: list[float] = []
    keep: set[int] = set()
    for index in sorted(range(len(labels)), key=lambda i: labels[i][0]):
        position = labels[index][1]
        if all(abs(position - other) >= min_gap for other in shown):
            shown.append(position)
            keep.add(index)
    return keep


def quality_text(quality: Quality, stale: bool) -> tuple[str, str]:
    """Legend wording and colour; a good value that stopped arriving is stale."""
    if stale and quality is Quality.GOOD:
        quality = Quality.UNCERTAIN_STALE
    text, colour = _QUALITY_NAMES[quality]
    return tr(text), colour
