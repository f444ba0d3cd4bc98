"""Durability (kill -9 right after the confirmation) and reconciliation of duplicate occurrences."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from console.alarms import AlarmEngine, AlarmState
from domain.alarm_events import EventKind
from domain.divisions import hebei
from server_link.alarm_journal import AlarmJournal
from tests.support.alarm_sites import small_catalogue, value
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"
ROOT = Path(__file__).resolve().parents[1]


def test_acknowledgment_survives_kill_9_right_after_the_console_confirmed_it(tmp_path):
    store = tmp_path / "store.sqlite"
    child = subprocess.Popen([sys.executable, "-m", "tests.support.alarm_ack_child", str(store)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()  # blocks until the child confirms (or dies)
        assert line.startswith("CONFIRMED "), child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    occurrence = line.split()[1]
    journal = AlarmJournal.open(store, "130000", hebei())
    acks = [e for e in journal.events(occurrence=occurrence) if e.kind is EventKind.ACK]
    assert [(e.operator, e.note) for e in acks] == [("operator", "已电话通知企业")]
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", journal=journal)
    engine.restore(journal.open_events(since=0.0))
    assert engine.record(TAG, "HH").state is AlarmState.ACKED
    journal.close()


class ListJournal:
    """A journal that is durable at once (the engine-level test of reconciliation needs no disk)."""

    def __init__(self):
        self.events = []

    def append(self, batch, on_durable=None, audit=()):
        self.events.extend(batch)
        if on_durable is not None:
            on_durable(None)

    def poll(self):
        return 0


def test_one_alarm_read_a_scan_apart_by_two_nodes_reconciles_into_one_occurrence_with_its_acknowledgment():
    """Modbus values carry the reader's poll time, so two nodes raise the same alarm under
    different occurrence ids. Merged both ways they end as one occurrence (the earlier
    raise), acknowledged, and the KPIs count one alarm."""
    from console.alarms.kpi import compute_kpis

    def node(code, offset, now):
        engine = AlarmEngine(small_catalogue(), hebei(), code, journal=ListJournal(), clock=Clock(now))
        engine.evaluate([value(TAG, v, ts + offset) for ts, v in ((100.0, 10.0), (101.0, 30.0), (102.0, 31.0))])
        return engine

    collector, console = node("130102", 0.0, 104.0), node("130100", 0.4, 105.0)
    console.acknowledge([console.record(TAG, "H")], "李四", "现场确认")
    assert collector.record(TAG, "H").occurrence_id != console.record(TAG, "H").occurrence_id
    first_raise = collector.journal.events[0]

    collector.merge(console.journal.events)
    console.merge(collector.journal.events)
    for engine in (collector, console):
        rec = engine.record(TAG, "H")
        assert rec.occurrence_id == first_raise.occurrence_id
        assert rec.state is AlarmState.ACKED and (rec.acked_by, rec.note) == ("李四", "现场确认")
    every = sorted(collector.journal.events + console.journal.events, key=lambda e: e.at)
    assert compute_kpis(every, 0.0, 200.0).total == 1


def test_a_nodes_own_successive_occurrences_are_never_merged():
    engine = AlarmEngine(small_catalogue(), hebei(), "130102", journal=ListJournal(), clock=Clock(0.0))
    engine.evaluate([value(TAG, v, ts) for ts, v in ((1.0, 30.0), (2.0, 10.0), (3.0, 30.0))])
    raises = [e for e in engine.journal.events if e.kind is EventKind.RAISE and e.condition == "H"]
    assert len(raises) == 2
    restarted = AlarmEngine(small_catalogue(), hebei(), "130102", clock=Clock(0.0))
    restarted.restore(engine.journal.events)
    assert restarted.record(TAG, "H").occurrence_id == raises[1].occurrence_id


def test_acknowledge_all_of_many_is_one_durable_transaction(tmp_path):
    journal = AlarmJournal.open(tmp_path / "store.sqlite", "130000", hebei())
    catalogue = small_catalogue()
    engine = AlarmEngine(catalogue, hebei(), "130000", journal=journal, clock=Clock(0.0))
    engine.evaluate([value(tag, 95.0, 1.0) for tag in catalogue.tags])
    records = [rec for rec in engine.active_alarms() if not rec.acknowledged]
    done = []
    assert engine.acknowledge(records, "op", "all seen", on_done=done.append) == len(records)
    assert all(not rec.acknowledged for rec in records)  # not before it is durable
    assert journal.flush()
    engine.poll()
    assert done == [None] and all(rec.acknowledged for rec in records)
    assert len(journal.events(kinds=["ack"])) == len(records)
    journal.close()


def test_history_search_by_time_range_and_text(tmp_path):
    journal = AlarmJournal.open(tmp_path / "store.sqlite", "130000", hebei())
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", journal=journal, clock=Clock(0.0))
    engine.evaluate([value(TAG, 30.0, 10.0), value(TAG, 0.0, 20.0), value("TP13010201.pond_level", 85.0, 30.0)])
    assert journal.flush()
    assert [e.kind for e in journal.events(0.0, 25.0)] == [EventKind.RAISE, EventKind.CLEAR]
    assert [e.tag for e in journal.events(text="库水位")] == ["TP13010201.pond_level"]
    journal.close()


def test_self_test_checks_the_alarm_journal(duty_home):
    from console.config import NodeConfig
    from console.self_test import check_alarm_journal

    result = check_alarm_journal(NodeConfig())
    assert result.ok and "0 alarm events" in result.detail


def test_an_acknowledgment_stamped_before_its_raise_by_a_lagging_clock_still_counts():
    """Another node's clock may run behind: its acknowledgment can carry an earlier time than the
    raise, and a pull hands rows over in no particular order."""
    county = AlarmEngine(small_catalogue(), hebei(), "130102", journal=ListJournal(), clock=Clock(100.0))
    county.evaluate([value(TAG, 30.0, 100.0)])
    lagging = AlarmEngine(small_catalogue(), hebei(), "130100", journal=ListJournal(), clock=Clock(99.0))
    lagging.merge(county.journal.events)
    lagging.acknowledge([lagging.record(TAG, "H")], "王五", "已处置")
    city = AlarmEngine(small_catalogue(), hebei(), "130100", clock=Clock(100.0))
    city.merge(list(reversed(county.journal.events + lagging.journal.events)))
    assert city.record(TAG, "H").state is AlarmState.ACKED


LEGACY_DDL = """
CREATE TABLE alarm_event (id TEXT PRIMARY KEY, occurrence_id TEXT NOT NULL, kind TEXT NOT NULL,
    level INTEGER NOT NULL, site TEXT NOT NULL, tag TEXT NOT NULL, condition TEXT NOT NULL,
    division TEXT NOT NULL, at REAL NOT NULL, operator TEXT, node TEXT, note TEXT, payload TEXT);
