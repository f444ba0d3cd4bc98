"""Concurrent offline edits on several nodes, settled by each module's rule."""
from __future__ import annotations

import json

import pytest

from server_link.local_store import StoreError
from tests.support.sync_env import enterprise_fields, server_rows, settle

pytestmark = pytest.mark.postgres


@pytest.fixture()
def trio(env, node_factory):
    """A county (owner of the rows), its city and the province, all caught up."""
    county, city, province = node_factory("130102"), node_factory("130100"), node_factory("130000")
    settle([county, city, province], rounds=1)
    return county, city, province


def _everywhere(nodes, table, row_id):
    return [node.store.get(table, row_id) for node in nodes]


def test_registry_merges_fields_and_the_owner_wins_the_same_field(trio):
    county, city, province = trio
    row_id = county.store.insert("enterprise", "130102", **enterprise_fields("130102", 1))
    settle(trio, rounds=1)
    # all three edit offline
    county.store.update("enterprise", row_id, address="县里的地址")
    province.store.update("enterprise", row_id, address="省里的地址", phone="0311-0000000")
    city.store.update("enterprise", row_id, contact="赵六")
    # the owner pushes last and still wins its field; other fields merge
    settle([province, city, county])
    for row in _everywhere(trio, "enterprise", row_id):
        assert (row["address"], row["phone"], row["contact"]) == ("县里的地址", "0311-0000000", "赵六")
    # owner first this time: the province's later conflicting value loses to it
    county.store.update("enterprise", row_id, address="县里改了")
    province.store.update("enterprise", row_id, address="省里又改")
    settle([county, province, city])
    assert {row["address"] for row in _everywhere(trio, "enterprise", row_id)} == {"县里改了"}
    assert all(node.store.open_conflicts() == [] for node in trio)


def test_same_field_without_the_owner_goes_to_the_inbox_until_a_person_decides(env, trio):
    county, city, province = trio
    row_id = county.store.insert("enterprise", "130102", **enterprise_fields("130102", 2))
    settle(trio, rounds=1)
    city.store.update("enterprise", row_id, name="市里定的名称")
    province.store.update("enterprise", row_id, name="省里定的名称")
    settle([city, province, county])
    assert {row["name"] for row in _everywhere(trio, "enterprise", row_id)} == {"市里定的名称"}
    inboxes = [node.store.open_conflicts() for node in trio]
    assert all(len(inbox) == 1 for inbox in inboxes)
    conflict = inboxes[0][0]
    assert (conflict["field"], json.loads(conflict["server_value"]), json.loads(conflict["incoming_value"])) == (
        "name", "市里定的名称", "省里定的名称")
    assert (conflict["server_origin"], conflict["incoming_origin"]) == ("130100", "130000")
    city.store.resolve_conflict(conflict["id"], "incoming")
    settle([city, province, county])
    assert {row["name"] for row in _everywhere(trio, "enterprise", row_id)} == {"省里定的名称"}
    assert all(node.store.open_conflicts() == [] for node in trio)
    assert env.query("SELECT resolution, resolved_by FROM sync_conflict") == [("incoming", "130100")]
    for node in trio:
        assert {r["id"]: r for r in node.store.rows("enterprise", True)} == server_rows(env, "enterprise", {"130102"})


def test_hazard_status_only_moves_forward(trio):
    county, city, province = trio
    hazard_id = county.store.insert("hazard", "130102", enterprise_id="e", description="储罐区防火堤破损",
                                    level="general", deadline=1_800_000_000.0, status="reported")
    settle(trio, rounds=1)
    county.store.update("hazard", hazard_id, status="rectified")
    city.store.update("hazard", hazard_id, status="assigned")
    settle([county, city, province])
    assert {row["status"] for row in _everywhere(trio, "hazard", hazard_id)} == {"rectified"}
    city.store.update("hazard", hazard_id, status="reported")
    assert city.store.get("hazard", hazard_id)["status"] == "rectified"
    settle([city, county, province])
    assert {row["status"] for row in _everywhere(trio, "hazard", hazard_id)} == {"rectified"}


def test_supply_quantities_move_by_signed_deltas(trio):
    county, city, province = trio
    supply_id = county.store.insert("supply", "130102", name="救生衣", unit="件", quantity=10.0)
    settle(trio, rounds=1)
    county.store.adjust("supply", supply_id, "quantity", +5)
    city.store.adjust("supply", supply_id, "quantity", -3)
    province.store.adjust("supply", supply_id, "quantity", -1)
    assert city.store.get("supply", supply_id)["quantity"] == 7.0  # the node shows its own edit at once
    settle([county, city, province])
    assert {row["quantity"] for row in _everywhere(trio, "supply", supply_id)} == {11.0}
    with pytest.raises(StoreError, match="quantity"):
        county.store.adjust("supply", supply_id, "name", 1)


def test_duty_log_is_append_only(env, trio):
    county, city, _ = trio
    first = county.store.append("duty_log", "130102", at=1.0, officer="张三", kind="call", text="县里的来电")
    second = city.store.append("duty_log", "130100", at=2.0, officer="李四", kind="call", text="市里的来电")
    settle(trio)
    with pytest.raises(StoreError, match="append-only"):
        county.store.update("duty_log", first, text="改写")
    assert {r["id"] for r in city.store.rows("duty_log")} == {first, second}
    assert {r["id"] for r in county.store.rows("duty_log")} == {first}
    assert env.query("SELECT count(*) FROM duty_log") == [(2,)]
