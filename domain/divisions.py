"""Hebei administrative divisions and the jurisdiction rule.

A node sees its own division and everything below it. "Below" follows
`supervision_parent`, not the code prefix: Dingzhou (130682) and Xinji (130181)
report straight to the province, and Xiong'an (133100) supervises three counties
whose codes start with 1306. Qt-free.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from resources import resource_path

PROVINCE_CODE = "130000"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    name_en: str
    level: str  # "province" | "city" | "county"
    admin_parent: str | None
    supervision_parent: str | None
    lon: float
    lat: float


class DivisionRegistry:
    """All divisions by code, with the supervision tree precomputed."""

    def __init__(self, divisions: list[Division]):
        self.by_code: dict[str, Division] = {d.code: d for d in divisions}
        self._children: dict[str, list[str]] = {}
        for d in divisions:
            if d.supervision_parent:
                self._children.setdefault(d.supervision_parent, []).append(d.code)

    @classmethod
    def load(cls, path: Path | None = None) -> "DivisionRegistry":
        path = path or resource_path("hebei", "divisions.json")
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls([Division(**item) for item in raw["divisions"]])

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def __getitem__(self, code: str) -> Division:
        return self.by_code[code]

    def __len__(self) -> int:
        return len(self.by_code)

    def children(self, code: str) -> list[str]:
        return list(self._children.get(code, ()))

    def chain_up(self, code: str) -> list[str]:
        """The division and its supervisors, nearest first: county, city, province."""
        chain = []
        current: str | None = code
        while current is not None:
            chain.append(current)
            current = self.by_code[current].supervision_parent
        return chain

    def in_jurisdiction(self, node_code: str, division_code: str) -> bool:
        return node_code in self.chain_up(division_code)

    def jurisdiction(self, node_code: str) -> set[str]:
        """Every division code a node sees, itself included."""
        seen, stack = set(), [node_code]
        while stack:
            code = stack.pop()
            seen.add(code)
            stack.extend(self._children.get(code, ()))
        return seen

    def node_level(self, code: str) -> str:
        """The level of the node that sits at this division.

        Province-direct county-level cities (Dingzhou, Xinji) are city-level nodes.
        """
        division = self.by_code[code]
        if division.level == "county" and division.supervision_parent == PROVINCE_CODE:
            return "city"
        return division.level

    def counties(self) -> list[Division]:
        return [d for d in self.by_code.values() if d.level == "county"]


@lru_cache(maxsize=1)
def hebei() -> DivisionRegistry:
    """The shipped registry, loaded once."""
    return DivisionRegistry.load()
