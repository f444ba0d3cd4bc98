"""A drill on this node: record it, play its scenario on the simulator, end both together. Qt-free.

The scenario's steps go to the simulator (`context.services["simulator"]`, the embedded one)
as incidents delayed by their offsets, so the timeline runs in the simulator's own clock;
stopping ends those still running. Without a simulator (a node reading a real field) the
drill is recorded and scored the same, and the exercise's events are injected elsewhere.
"""
from __future__ import annotations

from console.drill.runs import Drill, DrillBook, start_drill, stop_drill
from console.drill.scenarios import SCENARIOS
from console.operators.permissions import Actor
from domain.tags import Catalogue
from server_link.local_store import LocalStore


class DrillService:
    def __init__(self, store: LocalStore, book: DrillBook, catalogue: Catalogue, simulator=None):
        self.store, self.book, self.catalogue, self.simulator = store, book, catalogue, simulator
        self._incidents: dict[str, list] = {}  # drill id → the simulator incidents it started

    def start(self, actor: Actor, scenario: str, sites: list[str], nodes: list[str], at: float | None = None) -> Drill:
        drill = start_drill(self.store, actor, scenario, sites, nodes, self.catalogue, at)
        if self.simulator is not None:
            self._incidents[drill.id] = [self.simulator.trigger_spec(spec)
                                         for spec in SCENARIOS[scenario].incidents(sites)]
        self.book.refresh()
        return drill

    def stop(self, actor: Actor, drill_id: str, at: float | None = None) -> None:
        stop_drill(self.store, actor, drill_id, at)
        incidents = self._incidents.pop(drill_id, [])
        if self.simulator is not None and incidents:
            self.simulator.end(incidents)
        self.book.refresh()
