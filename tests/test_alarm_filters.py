"""Chatter filter (deadband, on-delay, off-delay), comm loss, GB 50863 aggregation — fake clock."""
from __future__ import annotations

from console.alarms import AlarmEngine, AlarmSettings, AlarmState, ConditionKind, ConditionSpec
from console.alarms.aggregation import aggregate_level
from domain.divisions import hebei
from domain.values import AlarmLevel, Quality
from tests.support.alarm_sites import small_catalogue, value
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"


def engine_with(*specs, clock=None):
    clock = clock or Clock(0.0)
    return AlarmEngine(small_catalogue(), hebei(), "130000", clock=clock, conditions={TAG: list(specs)}), clock


def test_deadband_holds_the_alarm_until_the_value_is_back_inside_by_the_band():
    engine, _ = engine_with(ConditionSpec("H", ConditionKind.HIGH, AlarmLevel.ORANGE, 25.0, deadband=2.0))
    engine.evaluate([value(TAG, 24.9, 1.0)])
    assert engine.record(TAG, "H") is None
    engine.evaluate([value(TAG, 25.0, 2.0)])
    assert engine.record(TAG, "H").active
    engine.evaluate([value(TAG, 23.5, 3.0)])  # below the limit, inside the band
    assert engine.record(TAG, "H").active
    engine.evaluate([value(TAG, 22.9, 4.0)])
    rec = engine.record(TAG, "H")
    assert not rec.active and rec.cleared_at == 4.0


def test_on_delay_raises_only_if_the_condition_holds_and_dates_the_raise_after_the_delay():
    engine, clock = engine_with(ConditionSpec("H", ConditionKind.HIGH, AlarmLevel.ORANGE, 25.0, on_delay=10.0))
    engine.evaluate([value(TAG, 30.0, 100.0), value(TAG, 10.0, 105.0)])  # a 5 s blip
    clock.now = 200.0
    engine.tick()
    assert engine.record(TAG, "H") is None
    engine.evaluate([value(TAG, 30.0, 300.0)])
    clock.now = 309.0
    engine.tick()
    assert engine.record(TAG, "H") is None
    clock.now = 310.0
    engine.tick()  # no new sample: the delay ends by the clock
    rec = engine.record(TAG, "H")
    assert rec.state is AlarmState.UNACKED and rec.raised_at == 310.0


def test_off_delay_keeps_the_alarm_through_short_returns_to_normal():
    engine, clock = engine_with(ConditionSpec("H", ConditionKind.HIGH, AlarmLevel.ORANGE, 25.0, off_delay=30.0))
    engine.evaluate([value(TAG, 30.0, 0.0)])
    first = engine.record(TAG, "H").occurrence_id
    engine.evaluate([value(TAG, 10.0, 10.0), value(TAG, 30.0, 20.0), value(TAG, 10.0, 25.0)])
    clock.now = 54.0
    engine.tick()
    rec = engine.record(TAG, "H")
    assert rec.active and rec.occurrence_id == first
    clock.now = 55.0
    engine.tick()
    assert not rec.active and rec.cleared_at == 55.0


def test_rate_of_change_deviation_and_discrete_conditions():
    engine, _ = engine_with(
        ConditionSpec("ROC", ConditionKind.RATE, AlarmLevel.YELLOW, 6.0),  # 6 %LEL per minute
        ConditionSpec("DEV", ConditionKind.DEVIATION, AlarmLevel.BLUE, 5.0, setpoint=10.0),
        ConditionSpec("STATE", ConditionKind.DISCRETE, AlarmLevel.RED, 99.0),
    )
    engine.evaluate([value(TAG, 10.0, 0.0), value(TAG, 10.5, 10.0)])  # 3/min
    assert engine.active_alarms() == []
    engine.evaluate([value(TAG, 12.0, 20.0)])  # 9/min, deviation 2
    assert {rec.condition for rec in engine.active_alarms()} == {"ROC"}
    engine.evaluate([value(TAG, 16.0, 80.0)])  # 4/min, deviation 6
    assert {rec.condition for rec in engine.active_alarms() if rec.active} == {"DEV"}
    engine.evaluate([value(TAG, 99.0, 3600.0)])
    assert {rec.condition for rec in engine.active_alarms() if rec.active} == {"DEV", "STATE"}


