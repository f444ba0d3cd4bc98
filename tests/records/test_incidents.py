"""Registering incidents and recording reports in a real store (Qt-free)."""
from __future__ import annotations

import time

import pytest

from domain.divisions import hebei
from console.operators.permissions import Actor, PermissionDenied, Role
from console.records.accident_class import Casualties
from console.records.incidents import Location, open_incidents, record_report, register_incident
from console.records.queries import RecordsReader
from console.records.reporting import HopState
from server_link.local_store import LocalStore, StoreError

OFFICER = Actor("zhangwei", "张伟", Role.DUTY_OFFICER, "130102")
HERE = Location(lon=114.5, lat=38.0)


@pytest.fixture()
def county_store(tmp_path):
    store = LocalStore(tmp_path / "county.sqlite", "130102", hebei())
    reader = RecordsReader(store.path, store.node)
    yield store, reader
    reader.close()
    store.close()


def test_registered_incident_starts_the_county_clock(county_store):
    store, reader = county_store
    now = time.time()
    register_incident(store, reader, OFFICER, "130102", "车间火灾", "fire", HERE, Casualties(), now - 1800, None, now - 600)
    (item,) = open_incidents(reader)
    chain = item.chain(hebei(), now)
    assert chain[0].state is HopState.REPORTED
    assert chain[1].state is HopState.DUE and chain[1].due_at == pytest.approx(now - 600 + 7200)


def test_bad_incidents_are_refused_with_the_field_named(county_store):
    store, reader = county_store
    with pytest.raises(StoreError, match="title"):
        register_incident(store, reader, OFFICER, "130102", " ", "fire", HERE, Casualties(), time.time(), None)
    with pytest.raises(StoreError, match="report time"):
        register_incident(store, reader, OFFICER, "130102", "泄漏", "leak", HERE, Casualties(), time.time(), None, time.time() - 60)
    with pytest.raises(StoreError, match="jurisdiction"):
        register_incident(store, reader, OFFICER, "130104", "泄漏", "leak", HERE, Casualties(), time.time(), None)
    with pytest.raises(PermissionDenied, match="may not register incidents"):
        register_incident(store, reader, Actor("boss", "领导", Role.LEADER, "130102"), "130102", "泄漏", "leak",
                          HERE, Casualties(), time.time(), None)
    assert store.count("incident") == 0 and store.count("audit_event") == 0


def test_a_registered_incident_and_its_report_carry_the_officer_in_the_audit_trail(county_store):
    store, reader = county_store
    incident_id = register_incident(store, reader, OFFICER, "130102", "车间火灾", "fire", HERE, Casualties(),
                                    time.time() - 60, None)
    (row,) = store.rows("audit_event")
    assert (row["username"], row["action"], row["target_kind"], row["target_id"]) == \
        ("zhangwei", "record_create", "incident", incident_id)
    assert store.get("incident", incident_id)["registered_by"] == "zhangwei"


def test_recording_fills_the_level_row_the_backend_laid_out(county_store):
    store, reader = county_store
    now = time.time()
    incident = dict(id="inc-1", division="130102", version=1, deleted=False, title="尾矿库渗漏", kind="leak",
                    level=4, occurred_at=now - 600, status="open")
    rows = [dict(id=f"rep-{code}", division="130102", version=1, deleted=False, incident_id="inc-1",
                 reporting_division=code, due_at=0.0, reported_at=None) for code in ("130102", "130100")]
    store.apply_server_rows("incident", [incident])
    store.apply_server_rows("accident_report", rows)
    (item,) = open_incidents(reader)
    hop = item.chain(hebei(), now)[0]
    assert hop.state is HopState.DUE and hop.receiver == "130102"  # the county records what it received
    assert record_report(store, reader, item, hop, now, actor=OFFICER) == "rep-130102"
    assert store.count("accident_report") == 2
    assert store.get("accident_report", "rep-130102")["reported_at"] == now
    assert store.get("accident_report", "rep-130102")["reported_by"] == "zhangwei"
    (item,) = open_incidents(reader)
    assert item.chain(hebei(), now)[0].state is HopState.REPORTED
    with pytest.raises(StoreError, match="cannot record"):
        record_report(store, reader, item, item.chain(hebei(), now)[0], now, actor=OFFICER)


def test_self_test_reports_the_records_it_can_read(county_store):
    from console.config import BackendSection, NodeConfig, NodeSection
    from console.self_test import check_records

    store, reader = county_store
    register_incident(store, reader, OFFICER, "130102", "车间火灾", "fire", HERE, Casualties(), time.time() - 60, None)
    config = NodeConfig(node=NodeSection(division="130102"), backend=BackendSection(store_path=store.path))
    result = check_records(config)
    assert result.ok and "0 enterprises, 1 open incidents" in result.detail
    missing = NodeConfig(backend=BackendSection(store_path=store.path.with_name("absent.sqlite")))
    assert not check_records(missing).ok
