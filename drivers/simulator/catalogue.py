"""The simulated network: 194 tailings ponds and 86 hazardous-chemical major hazard sources.

Deterministic from a seed. Sites sit in real Hebei counties (the mining districts for
tailings, the chemical parks for hazchem), inside the county's boundary near its centre.
Each site has 20 tags (DOMAIN.md "Monitored quantities"), several of them multi-point, with
per-site design values that set the alarm limits:

- phreatic-line burial depth (low): red = design minimum burial depth, orange = 1.1 × red,
  yellow = 1.2 ×, blue = 1.3 × (GB 51108 commentary §8.3);
- pond water level (high): red = design flood level;
- surface displacement (high): orange = 80 % of red, yellow 60 %, blue 40 %;
- combustible gas: 1st alarm 25 %LEL (orange), 2nd 50 %LEL (red); toxic gas 100 % OEL
  (orange), 200 % OEL (red) (GB/T 50493-2019).
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from domain.divisions import hebei
from domain.values import AlarmLevel
from domain.tags import Catalogue, Limit, Site, SiteKind, TagSpec
from resources import resource_path

TAILINGS_COUNT = 194
HAZCHEM_COUNT = 86
TAGS_PER_SITE = 20
DEFAULT_SEED = 20180830

RED, ORANGE, YELLOW, BLUE = AlarmLevel.RED, AlarmLevel.ORANGE, AlarmLevel.YELLOW, AlarmLevel.BLUE

# Relative weights: where Hebei's grade-3+ tailings ponds and first-class hazchem sources are.
TAILINGS_COUNTIES = {
    "130283": 14, "130227": 10, "130281": 8, "130284": 4, "130204": 3,  # Tangshan iron belt
    "130821": 8, "130822": 6, "130824": 8, "130825": 6, "130826": 6, "130827": 8, "130828": 5,
    "130881": 7, "130804": 4, "130803": 3,  # Chengde
    "130321": 8, "130324": 3, "130306": 2,  # Qinhuangdao
    "130726": 4, "130705": 4, "130728": 3, "130730": 3, "130731": 3, "130732": 4,  # Zhangjiakou
    "130630": 6, "130633": 3, "130623": 2, "130634": 2,  # Baoding
    "130121": 3, "130131": 4, "130126": 3, "130129": 2,  # Shijiazhuang
    "130582": 4, "130522": 2,  # Xingtai
    "130481": 10, "130426": 4, "130427": 2, "130406": 3,  # Handan
}
HAZCHEM_COUNTIES = {
    "130983": 10, "130982": 6, "130921": 4, "130903": 2, "130930": 2,  # Cangzhou, Bohai New Area
    "130209": 8, "130207": 4, "130284": 2,  # Tangshan, Caofeidian
    "130123": 3, "130110": 3, "130183": 3, "130181": 3, "130109": 3,  # Shijiazhuang, Xinji
    "130404": 3, "130481": 3, "130407": 2,  # Handan
    "130582": 2, "130528": 3,  # Xingtai
    "131102": 2, "131182": 2, "131081": 3, "131026": 2, "131003": 1,  # Hengshui, Langfang
    "130302": 3, "130322": 1, "130609": 2, "130682": 2, "130705": 2, "130881": 1,
}

PLACE_SYLLABLES = "石 河 山 岭 沟 峪 庄 台 营 口 泉 龙 凤 马 杏 柳 松 杨 李 王 张 东 西 南 北 大 小 青 白 黑 红 金 铁".split()
ORES = ["铁矿", "铁矿", "铁矿", "金矿", "钼矿", "铜矿", "铅锌矿"]
CHEMICALS = [
    # (product, toxic gas, occupational exposure limit in ppm)
    ("液氯储罐区", "Cl₂", 0.5), ("液氨储罐区", "NH₃", 25.0), ("原油储罐区", "H₂S", 10.0),
    ("液化烃罐区", "H₂S", 10.0), ("甲醇储罐区", "CO", 20.0), ("苯储罐区", "H₂S", 10.0),
    ("液化石油气储罐区", "CO", 20.0),
]


@dataclass(frozen=True)
class _Quantity:
    """One row of the tag template: how to build a tag from a site's design values."""

    quantity: str
    name: str
    unit: str
    span: tuple[float, float]
    limits: Callable[[dict[str, float]], tuple[Limit, ...]]
    key: bool = False


def _ladder(direction: str, red: float, factors: tuple[float, float, float]) -> tuple[Limit, ...]:
    """Red at `red`, orange/yellow/blue at `red` times the factors (one ladder per tag)."""
    levels = (ORANGE, YELLOW, BLUE)
    return (Limit(RED, direction, round(red, 3)),
            *(Limit(level, direction, round(red * f, 3)) for level, f in zip(levels, factors)))


