"""Runs history queries off the GUI thread and drops the stale ones. Qt-free.

Each requester (a trend view) has a key. A new request replaces that key's pending
one, and if that key's query is running right now the database is told to stop it
(`HistorySource.interrupt`). A result is handed to `on_result` (on the worker thread:
the Qt side forwards it through a queued signal) only if it is still the newest for its key.
"""
from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from console.trends.history import HistorySource, QueryCancelled
from console.trends.series import Series

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackfillRequest:
    key: Hashable
    ticket: int
    tags: tuple[str, ...]
    t0: float
    t1: float
    columns: int


ResultCallback = Callable[[BackfillRequest, dict[str, Series]], None]


class BackfillWorker:
    def __init__(self, source: HistorySource, on_result: ResultCallback, name: str = "trend-backfill"):
        self._source = source
        self._on_result = on_result
        self._cond = threading.Condition()
        self._pending: dict[Hashable, BackfillRequest] = {}
        self._newest: dict[Hashable, int] = {}
        self._running: BackfillRequest | None = None
        self._tickets = itertools.count(1)
        self._stop = False
        self.cancelled = 0  # queries stopped at the database
        self.superseded = 0  # requests replaced before they ran or whose result came too late
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def request(self, key: Hashable, tags, t0: float, t1: float, columns: int) -> BackfillRequest:
        with self._cond:
            req = BackfillRequest(key, next(self._tickets), tuple(tags), t0, t1, columns)
            if key in self._pending:
                self.superseded += 1
            self._pending[key] = req
            self._newest[key] = req.ticket
            if self._running is not None and self._running.key == key:
                self._source.interrupt()
            self._cond.notify()
            return req

    def is_current(self, req: BackfillRequest) -> bool:
        with self._cond:
            return self._newest.get(req.key) == req.ticket

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._pending.clear()
            if self._running is not None:
                self._source.interrupt()
            self._cond.notify()
        self._thread.join(timeout=10)
        self._source.close()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._stop)
                if self._stop:
                    return
                key = next(iter(self._pending))
                req = self._running = self._pending.pop(key)
            try:
                result = {tag: self._source.query(tag, req.t0, req.t1, req.columns) for tag in req.tags}
            except QueryCancelled:
                with self._cond:
                    self.cancelled += 1
                    self._running = None
                continue
            except Exception:
                log.exception("history query failed: %s", req)
                result = None
            with self._cond:
                self._running = None
                current = self._newest.get(req.key) == req.ticket
                if not current:
                    self.superseded += 1
            if current and result is not None:
                self._on_result(req, result)
