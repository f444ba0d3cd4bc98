"""Synthetic records for screenshots, the benchmark and tests: enterprises, hazards, incidents,
resources and a duty day, spread over the Hebei counties a store's node can see; and, for
the monitored sites (`register_sites`), the enterprise that runs each one with its contacts
and emergency plans, and rescue teams and supply depots near them.

Rows go in through `LocalStore.apply_server_rows`, as if they had come from the backend, so
50,000 enterprises load in one transaction and leave nothing in the outbox. Deterministic
for a seed. Replace with `server_link.synthetic` (issue 7) once that lands.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import json
import math
import random
import time
import uuid
from collections.abc import Iterable

from domain.divisions import hebei
from server_link import credit_code
from server_link.fictional import EnterpriseNamer, fictional_landline, fictional_mobile
from server_link.local_store import LocalStore
from server_link.models import HAZARD_STATUSES, INDUSTRIES
from server_link.registry_publish import row_id as registry_row_id

if TYPE_CHECKING:
    from domain.tags import Site

LEVELS = ("province", "city", "county")
WORDS = ("华北", "冀东", "燕山", "太行", "渤海", "恒泰", "宏达", "鑫源", "金石", "中原", "永安", "长城")
KINDS = {"coal_mine": "煤业", "non_coal_mine": "矿业", "hazardous_chemicals": "化工", "fireworks": "烟花爆竹",
         "metallurgy": "钢铁", "other": "实业"}
HAZARDS = ("安全出口堵塞，消防通道占用", "可燃气体报警器未定期检定", "尾矿库排洪设施淤堵", "特种作业人员无证上岗",
           "储罐区防火堤破损", "应急预案未按期演练")
OFFICERS = ("张伟", "王芳", "李强", "刘洋", "陈静", "杨磊")
EXPERTS = (("周建国", "尾矿库工程"), ("吴丽华", "危险化学品"), ("郑志强", "矿山救援"), ("孙晓梅", "职业卫生"),
           ("冯海涛", "消防与爆炸"), ("韩磊", "应急医学"))


def _row(rng: random.Random, division: str, **fields) -> dict:
    """A synced row; a random id unless `fields` names one."""
    return {"id": str(uuid.UUID(int=rng.getrandbits(128))), **fields, "division": division, "version": 1,
            "origin_node": "130000", "deleted": False, "updated_at": time.time()}


def _audit_fields(rng: random.Random, division) -> dict:
    """Registry completeness and audit as a real registry has them: most enterprises approved with
    a legal representative, coordinates for some, a few awaiting review or returned."""
    fields = {"audit_state": "approved", "legal_representative": rng.choice(OFFICERS) if rng.random() < 0.85 else None}
    if rng.random() < 0.6:
        fields.update(lon=round(division.lon + rng.uniform(-0.08, 0.08), 5),
                      lat=round(division.lat + rng.uniform(-0.06, 0.06), 5))
    draw = rng.random()
    if draw < 0.05:
        fields.update(audit_state="pending", pending_fields=json.dumps(["address", "phone"]))
    elif draw < 0.065:
        fields.update(audit_state="returned", pending_fields=json.dumps(["address"]),
                      audit_note="地址与营业执照不一致")
    return fields


def fill(store: LocalStore, enterprises: int = 2000, seed: int = 7, now: float | None = None) -> dict[str, int]:
    """Load synthetic rows for the store's jurisdiction; returns rows per table."""
    place = random.Random(seed + 1)  # positions: a stream of their own, so the other rows stay as they were
    rng, now = random.Random(seed), now or time.time()
    registry = hebei()
    counties = sorted(c.code for c in registry.counties() if c.code in store.scope)
    tables: dict[str, list[dict]] = {}
    namer = EnterpriseNamer(rng)

    def add(table: str, division: str, **fields) -> dict:
        row = _row(rng, division, **fields)
        tables.setdefault(table, []).append(row)
        return row

    audit = random.Random(seed + 1)  # its own sequence: the records above keep theirs
    for n in range(enterprises):
        division = counties[n % len(counties)]
        industry = INDUSTRIES[rng.randrange(len(INDUSTRIES))]
        name = namer.name(registry[division].name, KINDS[industry])
        enterprise = add("enterprise", division, name=name, industry=industry,
                         credit_code=credit_code.make(division, f"{n:08d}"),
                         supervision_level=rng.choice(LEVELS), address=f"{registry[division].name}工业园{n % 90 + 1}号",
                         contact=rng.choice(OFFICERS), phone=fictional_landline(rng),
                         status="operating", **_audit_fields(audit, registry[division]))
        if industry == "hazardous_chemicals" and n % 3 == 0:
            r_value = round(rng.uniform(2, 180), 1)
            add("hazard_source", division, enterprise_id=enterprise["id"], name="液氯储罐区", r_value=r_value,
                grade=1 if r_value >= 100 else 2 if r_value >= 50 else 3 if r_value >= 10 else 4)
        if industry == "non_coal_mine" and n % 4 == 0:
            add("tailings_pond", division, enterprise_id=enterprise["id"], name=f"{rng.choice(WORDS)}尾矿库",
                grade=rng.randint(1, 3), lon=None, lat=None)
        if n % 25 == 0:
            days = rng.uniform(-8, -1) if n % 100 == 0 else rng.uniform(1, 40)  # a quarter overdue
            add("hazard", division, enterprise_id=enterprise["id"], description=rng.choice(HAZARDS),
                level=rng.choice(("general", "major")), deadline=now + days * 86400,
                status=HAZARD_STATUSES[n // 25 % len(HAZARD_STATUSES)],
                source="mobile" if n % 75 == 0 else "console")  # a third found on mobile terminals
        if n % 40 == 0:
            add("inspection_record", division, enterprise_id=enterprise["id"], plan_id=None,
                inspector=rng.choice(OFFICERS), inspected_at=now - rng.uniform(1, 60) * 86400, result="责令限期整改",
                source="mobile" if n % 120 == 0 else "console")  # a third written on mobile terminals

    for index, division in enumerate(counties[:12]):
        centre = registry[division]

        def near() -> dict:
            lon, lat = _offset(place, centre.lon, centre.lat, 3, 25)
            return {"lon": lon, "lat": lat}
        depot = near()
        add("supply", division, name=rng.choice(("编织袋", "救生衣", "帐篷", "发电机组", "防毒面具")),
            unit="件", quantity=float(rng.randrange(20, 2000)), location=f"{registry[division].name}应急物资库",
            **depot)
        add("equipment", division, name=rng.choice(("抽水泵", "挖掘机", "气体检测仪")), kind="rescue",
            count=rng.randint(1, 12), location=f"{registry[division].name}应急物资库", **depot)
        add("rescue_team", division, name=f"{registry[division].name}矿山救护队", kind="mine_rescue",
            members=rng.randint(12, 60), phone=fictional_landline(rng), **near())
        add("expert", division, name=EXPERTS[index % len(EXPERTS)][0], specialty=EXPERTS[index % len(EXPERTS)][1],
            phone=fictional_mobile(place), employer=f"{centre.name}应急管理专家库")
        add("emergency_plan", division, name=f"{registry[division].name}生产安全事故应急预案", kind="comprehensive",
            enterprise_id=None, approved_at=now - rng.uniform(30, 700) * 86400)
        add("inspection_plan", division, name=f"{registry[division].name}年度执法检查计划", year=2026,
            planned_count=rng.randint(40, 300))
        if index < 3:
            incident = add("incident", division, title=f"{registry[division].name}{('尾矿库渗漏', '储罐泄漏', '车间火灾')[index]}",
                           kind=("tailings", "leak", "fire")[index], level=(4, 3, 2)[index],
                           occurred_at=now - (20 + 60 * index) * 60, enterprise_id=None, **near(),
                           status="open", deaths=(1, 4, 12)[index], serious_injuries=(0, 6, 20)[index],
                           direct_loss=(1.2e6, 8.5e6, 4.1e7)[index], location=f"{centre.name}工业园")
            add("accident_report", division, incident_id=incident["id"], reporting_division=division,
                due_at=incident["occurred_at"] + 3600, reported_at=incident["occurred_at"] + 15 * 60)
    day = time.strftime("%Y-%m-%d", time.localtime(now))
    node = store.node
    yesterday = time.strftime("%Y-%m-%d", time.localtime(now - 86400))
    for shift_day, shift, officer in ((yesterday, "night", OFFICERS[1]), (day, "day", OFFICERS[0]),
                                      (day, "night", OFFICERS[1])):
        add("duty_roster", node, day=shift_day, shift=shift, officer=officer, leader=OFFICERS[5])
    for minutes, kind, text in ((95, "call", "接某县应急局电话：尾矿库渗漏，已启动三级响应"),
                                (60, "instruction", "值班领导指示：密切关注库水位，每小时报告一次"),
                                (30, "report", "向市应急局报送事故快报")):
        add("duty_log", node, at=now - minutes * 60, officer=OFFICERS[0], kind=kind, text=text)
    add("duty_log", node, at=now - 45 * 60, officer=OFFICERS[0], kind="complaint", status="open",
        text="群众来电举报：某加油站夜间违规卸油，无人监护")
    for table, rows in tables.items():
        store.apply_server_rows(table, rows)
    return {table: len(rows) for table, rows in tables.items()}


SITE_ORG_PREFIX = "9"  # credit-code bodies of site enterprises start with 9; `fill` numbers from 0
CONTACT_NAMES = ("赵建国", "钱卫东", "孙志刚", "周海涛", "吴立新", "郑国强", "冯春生", "褚明远", "卫红军", "蒋振华")
DEPOT_ITEMS = (("编织袋", "条"), ("救生衣", "件"), ("防毒面具", "个"), ("帐篷", "顶"), ("发电机组", "台"),
               ("抽水泵", "台"), ("吸附棉", "包"))


def _offset(rng: random.Random, lon: float, lat: float, low_km: float, high_km: float) -> tuple[float, float]:
    """A point `low_km`..`high_km` from (lon, lat) in a random direction."""
    km, bearing = rng.uniform(low_km, high_km), rng.uniform(0, 2 * math.pi)
    dlat = km * math.cos(bearing) / 111.2
    dlon = km * math.sin(bearing) / (111.2 * math.cos(math.radians(lat)))
    return round(lon + dlon, 5), round(lat + dlat, 5)


def register_sites(store: LocalStore, sites: Iterable[Site], seed: int = 7,
                   now: float | None = None) -> dict[str, int]:
    """Register each monitored site in the store's jurisdiction: its enterprise (named as the
    catalogue names it, credit code in the site's county), the `monitoring_site` row that
    links the site code to it, three contacts, its emergency plans, its pond or hazard
    source; and per county a rescue team and a supply depot 3–25 km from its first site."""
    rng, now = random.Random(seed), now or time.time()
    tables: dict[str, list[dict]] = {}

    def add(table: str, division: str, **fields) -> dict:
        row = _row(rng, division, **fields)
        tables.setdefault(table, []).append(row)
        return row

    counties: dict[str, list[Site]] = {}
    for n, site in enumerate(sorted((s for s in sites if s.division in store.scope), key=lambda s: s.code)):
        counties.setdefault(site.division, []).append(site)
        tailings = site.kind.value == "tailings_pond"
        enterprise = add("enterprise", site.division, name=site.enterprise or f"{site.name}运营单位",
                         industry="non_coal_mine" if tailings else "hazardous_chemicals",
                         credit_code=credit_code.make(site.division, f"{SITE_ORG_PREFIX}{n:07d}"),
                         supervision_level="city" if tailings else "province", address=site.name,
                         lon=site.lon, lat=site.lat, contact=CONTACT_NAMES[n % len(CONTACT_NAMES)],
                         phone=fictional_landline(rng), status="operating", audit_state="approved")
        # the id `sync publish-catalogue` gives the site's row, so publishing later updates this one
        add("monitoring_site", site.division, id=registry_row_id("monitoring_site", site.code), code=site.code,
            kind=site.kind.value, name=site.name, enterprise_id=enterprise["id"], lon=site.lon, lat=site.lat)
        for offset, role in enumerate(("principal", "safety_manager", "duty_room")):
            name = CONTACT_NAMES[(n + offset) % len(CONTACT_NAMES)] if role != "duty_room" else "调度室"
            phone = fictional_mobile(rng) if role != "duty_room" else enterprise["phone"]
            add("enterprise_contact", site.division, enterprise_id=enterprise["id"], name=name, role=role, phone=phone)
        special = "尾矿库溃坝事故专项应急预案" if tailings else f"{site.name.split('化工', 1)[-1]}泄漏事故专项应急预案"
        for kind, title, days in (("comprehensive", "生产安全事故综合应急预案", rng.uniform(200, 900)),
                                  ("special", special, rng.uniform(30, 400)),
                                  ("onsite", "现场处置方案", rng.uniform(10, 300))):
            add("emergency_plan", site.division, name=f"{enterprise['name']}{title}", kind=kind,
                enterprise_id=enterprise["id"], approved_at=now - days * 86400)
        if tailings:
            add("tailings_pond", site.division, enterprise_id=enterprise["id"], name=site.name,
                grade=rng.randint(2, 4), lon=site.lon, lat=site.lat)
        else:
            r_value = round(rng.uniform(20, 160), 1)
            add("hazard_source", site.division, enterprise_id=enterprise["id"], name=site.name, r_value=r_value,
                grade=1 if r_value >= 100 else 2 if r_value >= 50 else 3)
    registry = hebei()
    for division, county_sites in sorted(counties.items()):
        first, county = county_sites[0], registry[division].name
        tailings = any(s.kind.value == "tailings_pond" for s in county_sites)
        lon, lat = _offset(rng, first.lon, first.lat, 3, 25)
        add("rescue_team", division, name=f"{county}{'矿山' if tailings else '危化'}救援队",
            kind="mine_rescue" if tailings else "hazchem_rescue", members=rng.randint(15, 60),
            phone=fictional_landline(rng), lon=lon, lat=lat)
        lon, lat = _offset(rng, first.lon, first.lat, 3, 25)
        for name, unit in rng.sample(DEPOT_ITEMS, 3):
            add("supply", division, name=name, unit=unit, quantity=float(rng.randrange(20, 2000)),
                location=f"{county}应急物资储备库", lon=lon, lat=lat)
    for table, rows in tables.items():
        store.apply_server_rows(table, rows)
    return {table: len(rows) for table, rows in tables.items()}