CREATE INDEX alarm_event_occurrence ON alarm_event (occurrence_id);
CREATE INDEX alarm_event_at ON alarm_event (at);
"""


def test_a_store_journaled_before_the_journal_was_synced_keeps_its_events_and_queues_them(tmp_path):
    """Revision 0004 adopts the local-only journal of older nodes: same events, each with an op."""
    import sqlite3

    from sqlalchemy import create_engine

    from server_link.migrate import upgrade

    path = tmp_path / "old-store.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0003")
    engine.dispose()
    before = AlarmEngine(small_catalogue(), hebei(), "130102", journal=ListJournal(), clock=Clock(5.0))
    before.evaluate([value(TAG, 30.0, 1.0)])
    before.acknowledge([before.record(TAG, "H")], "张三", "旧版确认")
    events = before.journal.events
    with sqlite3.connect(path) as conn:
        conn.executescript(LEGACY_DDL)
        conn.executemany(f"INSERT INTO alarm_event VALUES ({','.join('?' * 13)})", [e.row()[:13] for e in events])
    conn.close()

    journal = AlarmJournal.open(path, "130102", hebei())
    try:
        assert journal.events() == events
        assert [(op.table, op.row_id, op.kind) for op in journal.store.pending_ops(10)] == \
            [("alarm_event", e.id, "append") for e in events]
        assert journal.store.pending_ops(10)[1].fields["note"] == "旧版确认"
    finally:
        journal.close()
