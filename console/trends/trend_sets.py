"""Trend sets: an operator's own named lists of tags to watch together. Qt-free.

One JSON file per operator under the node's data folder. A save is written to a
temporary file, flushed to disk and renamed over the old one, so the operator's sets
are on disk before the UI says "saved" and a crash never leaves half a file. A file
that cannot be read is reported with its path and never overwritten.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path


class TrendSetError(Exception):
    """A trend-set file could not be read or a set is not acceptable."""


@dataclass(frozen=True)
class TrendSet:
    name: str
    tags: tuple[str, ...]


class TrendSetStore:
    def __init__(self, folder: Path, operator: str):
        if not operator.strip():
            raise TrendSetError("trend sets need an operator name")
        self.operator = operator
        safe = re.sub(r"[^\w.-]", "_", operator.strip())
        self.path = Path(folder) / f"{safe}.json"

    def load(self) -> list[TrendSet]:
        if not self.path.exists():
            return []
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return [TrendSet(str(item["name"]), tuple(str(tag) for tag in item["tags"])) for item in raw["sets"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise TrendSetError(f"{self.path}: not a trend-set file ({exc.__class__.__name__}: {exc})") from None

    def save(self, trend_set: TrendSet) -> list[TrendSet]:
        """Add or replace the set of that name; returns all sets once on disk."""
        name = trend_set.name.strip()
        if not name:
            raise TrendSetError("a trend set needs a name")
        if not trend_set.tags:
            raise TrendSetError(f"trend set {name!r} has no tags")
        sets = [s for s in self.load() if s.name != name]
        sets.append(TrendSet(name, tuple(dict.fromkeys(trend_set.tags))))
        self._write(sets)
        return sets

    def delete(self, name: str) -> list[TrendSet]:
        sets = [s for s in self.load() if s.name != name]
        self._write(sets)
        return sets

    def _write(self, sets: list[TrendSet]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"operator": self.operator, "sets": [{"name": s.name, "tags": list(s.tags)} for s in sets]}
        tmp = self.path.with_suffix(".json.tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
            fd = os.open(self.path.parent, os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
