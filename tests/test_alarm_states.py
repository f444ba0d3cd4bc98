"""Every transition of the ISA-18.2 state model, table-driven, on a real engine with a fake clock."""
from __future__ import annotations

import pytest

from console.alarms import ActionRefused, AlarmEngine, AlarmState, ConditionKind, ConditionSpec
from domain.divisions import hebei
from console.operators.permissions import Actor, Role
from domain.values import AlarmLevel
from tests.support.alarm_sites import small_catalogue, value

TAG = "HC13010201.gas_lel"
S = AlarmState


class Clock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_engine(latching: bool = False):
    clock = Clock()
    specs = [ConditionSpec("H", ConditionKind.HIGH, AlarmLevel.ORANGE, 25.0, 1.0, latching=latching)]
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=clock, conditions={TAG: specs},
                         actors=lambda name: Actor(name, name, Role.SHIFT_LEADER, "130000"))
    return engine, clock


def record(engine):
    return engine.record(TAG, "H")


STEPS = {
    "raise": lambda e, c: e.evaluate([value(TAG, 30.0, c.now)]),
    "clear": lambda e, c: e.evaluate([value(TAG, 10.0, c.now)]),
    "ack": lambda e, c: e.acknowledge([record(e)], "op", "seen"),
    "shelve": lambda e, c: e.shelve([record(e)], 600.0, "sensor being replaced", "op"),
    "unshelve": lambda e, c: e.unshelve([record(e)], "op"),
    "shelve_expires": lambda e, c: (setattr(c, "now", c.now + 601.0), e.tick()),
    "maintenance_on": lambda e, c: e.set_site_maintenance("HC13010201", True, "op", "maintenance"),
    "maintenance_off": lambda e, c: e.set_site_maintenance("HC13010201", False, "op"),
    "out_of_service": lambda e, c: e.set_in_service([record(e)], False, "op", "detector removed"),
    "in_service": lambda e, c: e.set_in_service([record(e)], True, "op"),
    "reset": lambda e, c: e.reset(record(e), "op"),
    "dispose": lambda e, c: e.dispose(record(e), "called site; valve closed", "leak stopped", "op"),
}

# (steps to reach the starting state, action, expected state, latching)
TRANSITIONS = [
    (["raise"], None, S.UNACKED, False),
    (["raise", "ack"], None, S.ACKED, False),
    (["raise", "clear"], None, S.RTN_UNACKED, False),
    (["raise", "ack"], "clear", S.NORMAL, False),
    (["raise", "clear"], "ack", S.NORMAL, False),
    (["raise", "clear"], "raise", S.UNACKED, False),
    (["raise", "ack", "clear"], "raise", S.UNACKED, False),
    (["raise"], "shelve", S.SHELVED, False),
    (["raise", "ack"], "shelve", S.SHELVED, False),
    (["raise", "clear"], "shelve", S.SHELVED, False),
    (["raise", "shelve"], "unshelve", S.UNACKED, False),
    (["raise", "shelve"], "shelve_expires", S.UNACKED, False),
    (["raise", "shelve", "clear"], "unshelve", S.NORMAL, False),
    (["raise", "shelve", "clear"], "shelve_expires", S.NORMAL, False),
    (["raise", "shelve"], "clear", S.SHELVED, False),
    (["raise"], "maintenance_on", S.SUPPRESSED, False),
    (["raise", "ack"], "maintenance_on", S.SUPPRESSED, False),
    (["raise", "maintenance_on"], "maintenance_off", S.UNACKED, False),
    (["raise", "maintenance_on", "clear"], "maintenance_off", S.NORMAL, False),
    (["raise", "shelve"], "maintenance_on", S.SUPPRESSED, False),
    (["raise"], "out_of_service", S.OUT_OF_SERVICE, False),
    (["raise", "maintenance_on"], "out_of_service", S.OUT_OF_SERVICE, False),
    (["raise", "out_of_service"], "in_service", S.UNACKED, False),
    (["raise", "out_of_service", "clear"], "in_service", S.NORMAL, False),
    (["raise", "out_of_service"], "raise", S.OUT_OF_SERVICE, False),
    (["raise", "ack"], "clear", S.ACKED, True),  # latched: stays until reset
    (["raise", "ack", "clear"], "reset", S.NORMAL, True),
    (["raise"], "clear", S.UNACKED, True),
    (["raise", "clear"], "ack", S.ACKED, True),
    (["raise"], "dispose", S.ACKED, False),
    (["raise", "clear"], "dispose", S.NORMAL, False),
    (["raise", "clear"], "dispose", S.NORMAL, True),
]


@pytest.mark.parametrize(("arrange", "action", "expected", "latching"), TRANSITIONS,
                         ids=[f"{'+'.join(a)}>{act}{'-latching' if l else ''}" for a, act, _, l in TRANSITIONS])
