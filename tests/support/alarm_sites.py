"""A small hand-built catalogue for alarm tests: one tailings pond, one hazchem site."""
from __future__ import annotations

from domain.values import AlarmLevel, Quality, TagValue
from domain.tags import Catalogue, Limit, Site, SiteKind, TagSpec

COUNTY = "130102"  # Shijiazhuang Chang'an district → city 130100 → province 130000


def small_catalogue(county: str = COUNTY) -> Catalogue:
    catalogue = Catalogue()
    pond = Site(f"TP{county}01", "测试尾矿库", SiteKind.TAILINGS_POND, county, 114.5, 38.0)
    catalogue.add_site(pond, [
        TagSpec(f"{pond.code}.pond_level", pond.code, "pond_level", "库水位", "m", 0.0, 100.0,
                (Limit(AlarmLevel.RED, "high", 90.0), Limit(AlarmLevel.ORANGE, "high", 80.0),
                 Limit(AlarmLevel.BLUE, "low", 10.0))),
    ] + [
        TagSpec(f"{pond.code}.disp_{n}", pond.code, "surface_disp", f"表面位移{n}", "mm", 0.0, 100.0,
                (Limit(AlarmLevel.BLUE, "high", 20.0), Limit(AlarmLevel.YELLOW, "high", 40.0)))
        for n in range(1, 5)
    ])
    tank = Site(f"HC{county}01", "测试储罐区", SiteKind.HAZCHEM_SOURCE, county, 114.6, 38.1)
    catalogue.add_site(tank, [
        TagSpec(f"{tank.code}.gas_lel", tank.code, "gas_lel", "可燃气体", "%LEL", 0.0, 100.0,
                (Limit(AlarmLevel.ORANGE, "high", 25.0), Limit(AlarmLevel.RED, "high", 50.0))),
    ])
    return catalogue


def value(tag: str, v: float, ts: float, quality: Quality = Quality.GOOD) -> TagValue:
    return TagValue(tag, v, quality, ts, ts)
