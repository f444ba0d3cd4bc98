"""Operators on two nodes through a real PostgreSQL: a county node (130102) and its city
node (130100), each with its own SQLite store, accounts, alarm journal and engine.

Accounts replicate up the supervision tree with their hashes, so the city signs in a
county officer with its backend link cut; every action carries its user into the journal,
the duty log and the audit trail, on both nodes after sync.
"""
from __future__ import annotations

import json

import pytest

from console.operators.accounts import Accounts, SignInRefused
from console.operators.permissions import Action, Actor, PermissionDenied, Role, require
from console.records import duty, registry
from server_link.sync_engine import LinkDown
from tests.support.alarm_sites import value
from tests.support.sync_env import enterprise_fields, settle
from tests.sync.test_alarm_journal_sync import TAG, alarm_node, settle_alarms  # noqa: F401 (fixture)

pytestmark = pytest.mark.postgres
COUNTY_ADMIN = Actor("admin130102", "县管理员", Role.ADMINISTRATOR, "130102")
CITY_ADMIN = Actor("admin130100", "市管理员", Role.ADMINISTRATOR, "130100")


@pytest.fixture()
def two_nodes(env, alarm_node, proxy):
    """County and city nodes (the city's link through a proxy a test can cut), one officer each."""
    county = alarm_node("130102")
    city = alarm_node("130100", env.node_dsn("130100", proxy.host, proxy.port))
    Accounts(county.sync.store).add(COUNTY_ADMIN, "zhangwei", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    Accounts(city.sync.store).add(CITY_ADMIN, "lina", "李娜", Role.SHIFT_LEADER, "lina-pass-1")
    settle_alarms([county, city])
    return county, city


def test_each_action_carries_its_user_in_journal_duty_log_and_audit_on_both_nodes(env, two_nodes):
    county, city = two_nodes
    zhang = Accounts(county.sync.store).sign_in("zhangwei", "zhangwei-pass")
    li = Accounts(city.sync.store).sign_in("lina", "lina-pass-1")
    county.engine.evaluate([value(TAG, 30.0, 1000.0)])
    settle_alarms([county, city])
    county.engine.acknowledge([county.engine.record(TAG, "H")], zhang, "已电话通知企业")
    duty.append_log(county.sync.store, zhang, "call", "企业来电：液位回落")
    settle_alarms([county, city])
    city.engine.comment(city.engine.record(TAG, "H"), "市局已跟进", li)
    duty.append_log(city.sync.store, li, "instruction", "要求县局半小时后回报")
    settle_alarms([county, city])

    for node in (county, city):
        events = {(row["kind"], row["operator"]) for row in node.sync.store.rows("alarm_event")}
        assert {("ack", "zhangwei"), ("comment", "lina")} <= events
        audit = {(row["username"], row["node"], row["action"]) for row in node.sync.store.rows("audit_event")}
        assert {("zhangwei", "130102", "ack"), ("zhangwei", "130102", "duty_log"),
                ("lina", "130100", "comment")} <= audit
        assert ("zhangwei", "130102", "login") in audit
    # the city holds its county's duty log; its own log and sign-in stay above the county
    assert {(r["officer"], r["division"]) for r in city.sync.store.rows("duty_log")} == \
        {("zhangwei", "130102"), ("lina", "130100")}
    assert {r["officer"] for r in county.sync.store.rows("duty_log")} == {"zhangwei"}
    assert ("lina", "login") not in {(r["username"], r["action"]) for r in county.sync.store.rows("audit_event")}
    on_server = env.query("SELECT username, action FROM audit_event WHERE action IN ('ack', 'comment') ORDER BY at")
    assert on_server == [("zhangwei", "ack"), ("lina", "comment")]


def test_offline_sign_in_on_the_city_from_the_replicated_hash_with_the_backend_cut(two_nodes, proxy):
    county, city = two_nodes
    proxy.cut()
    with pytest.raises(LinkDown):
        city.sync.engine.sync_once()
    accounts = Accounts(city.sync.store)
    actor = accounts.sign_in("zhangwei", "zhangwei-pass")  # a county officer, signing in at the city
    assert (actor.username, actor.role, actor.node) == ("zhangwei", Role.DUTY_OFFICER, "130100")
    with pytest.raises(SignInRefused, match="wrong password"):
        accounts.sign_in("lina", "not-her-password")
    assert accounts.find("lina").failed_attempts == 1
    proxy.restore()
    settle_alarms([county, city])
    audit = [(r["username"], r["action"]) for r in city.sync.store.rows("audit_event") if r["node"] == "130100"]
    assert ("zhangwei", "login") in audit and ("lina", "login_failed") in audit


def test_wrong_passwords_are_counted_across_nodes_and_lock_the_account(env, two_nodes):
    county, city = two_nodes
    on_county = Accounts(county.sync.store, max_failed_attempts=3)
    on_city = Accounts(city.sync.store, max_failed_attempts=3)
    with pytest.raises(SignInRefused, match="1 of 3"):
        on_county.sign_in("zhangwei", "guess-one")
    with pytest.raises(SignInRefused, match="1 of 3"):
        on_city.sign_in("zhangwei", "guess-two")  # counted on the city before it heard of the county's
    settle_alarms([county, city])
    assert env.query("SELECT failed_attempts FROM app_user WHERE username = 'zhangwei'") == [(2,)]
    with pytest.raises(SignInRefused, match="now locked after 3"):
        on_county.sign_in("zhangwei", "guess-three")
    with pytest.raises(SignInRefused, match="locked"):
        on_county.sign_in("zhangwei", "zhangwei-pass")  # even the right password, until reset
    settle_alarms([county, city])
    assert on_city.find("zhangwei").locked
    with pytest.raises(PermissionDenied):
        on_city.reset(Accounts(city.sync.store).sign_in("lina", "lina-pass-1"), "zhangwei", "new-pass-123")
    on_county.reset(COUNTY_ADMIN, "zhangwei", "new-pass-123")
    settle_alarms([county, city])
    assert env.query("SELECT failed_attempts, locked FROM app_user WHERE username = 'zhangwei'") == [(0, False)]
    assert on_city.sign_in("zhangwei", "new-pass-123").username == "zhangwei"


def test_a_city_account_reaches_its_counties_and_signs_in_there_from_the_replicated_hash(two_nodes):
    county, city = two_nodes
    assert Accounts(city.sync.store).sign_in("lina", "lina-pass-1").node == "130100"
    settle_alarms([county, city])
    at_county = Accounts(county.sync.store).sign_in("lina", "lina-pass-1")
    assert (at_county.username, at_county.role) == ("lina", Role.SHIFT_LEADER)
    with pytest.raises(SignInRefused, match="wrong password"):
        Accounts(county.sync.store).sign_in("lina", "not-her-password")


def test_an_edit_audit_row_has_before_and_after_on_both_nodes(env, two_nodes):
    county, city = two_nodes
    zhang = Accounts(county.sync.store).sign_in("zhangwei", "zhangwei-pass")
    fields = dict(enterprise_fields("130102", 1), division="130102")
    enterprise_id = registry.save(county.sync.store, zhang, county.engine.divisions, fields)
    settle([county.sync, city.sync])
    registry.save(county.sync.store, zhang, county.engine.divisions,
                  dict(fields, name="测试企业一号", phone="010-00000000"), enterprise_id)
    settle([county.sync, city.sync])
    for store in (county.sync.store, city.sync.store):
        (row,) = [r for r in store.rows("audit_event") if r["action"] == "record_edit"]
        assert (row["username"], row["target_kind"], row["target_id"]) == ("zhangwei", "enterprise", enterprise_id)
        before, after = json.loads(row["before"]), json.loads(row["after"])  # with the review fields
        assert (before["name"], before["phone"]) == ("测试企业1", None)
        assert (after["name"], after["phone"]) == ("测试企业一号", "010-00000000")
    ((before, after),) = env.query("SELECT before, after FROM audit_event WHERE action = 'record_edit'")
    assert json.loads(after)["name"] == "测试企业一号" and json.loads(before)["name"] == "测试企业1"


def test_a_duty_officer_cannot_approve_a_registry_entry_nor_put_alarms_out_of_service(two_nodes):
    county, _ = two_nodes
    zhang = Accounts(county.sync.store).sign_in("zhangwei", "zhangwei-pass")
    with pytest.raises(PermissionDenied, match="may not approve registry entries"):
        require(zhang, Action.APPROVE_REGISTRY)
    county.engine.evaluate([value(TAG, 30.0, 1000.0)])
    with pytest.raises(PermissionDenied, match="only a shift leader, administrator may"):
        county.engine.set_in_service([county.engine.record(TAG, "H")], False, zhang, "探头拆下")
    county.durable()
    assert not county.engine.record(TAG, "H").out_of_service
    assert not [r for r in county.sync.store.rows("audit_event") if r["action"] == "out_of_service"]