def test_state_transition(arrange, action, expected, latching):
    engine, clock = make_engine(latching)
    for step in arrange:
        clock.now += 1.0
        STEPS[step](engine, clock)
    if action is not None:
        clock.now += 1.0
        STEPS[action](engine, clock)
    assert record(engine).state is expected


def test_normal_alarm_is_not_listed_and_returns_with_a_new_occurrence():
    engine, clock = make_engine()
    STEPS["raise"](engine, clock)
    first = record(engine).occurrence_id
    engine.acknowledge([record(engine)], "op", "seen")
    clock.now += 5
    STEPS["clear"](engine, clock)
    assert engine.active_alarms() == []
    clock.now += 5
    STEPS["raise"](engine, clock)
    assert [rec.occurrence_id for rec in engine.active_alarms()] != [first]
    assert len(engine.active_alarms()) == 1


def test_latched_alarm_cannot_be_reset_while_active():
    engine, clock = make_engine(latching=True)
    STEPS["raise"](engine, clock)
    with pytest.raises(ActionRefused, match="still active"):
        engine.reset(record(engine), "op")


def test_red_needs_a_note_but_orange_does_not():
    catalogue = small_catalogue()
    engine = AlarmEngine(catalogue, hebei(), "130000", clock=Clock())
    engine.evaluate([value(TAG, 60.0, 1.0)])  # both the orange H (25) and red HH (50)
    red = engine.record(TAG, "HH")
    orange = engine.record(TAG, "H")
    assert red.level is AlarmLevel.RED and orange.level is AlarmLevel.ORANGE
    with pytest.raises(ActionRefused, match="note is required.*red"):
        engine.acknowledge([red, orange], "op")
    assert engine.acknowledge([orange], "op") == 1
    assert engine.acknowledge([red], "op", "called the site") == 1
    assert red.state is S.ACKED and red.note == "called the site"


def test_shelve_needs_reason_and_positive_duration():
    engine, clock = make_engine()
    STEPS["raise"](engine, clock)
    with pytest.raises(ActionRefused, match="reason"):
        engine.shelve([record(engine)], 60, " ", "op")
    with pytest.raises(ActionRefused, match="positive"):
        engine.shelve([record(engine)], 0, "x", "op")


def test_subscribers_get_changed_records_in_batches():
    engine, clock = make_engine()
    seen = []
    engine.subscribe(seen.append)
    engine.evaluate([value(TAG, 30.0, 1.0), value(TAG, 31.0, 2.0)])
    assert len(seen) == 1 and [rec.tag for rec in seen[0]] == [TAG]
    engine.evaluate([value(TAG, 32.0, 3.0)])  # no change, no call
    assert len(seen) == 1


def test_jurisdiction_county_node_evaluates_only_its_own_sites():
    catalogue = small_catalogue()
    other = small_catalogue("130104")
    for code, site in other.sites.items():
        catalogue.add_site(site, other.tags_of(code))
    engine = AlarmEngine(catalogue, hebei(), "130104", clock=Clock())
    engine.evaluate([value(TAG, 60.0, 1.0), value("HC13010401.gas_lel", 60.0, 1.0)])
    assert {rec.site for rec in engine.active_alarms()} == {"HC13010401"}


def test_name_based_ids_are_rfc_4122_uuid5():
    import uuid

    from domain.alarm_events import ALARM_NAMESPACE, name_id

    for name in ("a", "HC13010201.gas_lel|HH|1700000000000", "库水位|L|0"):
        assert name_id(name) == str(uuid.uuid5(ALARM_NAMESPACE, name))


def test_operator_action_ids_are_distinct_rfc_4122_uuid4():
    import uuid

    from domain.alarm_events import new_event_id
    from server_link.local_store import new_op_ids

    for ids in ([new_event_id() for _ in range(2000)], new_op_ids(2000)):
        assert len(set(ids)) == len(ids)
        for text in ids:
            parsed = uuid.UUID(text)
            assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, text)


def test_synced_events_outside_the_jurisdiction_are_ignored():
    from domain.alarm_events import AlarmEvent, EventKind

    county = AlarmEngine(small_catalogue(), hebei(), "130104", clock=Clock())
    county.apply(AlarmEvent("x", "occ", EventKind.RAISE, 1, "HC13010201", TAG, "HH", "130102", 1.0))
    assert county.active_alarms() == []
    city = AlarmEngine(small_catalogue(), hebei(), "130100", clock=Clock())
    city.apply(AlarmEvent("x", "occ", EventKind.RAISE, 1, "HC13010201", TAG, "HH", "130102", 1.0))
    assert [rec.occurrence_id for rec in city.active_alarms()] == ["occ"]
