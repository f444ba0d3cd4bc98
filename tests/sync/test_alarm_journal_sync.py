"""The alarm journal replicated through a real PostgreSQL: a county node (130102) and its
city node (130100), each with its own local store, alarm journal and engine.

The sync runs on the test thread here, so pulled events go straight to `engine.merge`;
the alarm service hands them over to the GUI thread through a queue instead.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from console.alarms import AlarmEngine, AlarmState
from domain.alarm_events import EventKind
from console.alarms.kpi import compute_kpis
from domain.divisions import hebei
from server_link.alarm_journal import AlarmJournal
from server_link.local_store import LocalStore
from server_link.sync_engine import LinkDown
from tests.support.alarm_sites import small_catalogue, value
from tests.support.sync_env import Node, settle
from tests.test_alarm_states import Clock

pytestmark = pytest.mark.postgres
TAG = "HC13010201.gas_lel"  # H is orange: 15 min per escalation step
MIN = 60.0


@dataclass
class AlarmNode:
    sync: Node
    journal: AlarmJournal
    engine: AlarmEngine
    clock: Clock

    def durable(self) -> None:
        """Wait until the journal committed everything, then apply the operator actions."""
        assert self.journal.flush()
        self.engine.poll()


@pytest.fixture()
def alarm_node(node_factory):
    made = []

    def factory(division: str, dsn: str | None = None, now: float = 1000.0) -> AlarmNode:
        sync = node_factory(division, dsn)
        journal = AlarmJournal(sync.store)
        clock = Clock(now)
        engine = AlarmEngine(small_catalogue(), hebei(), division, journal=journal, clock=clock, monotonic=clock)
        journal.on_pulled(engine.merge)
        made.append(journal)
        return AlarmNode(sync, journal, engine, clock)

    yield factory
    for journal in made:
        journal.close()


def settle_alarms(nodes: list[AlarmNode], rounds: int = 3) -> None:
    for node in nodes:
        node.durable()
    settle([node.sync for node in nodes], rounds)


def server_events(env, occurrence: str | None = None) -> list[tuple]:
    where, args = ("WHERE occurrence_id = %s", (occurrence,)) if occurrence else ("", ())
    return env.query(f"SELECT id, kind, division, operator, note FROM alarm_event {where} ORDER BY at, id", args)


def test_raise_and_acknowledgment_on_the_county_node_reach_the_city_node_not_another_city(env, alarm_node):
    county, city, tangshan = alarm_node("130102"), alarm_node("130100"), alarm_node("130203")
    county.engine.evaluate([value(TAG, 30.0, 1000.0)])
    raised = county.engine.record(TAG, "H")
    county.engine.acknowledge([raised], "张三", "已电话通知企业")
    settle_alarms([county, city, tangshan])

    seen = city.engine.record(TAG, "H")
    assert seen is not None and seen.occurrence_id == raised.occurrence_id
    assert seen.state is AlarmState.ACKED and (seen.acked_by, seen.note) == ("张三", "已电话通知企业")
    ids = {event.id for event in county.journal.events()}
    assert ids == {event.id for event in city.journal.events()} == {row[0] for row in server_events(env)}
    assert EventKind.ACK in {event.kind for event in city.journal.events()}
    assert county.sync.store.pending_count() == 0 and city.sync.store.pending_count() == 0
    assert tangshan.journal.events() == [] and tangshan.engine.record(TAG, "H") is None


def test_an_escalation_computed_on_both_nodes_is_journaled_once(env, alarm_node):
    county, city = alarm_node("130102"), alarm_node("130100")
    county.engine.evaluate([value(TAG, 30.0, 1000.0)])
    settle_alarms([county, city])
    occurrence = county.engine.record(TAG, "H").occurrence_id
    assert city.engine.record(TAG, "H").occurrence_id == occurrence

    for minutes, reached in ((15, "130100"), (30, "130000")):
        for node in (county, city):  # each node on its own clock, neither told of the other's
            node.clock.now = 1000.0 + minutes * MIN
            node.engine.tick()
        for node in (county, city):
            node.durable()
            mine = [e for e in node.journal.events(occurrence=occurrence) if e.kind is EventKind.ESCALATE]
            assert mine[-1].payload["to"] == reached
        settle([county.sync, city.sync])

    escalations = [row for row in server_events(env, occurrence) if row[1] == "escalate"]
    assert len(escalations) == 2
    for node in (county, city):
        stored = [e.id for e in node.journal.events(occurrence=occurrence, kinds=["escalate"])]
        assert sorted(stored) == sorted(row[0] for row in escalations)
        assert node.engine.record(TAG, "H").escalated_to == "130000"
    assert city.engine.escalated_here(city.engine.record(TAG, "H"))


def test_one_alarm_seen_by_the_collector_and_by_a_console_reading_the_field_during_an_outage_is_one_occurrence(
        env, alarm_node, proxy):
    """The county node collects; the city node's link to the backend is down and it reads the
    field directly. Their poll times differ (Modbus has no source timestamp), so each raises the
    alarm under its own occurrence id; the city operator acknowledges it during the outage."""
    county = alarm_node("130102")
    city = alarm_node("130100", env.node_dsn("130100", proxy.host, proxy.port))
    proxy.cut()
    samples = ((100.0, 10.0), (101.0, 30.0), (102.0, 31.0))
    county.engine.evaluate([value(TAG, v, ts) for ts, v in samples])
    city.engine.evaluate([value(TAG, v, ts + 0.4) for ts, v in samples])
    city.engine.acknowledge([city.engine.record(TAG, "H")], "李四", "现场确认")
    city.durable()
    with pytest.raises(LinkDown):
        city.sync.engine.sync_once()
    county_occurrence = county.engine.record(TAG, "H").occurrence_id
    assert city.engine.record(TAG, "H").occurrence_id != county_occurrence

    proxy.restore()
    settle_alarms([county, city])
    for node in (county, city):
        rec = node.engine.record(TAG, "H")
        assert rec.occurrence_id == county_occurrence  # the earlier raise
        assert rec.state is AlarmState.ACKED and (rec.acked_by, rec.note) == ("李四", "现场确认")
        events = node.journal.events(kinds=["raise", "clear"])
        assert compute_kpis(events, 0.0, 200.0).total == 1
        assert node.sync.store.pending_count() == 0
    assert len([row for row in server_events(env) if row[1] == "ack"]) == 1


def test_an_acknowledgment_stored_while_the_backend_is_down_survives_and_is_pushed_when_it_returns(
        env, alarm_node, proxy):
    county = alarm_node("130102", env.node_dsn("130102", proxy.host, proxy.port))
    city = alarm_node("130100")
    county.engine.evaluate([value(TAG, 30.0, 1000.0)])
    settle_alarms([county, city])
    proxy.cut()
    county.engine.acknowledge([county.engine.record(TAG, "H")], "张三", "断网期间确认")
    county.durable()  # what the console waits for before it says "stored"
    assert county.engine.record(TAG, "H").acknowledged
    with pytest.raises(LinkDown):
        county.sync.engine.sync_once()

    reopened = LocalStore(county.sync.store.path, "130102", hebei())  # what a restart would find on disk
    try:
        acks = [row for row in reopened.rows("alarm_event") if row["kind"] == "ack"]
        assert [(row["operator"], row["note"]) for row in acks] == [("张三", "断网期间确认")]
        audit = reopened.rows("audit_event")
        assert [(row["username"], row["action"]) for row in audit] == [("张三", "ack")]
        assert [(op.table, op.row_id) for op in reopened.pending_ops(10)] == [("alarm_event", acks[0]["id"]),
                                                                                ("audit_event", audit[0]["id"])]
    finally:
        reopened.close()

    proxy.restore()
    settle_alarms([county, city])
    assert [row[3:] for row in server_events(env) if row[1] == "ack"] == [("张三", "断网期间确认")]
    assert county.sync.store.pending_count() == 0
    assert city.engine.record(TAG, "H").state is AlarmState.ACKED


def test_the_alarm_service_shows_events_a_sync_thread_pulled(env, alarm_node, node_factory, qtbot):
    """The console's wiring: the sync thread hands pulled events over, the GUI thread merges them."""
    import threading

    from console.config import NodeConfig, NodeSection
    from console.context import AppContext
    from console.services.alarm_runtime import AlarmService

    county = alarm_node("130102")
    county.engine.evaluate([value(TAG, 30.0, 1000.0)])
    county.engine.acknowledge([county.engine.record(TAG, "H")], "张三", "已通知")
    settle_alarms([county])
    city = node_factory("130100")
    service = AlarmService(AppContext(NodeConfig(node=NodeSection(division="130100"))), small_catalogue(),
                           city.store, clock=lambda: 1000.0)
    try:
        puller = threading.Thread(target=city.engine.sync_once)
        puller.start()
        puller.join()
        qtbot.waitUntil(lambda: (rec := service.engine.record(TAG, "H")) is not None and rec.acknowledged)
        assert service.engine.record(TAG, "H").acked_by == "张三"
    finally:
        service.stop()
