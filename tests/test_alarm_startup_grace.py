"""Start-up grace for communication failure (fake clock): links still settling are not alarms."""
from __future__ import annotations

import pytest

from console.alarms import AlarmEngine, AlarmSettings
from console.alarms.engine import settings_from_config, startup_grace
from console.config import AlarmsSection
from domain.divisions import hebei
from domain.values import Quality
from tests.support.alarm_sites import small_catalogue, value
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"
START = 1000.0


def started_engine(grace_s: float = 60.0) -> tuple[AlarmEngine, Clock]:
    clock = Clock(START)
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=clock,
                         settings=AlarmSettings(startup_grace_s=grace_s))
    return engine, clock


def comm_alarms(engine: AlarmEngine) -> set[tuple[str, str]]:
    return {rec.key for rec in engine.active_alarms() if rec.condition in ("BAD", "COMM")}


def test_a_tag_still_connecting_raises_nothing_during_the_grace():
    engine, clock = started_engine()
    for t in range(0, 59, 2):  # the driver reports lost / stale every 2 s while it connects
        clock.now = START + t
        engine.evaluate([value(TAG, 0.0, START + t, Quality.BAD_COMM if t % 4 else Quality.UNCERTAIN_STALE)])
        engine.evaluate([value(tag, 0.0, START + t, Quality.BAD_COMM) for tag in engine.catalogue.tags])
        engine.tick()
    assert comm_alarms(engine) == set()


def test_when_the_grace_runs_out_without_a_good_value_the_failure_is_raised():
    engine, clock = started_engine()
    clock.now = START + 1
    engine.evaluate([value(TAG, 0.0, START + 1, Quality.BAD_COMM)])
    clock.now = START + 59.9
    engine.tick()
    assert engine.record(TAG, "COMM") is None
    clock.now = START + 61.5  # past the grace and the condition's on-delay (one scan period)
    engine.tick()
    comm = engine.record(TAG, "COMM")
    assert comm.active and comm.raised_at == START + 60 + 1  # from the end of the grace, after the on-delay


def test_a_tag_that_never_delivers_anything_raises_communication_loss_at_the_end_of_the_grace():
    engine, clock = started_engine(grace_s=30.0)
    clock.now = START + 29
    engine.tick()
    assert comm_alarms(engine) == set()
    clock.now = START + 31
    engine.tick()
    rec = engine.record(TAG, "COMM")
    assert rec.active and rec.raised_at == START + 30 + 1  # after the on-delay of one scan period
    assert ("TP13010201.pond_level", "COMM") in comm_alarms(engine)  # every silent tag, not only this one


def test_a_tag_good_then_briefly_stale_during_the_start_raises_nothing():
    engine, clock = started_engine()
    clock.now = START + 1
    engine.evaluate([value(t, 1.0, START + 1) for t in engine.catalogue.tags])
    engine.evaluate([value(TAG, 1.0, START + 5, Quality.UNCERTAIN_STALE)])  # first confirmations late
    clock.now = START + 9
    engine.tick()
    engine.evaluate([value(TAG, 1.0, START + 9)])
    clock.now = START + 70
    engine.tick()
    assert comm_alarms(engine) == set()


def test_after_the_grace_a_loss_raises_at_once():
    engine, clock = started_engine()
    clock.now = START + 1
    engine.evaluate([value(t, 1.0, START + 1) for t in engine.catalogue.tags])
    clock.now = START + 61
    engine.tick()
    engine.evaluate([value(TAG, 0.0, START + 61, Quality.BAD_COMM)])
    clock.now = START + 62  # one scan period of on-delay
    engine.tick()
    rec = engine.record(TAG, "COMM")
    assert rec.active and rec.raised_at == START + 62


def test_a_good_value_inside_the_grace_ends_the_hold_without_an_alarm():
    engine, clock = started_engine()
    clock.now = START + 5
    engine.evaluate([value(TAG, 0.0, START + 5, Quality.BAD_COMM)])
    engine.evaluate([value(TAG, 1.0, START + 20)])
    clock.now = START + 21
    engine.evaluate([value(t, 1.0, START + 21) for t in engine.catalogue.tags])
    clock.now = START + 70
    engine.evaluate([value(t, 1.0, START + 70) for t in engine.catalogue.tags])
    engine.tick()
    assert comm_alarms(engine) == set()


def test_out_of_range_and_config_faults_are_not_held_back():
    engine, _ = started_engine()
    engine.evaluate([value(TAG, 0.0, START + 1, Quality.BAD_CONFIG), value(TAG, 0.0, START + 2.5, Quality.BAD_CONFIG)])
    assert engine.record(TAG, "BAD").active and engine.record(TAG, "COMM") is None


def test_a_slow_tag_gets_three_of_its_stale_periods():
    tag = small_catalogue().tags[TAG]
    assert startup_grace(tag, AlarmSettings(startup_grace_s=60.0)) == 60.0
    slow = type(tag)(**{**tag.__dict__, "scan_period_s": 60.0})  # stale after 180 s
    assert startup_grace(slow, AlarmSettings(startup_grace_s=60.0)) == 540.0


def test_the_grace_comes_from_the_node_config():
    assert settings_from_config(AlarmsSection(startup_grace_s=120)).startup_grace_s == 120
    with pytest.raises(ValueError, match="startup_grace_s"):
        AlarmsSection(startup_grace_s=-1)