def _steps(direction: str, red: float, orange: float, yellow: float, blue: float) -> tuple[Limit, ...]:
    return (Limit(RED, direction, red), Limit(ORANGE, direction, orange),
            Limit(YELLOW, direction, yellow), Limit(BLUE, direction, blue))


def _none(_: dict[str, float]) -> tuple[Limit, ...]:
    return ()


def _phreatic(d: dict[str, float]) -> tuple[Limit, ...]:
    return _ladder("low", d["min_burial"], (1.1, 1.2, 1.3))


def _displacement(d: dict[str, float]) -> tuple[Limit, ...]:
    return _ladder("high", d["disp_red"], (0.8, 0.6, 0.4))


TAILINGS_TAGS = [
    _Quantity("pond_level", "库水位", "m", (0.0, 40.0),
              lambda d: _steps("high", d["flood_level"], d["flood_level"] - 0.5,
                               d["flood_level"] - 1.0, d["flood_level"] - 1.5), key=True),
    _Quantity("freeboard", "安全超高", "m", (0.0, 5.0),
              lambda d: _ladder("low", d["min_freeboard"], (1.2, 1.4, 1.6))),
    _Quantity("dry_beach_length", "干滩长度", "m", (0.0, 400.0),
              lambda d: _ladder("low", d["min_beach"], (1.1, 1.2, 1.3))),
    _Quantity("dry_beach_slope", "干滩坡度", "%", (0.0, 5.0), _none),
    _Quantity("phreatic_depth", "浸润线埋深(1#断面)", "m", (0.0, 30.0), _phreatic, key=True),
    _Quantity("phreatic_depth_2", "浸润线埋深(2#断面)", "m", (0.0, 30.0), _phreatic),
    _Quantity("phreatic_depth_3", "浸润线埋深(3#断面)", "m", (0.0, 30.0), _phreatic),
    _Quantity("surface_disp", "坝体表面位移(1#)", "mm", (0.0, 200.0), _displacement, key=True),
    _Quantity("surface_disp_2", "坝体表面位移(2#)", "mm", (0.0, 200.0), _displacement),
    _Quantity("disp_rate", "位移速率(1#)", "mm/d", (0.0, 20.0),
              lambda d: _steps("high", 5.0, 4.0, 3.0, 2.0)),
    _Quantity("disp_rate_2", "位移速率(2#)", "mm/d", (0.0, 20.0),
              lambda d: _steps("high", 5.0, 4.0, 3.0, 2.0)),
    _Quantity("internal_disp", "内部位移(1#)", "mm", (0.0, 200.0), _displacement),
    _Quantity("internal_disp_2", "内部位移(2#)", "mm", (0.0, 200.0), _displacement),
    _Quantity("rainfall_rate", "降雨强度", "mm/h", (0.0, 150.0),
              lambda d: _steps("high", 50.0, 30.0, 16.0, 8.0)),
    _Quantity("rainfall_24h", "24小时降雨量", "mm", (0.0, 500.0),
              lambda d: _steps("high", 250.0, 100.0, 50.0, 25.0), key=True),
    _Quantity("seepage_flow", "渗流量(1#)", "L/s", (0.0, 50.0),
              lambda d: _ladder("high", d["seepage_red"], (0.8, 0.6, 0.45))),
    _Quantity("seepage_flow_2", "渗流量(2#)", "L/s", (0.0, 50.0),
              lambda d: _ladder("high", d["seepage_red"], (0.8, 0.6, 0.45))),
    _Quantity("turbidity", "渗水浑浊度", "NTU", (0.0, 1000.0),
              lambda d: _steps("high", 500.0, 200.0, 100.0, 50.0)),
    _Quantity("pore_pressure", "孔隙水压力(1#)", "kPa", (0.0, 500.0),
              lambda d: _ladder("high", d["pore_red"], (0.9, 0.8, 0.7))),
    _Quantity("pore_pressure_2", "孔隙水压力(2#)", "kPa", (0.0, 500.0),
              lambda d: _ladder("high", d["pore_red"], (0.9, 0.8, 0.7))),
]


def _gas(_: dict[str, float]) -> tuple[Limit, ...]:
    return (Limit(RED, "high", 50.0), Limit(ORANGE, "high", 25.0))


def _toxic(d: dict[str, float]) -> tuple[Limit, ...]:
    return (Limit(RED, "high", 2 * d["oel"]), Limit(ORANGE, "high", d["oel"]))


def _tank_level(_: dict[str, float]) -> tuple[Limit, ...]:
    return _steps("high", 95.0, 90.0, 85.0, 80.0) + (Limit(YELLOW, "low", 5.0),)


