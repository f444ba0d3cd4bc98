"""The one observer primitive: a subscriber that raises is logged and cannot starve the others."""
from __future__ import annotations

import logging

from console.alarms import AlarmEngine, AlarmState, ConditionKind, ConditionSpec
from domain.divisions import hebei
from console.link_state import LinkBoard, LinkState
from console.operators.permissions import Actor, Role
from console.tag_bus import TagBus
from domain.observers import Observers
from domain.values import AlarmLevel
from tests.support.alarm_sites import small_catalogue, value

TAG = "HC13010201.gas_lel"


def failing_trend_store(batch):
    raise RuntimeError("trend store full")


def test_a_raising_bus_subscriber_cannot_keep_a_batch_from_the_alarm_engine(caplog):
    specs = [ConditionSpec("H", ConditionKind.HIGH, AlarmLevel.ORANGE, 25.0, 1.0)]
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=lambda: 1000.0, conditions={TAG: specs},
                         actors=lambda name: Actor(name, name, Role.SHIFT_LEADER, "130000"))
    bus, views = TagBus(), []
    bus.subscribe(failing_trend_store)
    bus.subscribe(engine.evaluate)
    engine.subscribe(failing_trend_store)
    engine.subscribe(views.append)
    with caplog.at_level(logging.ERROR, logger="domain.observers"):
        bus.publish([value(TAG, 30.0, 1000.0)])
    assert engine.record(TAG, "H").state is AlarmState.UNACKED
    assert [record.tag for batch in views for record in batch] == [TAG]
    failures = [record.getMessage() for record in caplog.records]
    assert failures == ["tag bus subscriber tests.test_observers.failing_trend_store failed",
                        "alarm engine subscriber tests.test_observers.failing_trend_store failed"]


def test_unsubscribe_stops_only_that_subscriber_and_twice_is_harmless():
    board, first, second = LinkBoard(), [], []
    stop_first = board.listen(lambda *event: first.append(event))
    board.listen(lambda *event: second.append(event))
    board.report("field", LinkState.UP)
    stop_first()
    stop_first()
    board.report("field", LinkState.DOWN, "no answer")
    assert len(first) == 1 and len(second) == 2


def test_a_subscriber_may_unsubscribe_itself_while_being_notified():
    observers, heard = Observers("test"), []

    def once(item):
        heard.append(item)
        stop()

    stop = observers.subscribe(once)
    observers.subscribe(heard.append)
    observers.notify(1)
    observers.notify(2)
    assert heard == [1, 1, 2] and len(observers) == 1
