"""Durability (kill -9 right after the confirmation) and reconciliation of duplicate occurrences."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from console.alarms import AlarmEngine, AlarmState, EventKind
from console.divisions import hebei
from server_link.alarm_journal import AlarmJournal
from tests.support.alarm_sites import small_catalogue, value
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"
ROOT = Path(__file__).resolve().parents[1]


def test_acknowledgment_survives_kill_9_right_after_confirmation(tmp_path):
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
    journal = AlarmJournal(store)
    acks = [e for e in journal.events(occurrence=occurrence) if e.kind is EventKind.ACK]
    assert [(e.operator, e.note) for e in acks] == [("张三", "已电话通知企业")]
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", journal=journal)
    engine.restore(journal.open_events(since=0.0))
    assert engine.record(TAG, "HH").state is AlarmState.ACKED
    journal.close()


def test_collector_and_console_copies_reconcile_into_one_occurrence_with_its_acknowledgment(tmp_path):
    """During an outage the console reads the field directly and the operator acknowledges there;
    the collector saw the same samples. After sync both journals hold one occurrence, acknowledged."""
    samples = [value(TAG, v, ts) for ts, v in ((100.0, 10.0), (101.0, 30.0), (102.0, 31.0), (103.0, 29.0))]
    collector_journal = AlarmJournal(tmp_path / "collector.sqlite")
    console_journal = AlarmJournal(tmp_path / "console.sqlite")
    collector = AlarmEngine(small_catalogue(), hebei(), "130000", journal=collector_journal, clock=Clock(104.0))
    console = AlarmEngine(small_catalogue(), hebei(), "130102", journal=console_journal, clock=Clock(105.0))
    collector.evaluate(samples)
    console.evaluate(samples)
    console.acknowledge([console.record(TAG, "H")], "李四", "现场确认")
    assert collector_journal.flush() and console_journal.flush()
    console.poll()
    assert collector.record(TAG, "H").occurrence_id == console.record(TAG, "H").occurrence_id

    assert collector_journal.merge(console_journal.events()) == 1  # only the acknowledgment is new
    assert console_journal.merge(collector_journal.events()) == 0
    for journal in (collector_journal, console_journal):
        events = journal.events()
        assert len({e.occurrence_id for e in events if e.kind is EventKind.RAISE}) == 1
        assert [e.kind for e in events] == [EventKind.RAISE, EventKind.ACK]
    collector.restore(collector_journal.events())
    rec = collector.record(TAG, "H")
    assert rec.state is AlarmState.ACKED and rec.acked_by == "李四"
    collector_journal.close()
    console_journal.close()


def test_acknowledge_all_of_many_is_one_durable_transaction(tmp_path):
    journal = AlarmJournal(tmp_path / "store.sqlite")
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
    journal = AlarmJournal(tmp_path / "store.sqlite")
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", journal=journal, clock=Clock(0.0))
    engine.evaluate([value(TAG, 30.0, 10.0), value(TAG, 0.0, 20.0), value("TP13010201.pond_level", 85.0, 30.0)])
    assert journal.flush()
    assert [e.kind for e in journal.events(0.0, 25.0)] == [EventKind.RAISE, EventKind.CLEAR]
    assert [e.tag for e in journal.events(text="库水位")] == ["TP13010201.pond_level"]
    journal.close()
