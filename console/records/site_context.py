"""What the registry and the emergency records know about a monitored site: its enterprise
with contacts and emergency plans, and the rescue teams and supply depots nearest to it.

The alarm console's linked handling shows this for the selected alarm's site. A site finds
its enterprise through `monitoring_site.code` (one indexed lookup); teams and depots are
read inside a box around the site and ordered by great-circle distance. Every read goes
through the `RecordsReader`, so only rows in the node's jurisdiction are seen. Qt-free.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from console.records.queries import RecordsReader

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
SEARCH_RADIUS_KM = 100.0  # a rescue team farther than this is not "nearby"
NEAREST = 3


def haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def search_box(lat: float, radius_km: float) -> tuple[float, float]:
    """Half-widths (degrees of longitude, of latitude) of a box holding every point within
    `radius_km` of a point at latitude `lat`."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    dlon = dlat / max(math.cos(math.radians(min(abs(lat) + dlat, 89.0))), 1e-6)
    return dlon, dlat


@dataclass(frozen=True)
class Depot:
    """Supplies stored at one place (the supply rows sharing a location and position)."""

    location: str
    km: float
    items: tuple[dict, ...]


@dataclass
class SiteContext:
    site: str
    enterprise: dict | None = None
    contacts: list[dict] = field(default_factory=list)
    plans: list[dict] = field(default_factory=list)
    teams: list[tuple[dict, float]] = field(default_factory=list)  # (rescue_team row, km), nearest first
    depots: list[Depot] = field(default_factory=list)


def nearest(reader: RecordsReader, table: str, lon: float, lat: float,
            radius_km: float = SEARCH_RADIUS_KM) -> list[tuple[dict, float]]:
    """Located rows of `table` within `radius_km`, with their distance, nearest first."""
    dlon, dlat = search_box(lat, radius_km)
    located = ((row, haversine_km(lon, lat, row["lon"], row["lat"]))
               for row in reader.located_within(table, lon, lat, dlon, dlat))
    return sorted(((row, km) for row, km in located if km <= radius_km), key=lambda pair: (pair[1], pair[0]["name"]))


def depots(supplies: list[tuple[dict, float]]) -> list[Depot]:
    """Supply rows grouped by depot (location and position), nearest depot first."""
    by_place: dict[tuple, list[dict]] = defaultdict(list)
    distance: dict[tuple, float] = {}
    for row, km in supplies:
        place = (row["location"] or "", row["lon"], row["lat"])
        by_place[place].append(row)
        distance[place] = km
    return [Depot(place[0], distance[place], tuple(sorted(rows, key=lambda r: r["name"])))
            for place, rows in sorted(by_place.items(), key=lambda item: distance[item[0]])]


def site_context(reader: RecordsReader, site: str, lon: float, lat: float, count: int = NEAREST) -> SiteContext:
    """The enterprise (None when the registry links none to the site), its contacts and plans,
    and the `count` nearest rescue teams and supply depots within `SEARCH_RADIUS_KM`."""
    out = SiteContext(site)
    enterprise_id = reader.site_enterprise_id(site)
    out.enterprise = reader.enterprise(enterprise_id) if enterprise_id else None
    if out.enterprise is not None:
        out.contacts = reader.enterprise_rows("enterprise_contact", enterprise_id, "rowid")
        if not out.contacts and out.enterprise.get("contact"):  # only the registry entry's own contact
            out.contacts = [{"name": out.enterprise["contact"], "role": "registered",
                             "phone": out.enterprise.get("phone") or ""}]
        out.plans = reader.enterprise_rows("emergency_plan", enterprise_id, "approved_at DESC")
    out.teams = nearest(reader, "rescue_team", lon, lat)[:count]
    out.depots = depots(nearest(reader, "supply", lon, lat))[:count]
    return out


@dataclass
class NearbyResources:
    """What can be sent to a place: the nearest rescue teams, supply depots and equipment."""

    teams: list[tuple[dict, float]] = field(default_factory=list)
    depots: list[Depot] = field(default_factory=list)
    equipment: list[tuple[dict, float]] = field(default_factory=list)


def resources_near(reader: RecordsReader, lon: float, lat: float, count: int = 5) -> NearbyResources:
    """The `count` nearest rescue teams, supply depots and pieces of equipment within
    `SEARCH_RADIUS_KM` of any place (an incident's location)."""
    return NearbyResources(nearest(reader, "rescue_team", lon, lat)[:count],
                           depots(nearest(reader, "supply", lon, lat))[:count],
                           nearest(reader, "equipment", lon, lat)[:count])
