"""Plans, inspections, hazards and enforcement documents, on SQLite and across the backend."""
from __future__ import annotations

import json
import time

import pytest

from domain.divisions import hebei
from console.records import enforcement
from console.records.documents import document_html
from console.records.enforcement import InspectionFields, PlanFields
from server_link.local_store import StoreError
from tests.records.pdf_text import pdf_text, squeeze
from tests.records.rooms import COUNTY
from widgets.pdf_document import write_pdf

DAY = 86400.0


def _inspection(rooms, enterprise_id, plan_id=None, at=None):
    county = rooms.county
    record = InspectionFields(enterprise_id=enterprise_id, inspector="赵刚、钱敏", plan_id=plan_id,
                              inspected_at=time.time() - 3600 if at is None else at,
                              checklist=[("安全生产许可证在有效期内", True), ("重大危险源已备案并监控", False)],
                              findings="储罐区可燃气体报警器失效；应急预案未演练。", result="发现隐患2项")
    return enforcement.save_inspection(county.store, county.reader, county.actor, record)


def test_plan_progress_counts_inspected_targets(rooms):
    first, second = rooms.enterprise(1), rooms.enterprise(2)
    county = rooms.county
    now = time.time()
    plan = PlanFields("2026年危化企业专项检查", "special", now - 10 * DAY, now + 20 * DAY, [first, second])
    plan_id = enforcement.save_plan(county.store, county.reader, county.actor, COUNTY, plan)
    _inspection(rooms, first, plan_id)
    rooms.sync()
    (row,) = [p for p in enforcement.plans(rooms.city.reader, None) if p["id"] == plan_id]
    assert (row["kind"], row["done"], row["planned"]) == ("special", 1, 2)
    plan.name = "2026年危化企业专项检查（调整）"
    enforcement.save_plan(county.store, county.reader, county.actor, COUNTY, plan, plan_id)
    assert county.store.get("inspection_plan", plan_id)["name"].endswith("（调整）")
    with pytest.raises(StoreError, match="ends before it starts"):
        enforcement.save_plan(county.store, county.reader, county.actor, COUNTY,
                              PlanFields("x", "routine", now, now - DAY, [first]))
    with pytest.raises(StoreError, match="targets"):
        enforcement.save_plan(county.store, county.reader, county.actor, COUNTY,
                              PlanFields("x", "routine", now, now + DAY, []))


def test_hazard_status_moves_forward_only_and_late_rectification_stays_visible(rooms):
    county = rooms.county
    inspection_id = _inspection(rooms, rooms.enterprise(), at=time.time() - 10 * DAY)
    deadline = time.time() - 2 * DAY
    hazard_id = enforcement.add_hazard(county.store, county.actor, inspection_id, "可燃气体报警器失效", "major",
                                       deadline)
    with pytest.raises(StoreError, match="after the inspection"):
        enforcement.add_hazard(county.store, county.actor, inspection_id, "x", "general", time.time() - 11 * DAY)
    for status in ("assigned", "rectifying"):
        enforcement.advance(county.store, county.actor, hazard_id, status)
    with pytest.raises(StoreError, match="cannot move"):
        enforcement.advance(county.store, county.actor, hazard_id, "assigned")
    enforcement.advance(county.store, county.actor, hazard_id, "rectified", at=time.time())
    rooms.sync()
    city = rooms.city
    hazard = city.store.get("hazard", hazard_id)
    assert hazard["inspection_id"] == inspection_id and hazard["rectified_at"] > hazard["deadline"]
    assert enforcement.rectified_late(hazard) and not enforcement.is_overdue(hazard, time.time())
    rows, _ = enforcement.hazards(city.reader, None, open_only=True)
    assert hazard_id in {row["id"] for row in rows}  # closed, but late: still listed
    audit_rows = sorted((row for row in city.store.rows("audit_event") if row["target_id"] == hazard_id),
                        key=lambda row: row["at"])
    assert [row["action"] for row in audit_rows] == ["record_create"] + ["record_edit"] * 3
    assert [json.loads(row["after"])["status"] for row in audit_rows[1:]] == ["assigned", "rectifying", "rectified"]
    with pytest.raises(StoreError, match="cannot move"):
        enforcement.advance(city.store, city.actor, hazard_id, "rectifying")


def test_mobile_records_show_their_origin(rooms):
    county = rooms.county
    enterprise_id = rooms.enterprise()
    record = InspectionFields(enterprise_id=enterprise_id, inspector="移动执法终端", inspected_at=time.time() - 60,
                              checklist=[], findings="", result="未发现问题", source="mobile")
    inspection_id = enforcement.save_inspection(county.store, county.reader, county.actor, record)
    rooms.sync()
    row = next(r for r in enforcement.inspection_records(rooms.city.reader, None) if r["id"] == inspection_id)
    assert (row["source"], row["origin_node"]) == ("mobile", COUNTY)


def test_documents_are_numbered_and_their_pdf_names_parties_and_findings(rooms, qapp, tmp_path):
    county = rooms.county
    inspection_id = _inspection(rooms, rooms.enterprise())
    with pytest.raises(StoreError, match="no hazard"):
        enforcement.issue_document(county.store, county.reader, county.actor, inspection_id, "rectification_order")
    enforcement.add_hazard(county.store, county.actor, inspection_id, "可燃气体报警器失效", "major", time.time() + 15 * DAY)
    first = enforcement.issue_document(county.store, county.reader, county.actor, inspection_id, "rectification_order")
    second = enforcement.issue_document(county.store, county.reader, county.actor, inspection_id, "rectification_order")
    record = enforcement.issue_document(county.store, county.reader, county.actor, inspection_id, "inspection_record")
    year = time.localtime().tm_year
    numbers = [county.store.get("enforcement_document", d)["number"] for d in (first, second, record)]
    assert numbers == [f"冀{COUNTY}责改〔{year}〕0001号", f"冀{COUNTY}责改〔{year}〕0002号",
                       f"冀{COUNTY}现检〔{year}〕0001号"]
    rooms.sync()
    city = rooms.city
    document = city.store.get("enforcement_document", first)
    path = write_pdf(document_html(city.reader, hebei(), document), tmp_path / "order.pdf", numbers[0])
    text = pdf_text(path)
    enterprise = city.reader.enterprise(document["enterprise_id"])
    for expected in ("责令限期整改指令书", numbers[0], enterprise["name"], enterprise["credit_code"],
                     "储罐区可燃气体报警器失效", "可燃气体报警器失效", "赵刚、钱敏", "长安区应急管理局"):
        assert squeeze(expected) in text, expected
    checklist = pdf_text(write_pdf(document_html(city.reader, hebei(), city.store.get("enforcement_document", record)),
                                   tmp_path / "record.pdf", numbers[2]))
    assert "现场检查记录" in checklist and "重大危险源已备案并监控不符合" in checklist


def test_a_stale_status_from_another_room_never_moves_a_hazard_back(rooms):
    county, city = rooms.county, rooms.city
    inspection_id = _inspection(rooms, rooms.enterprise())
    hazard_id = enforcement.add_hazard(county.store, county.actor, inspection_id, "安全出口锁闭", "general",
                                       time.time() + 10 * DAY)
    rooms.sync()
    enforcement.advance(city.store, city.actor, hazard_id, "assigned")  # the city, not yet hearing the county
    for status in ("assigned", "rectifying", "rectified"):
        if county.store.get("hazard", hazard_id)["status"] != status:
            enforcement.advance(county.store, county.actor, hazard_id, status)
    rooms.sync()
    assert {room.store.get("hazard", hazard_id)["status"] for room in (county, city)} == {"rectified"}
