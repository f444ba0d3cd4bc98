"""Registry audit across two real nodes on PostgreSQL: the county enters, the city approves or
returns, the history travels with the enterprise; a credit code another county holds is refused
by the backend and the refusal reaches the operator."""
from __future__ import annotations

import json

import pytest

from domain.divisions import hebei
from console.operators.permissions import Actor, Role
from console.records import registry
from server_link import credit_code
from tests.support.sync_env import server_rows, settle

pytestmark = pytest.mark.postgres
DIVISIONS = hebei()
OFFICER = Actor("zhang", "张三", Role.DUTY_OFFICER, "130102")
REVIEWER = Actor("li", "李科长", Role.SHIFT_LEADER, "130100")


def _fields(division: str = "130102", **overrides) -> dict:
    fields = {"name": "长安区某化工有限公司", "credit_code": credit_code.make(division, "C0000001"),
              "division": division, "industry": "hazardous_chemicals", "supervision_level": "county",
              "address": "长安区建设北大街1号", "phone": "0311-1234567"}
    fields.update(overrides)
    return fields


def _history(node, enterprise_id):
    rows = [r for r in node.store.rows("enterprise_history") if r["enterprise_id"] == enterprise_id]
    return sorted((r["at"], r["action"], r["actor"], r["node"]) for r in rows)


def test_county_enters_city_approves_and_an_edit_goes_back_to_review(env, node_factory):
    county, city = node_factory("130102"), node_factory("130100")
    settle([county, city], rounds=1)
    enterprise_id = registry.create(county.store, OFFICER, DIVISIONS, _fields())
    settle([county, city])
    assert city.store.get("enterprise", enterprise_id)["audit_state"] == "pending"
    registry.approve(city.store, REVIEWER, DIVISIONS, enterprise_id)
    settle([city, county])
    for node in (county, city):
        row = node.store.get("enterprise", enterprise_id)
        assert (row["audit_state"], row["pending_fields"]) == ("approved", None)
        assert [h[1:] for h in _history(node, enterprise_id)] == [
            ("created", "zhang", "130102"), ("approved", "li", "130100")]
    assert server_rows(env, "enterprise", {"130102"})[enterprise_id]["audit_state"] == "approved"
    registry.edit(county.store, OFFICER, DIVISIONS, enterprise_id, _fields(phone="0311-7654321"))
    settle([county, city])
    row = city.store.get("enterprise", enterprise_id)
    assert (row["audit_state"], json.loads(row["pending_fields"]), row["phone"]) == (
        "pending", ["phone"], "0311-7654321")
    registry.return_for_correction(city.store, REVIEWER, DIVISIONS, enterprise_id, "电话号码无法接通")
    settle([city, county])
    row = county.store.get("enterprise", enterprise_id)
    assert (row["audit_state"], row["audit_note"]) == ("returned", "电话号码无法接通")
    assert len(env.query("SELECT id FROM enterprise_history WHERE enterprise_id = %s", (enterprise_id,))) == 4
    assert county.store.pending_count() == city.store.pending_count() == 0


def test_a_code_another_county_registered_is_refused_with_a_clear_message(env, node_factory):
    changan, qiaoxi = node_factory("130102"), node_factory("130104")
    code = credit_code.make("130102", "C0000002")
    registry.create(changan.store, OFFICER, DIVISIONS, _fields(credit_code=code))
    settle([changan], rounds=1)
    other = Actor("wang", "王五", Role.DUTY_OFFICER, "130104")
    refused_id = registry.create(qiaoxi.store, other, DIVISIONS, _fields("130104", credit_code=code, name="桥西区某公司"))
    settle([qiaoxi], rounds=1)
    (refusal,) = registry.refused_entries(qiaoxi.store)
    assert refusal.enterprise_id == refused_id and refusal.credit_code == code
    assert refusal.reason == f"credit code {code} is already registered by another jurisdiction"
    assert env.query("SELECT division FROM enterprise WHERE credit_code = %s", (code,)) == [("130102",)]
    assert qiaoxi.store.pending_count() == 0  # refused once, never retried


def test_an_imported_file_reaches_the_city_pending_and_a_reimport_sends_nothing(env, node_factory, tmp_path):
    from console.records.queries import RecordsReader
    from console.records.registry_import import store_rows, validate
    from tests.records.test_registry_import import good_row, write_xlsx

    county, city = node_factory("130102"), node_factory("130100")
    path = write_xlsx(tmp_path / "import.xlsx", [good_row(n) for n in range(1, 31)])
    reader = RecordsReader(county.store.path, "130102")
    try:
        for _ in range(2):
            store_rows(county.store, OFFICER, DIVISIONS, validate(path, DIVISIONS, "130102"),
                       reader.enterprise_ids_by_code())
            settle([county, city])
            assert county.store.pending_count() == 0
    finally:
        reader.close()
    rows = server_rows(env, "enterprise", {"130102"})
    assert len(rows) == 30 and {row["audit_state"] for row in rows.values()} == {"pending"}
    assert len(env.query("SELECT id FROM enterprise_history")) == 30  # the second import wrote nothing
    assert sum(row["audit_state"] == "pending" for row in city.store.rows("enterprise")) == 30
