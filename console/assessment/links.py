"""Link availability: the `LinkBoard`'s state changes kept in the store's local table
`assessment_link_transition`, and the share of a period each link was usable. Qt-free.

The `LinkBoard` holds only the latest state, so nothing else remembers when a link was down;
`LinkRecorder` appends each change on a writer thread of its own (the board reports on the GUI
thread, which must not wait for the disk). Only this node's own links are kept: the figures
of other nodes come from their own consoles.
"""
from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from console.link_state import LinkBoard, LinkState

LINKS = ("backend", "field", "video")
USABLE = (LinkState.UP.value, LinkState.DEGRADED.value, LinkState.LOCAL.value)


class LinkRecorder:
    def __init__(self, path: Path | str, board: LinkBoard, clock=time.time):
        self._path, self._clock = path, clock
        self._queue: queue.SimpleQueue[tuple | None] = queue.SimpleQueue()
        self._last: dict[str, str] = {}
        self._writer = threading.Thread(target=self._write_loop, name="link-recorder", daemon=True)
        self._writer.start()
        for link in LINKS:  # states reported before the recorder started (the embedded store's "local")
            state, detail = board.state(link)
            if state is not LinkState.UNKNOWN:
                self._changed(link, state, detail)
        board.listen(self._changed)

    def _changed(self, link: str, state: LinkState, detail: str) -> None:
        if link in LINKS and self._last.get(link) != state.value:
            self._last[link] = state.value
            self._queue.put((link, state.value, detail, self._clock()))

    def close(self) -> None:
        self._queue.put(None)
        self._writer.join(timeout=10)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every change so far is stored (tests; not for the GUI thread)."""
        done = threading.Event()
        self._queue.put(("", "", "", done))
        return done.wait(timeout)

    def _write_loop(self) -> None:
        db = sqlite3.connect(self._path, timeout=30)
        try:
            while (item := self._queue.get()) is not None:
                if isinstance(item[3], threading.Event):
                    item[3].set()
                    continue
                with db:
                    db.execute("INSERT INTO assessment_link_transition (link, state, detail, at) VALUES (?, ?, ?, ?)",
                               item)
        finally:
            db.close()


def availability(transitions: list[tuple[str, float]], start: float, end: float) -> float | None:
    """Share (0..1) of the known part of [start, end) in a usable state, from (state, at) changes
    in time order (the last one before `start` included); None when nothing is known."""
    known = usable = 0.0
    for index, (state, at) in enumerate(transitions):
        until = transitions[index + 1][1] if index + 1 < len(transitions) else end
        span = max(0.0, min(until, end) - max(at, start))
        if state == LinkState.UNKNOWN.value:
            continue
        known += span
        if state in USABLE:
            usable += span
    return usable / known if known else None


def start_link_recorder(context) -> Callable[[], None]:
    """`console.app.SERVICE_STARTERS` entry: keep this node's link changes for the assessment."""
    from console.records.store_access import records_services

    store, _ = records_services(context)
    recorder = LinkRecorder(store.path, context.links)
    return recorder.close
