"""A short in-memory history of every key tag, for the site card's small trend.

The card must show a trend the moment it opens, so the last few minutes of key tags are
kept for all sites (280 sites × a few key tags × `maxlen` points). The full history is
the trend page's business. Qt-free.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from drivers.model import TagValue
from drivers.tags import Catalogue


class KeyHistory:
    def __init__(self, catalogue: Catalogue, maxlen: int = 300) -> None:
        self._series: dict[str, deque] = {
            tag.id: deque(maxlen=maxlen) for tag in catalogue.tags.values() if tag.key
        }

    def ingest(self, batch: Sequence[TagValue]) -> None:
        series = self._series
        for value in batch:
            points = series.get(value.tag)
            if points is not None and value.quality.is_good:
                points.append((value.source_ts, value.value))

    def points(self, tag_id: str) -> list[tuple[float, float]]:
        return list(self._series.get(tag_id, ()))
