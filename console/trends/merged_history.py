"""A PostgreSQL node's history: the backend's `field_history`, with the node's own outage file
filling the holes. Qt-free.

While the backend is down a PostgreSQL node reads the field itself and records those values
in a local SQLite file (`console.trends.service`: only values that did not come from the
backend). `MergedHistorySource` answers every query from both and reconciles them by time:
the backend is preferred wherever it has data, and a local point is used only where the
backend has no point within `cover_s` of it (and, for decimated queries, none in the same
pixel column). So the outage shows from the local file while the backend lacks it, and once
the collector has sent its own spool for that time the backend's points take over: no point
twice, no gap. With the backend unreachable the local file alone answers, and the backend is
tried again after `retry_s`.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

import numpy as np
import psycopg2

from domain.config_files import ConfigError
from console.trends.history import HistorySource, check_window
from console.trends.series import Series

log = logging.getLogger(__name__)

COVER_S = 2.0  # a steady tag's collector sample comes at least every 1.5 s (half its 3 s stale limit)
RETRY_S = 10.0
# ConfigError: no backend password on this node (it works locally and says why elsewhere)
BACKEND_ERRORS = (psycopg2.OperationalError, psycopg2.InterfaceError, ConfigError)


def merge(preferred: Series, filler: Series, cover_s: float) -> Series:
    """`preferred` plus the `filler` samples farther than `cover_s` from every preferred sample, in time order."""
    if not len(filler):
        return preferred
    if len(preferred):
        at = np.searchsorted(preferred.t, filler.t)
        last = len(preferred) - 1
        nearest = np.minimum(np.abs(filler.t - preferred.t[np.clip(at - 1, 0, last)]),
                             np.abs(filler.t - preferred.t[np.clip(at, 0, last)]))
        keep = nearest > cover_s
        filler = Series(filler.t[keep], filler.v[keep], filler.q[keep])
    t = np.concatenate([preferred.t, filler.t])
    order = np.argsort(t, kind="stable")
    return Series(t[order], np.concatenate([preferred.v, filler.v])[order],
                  np.concatenate([preferred.q, filler.q])[order])


class MergedHistorySource:
    """`HistorySource` over the backend (opened lazily, re-opened after a failure) and a local file."""

    def __init__(self, open_backend: Callable[[], HistorySource], local: HistorySource, cover_s: float = COVER_S,
                 retry_s: float = RETRY_S, clock: Callable[[], float] = time.monotonic):
        self._open_backend = open_backend
        self._backend: HistorySource | None = None
        self._local = local
        self._cover_s = cover_s
        self._retry_s = retry_s
        self._clock = clock
        self._retry_at = 0.0
        self.backend_error = ""  # why the last query answered from the local file alone

    def query(self, tag: str, t0: float, t1: float, columns: int) -> Series:
        width = check_window(t0, t1, columns)
        local = self._local.query(tag, t0, t1, columns)
        backend = self._from_backend(lambda source: source.query(tag, t0, t1, columns))
        return local if backend is None else merge(backend, local, max(self._cover_s, width))

    def raw(self, tag: str, t0: float, t1: float) -> Series:
        local = self._local.raw(tag, t0, t1)
        backend = self._from_backend(lambda source: source.raw(tag, t0, t1))
        return local if backend is None else merge(backend, local, self._cover_s)

    def interrupt(self) -> None:
        self._local.interrupt()
        backend = self._backend
        if backend is not None:
            try:
                backend.interrupt()
            except BACKEND_ERRORS:  # a broken connection runs no query to stop
                log.debug("interrupting a broken backend history connection", exc_info=True)

    def close(self) -> None:
        self._local.close()
        self._drop_backend()

    def _from_backend(self, read: Callable[[HistorySource], Series]) -> Series | None:
        """The backend's answer, or None while it cannot be reached (QueryCancelled passes through)."""
        if self._backend is None:
            if self._clock() < self._retry_at:
                return None
            try:
                self._backend = self._open_backend()
            except BACKEND_ERRORS as exc:
                return self._unreachable(exc)
        try:
            series = read(self._backend)
        except BACKEND_ERRORS as exc:
            self._drop_backend()
            return self._unreachable(exc)
        self.backend_error = ""
        return series

    def _unreachable(self, exc: Exception) -> None:
        self._retry_at = self._clock() + self._retry_s
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if first != self.backend_error:
            log.info("trend history from the local outage file only: backend %s", first)
        self.backend_error = first
        return None

    def _drop_backend(self) -> None:
        backend, self._backend = self._backend, None
        if backend is not None:
            try:
                backend.close()
            except BACKEND_ERRORS:
                log.debug("closing a broken backend history connection", exc_info=True)
