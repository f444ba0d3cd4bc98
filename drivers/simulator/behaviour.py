"""How the simulated sites behave: baselines from the limits, daily cycles, noise, incidents.

Deterministic: the value of every tag at a given tick depends only on the seed, the tick
and the incidents triggered, computed for all tags at once with numpy. Incidents:

- `rainstorm` (tailings): rainfall up, pond level rising past the design flood level,
  phreatic line rising (burial depth falling below the red limit), seepage and freeboard;
- `leak` (hazchem): combustible gas past 50 %LEL, toxic gas past 2 × OEL;
- `offline`: the site's device stops answering (Modbus exception 0x0B, OPC UA
  BadNoCommunication) until the incident ends.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from drivers.simulator.incidents import INCIDENT_KINDS
from domain.tags import Catalogue, SiteKind, TagSpec

# quantity → (target offset as a function of the tag's red limit and baseline) at full incident
_RAINSTORM = ("rainfall_rate", "rainfall_24h", "pond_level", "freeboard", "phreatic_depth",
              "seepage_flow", "turbidity", "pore_pressure")
_LEAK = ("gas_lel", "toxic_gas")


@dataclass
class Incident:
    kind: str
    site: str
    start: float
    duration: float  # ramp-up time; the incident then holds until `end`
    end: float

    def progress(self, now: float) -> float:
        if now < self.start or now >= self.end:
            return 0.0
        return min(1.0, (now - self.start) / max(self.duration, 1e-6))


def _red(tag: TagSpec, direction: str) -> float | None:
    reds = [limit.value for limit in tag.limits if limit.direction == direction and limit.level == 1]
    return reds[0] if reds else None


def _mildest(tag: TagSpec, direction: str) -> float | None:
    values = [limit.value for limit in tag.limits if limit.direction == direction]
    if not values:
        return None
    return min(values) if direction == "high" else max(values)


def baseline(tag: TagSpec) -> float:
    """A normal operating value: well clear of the mildest limit, inside the span."""
    q = tag.quantity
    span = tag.span_hi - tag.span_lo
    if q.startswith(("rainfall", "shutoff", "gas_lel", "toxic_gas", "disp_rate")):
        return tag.span_lo + 0.02 * span if q.startswith(("gas_lel", "disp_rate")) else tag.span_lo
    if q == "pond_level":
        return _red(tag, "high") - 3.0
    if q.startswith("tank_level"):
        return 55.0
    high, low = _mildest(tag, "high"), _mildest(tag, "low")
    if low is not None:
        return min(tag.span_hi * 0.9, low * 1.5)
    if high is not None:
        return high * 0.5
    return tag.span_lo + 0.4 * span


def _incident_target(tag: TagSpec, base: float) -> float:
    """Where a tag ends up at the peak of its incident (past its red limit)."""
    q = tag.quantity
    red_high, red_low = _red(tag, "high"), _red(tag, "low")
    if q.startswith("rainfall_rate"):
        return 65.0
    if q.startswith("rainfall_24h"):
        return 280.0
    if red_high is not None:
        return red_high * 1.08 if q != "pond_level" else red_high + 0.3
    if red_low is not None:
        return red_low * 0.9
    return base


class Behaviour:
    def __init__(self, catalogue: Catalogue, seed: int):
        self.seed = seed
        self.tags = list(catalogue.tags.values())
        self.index = {tag.id: i for i, tag in enumerate(self.tags)}
        self.site_of = np.array([tag.site for tag in self.tags])
        self.sites = catalogue.sites
        self.base = np.array([baseline(t) for t in self.tags])
        span = np.array([t.span_hi - t.span_lo for t in self.tags])
        self.lo = np.array([t.span_lo for t in self.tags])
        self.hi = np.array([t.span_hi for t in self.tags])
        quiet = np.array([t.quantity.startswith(("rainfall", "shutoff", "toxic")) for t in self.tags])
        self.noise = np.where(quiet, 0.0, 0.002 * span)
        daily = np.array([t.quantity in ("ambient_temp",) or t.quantity.startswith(("tank_temp", "pond_level"))
                          for t in self.tags])
        self.daily = np.where(daily, 0.01 * span, 0.0)
        self.phase = np.random.default_rng(seed).uniform(0, 2 * math.pi, len(self.tags))
        self.resolution = span / 20_000
        self.incidents: list[Incident] = []
        self._targets = np.array([_incident_target(t, b) for t, b in zip(self.tags, self.base)])

    def trigger(self, kind: str, site: str, start: float, duration: float = 60.0, hold: float = 600.0) -> Incident:
        if kind not in INCIDENT_KINDS:
            raise ValueError(f"unknown incident {kind!r} (one of {', '.join(INCIDENT_KINDS)})")
        if site not in self.sites:
            raise ValueError(f"unknown site {site!r}")
        wanted = SiteKind.TAILINGS_POND if kind == "rainstorm" else SiteKind.HAZCHEM_SOURCE
        if kind != "offline" and self.sites[site].kind is not wanted:
            raise ValueError(f"{kind} needs a {wanted.value} site, {site} is a {self.sites[site].kind.value}")
        incident = Incident(kind, site, start, duration, start + duration + hold)
        self.incidents.append(incident)
        return incident

    @staticmethod
    def end(incident: Incident, now: float) -> None:
        """Stop an incident early (a drill ended): values return to normal from `now`."""
        incident.end = min(incident.end, now)

    def offline_sites(self, now: float) -> set[str]:
        return {i.site for i in self.incidents if i.kind == "offline" and i.start <= now < i.end}

    def values(self, now: float) -> np.ndarray:
        """All tag values at time `now` (seconds), quantised to the sensors' resolution."""
        tick = int(now)
        noise = np.random.default_rng([self.seed, tick]).standard_normal(len(self.tags)) * self.noise
        cycle = self.daily * np.sin(2 * math.pi * (now % 86_400) / 86_400 + self.phase)
        values = self.base + cycle + noise
        for incident in self.incidents:
            progress = incident.progress(now)
            if progress <= 0 or incident.kind == "offline":
                continue
            affected = _RAINSTORM if incident.kind == "rainstorm" else _LEAK
            for tag in self.tags:
                if tag.site == incident.site and tag.quantity.startswith(affected):
                    i = self.index[tag.id]
                    values[i] += (self._targets[i] - self.base[i]) * progress
        values = np.clip(values, self.lo, self.hi)
        return np.round(values / self.resolution) * self.resolution
