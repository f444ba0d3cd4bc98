"""Completeness of the registry per division: the share of enterprises with each key field
filled, and how many are approved, pending or returned. Qt-free.

One grouped query over the node's jurisdiction (`RecordsReader.completeness_by_division`),
rolled up in Python to the divisions right below the node (a province node sees its cities,
a city its counties, a county itself), plus the whole jurisdiction.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from domain.divisions import DivisionRegistry
from console.records.queries import FILLED, RecordsReader

STATES = ("approved", "pending", "returned")


@dataclass
class Completeness:
    division: str
    total: int = 0
    states: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    filled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FILLED, 0))

    def share(self, key: str) -> float:
        """Share (0..1) of enterprises with a key field filled, or in an audit state (0 when none)."""
        count = self.states[key] if key in STATES else self.filled[key]
        return count / self.total if self.total else 0.0

    def add(self, total: int, states: tuple, filled: tuple) -> None:
        self.total += total
        for key, count in zip(STATES, states):
            self.states[key] += count or 0
        for key, count in zip(FILLED, filled):
            self.filled[key] += count or 0


def group_of(divisions: DivisionRegistry, node: str, division: str) -> str:
    """The division right below `node` on `division`'s supervision chain (or the node itself)."""
    chain = divisions.chain_up(division)
    at = chain.index(node)
    return chain[at - 1] if at > 0 else node


def completeness(reader: RecordsReader, divisions: DivisionRegistry, node: str) -> tuple[list[Completeness],
                                                                                         Completeness]:
    """(one entry per division below the node, in code order; the whole jurisdiction)."""
    groups: dict[str, Completeness] = {}
    whole = Completeness(node)
    for division, total, *counts in reader.completeness_by_division():
        if division not in divisions or not divisions.in_jurisdiction(node, division):
            continue
        states, filled = counts[:len(STATES)], counts[len(STATES):]
        key = group_of(divisions, node, division)
        groups.setdefault(key, Completeness(key)).add(total, states, filled)
        whole.add(total, states, filled)
    return [groups[key] for key in sorted(groups)], whole
