"""A clear is never dated before its raise, and a re-raise is a new occurrence, whatever the
order of the samples' source times (a failover re-delivers older readings)."""
from __future__ import annotations

from console.alarms import AlarmEngine, AlarmSettings
from console.alarms.conditions import ConditionFilter, ConditionKind, ConditionSpec
from domain.divisions import hebei
from domain.values import AlarmLevel, Quality
from tests.support.alarm_sites import small_catalogue, value
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"


def test_a_filter_never_dates_a_clear_before_its_raise():
    flt = ConditionFilter(ConditionSpec("COMM", ConditionKind.COMM_LOSS, AlarmLevel.BLUE, on_delay=1.0))
    assert flt.update(True, 100.0) == 0
    assert flt.settle(102.0) == 1 and flt.raised_at == 101.0
    assert flt.update(False, 99.0) == -1  # a standby's cached reading, older than the raise
    assert flt.cleared_at == 101.0
    assert flt.update(True, 98.0) == 0 and flt.settle(103.0) == 1
    assert flt.raised_at > 101.0  # a later time: a new occurrence, not the one just cleared


def test_comm_alarm_follows_the_tag_through_a_failover_that_redelivers_old_readings():
    clock = Clock(1000.0)
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=clock,
                         settings=AlarmSettings(startup_grace_s=0))
    engine.evaluate([value(TAG, 5.0, 1000.0)])
    clock.now = 1010.0
    engine.tick()  # grace over
    engine.evaluate([value(TAG, 5.0, 1009.0, Quality.BAD_COMM)])  # the field died; the last reading was at 1009
    clock.now = 1011.0
    engine.tick()
    first = engine.record(TAG, "COMM")
    assert first.active
    first_occurrence = first.occurrence_id
    engine.evaluate([value(TAG, 5.0, 1007.0)])  # failover re-delivered a GOOD reading older than the raise
    assert first.cleared_at >= first.raised_at
    engine.evaluate([value(TAG, 5.0, 1007.0, Quality.BAD_COMM)])  # and that path is dead too
    clock.now = 1013.0
    engine.tick()
    again = engine.record(TAG, "COMM")
    assert again.active and again.occurrence_id != first_occurrence  # the tag is bad: its alarm is active
