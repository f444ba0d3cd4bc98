"""State of the node's links (backend, field) as the status bar shows them. Qt-free.

Services report through `LinkBoard.report` on the GUI thread; the main window listens.
"""
from __future__ import annotations

import enum
import logging
from collections.abc import Callable

from domain.observers import Observers

log = logging.getLogger(__name__)


class LinkState(enum.Enum):
    UNKNOWN = "unknown"
    UP = "up"
    DEGRADED = "degraded"
    DOWN = "down"
    LOCAL = "local"  # no remote peer by design (embedded store)


LinkListener = Callable[[str, LinkState, str], None]


class LinkBoard:
    """The latest state and detail of each named link, with change listeners."""

    def __init__(self) -> None:
        self._states: dict[str, tuple[LinkState, str]] = {}
        self._listeners = Observers("link board")

    def report(self, link: str, state: LinkState, detail: str = "") -> None:
        previous = self._states.get(link)
        if previous == (state, detail):
            return
        if previous is None or previous[0] is not state:
            log.info("link %s: %s%s", link, state.value, f" ({detail})" if detail else "")
        self._states[link] = (state, detail)
        self._listeners.notify(link, state, detail)

    def state(self, link: str) -> tuple[LinkState, str]:
        return self._states.get(link, (LinkState.UNKNOWN, ""))

    def listen(self, listener: LinkListener) -> Callable[[], None]:
        """`listener(link, state, detail)` on every change; returns the function that stops it."""
        return self._listeners.subscribe(listener)
