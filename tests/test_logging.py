import logging

from console.logging_setup import StateChangeFilter


def _record(name, message, exc=None):
    exc_info = (type(exc), exc, None) if exc else None
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, None, exc_info)


def test_repeated_library_tracebacks_become_one_line_per_state_change():
    noise = StateChangeFilter()
    crash = ConnectionError("Connection refused")
    passed = [noise.filter(_record("asyncua.client.ua_client", "Publish iteration crashed", crash)) for _ in range(5)]
    assert passed == [True, False, False, False, False]
    record = _record("asyncua.client.ua_client", "Publish iteration crashed", crash)
    noise.filter(record)
    assert record.exc_info is None
    assert noise.filter(_record("asyncua.client.client", "Reconnected")) is True
    assert noise.filter(_record("asyncua.client.ua_client", "Publish iteration crashed", crash)) is True
    assert all(noise.filter(_record("console.app", "same")) for _ in range(3))


def test_collapsed_record_keeps_the_exception_summary():
    noise = StateChangeFilter()
    record = _record("asyncua.x", "Publish iteration crashed", TimeoutError("no answer"))
    noise.filter(record)
    assert record.getMessage() == "Publish iteration crashed (TimeoutError: no answer)"


def test_operator_actions_and_link_state_changes_are_logged(caplog):
    from console.alarms import AlarmEngine, ConditionKind, ConditionSpec
    from console.divisions import hebei
    from console.link_state import LinkBoard, LinkState
    from drivers.model import AlarmLevel
    from tests.support.alarm_sites import small_catalogue, value

    tag = "HC13010201.gas_lel"
    spec = ConditionSpec("H", ConditionKind.HIGH, AlarmLevel.ORANGE, 25.0, 1.0)
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", clock=lambda: 1000.0, conditions={tag: [spec]})
    engine.evaluate([value(tag, 30.0, 1000.0)])
    caplog.set_level(logging.INFO)
    engine.acknowledge([engine.record(tag, "H")], "zhang", "seen")
    assert f"operator zhang: ack of 1 alarm(s) ({tag} H), stored" in caplog.text

    links = LinkBoard()
    links.report("backend", LinkState.UP)
    links.report("backend", LinkState.UP, "detail only")  # same state: no line
    links.report("backend", LinkState.DOWN, "connection refused")
    lines = [r.getMessage() for r in caplog.records if r.name == "console.link_state"]
    assert lines == ["link backend: up", "link backend: down (connection refused)"]
