"""A minute of the embedded default's field (simulator + acquisition, 280 sites) writes little to
the console log: library chatter stays out, repeated lines are collapsed, floods are capped."""
from __future__ import annotations

import logging
import threading

import pytest

from console import paths
from console.logging_setup import NOISY_LOGGERS, FloodGuard, configure_logging
from drivers.runtime import AcquisitionRuntime
from drivers.simulator.embedded import start_embedded_simulator

MINUTE_BOUND_BYTES = 100_000  # ten times the 8 kB measured (start-up included); it was 1.5 MB before


@pytest.fixture()
def console_logging():
    """The console's logging set up as `duty-console` does, and the test process's own put back after."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, {name: logging.getLogger(name).level for name in NOISY_LOGGERS})
    configure_logging()
    try:
        yield paths.log_dir() / "duty-console.log"
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], root.level = saved[0], saved[1]
        for name, level in saved[2].items():
            logging.getLogger(name).setLevel(level)


def test_a_minute_of_the_embedded_field_writes_less_than_the_bound(console_logging):
    simulator, plan = start_embedded_simulator(1)
    received = threading.Event()
    runtime = AcquisitionRuntime(plan, lambda batch: received.set())
    runtime.start()
    try:
        assert received.wait(60), "the acquisition delivered nothing"
        threading.Event().wait(60)  # the measured minute (a duration, not a condition)
    finally:
        runtime.stop()
        simulator.stop()
    for handler in logging.getLogger().handlers:
        handler.flush()
    size = console_logging.stat().st_size
    assert 0 < size < MINUTE_BOUND_BYTES, f"{size} bytes in a minute"
    text = console_logging.read_text(encoding="utf-8")
    assert "INFO    asyncua" not in text and "\n>>>>>" not in text


def test_flood_guard_caps_a_logger_per_window_and_says_how_many_it_left_out():
    now = [0.0]
    guard = FloodGuard(lines=3, window_s=60, clock=lambda: now[0])

    def record(name="drivers.runtime.x", level=logging.WARNING, msg="switched"):
        return logging.LogRecord(name, level, __file__, 1, msg, None, None)

    assert [guard.filter(record()) for _ in range(5)] == [True, True, True, False, False]
    assert guard.filter(record(name="console.app")) is True  # another logger has its own budget
    assert guard.filter(record(level=logging.ERROR, name="console.alarms")) is True
    now[0] = 61.0
    late = record()
    assert guard.filter(late) is True
    assert late.getMessage() == "switched [2 more lines of drivers.runtime left out before]"
