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


def configure_logging(verbose: bool = False) -> None:
    log_dir = paths.log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    noise = StateChangeFilter()

    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / "duty-console.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(formatter)
    file_handler.addFilter(noise)
    handlers: list[logging.Handler] = [file_handler]
    if verbose:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(formatter)
        terminal.addFilter(noise)
        handlers.append(terminal)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=handlers, force=True)
