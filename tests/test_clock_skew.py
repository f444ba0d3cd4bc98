"""Clock skew (issue 12, defect 4): escalation on the monotonic clock, the node's offset to the
backend (real PostgreSQL) and to an OPC UA server (real asyncua server) measured, a skewed node
flagged by the clock watch, the self-test and the status bar, stamps in the backend's time."""
from __future__ import annotations

import asyncio
import socket
import time

import psycopg2
import pytest
from asyncua import Server

from console.alarms import AlarmEngine, AlarmSettings, EscalationPolicy
from domain.alarm_events import AlarmEvent, EventKind, occurrence_id, system_event_id
from console.clock_watch import ClockWatch, backend_probe
from console.config import BackendSection, NodeConfig, NodeSection
from console.context import AppContext
from domain.divisions import hebei
from console.link_state import LinkState
from domain.node_clock import BACKEND, OPCUA, NodeClock, OffsetSample
from console.self_test import check_clock
from drivers.clock_probe import opcua_offset
from domain.values import AlarmLevel
from server_link.clock_probe import backend_offset
from tests.support.alarm_sites import small_catalogue, value
from tests.support.field import wait_until
from tests.test_alarm_journal import ListJournal
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"  # HH 50 → red, H 25 → orange
SKEW_S = 600.0  # the node 10 minutes ahead


def limits(seconds: float) -> AlarmSettings:
    return AlarmSettings(escalation=EscalationPolicy({level: seconds / 60.0 for level in AlarmLevel}))


def skewed_wall() -> float:
    return time.time() + SKEW_S


def database_now(dsn: str) -> float:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT extract(epoch FROM clock_timestamp())::float8")
        return cur.fetchone()[0]


def test_a_wall_clock_jump_forward_does_not_escalate():
    """The node's clock jumps 10 minutes ahead just after a raise: with a 30 s limit nothing
    escalates (on wall-clock differences both levels would have gone at once)."""
    wall = Clock(time.time())
    engine = AlarmEngine(small_catalogue(), hebei(), "130102", clock=wall, settings=limits(30.0))
    engine.evaluate([value(TAG, 60.0, wall.now)])
    red = engine.record(TAG, "HH")
    assert red.active and not red.acknowledged
    wall.now += SKEW_S
    engine.tick()
    assert red.escalated_to == "" and red.escalation_steps == 0


def test_a_wall_clock_jump_back_does_not_hold_escalation():
    """The clock jumps 10 minutes back: the alarm still escalates once its limit has run on the
    monotonic clock, stamped at the (jumped) wall time it fell due."""
    limit = 0.3
    wall = Clock(time.time())
    engine = AlarmEngine(small_catalogue(), hebei(), "130102", clock=wall, settings=limits(limit))
    raised = time.monotonic()
    engine.evaluate([value(TAG, 60.0, wall.now)])
    red = engine.record(TAG, "HH")
    wall.now -= SKEW_S

    def escalated() -> bool:
        wall.now = time.time() - SKEW_S
        engine.tick()
        return red.escalation_steps >= 1

    wait_until(escalated, 30.0, "the red alarm to escalate to the city")
    assert time.monotonic() - raised >= limit
    assert red.escalated_to in ("130100", "130000")


def test_a_synced_raise_escalates_from_its_age_on_the_backend_clock_not_the_skewed_wall(pg_dsn):
    """A county's red raise 60 s old (by the backend) reaches a city node whose clock is 10 minutes
    ahead: not escalated on arrival; the age counted is the backend's 60 s, not the wall's 660 s."""
    node_clock = NodeClock(skewed_wall)
    with psycopg2.connect(pg_dsn) as conn:
        node_clock.record(backend_offset(conn, node_clock.wall))
    city = AlarmEngine(small_catalogue(), hebei(), "130100", node_clock=node_clock)
    at = database_now(pg_dsn) - 60.0
    occurrence = occurrence_id(TAG, "HH", at)
    city.merge([AlarmEvent(system_event_id(occurrence, "raise"), occurrence, EventKind.RAISE, int(AlarmLevel.RED),
                           "HC13010201", TAG, "HH", "130102", at, node="130102")])
    red = city.record(TAG, "HH")
    city.tick()
    assert red.active and red.escalation_steps == 0
    assert 59.0 <= red.origin_age <= 65.0


