"""The console ages live values itself (fake clock): no value older than its stale limit is
published GOOD, whichever source sent it, and one that ages on the bus is turned stale."""
from __future__ import annotations

from console.alarms import AlarmEngine, AlarmSettings
from domain.divisions import hebei
from console.freshness import FreshnessGuard
from console.tag_bus import TagBus
from domain.values import Quality, SourcePath, TagValue
from tests.support.alarm_sites import small_catalogue
from tests.test_alarm_states import Clock

TAG = "HC13010201.gas_lel"
LIMIT = 3.0


def _value(ts, quality=Quality.GOOD, path=SourcePath.PRIMARY, v=5.0):
    return TagValue(TAG, v, quality, ts, ts, path)


def _guarded(clock):
    bus = TagBus()
    return bus, FreshnessGuard(bus.publish, {TAG: LIMIT}, clock=clock)


def test_an_old_good_value_is_published_stale_whatever_path_it_came_by():
    clock = Clock(100.0)
    bus, guard = _guarded(clock)
    for path in SourcePath:
        guard.publish([_value(96.0, path=path)])  # 4 s old, limit 3 s: a cache re-delivered, a late row
        latest = bus.latest(TAG)
        assert (latest.quality, latest.path, latest.source_ts, latest.receive_ts) == \
            (Quality.UNCERTAIN_STALE, path, 96.0, 100.0)
    guard.publish([_value(99.0)])
    assert bus.latest(TAG).quality is Quality.GOOD


def test_a_good_value_that_is_not_followed_turns_stale_at_the_sweep_after_its_limit():
    clock = Clock(100.0)
    bus, guard = _guarded(clock)
    seen = []
    bus.subscribe(lambda batch: seen.extend((v.quality, v.source_ts) for v in batch))
    guard.publish([_value(100.0)])
    clock.now = 103.0
    guard.sweep()  # exactly at the limit: still GOOD
    clock.now = 103.1
    guard.sweep()
    guard.sweep()  # published once, not at every sweep
    assert seen == [(Quality.GOOD, 100.0), (Quality.UNCERTAIN_STALE, 100.0)]
    guard.publish([_value(103.2)])  # the source speaks again
    assert bus.latest(TAG).quality is Quality.GOOD


def test_a_bad_value_is_not_aged_and_ends_the_watch():
    clock = Clock(100.0)
    bus, guard = _guarded(clock)
    guard.publish([_value(100.0), _value(100.1, Quality.BAD_COMM)])
    clock.now = 200.0
    guard.sweep()
    assert bus.latest(TAG).quality is Quality.BAD_COMM
    guard.publish([TagValue("unknown.tag", 1.0, Quality.GOOD, 0.0, 0.0)])  # no limit known: passes
    assert bus.latest("unknown.tag").quality is Quality.GOOD


def test_the_alarm_engine_behind_the_guard_raises_communication_loss_for_a_silent_source():
    clock = Clock(1000.0)
    bus, guard = _guarded(clock)
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=clock, settings=AlarmSettings(startup_grace_s=0))
    bus.subscribe(engine.evaluate)
    clock.now = 1010.0  # past the start-up grace (3 stale periods)
    guard.publish([_value(1010.0)])
    engine.tick()
    assert engine.record(TAG, "COMM") is None
    clock.now = 1013.5  # the source fell silent: no value, no failure report
    guard.sweep()
    engine.tick()
    comm = engine.record(TAG, "COMM")
    assert comm is not None and comm.active