def _tank_temp(d: dict[str, float]) -> tuple[Limit, ...]:
    return _steps("high", d["temp_red"], d["temp_red"] - 5, d["temp_red"] - 10, d["temp_red"] - 15)


def _tank_pressure(d: dict[str, float]) -> tuple[Limit, ...]:
    return _ladder("high", 0.95 * d["design_pressure"], (0.9 / 0.95, 0.85 / 0.95, 0.8 / 0.95))


def _shutoff(_: dict[str, float]) -> tuple[Limit, ...]:
    return (Limit(ORANGE, "high", 0.5),)


HAZCHEM_TAGS = [
    _Quantity("tank_level", "储罐液位(1#)", "%", (0.0, 100.0), _tank_level, key=True),
    _Quantity("tank_level_2", "储罐液位(2#)", "%", (0.0, 100.0), _tank_level),
    _Quantity("tank_level_3", "储罐液位(3#)", "%", (0.0, 100.0), _tank_level),
    _Quantity("tank_temp", "储罐温度(1#)", "°C", (-40.0, 120.0), _tank_temp),
    _Quantity("tank_temp_2", "储罐温度(2#)", "°C", (-40.0, 120.0), _tank_temp),
    _Quantity("tank_temp_3", "储罐温度(3#)", "°C", (-40.0, 120.0), _tank_temp),
    _Quantity("tank_pressure", "储罐压力(1#)", "MPa", (0.0, 4.0), _tank_pressure, key=True),
    _Quantity("tank_pressure_2", "储罐压力(2#)", "MPa", (0.0, 4.0), _tank_pressure),
    _Quantity("tank_pressure_3", "储罐压力(3#)", "MPa", (0.0, 4.0), _tank_pressure),
    _Quantity("flow", "进出料流量", "m³/h", (0.0, 500.0), _none),
    _Quantity("gas_lel", "可燃气体浓度(1#)", "%LEL", (0.0, 100.0), _gas, key=True),
    _Quantity("gas_lel_2", "可燃气体浓度(2#)", "%LEL", (0.0, 100.0), _gas),
    _Quantity("gas_lel_3", "可燃气体浓度(3#)", "%LEL", (0.0, 100.0), _gas),
    _Quantity("gas_lel_4", "可燃气体浓度(4#)", "%LEL", (0.0, 100.0), _gas),
    _Quantity("toxic_gas", "有毒气体浓度(1#)", "ppm", (0.0, 200.0), _toxic, key=True),
    _Quantity("toxic_gas_2", "有毒气体浓度(2#)", "ppm", (0.0, 200.0), _toxic),
    _Quantity("shutoff", "紧急切断阀(1#)", "", (0.0, 1.0), _shutoff),
    _Quantity("shutoff_2", "紧急切断阀(2#)", "", (0.0, 1.0), _shutoff),
    _Quantity("wind_speed", "风速", "m/s", (0.0, 40.0), _none),
    _Quantity("ambient_temp", "环境温度", "°C", (-40.0, 50.0), _none),
]

assert len(TAILINGS_TAGS) == len(HAZCHEM_TAGS) == TAGS_PER_SITE


def _tailings_design(rng: random.Random) -> dict[str, float]:
    flood = round(rng.uniform(18.0, 32.0), 1)
    return {
        "flood_level": flood,
        "min_freeboard": rng.choice([0.7, 1.0, 1.0, 1.5]),
        "min_beach": rng.choice([50.0, 70.0, 70.0, 100.0, 150.0]),
        "min_burial": round(rng.uniform(4.0, 8.0), 1),
        "disp_red": rng.choice([30.0, 40.0, 50.0, 60.0]),
        "seepage_red": round(rng.uniform(15.0, 35.0), 1),
        "pore_red": round(rng.uniform(200.0, 350.0), 0),
    }


def _hazchem_design(rng: random.Random, oel: float) -> dict[str, float]:
    return {
        "oel": oel,
        "temp_red": rng.choice([40.0, 45.0, 50.0, 60.0]),
        "design_pressure": rng.choice([0.6, 1.0, 1.6, 2.5]),
    }


def _tags(site_code: str, template: list[_Quantity], design: dict[str, float],
          unit_override: dict[str, str] | None = None) -> list[TagSpec]:
    return [
        TagSpec(id=f"{site_code}.{q.quantity}", site=site_code, quantity=q.quantity, name=q.name,
                unit=(unit_override or {}).get(q.quantity, q.unit), span_lo=q.span[0], span_hi=q.span[1],
                limits=q.limits(design), key=q.key)
        for q in template
    ]


