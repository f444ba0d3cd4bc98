"""Drill scenarios as data: a timeline of the simulator's scripted incidents at chosen sites.

A scenario names, for each step, when it starts after the drill begins, which of the
simulator's incidents it injects (`drivers.simulator.incidents.INCIDENT_KINDS`: `rainstorm`
raises a tailings pond's water level past its flood limits, `leak` a hazchem source's gas
concentration past 50 %LEL, `offline` cuts a site's communication), how fast it ramps up and
how long it holds, and which of the drill's sites it hits (by position, so one scenario runs
at any sites of the right kind). Titles are Chinese: they name the drill on the banner and in
the report, as an exercise plan would.
"""
from __future__ import annotations

from dataclasses import dataclass

from drivers.simulator.incidents import IncidentSpec
from domain.tags import SiteKind


@dataclass(frozen=True)
class ScriptedStep:
    offset_s: float  # after the drill starts
    incident: str  # rainstorm | leak | offline
    site_index: int = 0  # which of the drill's sites
    ramp_s: float = 60.0
    hold_s: float = 1800.0


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    site_kind: SiteKind | None  # the kind every site must be (None: any)
    site_count: int
    steps: tuple[ScriptedStep, ...]

    def incidents(self, sites: list[str]) -> list[IncidentSpec]:
        """The simulator incidents for these sites, delayed by their step's offset."""
        return [IncidentSpec(step.incident, sites[step.site_index], step.offset_s, step.ramp_s, step.hold_s)
                for step in self.steps]


SCENARIOS: dict[str, Scenario] = {scenario.key: scenario for scenario in (
    Scenario("tailings_flood", "尾矿库汛期水位上涨", SiteKind.TAILINGS_POND, 1, (
        ScriptedStep(0.0, "rainstorm", ramp_s=300.0, hold_s=3600.0),
        ScriptedStep(900.0, "offline", ramp_s=0.0, hold_s=300.0),  # the dam's station drops out in the storm
    )),
    Scenario("hazchem_leak", "危化品储罐泄漏 气体浓度超限", SiteKind.HAZCHEM_SOURCE, 1, (
        ScriptedStep(0.0, "leak", ramp_s=120.0, hold_s=1800.0),
    )),
    Scenario("site_comm_loss", "监测站点通信中断", None, 2, (
        ScriptedStep(0.0, "offline", site_index=0, ramp_s=0.0, hold_s=1200.0),
        ScriptedStep(300.0, "offline", site_index=1, ramp_s=0.0, hold_s=900.0),
    )),
)}
