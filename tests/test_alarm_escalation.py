"""Level-by-level escalation with a fake clock (wall and monotonic alike): county → city → province, each journaled once."""
from __future__ import annotations

from console.alarms import AlarmEngine, AlarmSettings, EscalationPolicy, escalations
from domain.divisions import hebei
from domain.values import AlarmLevel
from server_link.alarm_journal import AlarmJournal
from tests.support.alarm_sites import small_catalogue, value
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"
CHAIN = ["130102", "130100", "130000"]
MIN = 60.0


def test_pure_function_follows_policy_and_stops_at_acknowledgment():
    policy = EscalationPolicy.default()

    def red(now, acked=None):
        return [e.division for e in escalations(CHAIN, AlarmLevel.RED, 0.0, acked, policy, now)]

    assert red(5 * MIN - 1) == []
    assert red(5 * MIN) == ["130100"]
    assert red(10 * MIN) == ["130100", "130000"]
    assert red(99 * MIN) == ["130100", "130000"]
    assert red(99 * MIN, acked=7 * MIN) == ["130100"]
    assert red(99 * MIN, acked=5 * MIN) == []  # acknowledged just in time
    blue = escalations(CHAIN, AlarmLevel.BLUE, 0.0, None, policy, 119 * MIN)
    assert [(e.division, e.due_at) for e in blue] == [("130100", 60 * MIN)]
    assert [e.division for e in escalations(["130181", "130000"], AlarmLevel.RED, 0, None, policy, 60 * MIN)] == ["130000"]
    custom = EscalationPolicy({**policy.limits_min, AlarmLevel.ORANGE: 2.0})
    assert len(escalations(CHAIN, AlarmLevel.ORANGE, 0.0, None, custom, 4 * MIN)) == 2


def test_engine_escalates_on_the_clock_and_journals_each_step_once(tmp_path):
    journal = AlarmJournal.open(tmp_path / "store.sqlite", "130000", hebei())
    clock = Clock(1000.0)
    engine = AlarmEngine(small_catalogue(), hebei(), "130100", journal=journal, clock=clock, monotonic=clock)
    engine.evaluate([value(TAG, 30.0, 1000.0)])  # orange: 15 min per level
    rec = engine.record(TAG, "H")
    for minutes, expected_to in ((14.9, ""), (15.0, "130100"), (29.0, "130100"), (30.0, "130000"), (45, "130000")):
        clock.now = 1000.0 + minutes * MIN
        engine.tick()
        engine.tick()
        assert rec.escalated_to == expected_to, minutes
    assert engine.escalated_here(rec)  # a city node sees it prominently
    assert journal.flush()
    steps = [(e.payload["to"], e.at) for e in journal.events(kinds=["escalate"])]
    assert steps == [("130100", 1000.0 + 15 * MIN), ("130000", 1000.0 + 30 * MIN)]
    journal.close()


def test_acknowledged_alarm_does_not_escalate_and_restart_does_not_journal_again(tmp_path):
    path = tmp_path / "store.sqlite"
    journal = AlarmJournal.open(path, "130000", hebei())
    clock = Clock(0.0)
    engine = AlarmEngine(small_catalogue(), hebei(), "130102", journal=journal, clock=clock, monotonic=clock)
    engine.evaluate([value(TAG, 60.0, 0.0)])  # red HH and orange H
    red, orange = engine.record(TAG, "HH"), engine.record(TAG, "H")
    clock.now = 6 * MIN
    engine.tick()
    assert red.escalated_to == "130100" and not engine.escalated_here(red)  # county node: it went above
    done = []
    engine.acknowledge([red], "op", "on my way", on_done=done.append)
    assert journal.flush()
    engine.poll()
    assert done == [None]
    clock.now = 60 * MIN
    engine.tick()
    assert red.escalated_to == "130100" and orange.escalated_to == "130000"
    assert journal.flush()
    raised_before = [(e.tag, e.condition) for e in journal.events(kinds=["raise"])]
    assert ("HC13010201.gas_lel", "COMM") not in raised_before  # quiet, but no source said it was lost
    assert ("TP13010201.pond_level", "COMM") in raised_before  # never heard from: lost once the grace ran out
    journal.close()

    journal = AlarmJournal.open(path, "130000", hebei())
    restarted = AlarmEngine(small_catalogue(), hebei(), "130102", journal=journal, clock=clock, monotonic=clock)
    restarted.restore(journal.open_events(since=-1.0))
    restarted.tick()
    restarted.evaluate([value(TAG, 60.0, 61 * MIN)])  # still high: same occurrence, no new raise
    assert journal.flush()
    assert len(journal.events(kinds=["escalate"])) == 3
    assert [(e.tag, e.condition) for e in journal.events(kinds=["raise"])] == raised_before
    assert restarted.record(TAG, "HH").acknowledged and restarted.record(TAG, "COMM") is None
    journal.close()


def test_policy_comes_from_settings():
    settings = AlarmSettings(escalation=EscalationPolicy({level: 1.0 for level in AlarmLevel}))
    clock = Clock(0.0)
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=clock, monotonic=clock, settings=settings)
    engine.evaluate([value(TAG, 30.0, 0.0)])
    clock.now = 2 * MIN
    engine.tick()
    assert engine.record(TAG, "H").escalated_to == "130000"
