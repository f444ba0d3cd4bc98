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
