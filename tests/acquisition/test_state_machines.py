"""Tag table (deadband, stale watchdog, quality) and redundancy decisions, with a fake clock."""
from __future__ import annotations

from drivers.acq_config import TagBinding
from domain.values import Quality, SourcePath
from drivers.redundancy import FIRST_CONTACT_GRACE_S, Redundancy
from drivers.simulator.behaviour import Behaviour
from drivers.simulator.catalogue import build_catalogue, subset
from drivers.tag_table import TagTable
from domain.tags import TagSpec

P, S = SourcePath.PRIMARY, SourcePath.SECONDARY


def _table(deadband=0.5):
    spec = TagSpec("S.level", "S", "level", "level", "m", 0.0, 100.0, scan_period_s=1.0)
    return TagTable([TagBinding(spec, "dev", "hr/0", None, None, deadband)])


def test_deadband_compares_with_the_last_delivered_value_so_drift_gets_through():
    table = _table()
    table.accept("S.level", 10.0, Quality.GOOD, 0, P, 0)
    assert [v.value for v in table.take_changes()] == [10.0]
    for now, value in ((0.25, 10.2), (0.5, 10.4), (0.75, 10.6)):  # within a heartbeat period
        table.accept("S.level", value, Quality.GOOD, now, P, now)
    assert [v.value for v in table.take_changes()] == [10.6]


def test_stale_watchdog_counts_confirmations_not_changes():
    table = _table()
    table.accept("S.level", 10.0, Quality.GOOD, 0, P, 0)
    table.take_changes()
    for now in (1, 2, 3, 4):  # unchanged but confirmed every scan: stays GOOD
        table.confirm(["S.level"], now)
        table.sweep(now)
    assert {v.quality for v in table.take_changes()} == {Quality.GOOD}
    table.sweep(7.5)  # nothing confirmed for 3.5 s > 3 scan periods
    assert [v.quality for v in table.take_changes()] == [Quality.UNCERTAIN_STALE]
    table.confirm(["S.level"], 8)
    assert [v.quality for v in table.take_changes()] == [Quality.GOOD]


def test_a_steady_value_is_sent_again_every_half_stale_time_so_it_never_looks_lost():
    table = _table()  # stale_after 3 s: a heartbeat at least every 1.5 s
    table.accept("S.level", 10.0, Quality.GOOD, 0, P, 0)
    delivered = [(v.source_ts, v.receive_ts) for v in table.take_changes()]
    for now in (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5):
        table.accept("S.level", 10.1, Quality.GOOD, now, P, now)  # Modbus: read, inside the deadband
        delivered += [(v.source_ts, v.receive_ts) for v in table.take_changes()]
    for now in (4.0, 4.5, 5.0):
        table.confirm(["S.level"], now)  # OPC UA: the session is alive, nothing new
        delivered += [(v.source_ts, v.receive_ts) for v in table.take_changes()]
    assert delivered == [(0, 0), (1.5, 1.5), (3.0, 3.0), (4.5, 4.5)]
    table.accept("S.level", 10.1, Quality.GOOD, 5.5, P, 5.5)
    table.sweep(9)  # nothing for 3.5 s: stale, and a stale value is not re-sent as if fresh
    table.confirm([], 9.5)
    assert [v.quality for v in table.take_changes()] == [Quality.UNCERTAIN_STALE]


def test_quality_transitions_comm_loss_and_out_of_range():
    table = _table()
    table.accept("S.level", 10.0, Quality.GOOD, 0, P, 0)
    table.fail(["S.level"], Quality.BAD_COMM, P, 1)
    assert table.take_changes()[0].quality is Quality.BAD_COMM
    table.accept("S.level", 250.0, Quality.GOOD, 2, P, 2)  # far outside the 0..100 span
    assert table.take_changes()[0].quality is Quality.BAD_OUT_OF_RANGE
    table.accept("S.level", 11.0, Quality.GOOD, 3, S, 3)
    change = table.take_changes()[0]
    assert (change.quality, change.path) == (Quality.GOOD, S)


def test_failover_only_to_a_healthy_standby_and_back_after_the_hold_time():
    r = Redundancy(failover_after=3, return_after_s=10, stale_after=3, has_secondary=True, standby_probe_s=5)
    for t in range(3):
        r.health[P].good(t)
        r.health[S].good(t)
        assert r.decide(t) is None
    r.health[S].bad()
    r.health[S].bad()
    r.health[S].bad()
    for t in (4, 5, 6):
        r.health[P].bad()
    assert r.decide(6) is None and r.link_state(6) == "down"  # standby dead too: stay
    r.health[S].good(7)
    assert r.decide(7) is S and r.link_state(7) == "degraded"
    r.health[P].good(8)
    r.health[S].good(12)
    assert r.decide(12) is None  # primary healthy 4 s only
    r.health[S].good(17)
    r.health[P].good(18)
    assert r.decide(18) is P and r.link_state(18) == "up"


