"""Wall layouts, their tile geometry, per-operator persistence and tour mode. Qt-free."""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

# "1+N" layouts: (grid size, span of the big tile); the small tiles wrap round it.
_BIG_FIRST = {"1+5": (3, 2), "1+7": (4, 3)}
LAYOUTS = ("1", "4", "9", "16", "1+5", "1+7")


def cells(layout: str) -> tuple[int, list[tuple[int, int, int, int]]]:
    """The grid size and the tiles of a layout, big tile first."""
    if layout in _BIG_FIRST:
        grid, big = _BIG_FIRST[layout]
        tiles = [(0, 0, big, big)]
        tiles += [(row, grid - 1, 1, 1) for row in range(big)]
        tiles += [(grid - 1, col, 1, 1) for col in range(grid)]
        return grid, tiles
    if layout not in LAYOUTS:
        raise ValueError(f"unknown wall layout {layout!r}; layouts are: {', '.join(LAYOUTS)}")
    grid = round(int(layout) ** 0.5)
    return grid, [(row, col, 1, 1) for row in range(grid) for col in range(grid)]


@dataclass
class WallLayout:
    layout: str = "4"
    tiles: dict[int, str] = field(default_factory=dict)  # tile index → camera id
    tour: list[str] = field(default_factory=list)  # cameras cycled through `tour_tile`
    tour_tile: int = 0

    def to_json(self) -> dict:
        data = asdict(self)
        data["tiles"] = {str(index): camera for index, camera in self.tiles.items()}
        return data

    @classmethod
    def from_json(cls, data: dict) -> "WallLayout":
        layout = str(data.get("layout", "4"))
        cells(layout)
        tiles = {int(index): str(camera) for index, camera in dict(data.get("tiles", {})).items()}
        return cls(layout, tiles, [str(c) for c in data.get("tour", [])], int(data.get("tour_tile", 0)))


class LayoutStore:
    """One JSON file per operator; written to a temporary file, flushed and renamed, so
    the saved layout is on disk before the UI says so and a crash never leaves half a file."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, operator: str) -> Path:
        safe = re.sub(r"[^\w.-]", "_", operator) or "_"
        return self.folder / f"wall-{safe}.json"

    def load(self, operator: str) -> WallLayout | None:
        path = self._path(operator)
        if not path.exists():
            return None
        try:
            return WallLayout.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a saved wall layout: {exc}") from None

    def save(self, operator: str, layout: WallLayout) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(operator)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".wall-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(layout.to_json(), handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        return path


class Tour:
    """Cycles a list of cameras, one step every `interval_s`."""

    def __init__(self, cameras: list[str], interval_s: float) -> None:
        self.cameras, self.interval_s = list(cameras), interval_s
        self._index = -1
        self._due = 0.0

    def due(self, now: float) -> str | None:
        """The camera to show now, or None when it is not yet time to switch."""
        if not self.cameras or now < self._due:
            return None
        self._index = (self._index + 1) % len(self.cameras)
        self._due = now + self.interval_s
        return self.cameras[self._index]
