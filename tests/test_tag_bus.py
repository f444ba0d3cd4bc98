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