def test_a_synced_raise_waits_for_a_reference_before_its_age_counts():
    """No offset measured yet and the wall 10 minutes ahead: the raise is not judged 10 minutes
    old (no instant escalation); once the offset is known its real age counts."""
    node_clock = NodeClock(skewed_wall)
    city = AlarmEngine(small_catalogue(), hebei(), "130100", node_clock=node_clock)
    at = time.time() - 10.0
    occurrence = occurrence_id(TAG, "HH", at)
    city.merge([AlarmEvent(system_event_id(occurrence, "raise"), occurrence, EventKind.RAISE, int(AlarmLevel.RED),
                           "HC13010201", TAG, "HH", "130102", at, node="130102")])
    red = city.record(TAG, "HH")
    city.tick()
    assert red.escalation_steps == 0 and red.origin_age is None
    node_clock.record(OffsetSample(BACKEND, -SKEW_S, 0.001))
    city.tick()
    assert red.escalation_steps == 0 and 9.0 <= red.origin_age <= 15.0


def test_a_skewed_node_is_flagged_and_stamps_in_the_backend_time(pg_dsn):
    """The clock watch measures the offset of a node 10 minutes ahead against real PostgreSQL; the
    engine's acknowledgment is then stamped in the database's time and says which clock it is."""
    node_clock = NodeClock(skewed_wall, warn_s=5.0)
    watch = ClockWatch(node_clock, [("backend", backend_probe(pg_dsn, node_clock))], interval_s=0.2)
    watch.start()
    wait_until(lambda: BACKEND in node_clock.samples(), 30.0, "the clock watch's first measurement")
    watch.stop()
    watch.join(10.0)
    assert not watch.is_alive()
    sample = node_clock.samples()[BACKEND]
    assert abs(sample.offset_s + SKEW_S) < 1.0 and sample.round_trip_s < 1.0
    assert node_clock.skewed() == [sample]

    journal = ListJournal()
    engine = AlarmEngine(small_catalogue(), hebei(), "130102", journal=journal, node_clock=node_clock)
    engine.evaluate([value(TAG, 60.0, time.time())])
    engine.acknowledge([engine.record(TAG, "HH")], "op", "checked on site")
    acks = [event for event in journal.events if event.kind is EventKind.ACK]
    assert len(acks) == 1
    assert abs(acks[0].at - database_now(pg_dsn)) < 2.0
    assert acks[0].payload["clock"] == BACKEND and abs(acks[0].payload["clock_offset_s"] + SKEW_S) < 1.0


def test_the_clock_offset_to_an_opcua_server_is_measured():
    """A real asyncua server on loopback; the node's wall clock 10 minutes ahead of it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"opc.tcp://127.0.0.1:{port}/clock"

    async def measure():
        server = Server()
        await server.init()
        server.set_endpoint(url)
        async with server:
            return await opcua_offset(url, wall=skewed_wall)

    sample = asyncio.run(measure())
    assert sample.source == OPCUA and sample.detail == url
    assert abs(sample.offset_s + SKEW_S) < 2.0  # asyncua refreshes CurrentTime once a second


def pg_config(dsn: str) -> NodeConfig:
    params = psycopg2.extensions.parse_dsn(dsn)
    backend = BackendSection(kind="postgresql", host=params["host"], port=int(params.get("port", 5432)),
                             dbname=params["dbname"], user=params["user"], sslmode="disable")
    return NodeConfig(node=NodeSection(division="130102"), backend=backend)


def test_self_test_fails_on_a_skewed_clock(pg_dsn):
    config = pg_config(pg_dsn)
    fine = check_clock(config)
    assert fine.ok and "to the backend" in fine.detail
    skewed = check_clock(config, wall=skewed_wall)
    assert not skewed.ok and not skewed.warn_only  # fails the node, not a warning
    assert "-600" in skewed.detail and "over 5 s" in skewed.detail


@pytest.fixture()
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from console.main_window import MainWindow

    context = AppContext(NodeConfig(node=NodeSection(division="130102")))
    node_clock = context.services["node_clock"] = NodeClock(warn_s=5.0)
    win = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    return win, node_clock


def test_status_bar_shows_the_offset_and_warns_past_the_threshold(window):
    win, node_clock = window
    win._tick()
    assert win.clock_offset_indicator.state is LinkState.UNKNOWN
    node_clock.record(OffsetSample(BACKEND, 0.4, 0.002))
    win._tick()
    assert win.clock_offset_indicator.state is LinkState.UP and "+0.4 s" in win.clock_offset_indicator.text()
    node_clock.record(OffsetSample(OPCUA, -SKEW_S, 0.002))
    win._tick()
    text = win.clock_offset_indicator.text()
    assert win.clock_offset_indicator.state is LinkState.DEGRADED
    assert "-600.0 s to the OPC UA server" in text and "over 5 s" in text
