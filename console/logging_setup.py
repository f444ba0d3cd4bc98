"""Logging: a rotating file in the user log dir, the terminal only with --verbose.

Libraries that repeat themselves while a peer is down (asyncua logs a traceback every
second: "Publish iteration crashed") are reduced to one line per state change.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys

from console import paths

NOISY_LOGGERS = ("asyncua", "pymodbus")


class StateChangeFilter(logging.Filter):
    """Passes a noisy logger's record only when its message differs from the last one.

    Tracebacks are cut to their exception's one-line summary.
    """

    def __init__(self) -> None:
        super().__init__()
        self._last: dict[str, str] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(NOISY_LOGGERS):
            return True
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            message = f"{message} ({type(exc).__name__}: {exc})"
            record.msg, record.args, record.exc_info, record.exc_text = message, None, None, None
        root = record.name.split(".")[0]
        if self._last.get(root) == message:
            return False
        self._last[root] = message
        return True


class LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file; a write, flush or close that fails (disk full) says so once on
    stderr instead of printing a traceback for every record."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self._report(sys.exc_info()[1])

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as exc:
            self._report(exc)

    def close(self) -> None:
        try:
            super().close()
        except OSError as exc:
            self._report(exc)

    def _report(self, exc: BaseException | None) -> None:
        if not self.failed:
            self.failed = True
            print(f"duty-console: cannot write the log {self.baseFilename}: {exc}", file=sys.stderr)


def configure_logging(verbose: bool = False) -> str | None:
    """Log to the rotating file (and the terminal with `verbose`).

    A log directory that cannot be written (read-only or full home) must not stop the
    console: it then logs warnings to the terminal and returns one line saying why.
    """
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    noise = StateChangeFilter()
    handlers: list[logging.Handler] = []
    problem = None
    log_dir = paths.log_dir()
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(LogFile(
            log_dir / "duty-console.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"))
    except OSError as exc:
        problem = f"cannot write the log in {log_dir} ({exc.strerror}); logging warnings to the terminal"
    if verbose or problem:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setLevel(logging.DEBUG if verbose else logging.WARNING)
        handlers.append(terminal)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(noise)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=handlers, force=True)
    return problem
