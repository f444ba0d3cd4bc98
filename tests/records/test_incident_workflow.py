"""Incidents from registration to closing, on SQLite and across the backend (county → city)."""
from __future__ import annotations

import time

import pytest

from domain.divisions import hebei
from console.operators.permissions import PermissionDenied, Role
from console.records import incidents
from console.records.accident_class import Casualties, accident_class
from console.records.incidents import Location
from console.records.reporting import MINISTRY, PROVINCE_CODE
from server_link.local_store import StoreError
from tests.records.rooms import COUNTY, officer

M = 1_000_000.0


def actions(store, target_id: str) -> list[tuple[str, str]]:
    """(who, what) of the audit rows on one record, oldest first: every write leaves one."""
    rows = sorted(store.rows("audit_event"), key=lambda row: row["at"])
    return [(row["username"], row["action"]) for row in rows if row["target_id"] == target_id]


@pytest.mark.parametrize(("casualties", "expected"), [
    (Casualties(2, 9, 10 * M - 0.01), 4),
    (Casualties(3), 3), (Casualties(9), 3), (Casualties(10), 2), (Casualties(29), 2), (Casualties(30), 1),
    (Casualties(0, 10), 3), (Casualties(0, 49), 3), (Casualties(0, 50), 2), (Casualties(0, 99), 2),
    (Casualties(0, 100), 1),
    (Casualties(0, 0, 10 * M), 3), (Casualties(0, 0, 50 * M - 1), 3), (Casualties(0, 0, 50 * M), 2),
    (Casualties(0, 0, 100 * M - 1), 2), (Casualties(0, 0, 100 * M), 1),
    (Casualties(2, 50, 0), 2),  # the most severe measure decides
])
def test_class_from_casualties_at_each_threshold(casualties, expected):
    assert accident_class(casualties) == expected


def _register(rooms, casualties, kind="leak", occurred_at=None, learned=None, received=None, title="储罐泄漏"):
    county = rooms.county
    enterprise_id = rooms.enterprise()
    occurred_at = time.time() - 600 if occurred_at is None else occurred_at
    return incidents.register_incident(county.store, county.reader, county.actor, COUNTY, title, kind,
                                       Location(enterprise_id=enterprise_id), casualties, occurred_at,
                                       learned, received)


def _city_incident(rooms, incident_id):
    rooms.sync()
    return next(item for item in incidents.open_incidents(rooms.city.reader) if item.incident["id"] == incident_id)


def test_registered_class_sets_the_chain_and_the_leader_starts_the_clock(rooms):
    now = time.time()
    incident_id = _register(rooms, Casualties(deaths=3), occurred_at=now - 7200, learned=now - 1800)
    item = _city_incident(rooms, incident_id)
    assert item.incident["level"] == 3 and item.incident["deaths"] == 3
    assert item.incident["enterprise_id"] and item.incident["lon"] == pytest.approx(114.52)
    chain = item.chain(hebei(), now)
    assert chain[-1].receiver == PROVINCE_CODE  # a larger accident goes up to the province
    assert chain[0].due_at == pytest.approx(now - 1800 + 3600)  # not from the accident two hours ago


def test_register_refuses_bad_input_and_the_wrong_role(rooms):
    county = rooms.county
    at = time.time()
    with pytest.raises(StoreError, match="deaths"):
        incidents.register_incident(county.store, county.reader, county.actor, COUNTY, "火灾", "fire",
                                    Location(lon=114.5, lat=38.0), Casualties(-1), at)
    with pytest.raises(StoreError, match="outside Hebei"):
        incidents.register_incident(county.store, county.reader, county.actor, COUNTY, "火灾", "fire",
                                    Location(lon=121.5, lat=31.2), Casualties(), at)
    with pytest.raises(StoreError, match="pick an enterprise"):
        incidents.register_incident(county.store, county.reader, county.actor, COUNTY, "火灾", "fire",
                                    Location(), Casualties(), at)
    with pytest.raises(StoreError, match="leader learned"):
        incidents.register_incident(county.store, county.reader, county.actor, COUNTY, "火灾", "fire",
                                    Location(lon=114.5, lat=38.0), Casualties(), at, at - 60)
    with pytest.raises(PermissionDenied):
        incidents.register_incident(county.store, county.reader, officer(COUNTY, "领导", Role.LEADER), COUNTY,
                                    "火灾", "fire", Location(lon=114.5, lat=38.0), Casualties(), at)
    assert county.store.count("incident") == 0


