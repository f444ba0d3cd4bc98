"""Synthetic Hebei data for the demo, tests and benchmarks — deterministic from a seed.

50,000 enterprises spread over the counties with valid unified social credit codes
(GB 32100, `server_link.credit_code`), plus major hazard sources, tailings ponds,
inspection plans and records, hazards, emergency plans, supplies, equipment, rescue teams,
incidents and accident reports in proportion. No real company data: names and phone
numbers come from `server_link.fictional` (natural-looking names, unassignable numbers).
"""
from __future__ import annotations

import io
import random
import uuid
from collections.abc import Iterator

from psycopg2 import sql

from domain.divisions import hebei
from server_link import credit_code
from server_link.fictional import EnterpriseNamer, fictional_landline
from server_link.models import HAZARD_STATUSES, INDUSTRIES, synced_tables

INDUSTRY_WEIGHTS = (3, 12, 15, 5, 10, 55)  # coal, non-coal, hazchem, fireworks, metallurgy, other
SUFFIX = {"coal_mine": "煤业", "non_coal_mine": "矿业", "hazardous_chemicals": "化工",
          "fireworks": "烟花", "metallurgy": "钢铁", "other": "实业"}
BODY_ALPHABET = credit_code.ALPHABET[:10] + "ABCDEFGHJKLMNPQRTUWXY"


def hazard_grade(r_value: float) -> int:
    """Major hazard source grade from R (GB 18218-2018): 1 ≥ 100, 2: 50–100, 3: 10–50, 4: < 10."""
    if r_value >= 100:
        return 1
    if r_value >= 50:
        return 2
    if r_value >= 10:
        return 3
    return 4


class _Maker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.counties = sorted(hebei().counties(), key=lambda d: d.code)
        self.now = 1_767_225_600.0  # 2026-01-01 00:00 UTC: fixed, so output is reproducible
        self.namer = EnterpriseNamer(self.rng)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def row(self, division: str, **fields) -> dict:
        return dict(fields, id=self.uid(), division=division, version=0, origin_node=None, deleted=False,
                    updated_at=self.now, field_clock=None)

    def near(self, county, spread: float = 0.15) -> tuple[float, float]:
        return (round(county.lon + self.rng.uniform(-spread, spread), 5),
                round(county.lat + self.rng.uniform(-spread, spread), 5))

    def name(self, county, industry: str) -> str:
        return self.namer.name(county.name, SUFFIX[industry])

    def org_body(self, serial: int) -> str:
        digits = []
        for _ in range(6):
            serial, rest = divmod(serial, len(BODY_ALPHABET))
            digits.append(BODY_ALPHABET[rest])
        return "".join(reversed(digits)) + "".join(self.rng.choice(BODY_ALPHABET) for _ in range(2))


def generate(seed: int = 20180830, enterprises: int = 50_000) -> dict[str, list[dict]]:
    """Every table's rows as dicts (the model's columns), identical for the same seed."""
    m = _Maker(seed)
    out: dict[str, list[dict]] = {name: [] for name in synced_tables()}
    by_county: dict[str, list[dict]] = {}
    for serial in range(enterprises):
        county = m.rng.choice(m.counties)
        industry = m.rng.choices(INDUSTRIES, INDUSTRY_WEIGHTS)[0]
        lon, lat = m.near(county)
        row = m.row(county.code, credit_code=credit_code.make(county.code, m.org_body(serial)),
                    name=m.name(county, industry), industry=industry,
                    supervision_level=m.rng.choices(("county", "city", "province"), (85, 12, 3))[0],
                    address=f"{county.name}{m.rng.randint(1, 300)}号", lon=lon, lat=lat,
                    contact=f"联系人{serial % 997}", phone=fictional_landline(m.rng),
                    status=m.rng.choices(("operating", "suspended", "closed"), (90, 7, 3))[0],
                    audit_state=m.rng.choices(("approved", "pending", "returned"), (92, 6, 2))[0])
        out["enterprise"].append(row)
        by_county.setdefault(county.code, []).append(row)
        _dependants(m, out, county, row)
    for county in m.counties:
        _county_resources(m, out, county, by_county.get(county.code, []))
    return out


