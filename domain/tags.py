"""What is monitored: sites, their tags and the tags' alarm limits. Qt-free.

This is the metadata every view shares (trend, alarms, map). How a tag is read
(device, address, data type, scaling) is the acquisition configuration's business and
lives beside it; a `Catalogue` is what the rest of the console sees.

Identifiers: a site code is the kind prefix, the county code and a two-digit number
(`TP13010201` a tailings pond, `HC13010201` a hazardous-chemical source); a tag id is
`<site code>.<quantity>` (`TP13010201.pond_level`).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal

from domain.values import AlarmLevel


class SiteKind(str, enum.Enum):
    TAILINGS_POND = "tailings_pond"
    HAZCHEM_SOURCE = "hazchem_source"


@dataclass(frozen=True)
class Site:
    code: str
    name: str
    kind: SiteKind
    division: str  # county (six-digit GB/T 2260 code)
    lon: float
    lat: float
    enterprise: str | None = None


@dataclass(frozen=True)
class Limit:
    """An alarm threshold: `high` alarms at value >= limit, `low` at value <= limit."""

    level: AlarmLevel
    direction: Literal["high", "low"]
    value: float


@dataclass(frozen=True)
class TagCondition:
    """An alarm condition beyond the limits, declared per tag in the acquisition config.

    `kind` is "rate" (|change| per minute >= `limit`), "deviation" (|value - `setpoint`|
    >= `limit`) or "discrete" (value == `limit`, a state of a discrete input; `label`
    says what that state means). The chatter filter fields work as for limits.
    """

    kind: Literal["rate", "deviation", "discrete"]
    level: AlarmLevel
    limit: float
    setpoint: float = 0.0
    deadband: float = 0.0
    on_delay_s: float = 0.0
    off_delay_s: float = 0.0
    latching: bool = False
    label: str = ""


@dataclass(frozen=True)
class TagSpec:
    id: str
    site: str
    quantity: str  # e.g. pond_level, phreatic_depth, gas_lel
    name: str  # display name (Chinese)
    unit: str
    span_lo: float
    span_hi: float
    limits: tuple[Limit, ...] = ()
    conditions: tuple[TagCondition, ...] = ()
    scan_period_s: float = 1.0
    stale_after_s: float | None = None  # default: three scan periods
    key: bool = False  # shown on the site card and the small trend

    @property
    def stale_after(self) -> float:
        return self.stale_after_s if self.stale_after_s is not None else 3 * self.scan_period_s


@dataclass
class Catalogue:
    """All sites and tags a node knows, with the lookups every view needs."""

    sites: dict[str, Site] = field(default_factory=dict)
    tags: dict[str, TagSpec] = field(default_factory=dict)

    def add_site(self, site: Site, tags: list[TagSpec]) -> None:
        if site.code in self.sites:
            raise ValueError(f"duplicate site code {site.code}")
        self.sites[site.code] = site
        for tag in tags:
            if tag.id in self.tags:
                raise ValueError(f"duplicate tag id {tag.id}")
            self.tags[tag.id] = tag

    def tags_of(self, site_code: str) -> list[TagSpec]:
        return [tag for tag in self.tags.values() if tag.site == site_code]

    def site_of(self, tag_id: str) -> Site:
        return self.sites[self.tags[tag_id].site]
