"""Registry audit workflow on real SQLite stores: pending entries, review by the level above,
return with a reason, edits of approved enterprises, history, permissions."""
from __future__ import annotations

import json

import pytest

from domain.divisions import hebei
from console.operators.permissions import Actor, PermissionDenied, Role
from console.records import registry
from console.records.queries import EnterpriseFilter, RecordsReader
from server_link import credit_code
from server_link.local_store import LocalStore, StoreError

DIVISIONS = hebei()


def _actor(node: str, role: Role = Role.DUTY_OFFICER, name: str = "张三") -> Actor:
    return Actor(username=name, display_name=name, role=role, node=node)


def _fields(division: str = "130102", serial: int = 1, **overrides) -> dict:
    fields = {"name": f"长安测试化工{serial}", "credit_code": credit_code.make(division, f"A{serial:07d}"),
              "division": division, "industry": "hazardous_chemicals", "supervision_level": "county",
              "address": "中山东路1号", "phone": "0311-1234567"}
    fields.update(overrides)
    return fields


@pytest.fixture()
def city(tmp_path):
    store = LocalStore(tmp_path / "city.sqlite", "130100", hebei())
    reader = RecordsReader(store.path, "130100")
    yield store, reader
    reader.close()
    store.close()


def _history(reader, enterprise_id):
    return [(h["action"], h["actor"], json.loads(h["changes"] or "{}"), h["note"])
            for h in reader.enterprise_rows("enterprise_history", enterprise_id, "at, rowid")]


def test_a_county_entry_is_pending_and_the_city_approves_it(city):
    store, reader = city
    officer, leader = _actor("130102"), _actor("130100", Role.SHIFT_LEADER, "李科长")
    enterprise_id = registry.create(store, officer, DIVISIONS, _fields())
    row = store.get("enterprise", enterprise_id)
    assert row["audit_state"] == "pending"
    assert json.loads(row["pending_fields"]) == ["address", "credit_code", "industry", "name", "phone",
                                                 "supervision_level"]
    assert reader.audit_counts(EnterpriseFilter()) == {"pending": 1}
    assert reader.count_enterprises(EnterpriseFilter(audit_state="pending")) == 1
    registry.approve(store, leader, DIVISIONS, enterprise_id)
    row = store.get("enterprise", enterprise_id)
    assert (row["audit_state"], row["pending_fields"]) == ("approved", None)
    history = _history(reader, enterprise_id)
    assert [h[:2] for h in history] == [("created", "张三"), ("approved", "李科长")]
    assert history[0][2]["name"] == [None, "长安测试化工1"]
    tables = [op.table for op in store.pending_ops(100)]
    assert tables.count("enterprise") == 2 and tables.count("enterprise_history") == 2


def test_an_edit_of_an_approved_enterprise_is_pending_for_the_changed_fields_only(city):
    store, reader = city
    officer, leader = _actor("130102"), _actor("130100", Role.SHIFT_LEADER, "李科长")
    enterprise_id = registry.create(store, officer, DIVISIONS, _fields())
    registry.approve(store, leader, DIVISIONS, enterprise_id)
    assert registry.edit(store, officer, DIVISIONS, enterprise_id, _fields(phone="0311-7654321")) == ["phone"]
    row = store.get("enterprise", enterprise_id)
    assert (row["audit_state"], json.loads(row["pending_fields"])) == ("pending", ["phone"])
    registry.edit(store, officer, DIVISIONS, enterprise_id, _fields(phone="0311-7654321", address="新地址"))
    assert json.loads(store.get("enterprise", enterprise_id)["pending_fields"]) == ["address", "phone"]
    assert registry.edit(store, officer, DIVISIONS, enterprise_id, _fields(phone="0311-7654321", address="新地址")) == []
    edits = [h for h in _history(reader, enterprise_id) if h[0] == "edited"]
    assert [h[2] for h in edits] == [{"phone": ["0311-1234567", "0311-7654321"]}, {"address": ["中山东路1号", "新地址"]}]


def test_return_needs_a_reason_and_a_correction_goes_back_to_pending(city):
    store, reader = city
    officer, leader = _actor("130102"), _actor("130100", Role.SHIFT_LEADER, "李科长")
    enterprise_id = registry.create(store, officer, DIVISIONS, _fields())
    with pytest.raises(StoreError, match="reason"):
        registry.return_for_correction(store, leader, DIVISIONS, enterprise_id, "  ")
    registry.return_for_correction(store, leader, DIVISIONS, enterprise_id, "地址与营业执照不符")
    row = store.get("enterprise", enterprise_id)
    assert (row["audit_state"], row["audit_note"]) == ("returned", "地址与营业执照不符")
    with pytest.raises(StoreError, match="not pending"):
        registry.approve(store, leader, DIVISIONS, enterprise_id)
    registry.edit(store, officer, DIVISIONS, enterprise_id, _fields(address="中山东路2号"))
    row = store.get("enterprise", enterprise_id)
    assert (row["audit_state"], row["audit_note"]) == ("pending", None)
    assert _history(reader, enterprise_id)[1][::3] == ("returned", "地址与营业执照不符")


def test_only_a_reviewing_level_with_the_right_role_approves(city):
    store, _ = city
    enterprise_id = registry.create(store, _actor("130102"), DIVISIONS, _fields())
    with pytest.raises(PermissionDenied, match="approve registry"):
        registry.approve(store, _actor("130100", Role.DUTY_OFFICER), DIVISIONS, enterprise_id)
    with pytest.raises(PermissionDenied, match="does not review"):
        registry.approve(store, _actor("130102", Role.SHIFT_LEADER), DIVISIONS, enterprise_id)
    with pytest.raises(PermissionDenied):
        registry.create(store, _actor("130100", Role.LEADER), DIVISIONS, _fields(serial=2))
    assert store.get("enterprise", enterprise_id)["audit_state"] == "pending"


def test_the_reviewing_level_entering_itself_needs_no_second_review(city):
    store, _ = city
    enterprise_id = registry.create(store, _actor("130100", Role.SHIFT_LEADER), DIVISIONS, _fields())
    assert store.get("enterprise", enterprise_id)["audit_state"] == "approved"
    by_officer = registry.create(store, _actor("130100"), DIVISIONS, _fields(serial=2))
    assert store.get("enterprise", by_officer)["audit_state"] == "pending"
