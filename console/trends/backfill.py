"""Runs history queries off the GUI thread and drops the stale ones. Qt-free.

Each requester (a trend view) has a key. A new request replaces that key's pending
one, and if that key's query is running right now the database is told to stop it
(`HistorySource.interrupt`). A result is handed to `on_result` (on the worker thread:
the Qt side forwards it through a queued signal) only if it is still the newest for its key.

The database connection is opened on the worker thread (a PostgreSQL connect can take
seconds) and opened again on the next request if it failed or broke.
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
    def __init__(self, open_source: Callable[[], HistorySource], on_result: ResultCallback,
                 name: str = "trend-backfill"):
        self._open_source = open_source
        self._source: HistorySource | None = None
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
            if self._running is not None and self._running.key == key and self._source is not None:
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
            if self._running is not None and self._source is not None:
                self._source.interrupt()
            self._cond.notify()
        self._thread.join(timeout=10)
        if self._source is not None:
            self._source.close()

    def _drop_source(self) -> None:
        """After a failure: close the connection and open a fresh one next time."""
        source, self._source = self._source, None
        if source is not None:
            try:
                source.close()
            except Exception:  # a broken connection may fail to close; it is gone either way
                log.debug("closing a failed history source", exc_info=True)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._stop)
                if self._stop:
                    return
                key = next(iter(self._pending))
                req = self._running = self._pending.pop(key)
            try:
                if self._source is None:
                    self._source = self._open_source()
                result = {tag: self._source.query(tag, req.t0, req.t1, req.columns) for tag in req.tags}
            except QueryCancelled:
                with self._cond:
                    self.cancelled += 1
                    self._running = None
                continue
            except Exception:
                log.exception("history query failed: %s", req)
                result = None
                self._drop_source()
            with self._cond:
                self._running = None
                current = self._newest.get(req.key) == req.ticket
                if not current:
                    self.superseded += 1
            if current and result is not None:
                self._on_result(req, result)
