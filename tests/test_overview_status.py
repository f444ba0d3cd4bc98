"""The Qt-free site status behind the map: worst level, unacknowledged, stale, off-line."""
from __future__ import annotations

from domain.divisions import hebei
from console.overview import OverviewModel
from console.tag_bus import TagBus
from domain.values import AlarmLevel, Quality, TagValue
from tests.support.overview_sites import ListAlarm, good_batch, small_catalogue

T0 = 1_800_000_000.0
QIANAN = "TP13028301"


def make(now=T0):
    catalogue = small_catalogue()
    bus = TagBus()
    bus.publish(good_batch(catalogue, now))
    return catalogue, bus, OverviewModel(catalogue, hebei(), bus.latest, offline_after_s=60.0, clock=lambda: now)


def test_worst_level_wins_and_unacknowledged_is_any():
    _, _, model = make()
    model.set_alarms([
        ListAlarm(QIANAN, f"{QIANAN}.level", AlarmLevel.BLUE, T0 - 50, acknowledged=True),
        ListAlarm(QIANAN, f"{QIANAN}.pressure", AlarmLevel.ORANGE, T0 - 10, acknowledged=False),
    ])
    changed = model.refresh(T0)
    assert set(changed) == {QIANAN}
    status = model.status(QIANAN)
    assert status.worst_level is AlarmLevel.ORANGE and status.state == "orange"
    assert status.unacknowledged and status.active_alarms == 2
    assert model.status("HC13098301").state == "normal"


def test_refresh_reports_only_changes():
    _, _, model = make()
    assert model.refresh(T0) == {}
    model.set_alarms([ListAlarm("HC13098301", "HC13098301.level", AlarmLevel.RED, T0)])
    assert set(model.refresh(T0)) == {"HC13098301"}
    assert model.refresh(T0) == {}
    model.set_alarms([])
    assert model.refresh(T0)["HC13098301"].state == "normal"


def test_key_tag_older_than_stale_after_makes_site_stale_even_with_alarm():
    catalogue, bus, model = make()
    model.set_alarms([ListAlarm(QIANAN, f"{QIANAN}.level", AlarmLevel.RED, T0)])
    later = T0 + 10  # key tags scan every 1 s: stale after 3 s
    others = [c for c in catalogue.sites if c != QIANAN]
    bus.publish(good_batch(catalogue, later, sites=others))
    model.refresh(later)
    status = model.status(QIANAN)
    assert status.state == "stale" and status.worst_level is AlarmLevel.RED
    assert model.status("HC13098301").state == "normal"


def test_non_key_tag_does_not_make_site_stale():
    catalogue, bus, model = make()
    later = T0 + 10
    bus.publish([v for v in good_batch(catalogue, later, sites={QIANAN}) if not v.tag.endswith(".spare")])
    model.refresh(later)
    assert model.status(QIANAN).connectivity == "online"


def test_stale_quality_and_offline_cases():
    catalogue, bus, model = make()
    bus.publish([TagValue(f"{QIANAN}.level", 1.0, Quality.UNCERTAIN_STALE, T0, T0)])
    bus.publish([TagValue(t.id, 0.0, Quality.BAD_COMM, T0, T0) for t in catalogue.tags.values() if t.site == "HC13098301"])
    model.refresh(T0)
    assert model.status(QIANAN).state == "stale"
    assert model.status("HC13098301").state == "offline"
    silent = T0 + 61  # nothing received for longer than offline_after_s
    model.refresh(silent)
    assert {s.state for s in model.statuses().values()} == {"offline"}


def test_site_without_any_value_is_offline():
    catalogue = small_catalogue()
    model = OverviewModel(catalogue, hebei(), TagBus().latest, clock=lambda: T0)
    assert all(s.connectivity == "offline" for s in model.statuses().values())


def test_region_counts_follow_supervision_not_code_prefix():
    _, _, model = make()
    model.set_alarms([ListAlarm(QIANAN, f"{QIANAN}.level", AlarmLevel.YELLOW, T0)])
    model.refresh(T0)
    assert model.region_counts("130283") == {"yellow": 1, "normal": 1}
    assert model.region_counts("130200") == {"yellow": 1, "normal": 1}
    assert model.region_counts("130000") == {"yellow": 1, "normal": 5}
    # Dingzhou reports to the province; Rongcheng (130629) to Xiong'an, not Baoding
    assert model.region_counts("130682") == {"normal": 1}
    assert model.region_counts("133100") == {"normal": 1}
    assert model.region_counts("130600") == {}


def test_summary_of_a_jurisdiction():
    _, _, model = make()
    model.set_alarms([
        ListAlarm(QIANAN, f"{QIANAN}.level", AlarmLevel.RED, T0 - 600, escalated_to="130200"),
        ListAlarm("TP13028302", "TP13028302.level", AlarmLevel.BLUE, T0 - 30, acknowledged=True),
        ListAlarm("HC13098301", "HC13098301.level", AlarmLevel.ORANGE, T0 - 100),
    ])
    model.refresh(T0)
    tangshan = model.summary("130200")
    assert (tangshan.sites, tangshan.online, tangshan.offline) == (2, 2, 0)
    assert tangshan.alarms_by_level == {AlarmLevel.RED: 1, AlarmLevel.ORANGE: 0, AlarmLevel.YELLOW: 0, AlarmLevel.BLUE: 1}
    assert tangshan.unacknowledged == 1 and tangshan.escalations_pending == 1
    province = model.summary("130000")
    assert province.unacknowledged == 2
    assert province.oldest_unacknowledged.site == QIANAN
    assert [a.site for a in model.alarms_in("130000")] == ["TP13028302", "HC13098301", QIANAN]


def test_alarms_for_unknown_sites_are_ignored():
    _, _, model = make()
    model.set_alarms([ListAlarm("XX999", "XX999.level", AlarmLevel.RED, T0)])
    model.refresh(T0)
    assert model.summary("130000").alarms_by_level[AlarmLevel.RED] == 0


def test_shelved_or_suppressed_alarms_do_not_colour_the_map():
    _, _, model = make()
    model.set_alarms([ListAlarm(QIANAN, f"{QIANAN}.level", AlarmLevel.RED, T0, annunciated=False)])
    model.refresh(T0)
    assert model.status(QIANAN).state == "normal"


def test_changed_alarms_update_only_their_sites_until_the_connectivity_pass():
    catalogue, bus, model = make()
    red = ListAlarm(QIANAN, f"{QIANAN}.level", AlarmLevel.RED, T0)
    model.update_alarms([red])
    later = T0 + 10  # nothing new from the other sites: they are stale by now
    assert set(model.refresh(later, connectivity=False)) == {QIANAN}  # only the alarm's site
    assert model.status(QIANAN).connectivity == "online" and model.status(QIANAN).state == "red"
    red.acknowledged = True  # the engine changes its records in place, then reports them
    model.update_alarms([red])
    assert not model.refresh(later, connectivity=False)[QIANAN].unacknowledged
    red.annunciated = False  # e.g. shelved: off the map
    model.update_alarms([red])
    assert model.refresh(later, connectivity=False)[QIANAN].worst_level is None
    assert model.alarms_in("130000") == []
    stale = model.refresh(later)  # the once-a-second pass looks at every site
    assert set(stale) == set(catalogue.sites) and all(s.state == "stale" for s in stale.values())


def test_revision_moves_only_when_something_changed():
    _, _, model = make()
    before = model.revision
    model.refresh(T0)
    assert model.revision == before
    model.update_alarms([ListAlarm(QIANAN, f"{QIANAN}.level", AlarmLevel.BLUE, T0)])
    assert model.revision > before
