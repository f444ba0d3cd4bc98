"""Roster, complaints and the printed handover, on SQLite and across the backend."""
from __future__ import annotations

import json
import time
from datetime import datetime

import pytest

from domain.divisions import hebei
from console.link_state import LinkState
from console.records import duty, enforcement, incidents
from console.records.accident_class import Casualties
from console.records.enforcement import InspectionFields
from console.records.incidents import Location
from server_link.local_store import StoreError
from tests.records.pdf_text import pdf_text, squeeze
from tests.records.rooms import COUNTY, officer
from widgets.handover_document import handover_html, item_text
from widgets.pdf_document import write_pdf

HOUR = 3600.0


def audit_rows(store) -> list[dict]:
    return sorted(store.rows("audit_event"), key=lambda row: row["at"])


def test_roster_takes_shifts_of_any_hours_and_refuses_overlaps(rooms):
    county = rooms.county
    start = datetime(2026, 12, 3, 7, 30).timestamp()
    first = duty.save_shift(county.store, county.reader, county.actor, "张伟", "刘强", start, start + 10 * HOUR)
    duty.save_shift(county.store, county.reader, county.actor, "王芳", "", start + 10 * HOUR, start + 24.5 * HOUR)
    with pytest.raises(StoreError, match="already on duty"):
        duty.save_shift(county.store, county.reader, county.actor, "张伟", "", start + 9 * HOUR, start + 12 * HOUR)
    with pytest.raises(StoreError, match="ends before"):
        duty.save_shift(county.store, county.reader, county.actor, "李娜", "", start, start - HOUR)
    assert [row["officer"] for row in duty.on_duty(county.reader, start + 11 * HOUR)] == ["王芳"]
    duty.save_shift(county.store, county.reader, county.actor, "张伟", "刘强", start + HOUR, start + 9 * HOUR, first)
    month = duty.month_roster(county.reader, 2026, 12)
    assert len(month) == 31
    assert [(row["officer"], row["shift"]) for row in month[datetime(2026, 12, 3).date()]] == [
        ("张伟", "custom"), ("王芳", "custom")]
    duty.remove_shift(county.store, county.actor, first)
    assert [row["officer"] for row in duty.on_duty(county.reader, start + 2 * HOUR)] == []
    trail = [(row["username"], row["action"]) for row in audit_rows(county.store) if row["target_id"] == first]
    assert trail == [("张伟", "record_create"), ("张伟", "record_edit"), ("张伟", "record_delete")]


def test_complaints_carry_their_follow_up_status(rooms):
    county = rooms.county
    complaint = duty.append_log(county.store, county.actor, "complaint", "群众举报某加油站夜间违规卸油")
    duty.follow_up_complaint(county.store, county.reader, county.actor, complaint, "handling", "已转执法大队核查")
    assert duty.complaints(county.reader)[0]["follow_status"] == "handling"
    duty.follow_up_complaint(county.store, county.reader, county.actor, complaint, "resolved", "核查属实，已立案")
    (row,) = duty.complaints(county.reader)
    assert (row["text"], row["follow_status"]) == ("群众举报某加油站夜间违规卸油", "resolved")
    assert [json.loads(row["after"])["status"] for row in audit_rows(county.store)
            if row["action"] == "duty_log"] == ["open", "handling", "resolved"]
    with pytest.raises(StoreError, match="already resolved"):
        duty.follow_up_complaint(county.store, county.reader, county.actor, complaint, "handling", "再查")
    with pytest.raises(StoreError, match="not one of"):
        duty.append_log(county.store, county.actor, "complaint", "x", status="lost")


