"""Logging: a rotating file in the user log dir, the terminal only with --verbose.

What goes in: operator actions (`console.alarms.engine`), link state changes
(`console.link_state`), the collector's outages, errors. Library chatter stays out: the
field libraries (asyncua, pymodbus) log at WARNING and up only — the embedded simulator's
asyncua server alone wrote ~1.5 MB of INFO a minute (subscriptions, monitored items) —
and their repeated warnings while a peer is down (asyncua logs a traceback every second:
"Publish iteration crashed") are reduced to one line per state change.

`FloodGuard` bounds any one logger to `FLOOD_LINES` lines a minute whatever goes wrong.

Rotation: `LOG_FILES` files of `LOG_FILE_BYTES` = 100 MB. The embedded default (280 sites,
5,600 tags) wrote 8 kB in its first minute (start-up included) and 6 kB a minute after, on a
machine so loaded that devices flapped between paths (`tests/test_log_volume.py` keeps the
first minute under 100 kB): 7 days at 6 kB/min ≈ 60 MB, so 100 MB keep 11 days at that
rate and more on a quiet machine.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import time

from console import paths

NOISY_LOGGERS = ("asyncua", "pymodbus")
LIBRARY_LEVEL = logging.WARNING
LOG_FILE_BYTES = 5_000_000
LOG_FILES = 20  # the current file and 19 rotated ones: 100 MB
MAX_LIBRARY_LINE = 300


FLOOD_WINDOW_S = 60.0
FLOOD_LINES = 30  # per logger (first two name parts) and window; a library's errors count too


class StateChangeFilter(logging.Filter):
    """Passes a noisy logger's record only when its message differs from the last one.

    Tracebacks are cut to their exception's one-line summary, messages to their first line
    (pymodbus appends hex dumps of the frames).
    """

    def __init__(self) -> None:
        super().__init__()
        self._last: dict[str, str] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(NOISY_LOGGERS):
            return True
        message = record.getMessage().strip().split("\n", 1)[0][:MAX_LIBRARY_LINE]
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            message = f"{message} ({type(exc).__name__}: {exc})"
        record.msg, record.args, record.exc_info, record.exc_text = message, None, None, None
        root = record.name.split(".")[0]
        if self._last.get(root) == message:
            return False
        self._last[root] = message
        return True


class FloodGuard(logging.Filter):
    """At most `lines` records per logger (its first two name parts) per `window_s`; the rest are
    counted and the next record that passes says how many were left out.

    A bound on the log's growth whatever goes wrong: 280 devices failing over back and forth on
    a starved CPU log one line per switch, which would otherwise fill the rotation in hours.
    Errors of our own code always pass; a library's count like anything else. (The standard
    library has no rate limit for logging and no maintained package fits a 30-line filter.)
    """

    def __init__(self, lines: int = FLOOD_LINES, window_s: float = FLOOD_WINDOW_S, clock=time.monotonic) -> None:
        super().__init__()
        self._lines, self._window_s, self._clock = lines, window_s, clock
        self._windows: dict[str, tuple[float, int, int]] = {}  # key → (window start, passed, left out)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and not record.name.startswith(NOISY_LOGGERS):
            return True
        key = ".".join(record.name.split(".", 2)[:2])
        now = self._clock()
        start, passed, left_out = self._windows.get(key, (now, 0, 0))
        if now - start >= self._window_s:
            start, passed = now, 0
        if passed >= self._lines:
            self._windows[key] = (start, passed, left_out + 1)
            return False
        if left_out:
            record.msg, record.args = f"{record.getMessage()} [{left_out} more lines of {key} left out before]", None
        self._windows[key] = (start, passed + 1, 0)
        return True


def configure_logging(verbose: bool = False) -> None:
    log_dir = paths.log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    noise = StateChangeFilter()
    flood = FloodGuard()

    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / "duty-console.log", maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILES - 1, encoding="utf-8"
    )
    file_handler.setFormatter(formatter)
    file_handler.addFilter(noise)
    file_handler.addFilter(flood)
    handlers: list[logging.Handler] = [file_handler]
    if verbose:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(formatter)
        terminal.addFilter(noise)
        handlers.append(terminal)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=handlers, force=True)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(LIBRARY_LEVEL)
