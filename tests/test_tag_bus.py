from console.tag_bus import TagBus
from domain.values import Quality, TagValue


def _value(tag, value, ts=1.0, quality=Quality.GOOD):
    return TagValue(tag, value, quality, ts, ts)


def test_latest_value_wins_and_subscribers_get_whole_batches():
    bus, seen = TagBus(), []
    unsubscribe = bus.subscribe(seen.append)
    bus.publish([_value("a", 1.0), _value("b", 2.0), _value("a", 3.0, ts=2.0)])
    assert bus.latest("a").value == 3.0 and bus.latest("b").value == 2.0
    assert [len(batch) for batch in seen] == [3]
    unsubscribe()
    bus.publish([_value("a", 4.0)])
    assert len(seen) == 1 and bus.latest("a").value == 4.0
    assert bus.latest("missing") is None


def test_link_board_reports_changes_only():
    from console.link_state import LinkBoard, LinkState

    board, heard = LinkBoard(), []
    board.listen(lambda *event: heard.append(event))
    board.report("field", LinkState.UP, "280 sites")
    board.report("field", LinkState.UP, "280 sites")
    board.report("field", LinkState.DEGRADED, "3 off-line")
    assert heard == [("field", LinkState.UP, "280 sites"), ("field", LinkState.DEGRADED, "3 off-line")]
    assert board.state("field") == (LinkState.DEGRADED, "3 off-line")
    assert board.state("backend") == (LinkState.UNKNOWN, "")


def test_a_late_subscriber_asking_for_replay_gets_the_latest_values_first():
    bus, plain, replayed = TagBus(), [], []
    bus.publish([_value("a", 1.0), _value("b", 2.0), _value("a", 3.0, ts=2.0)])
    bus.subscribe(plain.append)
    bus.subscribe(replayed.append, replay=True)
    assert plain == [] and [(v.tag, v.value) for v in replayed[0]] == [("a", 3.0), ("b", 2.0)]
    bus.publish([_value("b", 5.0)])
    assert [len(batch) for batch in plain] == [1] and [len(batch) for batch in replayed] == [2, 1]


def test_services_hand_over_what_arrives_later_or_say_it_never_came():
    from console.context import Services

    services, used, missing = Services(alarm_engine="engine"), [], []
    services.settled = False  # as while a staged start runs
    services.when("alarm_engine", used.append)
    services.when("trends", used.append, absent=lambda: missing.append("trends"))
    cancel = services.when("video", used.append, absent=lambda: missing.append("video"))
    assert used == ["engine"] and missing == []
    services["trends"] = "trend store"
    assert used == ["engine", "trend store"]
    cancel()
    services.settle()
    assert missing == [] and services.settled, "a cancelled wait is not told"
    services.when("drills", used.append, absent=lambda: missing.append("drills"))
    assert missing == ["drills"] and used == ["engine", "trend store"]