class _CountyShapes:
    """Point-in-county test against resources/hebei/boundaries.geojson (ray casting).

    Hand-written: a dozen lines instead of a geometry library dependency for one test.
    """

    def __init__(self) -> None:
        raw = json.loads(resource_path("hebei", "boundaries.geojson").read_text(encoding="utf-8"))
        self._rings: dict[str, list[list[tuple[float, float]]]] = {}
        for feature in raw["features"]:
            geometry = feature["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            self._rings[feature["properties"]["code"]] = [
                [tuple(point) for point in polygon[0]] for polygon in polygons]

    def contains(self, code: str, lon: float, lat: float) -> bool:
        rings = self._rings.get(code)
        if rings is None:
            return True
        return any(_inside(ring, lon, lat) for ring in rings)


def _inside(ring: list[tuple[float, float]], x: float, y: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _place(rng: random.Random, shapes: _CountyShapes, code: str) -> tuple[float, float]:
    """A point inside the county, scattered around its centre; the centre if none is found."""
    county = hebei()[code]
    for _ in range(50):
        lon = county.lon + rng.gauss(0.0, 0.08)
        lat = county.lat + rng.gauss(0.0, 0.06)
        if shapes.contains(code, lon, lat):
            return round(lon, 5), round(lat, 5)
    return county.lon, county.lat


def _spread(rng: random.Random, weights: dict[str, int], count: int) -> list[str]:
    """`count` county codes: every listed county at least once, the rest by weight."""
    codes = list(weights)
    picked = codes + rng.choices(codes, weights=[weights[c] for c in codes], k=count - len(codes))
    return sorted(picked)


def _place_name(rng: random.Random) -> str:
    return "".join(rng.sample(PLACE_SYLLABLES, 2))


def build_catalogue(seed: int = DEFAULT_SEED) -> Catalogue:
    """The 280 simulated sites and their 5,600 tags; the same seed gives the same catalogue."""
    rng = random.Random(seed)
    shapes = _CountyShapes()
    divisions = hebei()
    catalogue = Catalogue()
    numbers: dict[str, int] = {}

    def next_code(prefix: str, county: str) -> str:
        numbers[prefix + county] = numbers.get(prefix + county, 0) + 1
        return f"{prefix}{county}{numbers[prefix + county]:02d}"

    for county in _spread(rng, TAILINGS_COUNTIES, TAILINGS_COUNT):
        code = next_code("TP", county)
        county_name = divisions[county].name
        place = _place_name(rng)
        ore = rng.choice(ORES)
        lon, lat = _place(rng, shapes, county)
        site = Site(code=code, name=f"{county_name}{place}{ore}尾矿库", kind=SiteKind.TAILINGS_POND,
                    division=county, lon=lon, lat=lat, enterprise=f"{county_name}{place}矿业有限公司")
        catalogue.add_site(site, _tags(code, TAILINGS_TAGS, _tailings_design(rng)))

    for county in _spread(rng, HAZCHEM_COUNTIES, HAZCHEM_COUNT):
        code = next_code("HC", county)
        county_name = divisions[county].name
        place = _place_name(rng)
        product, gas, oel = rng.choice(CHEMICALS)
        lon, lat = _place(rng, shapes, county)
        site = Site(code=code, name=f"{county_name}{place}化工{product}", kind=SiteKind.HAZCHEM_SOURCE,
                    division=county, lon=lon, lat=lat, enterprise=f"{county_name}{place}化工有限公司")
        tags = _tags(code, HAZCHEM_TAGS, _hazchem_design(rng, oel))
        tags = [_with_gas_name(tag, gas) for tag in tags]
        catalogue.add_site(site, tags)
    return catalogue


def _with_gas_name(tag: TagSpec, gas: str) -> TagSpec:
    if not tag.quantity.startswith("toxic_gas"):
        return tag
    return replace(tag, name=tag.name.replace("有毒气体", f"有毒气体{gas}"))


def subset(catalogue: Catalogue, count: int) -> Catalogue:
    """The first `count` sites, tailings ponds and hazchem sources in their 194:86 proportion
    (at least one of each when count >= 2) — for tests and benchmarks at smaller scale."""
    tailings = [c for c, s in catalogue.sites.items() if s.kind is SiteKind.TAILINGS_POND]
    hazchem = [c for c, s in catalogue.sites.items() if s.kind is SiteKind.HAZCHEM_SOURCE]
    n_hazchem = min(len(hazchem), max(1 if count >= 2 else 0, round(count * len(hazchem) / len(catalogue.sites))))
    chosen = tailings[:count - n_hazchem] + hazchem[:n_hazchem]
    smaller = Catalogue()
    for code in chosen:
        smaller.add_site(catalogue.sites[code], catalogue.tags_of(code))
    return smaller