def test_no_failover_before_the_first_contact_had_a_chance():
    r = Redundancy(failover_after=3, return_after_s=10, stale_after=3, has_secondary=True)
    r.health[S].good(0.5)
    assert r.decide(0.5) is None
    for _ in range(3):
        r.health[P].bad()  # refused while its server starts
    r.health[S].good(FIRST_CONTACT_GRACE_S - 1)  # a slow first contact is not a dead primary
    assert r.decide(FIRST_CONTACT_GRACE_S - 1) is None
    r.health[S].good(FIRST_CONTACT_GRACE_S + 1)  # a primary never heard from after the grace is
    assert r.decide(FIRST_CONTACT_GRACE_S + 1) is S


def test_incidents_cross_the_red_limits():
    catalogue = subset(build_catalogue(3), 6)
    behaviour = Behaviour(catalogue, 3)
    pond = next(c for c, s in catalogue.sites.items() if c.startswith("TP"))
    plant = next(c for c, s in catalogue.sites.items() if c.startswith("HC"))
    quiet = behaviour.values(1000.0)

    def red(tag_id):
        return next(l.value for l in catalogue.tags[tag_id].limits if l.level == 1)

    for tag in catalogue.tags.values():  # normal operation raises no red alarm
        limits = [l for l in tag.limits if l.level == 1]
        for limit in limits:
            value = quiet[behaviour.index[tag.id]]
            assert (value < limit.value) if limit.direction == "high" else (value > limit.value), tag.id
    behaviour.trigger("rainstorm", pond, start=1000.0, duration=60)
    behaviour.trigger("leak", plant, start=1000.0, duration=60)
    stormy = behaviour.values(1070.0)
    assert stormy[behaviour.index[f"{pond}.pond_level"]] >= red(f"{pond}.pond_level")
    assert stormy[behaviour.index[f"{pond}.phreatic_depth"]] <= red(f"{pond}.phreatic_depth")
    assert stormy[behaviour.index[f"{plant}.gas_lel"]] >= 50.0
    assert (Behaviour(catalogue, 3).values(1000.0) == quiet).all()


def test_a_failover_never_presents_a_cached_value_as_fresh():
    table = _table()
    table.accept("S.level", 10.0, Quality.GOOD, 10.0, P, 10.0)
    table.fail(["S.level"], Quality.BAD_COMM, P, 11.0)
    table.take_changes()
    table.take_over("S.level", 9.0, Quality.GOOD, 5.0, S, 12.0)  # the standby's last probe, 7 s old
    stale = table.take_changes()[0]
    assert (stale.value, stale.quality, stale.source_ts, stale.path) == (10.0, Quality.UNCERTAIN_STALE, 10.0, S)
    table.take_over("S.level", 11.0, Quality.GOOD, 11.5, S, 12.0)  # read after the loss, 0.5 s old: news
    fresh = table.take_changes()[0]
    assert (fresh.value, fresh.quality, fresh.source_ts) == (11.0, Quality.GOOD, 11.5)
    table.take_over("S.level", 12.0, Quality.GOOD, 11.5, P, 12.5)  # not newer than what was delivered
    assert table.take_changes()[0].quality is Quality.UNCERTAIN_STALE
    table.confirm(["S.level"], 13.0)  # the new path vouches for it (a live OPC UA session)
    confirmed = table.take_changes()[0]
    assert (confirmed.quality, confirmed.source_ts) == (Quality.GOOD, 13.0)


def test_a_value_read_live_is_known_at_its_arrival_even_if_it_last_changed_long_ago():
    table = _table()
    table.accept("S.level", 10.0, Quality.GOOD, 100.0, P, 1000.0)  # OPC UA: unchanged since 100
    delivered = table.take_changes()[0]
    assert (delivered.quality, delivered.source_ts) == (Quality.GOOD, 1000.0)
    table.accept("S.level", 11.0, Quality.GOOD, 1000.4, P, 1000.5)  # a normal reading keeps its own time
    assert table.take_changes()[0].source_ts == 1000.4


def test_no_failover_to_a_standby_whose_last_probe_failed():
    r = Redundancy(failover_after=3, return_after_s=10, stale_after=3, has_secondary=True, standby_probe_s=10)
    r.health[P].good(0)
    r.health[S].good(0)
    r.health[S].bad()  # the probe at 10 s failed; its last success (0 s) is inside the probe window
    for _ in range(3):
        r.health[P].bad()
    assert r.decide(11) is None and r.link_state(11) == "down"
    r.health[S].good(12)
    assert r.decide(12) is S


def test_a_standby_reading_taken_before_the_loss_was_reported_is_no_news():
    table = _table()
    table.accept("S.level", 10.0, Quality.GOOD, 10.0, P, 10.0)
    table.fail(["S.level"], Quality.BAD_COMM, P, 11.0)  # the primary's loss reported at 11
    table.take_over("S.level", 9.0, Quality.GOOD, 10.8, S, 11.5)  # probed at 10.8: newer, recent, but before 11
    assert table.take_changes()[-1].quality is Quality.UNCERTAIN_STALE
    table.take_over("S.level", 9.0, Quality.GOOD, 11.2, S, 11.5)
    assert table.take_changes()[-1].quality is Quality.GOOD