def _dependants(m: _Maker, out: dict, county, ent: dict) -> None:
    rng, code = m.rng, county.code
    if ent["industry"] == "hazardous_chemicals" and rng.random() < 0.3:
        r_value = round(rng.lognormvariate(2.5, 1.2), 2)
        out["hazard_source"].append(m.row(code, enterprise_id=ent["id"], name=f"{ent['name']}储罐区",
                                          r_value=r_value, grade=hazard_grade(r_value)))
    if ent["industry"] == "non_coal_mine" and rng.random() < 0.1:
        out["tailings_pond"].append(m.row(code, enterprise_id=ent["id"], name=f"{ent['name']}尾矿库",
                                          grade=rng.choices((1, 2, 3, 4, 5), (3, 7, 25, 35, 30))[0],
                                          lon=ent["lon"], lat=ent["lat"]))
    if rng.random() < 0.3:
        out["inspection_record"].append(m.row(code, plan_id=None, enterprise_id=ent["id"],
                                              inspector=f"执法员{rng.randint(1, 400)}",
                                              inspected_at=m.now - rng.uniform(0, 365 * 86400),
                                              result=rng.choice(("合格", "发现隐患", "责令整改"))))
    if rng.random() < 0.2:
        out["hazard"].append(m.row(code, enterprise_id=ent["id"], description="安全设施缺陷",
                                   level=rng.choices(("general", "major"), (95, 5))[0],
                                   deadline=m.now + rng.uniform(-30, 90) * 86400,
                                   status=rng.choice(HAZARD_STATUSES)))
    if ent["industry"] in ("hazardous_chemicals", "non_coal_mine", "coal_mine") and rng.random() < 0.5:
        out["emergency_plan"].append(m.row(code, name=f"{ent['name']}综合应急预案", kind="enterprise",
                                           enterprise_id=ent["id"], approved_at=m.now - rng.uniform(0, 3) * 365 * 86400))


def _county_resources(m: _Maker, out: dict, county, enterprises: list[dict]) -> None:
    rng, code = m.rng, county.code
    out["inspection_plan"].append(m.row(code, name=f"{county.name}2026年度执法检查计划", year=2026,
                                        planned_count=max(1, len(enterprises) // 3)))
    for name, unit in (("沙袋", "袋"), ("救生衣", "件"), ("帐篷", "顶"), ("应急照明", "台"), ("防毒面具", "个")):
        lon, lat = m.near(county, 0.05)
        out["supply"].append(m.row(code, name=name, unit=unit, quantity=float(rng.randint(10, 2000)),
                                   location=f"{county.name}应急物资库", lon=lon, lat=lat))
    for name, kind in (("抽水泵", "drainage"), ("发电机", "power"), ("挖掘机", "earthwork")):
        out["equipment"].append(m.row(code, name=name, kind=kind, count=rng.randint(1, 20),
                                      location=f"{county.name}应急物资库"))
    for kind in ("mine", "hazchem"):
        lon, lat = m.near(county, 0.1)
        out["rescue_team"].append(m.row(code, name=f"{county.name}{'矿山' if kind == 'mine' else '危化'}救援队",
                                        kind=kind, members=rng.randint(12, 80), phone=fictional_landline(rng),
                                        lon=lon, lat=lat))
    if enterprises and rng.random() < 0.9:
        ent = rng.choice(enterprises)
        occurred = m.now - rng.uniform(0, 180) * 86400
        incident = m.row(code, title=f"{ent['name']}生产安全事故", kind=rng.choice(("fire", "leak", "collapse")),
                         level=rng.choices((1, 2, 3, 4), (1, 4, 20, 75))[0], occurred_at=occurred,
                         enterprise_id=ent["id"], lon=ent["lon"], lat=ent["lat"], status="open")
        out["incident"].append(incident)
        chain = hebei().chain_up(code)
        for step, division in enumerate(chain):
            out["accident_report"].append(m.row(code, incident_id=incident["id"], reporting_division=division,
                                                due_at=occurred + 3600 + 7200 * step, reported_at=None))


def row_count(data: dict[str, list[dict]]) -> int:
    return sum(len(rows) for rows in data.values())


def load(conn, data: dict[str, list[dict]]) -> None:
    """Bulk-load with COPY as the backend owner (triggers stamp versions and log changes)."""
    columns = synced_tables()
    with conn.cursor() as cur:
        for table, rows in data.items():
            if rows:
                cur.copy_expert(sql.SQL("COPY {} ({}) FROM STDIN").format(
                    sql.Identifier(table), sql.SQL(",").join(map(sql.Identifier, columns[table]))).as_string(cur),
                    _copy_text(rows, columns[table]))
    conn.commit()
    with conn.cursor() as cur:
        cur.execute("ANALYZE")  # fresh statistics, so queries on the new rows get good plans
    conn.commit()


def _copy_text(rows: list[dict], columns: list[str]) -> io.StringIO:
    return io.StringIO("".join("\t".join(_field(row.get(c)) for c in columns) + "\n" for row in rows))


def _field(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def iter_codes(data: dict[str, list[dict]]) -> Iterator[str]:
    return (row["credit_code"] for row in data["enterprise"])
