"""A few real sites in real counties, with tags, for overview tests that need a small
catalogue they can reason about (the 280-site simulator catalogue is used elsewhere)."""
from __future__ import annotations

from dataclasses import dataclass

from domain.values import AlarmLevel, Quality, TagValue
from domain.tags import Catalogue, Limit, Site, SiteKind, TagSpec

# county code, lon, lat (inside the county)
SITES = {
    "TP13028301": ("130283", SiteKind.TAILINGS_POND, "迁安市测试铁矿尾矿库", 118.70, 40.02),
    "TP13028302": ("130283", SiteKind.TAILINGS_POND, "迁安市测试二号尾矿库", 118.62, 40.08),
    "HC13098301": ("130983", SiteKind.HAZCHEM_SOURCE, "黄骅市测试液氯储罐区", 117.33, 38.37),
    "HC13010201": ("130102", SiteKind.HAZCHEM_SOURCE, "长安区测试液氨储罐区", 114.54, 38.05),
    "HC13068201": ("130682", SiteKind.HAZCHEM_SOURCE, "定州市测试甲醇储罐区", 115.00, 38.52),
    "HC13062901": ("130629", SiteKind.HAZCHEM_SOURCE, "容城县测试苯储罐区", 115.87, 39.05),
}


def small_catalogue() -> Catalogue:
    catalogue = Catalogue()
    for code, (county, kind, name, lon, lat) in SITES.items():
        site = Site(code, name, kind, county, lon, lat, enterprise=name[:3] + "测试有限公司")
        level = TagSpec(f"{code}.level", code, "level", "液位", "m", 0, 30,
                        (Limit(AlarmLevel.RED, "high", 25.0), Limit(AlarmLevel.BLUE, "high", 15.0)),
                        scan_period_s=1.0, key=True)
        pressure = TagSpec(f"{code}.pressure", code, "pressure", "压力", "MPa", 0, 2, scan_period_s=1.0, key=True)
        spare = TagSpec(f"{code}.spare", code, "spare", "备用", "", 0, 1, scan_period_s=1.0)
        catalogue.add_site(site, [level, pressure, spare])
    return catalogue


def good_batch(catalogue: Catalogue, at: float, value: float = 10.0, sites=None) -> list[TagValue]:
    return [
        TagValue(tag.id, value, Quality.GOOD, at, at)
        for tag in catalogue.tags.values()
        if sites is None or tag.site in sites
    ]


@dataclass
class ListAlarm:
    """An active alarm with the fields the overview reads (the engine's AlarmRecord has
    them too), for the Qt-free status tests."""

    site: str
    tag: str
    level: AlarmLevel
    raised_at: float
    acknowledged: bool = False
    escalated_to: str = ""
    annunciated: bool = True
