"""Starting and stopping a drill, and which sites and instants belong to a running one. Qt-free.

A drill is a `drill_run` row (replicated, so every node taking part knows it). Starting and
stopping need `Action.START_DRILL` (administrator or shift leader), checked here, and commit
with their audit row. `DrillBook` answers, from the rows it last read, the one question the
alarm engine asks of every raise — is this site in a running drill now? — and what the banner
and the records forms need: the drill this node is taking part in.
"""
from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from console.drill.scenarios import SCENARIOS, Scenario
from console.operators import audit
from console.operators.permissions import Action, Actor, require
from domain.tags import Catalogue
from server_link.local_store import LocalStore, StoreError


@dataclass(frozen=True)
class Drill:
    id: str
    scenario: str
    title: str
    sites: tuple[str, ...]
    nodes: tuple[str, ...]
    started_at: float
    started_by: str
    ended_at: float | None = None

    @classmethod
    def from_row(cls, row: dict) -> "Drill":
        return cls(row["id"], row["scenario"], row["title"], tuple(json.loads(row["sites"])),
                   tuple(json.loads(row["nodes"])), row["started_at"], row["started_by"], row["ended_at"])

    def covers(self, at: float) -> bool:
        return self.started_at <= at and (self.ended_at is None or at < self.ended_at)


def check_sites(scenario: Scenario, sites: list[str], catalogue: Catalogue) -> None:
    """`StoreError` naming what is wrong with the chosen sites for this scenario."""
    if len(sites) != scenario.site_count:
        raise StoreError(f"drill sites: the scenario needs {scenario.site_count}, {len(sites)} chosen")
    for code in sites:
        site = catalogue.sites.get(code)
        if site is None:
            raise StoreError(f"drill site {code}: not a monitored site")
        if scenario.site_kind is not None and site.kind is not scenario.site_kind:
            raise StoreError(f"drill site {code}: a {site.kind.value}, the scenario needs a {scenario.site_kind.value}")


def start_drill(store: LocalStore, actor: Actor, scenario_key: str, sites: list[str], nodes: list[str],
                catalogue: Catalogue, at: float | None = None) -> Drill:
    """Record a new running drill (durable, with its audit row, when this returns)."""
    require(actor, Action.START_DRILL)
    scenario = SCENARIOS.get(scenario_key)
    if scenario is None:
        raise StoreError(f"drill scenario {scenario_key!r}: not one of {', '.join(SCENARIOS)}")
    check_sites(scenario, sites, catalogue)
    if not nodes:
        raise StoreError("drill nodes: choose at least one node to take part")
    at = time.time() if at is None else at
    fields = dict(scenario=scenario.key, title=scenario.title, sites=json.dumps(sites), nodes=json.dumps(nodes),
                  started_at=at, started_by=actor.username, ended_at=None, ended_by=None)
    drill_id = store.insert("drill_run", store.node, **fields, audit=[audit.entry(
        actor, store.node, "drill_start", store.node, target_kind="drill_run", at=at,
        after={"scenario": scenario.key, "sites": sites, "nodes": nodes})])
    return Drill.from_row({"id": drill_id, **fields})


def stop_drill(store: LocalStore, actor: Actor, drill_id: str, at: float | None = None) -> None:
    """End a running drill: what happens after `at` is real again."""
    require(actor, Action.START_DRILL)
    row = store.get("drill_run", drill_id)
    if row is None:
        raise StoreError(f"drill {drill_id}: no such drill on this node")
    if row["ended_at"] is not None:
        raise StoreError(f"drill {row['title']}: already ended")
    at = time.time() if at is None else at
    store.update("drill_run", drill_id, ended_at=at, ended_by=actor.username, audit=[audit.entry(
        actor, store.node, "drill_stop", row["division"], target_kind="drill_run", target_id=drill_id, at=at)])


class DrillBook:
    """The drills this node knows, read by `refresh()` (the GUI does it once a second) on a
    read-only connection of its own (WAL: it never waits behind a write or a sync pull);
    lookups answer from memory, cheap enough for every alarm raise."""

    def __init__(self, path: Path | str, node: str):
        self.node = node
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30)
        self._db.row_factory = sqlite3.Row
        self.drills: list[Drill] = []

    def close(self) -> None:
        self._db.close()

    def refresh(self) -> bool:
        """Re-read the drills; True when anything changed."""
        rows = self._db.execute("SELECT * FROM drill_run WHERE deleted = 0 ORDER BY started_at, id").fetchall()
        drills = [Drill.from_row(dict(row)) for row in rows]
        changed = drills != self.drills
        self.drills = drills
        return changed

    def running(self) -> list[Drill]:
        return [drill for drill in self.drills if drill.ended_at is None]

    def current(self) -> Drill | None:
        """The running drill this node takes part in (the latest, if several)."""
        mine = [drill for drill in self.running() if self.node in drill.nodes]
        return mine[-1] if mine else None

    def drill_at(self, site: str, at: float) -> str:
        """Id of the drill running at `site` at `at` ("" when none): what the alarm engine stamps."""
        for drill in reversed(self.drills):
            if site in drill.sites and drill.covers(at):
                return drill.id
        return ""

    def get(self, drill_id: str) -> Drill | None:
        return next((drill for drill in self.drills if drill.id == drill_id), None)