def test_bad_quality_holds_limit_state_and_raises_its_own_alarm_after_its_delay():
    catalogue_engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=Clock(0.0))
    catalogue_engine.evaluate([value(TAG, 30.0, 0.0)])
    catalogue_engine.evaluate([value(TAG, 0.0, 0.5, Quality.BAD_OUT_OF_RANGE)])
    assert catalogue_engine.record(TAG, "H").active  # a bad value does not clear it
    assert catalogue_engine.record(TAG, "BAD") is None  # on-delay = one scan period
    catalogue_engine.evaluate([value(TAG, 0.0, 1.6, Quality.BAD_OUT_OF_RANGE)])
    assert catalogue_engine.record(TAG, "BAD").level is AlarmLevel.BLUE
    assert catalogue_engine.record(TAG, "COMM") is None


def test_communication_loss_is_what_the_source_says_not_silence():
    """Sources report by exception: a quiet tag is fine until its source marks it stale or lost."""
    clock = Clock(0.0)
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=clock)
    engine.evaluate([value(TAG, 1.0, 0.0)])
    clock.now = 600.0  # ten minutes without a value inside the deadband
    engine.tick()
    assert engine.record(TAG, "COMM") is None
    for start, quality in ((601.0, Quality.UNCERTAIN_STALE), (701.0, Quality.BAD_COMM)):
        engine.evaluate([value(TAG, 1.0, start, quality)])
        clock.now = start + 0.5
        engine.tick()
        assert engine.record(TAG, "COMM") is None or not engine.record(TAG, "COMM").active  # on-delay: 1 scan
        clock.now = start + 1
        engine.tick()
        rec = engine.record(TAG, "COMM")
        assert rec.active and rec.raised_at == start + 1 and engine.record(TAG, "BAD") is None
        engine.evaluate([value(TAG, 1.0, start + 2)])
        assert not rec.active


def test_gb50863_rule():
    B, Y, O, R = AlarmLevel.BLUE, AlarmLevel.YELLOW, AlarmLevel.ORANGE, AlarmLevel.RED
    assert aggregate_level([]) is None
    assert aggregate_level([B, B, B]) is B
    assert aggregate_level([B] * 4) is Y
    assert aggregate_level([Y] * 3) is O
    assert aggregate_level([O, O]) is R
    assert aggregate_level([B] * 8 + [Y]) is O  # 8 blue → 2 yellow, + 1 yellow = 3 → orange


def test_aggregation_raises_the_item_alarm_when_four_points_are_blue():
    settings = AlarmSettings(gb50863_aggregation=True)
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=Clock(0.0), settings=settings)
    points = [f"TP13010201.disp_{n}" for n in range(1, 5)]
    engine.evaluate([value(tag, 25.0, 1.0) for tag in points[:3]])
    assert engine.record("TP13010201.surface_disp.*", "GB50863") is None
    engine.evaluate([value(points[3], 25.0, 2.0)])
    item = engine.record("TP13010201.surface_disp.*", "GB50863")
    assert item.level is AlarmLevel.YELLOW and item.state is AlarmState.UNACKED
    engine.evaluate([value(points[0], 5.0, 3.0)])
    assert not item.active
    without = AlarmEngine(small_catalogue(), hebei(), "130000", clock=Clock(0.0))
    without.evaluate([value(tag, 25.0, 1.0) for tag in points])
    assert without.record("TP13010201.surface_disp.*", "GB50863") is None


def test_aggregation_three_yellow_points_make_the_item_orange_and_items_follow_point_numbers():
    from console.alarms.engine import monitoring_item
    from domain.tags import TagSpec

    assert monitoring_item(TagSpec("X.phreatic_depth_3", "X", "phreatic_depth_3", "", "m", 0, 1)) == "phreatic_depth"
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=Clock(0.0),
                         settings=AlarmSettings(gb50863_aggregation=True))
    engine.evaluate([value(f"TP13010201.disp_{n}", 45.0, 1.0) for n in range(1, 4)])
    item = engine.record("TP13010201.surface_disp.*", "GB50863")
    assert item.level is AlarmLevel.ORANGE and "3/4 points" in item.text