def test_handover_pdf_lists_every_open_item(rooms, qapp, tmp_path):
    county = rooms.county
    now = time.time()
    enterprise_id = rooms.enterprise()
    incidents.register_incident(county.store, county.reader, county.actor, COUNTY, "化工厂储罐泄漏", "leak",
                                Location(enterprise_id=enterprise_id), Casualties(deaths=3), now - 5 * HOUR)
    record = InspectionFields(enterprise_id=enterprise_id, inspector="赵刚", inspected_at=now - 30 * 86400,
                              checklist=[], findings="", result="发现隐患")
    inspection_id = enforcement.save_inspection(county.store, county.reader, county.actor, record)
    enforcement.add_hazard(county.store, county.actor, inspection_id, "消防通道堵塞", "general", now - 5 * 86400)
    alarms = [duty.AlarmSummary("TP13010201", "TP13010201.level", "库水位高高", 1, True, False, False),
              duty.AlarmSummary("HC13010202", "HC13010202.gas", "可燃气体一级报警", 2, False, True, False),
              duty.AlarmSummary("TP13010203", "TP13010203.disp", "位移计通讯中断", 3, False, False, True)]
    links = {"field": (LinkState.DOWN, "3 台设备离线"), "backend": (LinkState.UP, "")}
    items = duty.open_items(county.reader, hebei(), now, alarms, links)
    assert [item.kind for item in items] == ["alarm_unacknowledged", "alarm_shelved", "alarm_out_of_service",
                                             "incident", "hazard_overdue", "link_down"]
    texts = [item_text(item, lambda code: code) for item in items]
    handover_id = duty.confirm_handover(county.store, county.actor, officer(COUNTY, "李娜"), texts, "夜班注意雨情", True,
                                        items=items)
    rooms.sync()
    handover = rooms.city.store.get("shift_handover", handover_id)  # the city reads its county's handovers
    stored = duty.handover_items(handover)
    assert stored == items
    text = pdf_text(write_pdf(handover_html("长安区", handover, stored, lambda code: code), tmp_path / "h.pdf", "交接班"))
    for expected in ("库水位高高", "可燃气体一级报警", "位移计通讯中断", "化工厂储罐泄漏", "消防通道堵塞",
                     "3 台设备离线", "张伟", "李娜", "夜班注意雨情"):
        assert squeeze(expected) in text, expected
    assert "-" not in text.split("化工厂储罐泄漏")[1][:60]  # an overdue report reads as hours and minutes


def test_handover_needs_the_incoming_officer_and_the_handover_right(rooms):
    from console.operators.permissions import PermissionDenied, Role

    county = rooms.county
    with pytest.raises(StoreError, match="not confirmed"):
        duty.confirm_handover(county.store, county.actor, officer(COUNTY, "王芳"), [], "", False)
    with pytest.raises(PermissionDenied):
        duty.confirm_handover(county.store, officer(COUNTY, "领导", Role.LEADER), officer(COUNTY, "王芳"), [], "",
                              True)
    assert county.store.count("shift_handover") == 0


def test_handover_names_the_most_overdue_hazards_and_counts_the_rest(tmp_path):
    from tests.records.rooms import sqlite_rooms

    rooms = sqlite_rooms(tmp_path)
    county = rooms.county
    now = time.time()
    enterprise_id = rooms.enterprise()
    record = InspectionFields(enterprise_id=enterprise_id, inspector="赵刚", inspected_at=now - 90 * 86400,
                              checklist=[], findings="", result="发现隐患")
    inspection_id = enforcement.save_inspection(county.store, county.reader, county.actor, record)
    with county.store.transaction():
        for n in range(duty.OVERDUE_LISTED + 7):
            enforcement.add_hazard(county.store, county.actor, inspection_id, f"隐患{n}", "general",
                                   now - (80 - n * 0.5) * 86400)
    items = [item for item in duty.open_items(county.reader, hebei(), now) if item.kind == "hazard_overdue"]
    assert len(items) == duty.OVERDUE_LISTED + 1
    assert items[0].title.endswith("隐患0") and (items[-1].title, items[-1].detail) == ("", "7")
    rooms.close()


def test_handover_takes_the_alarms_not_dealt_with_from_the_engine_records():
    from console.alarms.model import AlarmRecord
    from domain.values import AlarmLevel

    now = time.time()

    def record(tag, **state):
        return AlarmRecord("TP13010201", tag, "HH", AlarmLevel(2), COUNTY, f"{tag} 高高", **state)
    records = [record("a", active=True, acknowledged=False),          # standing, unacknowledged
               record("b", active=False, acknowledged=False, latched=True),  # latched, not acknowledged
               record("c", active=True, acknowledged=True),            # dealt with
               record("d", active=True, shelved_until=now + 600),      # shelved
               record("e", active=True, shelved_until=now - 1),        # shelving over: dealt with
               record("f", out_of_service=True)]
    summaries = duty.alarm_summaries(records, now)
    assert [(s.tag, s.unacknowledged, s.shelved, s.out_of_service) for s in summaries] == [
        ("a", True, False, False), ("b", True, False, False), ("d", False, True, False), ("f", False, False, True)]
    assert [item.kind for item in duty.alarm_items(summaries)] == [
        "alarm_unacknowledged", "alarm_unacknowledged", "alarm_shelved", "alarm_out_of_service"]
