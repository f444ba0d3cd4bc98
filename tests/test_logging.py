import logging

import pytest

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


@pytest.fixture()
def restored_logging():
    """The test process's logging put back after a test that configures the console's."""
    from console.logging_setup import NOISY_LOGGERS

    root = logging.getLogger()
    saved = root.handlers[:], root.level, {name: logging.getLogger(name).level for name in NOISY_LOGGERS}
    yield
    for handler in root.handlers:
        handler.close()
    root.handlers[:], root.level = saved[0], saved[1]
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


def test_a_full_disk_under_the_log_says_so_once_instead_of_a_traceback_per_record(duty_home, capsys,
                                                                                  restored_logging):
    import os

    from console.logging_setup import configure_logging

    (duty_home / "log").mkdir(parents=True)
    os.symlink("/dev/full", duty_home / "log" / "duty-console.log")  # every write: ENOSPC
    assert configure_logging() is None
    for n in range(3):
        logging.getLogger("console.test").warning("record %d", n)
    for handler in logging.getLogger().handlers:
        handler.close()
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1 and "cannot write the log" in errors[0] and "No space left" in errors[0]


def test_a_log_folder_that_cannot_be_made_falls_back_to_the_terminal(duty_home, capsys, restored_logging):
    from console.logging_setup import configure_logging

    duty_home.mkdir(parents=True)
    (duty_home / "log").write_text("a file where the folder should be")
    problem = configure_logging()
    logging.getLogger("console.test").warning("still heard")
    assert problem is not None and str(duty_home / "log") in problem and "\n" not in problem
    assert "still heard" in capsys.readouterr().err


def test_operator_actions_and_link_state_changes_are_logged(caplog):
    from console.alarms import AlarmEngine, ConditionKind, ConditionSpec
    from domain.divisions import hebei
    from console.link_state import LinkBoard, LinkState
    from domain.values import AlarmLevel
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