def test_follow_up_changes_the_class_and_the_chain(rooms):
    now = time.time()
    incident_id = _register(rooms, Casualties(deaths=1), occurred_at=now - 3 * 86400)
    assert _city_incident(rooms, incident_id).incident["level"] == 4
    county = rooms.county
    assert incidents.follow_up(county.store, county.actor, incident_id, Casualties(deaths=11), now, "两人送医不治") == 2
    item = _city_incident(rooms, incident_id)
    assert (item.incident["level"], item.incident["deaths"]) == (2, 11)
    assert item.chain(hebei(), now)[-1].receiver == MINISTRY
    (followup,) = incidents.followups(rooms.city.reader, incident_id)
    assert (followup["accident_class"], followup["officer"], followup["note"]) == (2, "张伟", "两人送医不治")
    assert incidents.follow_up(county.store, county.actor, incident_id, Casualties(deaths=2), now) == 4
    assert actions(county.store, incident_id)[1:] == [("张伟", "incident_followup")] * 2


def test_follow_ups_close_after_7_days_for_fires_and_30_days_otherwise(rooms):
    now = time.time()
    fire = _register(rooms, Casualties(deaths=1), kind="fire", occurred_at=now - 8 * 86400, title="仓库火灾")
    leak = incidents.register_incident(rooms.county.store, rooms.county.reader, rooms.county.actor, COUNTY, "泄漏",
                                       "leak", Location(lon=114.5, lat=38.0), Casualties(1), now - 20 * 86400)
    county = rooms.county
    with pytest.raises(StoreError, match="within 7 days"):
        incidents.follow_up(county.store, county.actor, fire, Casualties(deaths=3), now)
    assert incidents.follow_up(county.store, county.actor, leak, Casualties(deaths=3), now) == 3
    assert county.store.get("incident", fire)["level"] == 4


def test_closing_an_incident_keeps_the_reason_and_ends_its_clocks(rooms):
    incident_id = _register(rooms, Casualties(serious_injuries=12))
    county = rooms.county
    with pytest.raises(StoreError, match="reason"):
        incidents.close_incident(county.store, county.actor, incident_id, "  ", time.time())
    incidents.close_incident(county.store, county.actor, incident_id, "救援结束，转入事故调查", time.time())
    rooms.sync()
    assert incidents.open_incidents(rooms.city.reader) == []
    row = rooms.city.store.get("incident", incident_id)
    assert (row["status"], row["close_reason"]) == ("closed", "救援结束，转入事故调查") and row["closed_at"]
    assert actions(rooms.city.store, incident_id) == [("张伟", "record_create"), ("张伟", "incident_close")]
    with pytest.raises(StoreError, match="already closed"):
        incidents.close_incident(county.store, county.actor, incident_id, "再次关闭", time.time())
    with pytest.raises(StoreError, match="already closed"):
        incidents.follow_up(county.store, county.actor, incident_id, Casualties(deaths=5), time.time())


def test_dispatch_log_and_supplies_drawn_by_deltas(rooms):
    incident_id = _register(rooms, Casualties(deaths=1))
    county = rooms.county
    supply = county.store.insert("supply", COUNTY, name="沙袋", unit="袋", quantity=100.0, location="县物资库",
                                 lon=114.53, lat=38.06)
    team = county.store.insert("rescue_team", COUNTY, name="长安区危化救援队", kind="hazchem", members=30,
                               phone="0311-7654321", lon=114.6, lat=38.1)
    incidents.dispatch(county.store, county.actor, incident_id, "supply", supply, 40, "送往现场")
    incidents.dispatch(county.store, county.actor, incident_id, "rescue_team", team)
    with pytest.raises(StoreError, match="60 in stock"):
        incidents.dispatch(county.store, county.actor, incident_id, "supply", supply, 61)
    rooms.sync()
    log = incidents.dispatch_log(rooms.city.reader, incident_id)
    assert [(row["resource_name"], row["amount"]) for row in log][::-1] == [("沙袋", 40), ("长安区危化救援队", None)]
    assert rooms.city.store.get("supply", supply)["quantity"] == 60
    assert actions(rooms.city.store, incident_id) == [("张伟", "record_create"), ("张伟", "dispatch"),
                                                      ("张伟", "dispatch")]
