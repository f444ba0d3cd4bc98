"""The collector's write path across database outages: write, or spool and reconnect.

`OutageTolerantWriter.submit(batch)` is called by the collector's loop with every batch
(an empty one when the field was quiet). While the database answers and nothing is
spooled, the batch goes straight to `HistoryWriter.write`. When a write fails with a
connection error (server restarted, killed, network gone) the batch goes to the on-disk
`Spool` and so does every later batch; reconnects are tried with exponential back-off
(`RECONNECT_FIRST_S` doubling to `RECONNECT_MAX_S`), each bounded by libpq's connect
timeout, so acquisition never stops for long. Once connected again, the spool is sent
oldest first, `FLUSH_CHUNK` rows per transaction, chunks for up to `FLUSH_SLICE_S` per
`submit` (the loop must come back to drain the runtime's queue), while new
batches keep joining the spool's tail: the history is written in acquisition order
and the live table never goes back in time (its upsert keeps the newer row).

Only connection errors are outages (`psycopg2.OperationalError`, `InterfaceError`); any
other error is a bug and propagates. Logged: one line when the database is lost, one
when it is back, one when the spool is empty again.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import psycopg2

from domain.values import TagValue
from server_link.history import HistoryWriter
from server_link.spool import Spool

log = logging.getLogger(__name__)

RECONNECT_FIRST_S = 0.5
RECONNECT_MAX_S = 5.0
FLUSH_CHUNK = 10_000
FLUSH_SLICE_S = 0.5
OUTAGE_ERRORS = (psycopg2.OperationalError, psycopg2.InterfaceError)


@dataclass
class OutageStats:
    """What the outages cost so far (the collector's benchmark and tests read it)."""

    outages: int = 0
    spooled: int = 0  # rows that went to the spool
    flushed: int = 0  # rows sent from the spool to the database
    flush_s: float = 0.0  # time spent in flush transactions


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class OutageTolerantWriter:
    """Wraps a `HistoryWriter` and a `Spool`; used from the collector's loop thread only."""

    def __init__(self, writer: HistoryWriter, spool: Spool, clock: Callable[[], float] = time.monotonic):
        self.writer = writer
        self.spool = spool
        self.stats = OutageStats()
        self._clock = clock
        self._connected = True
        self._lost_at = 0.0
        self._retry_at = 0.0
        self._backoff = RECONNECT_FIRST_S
        self._sent_since_back = 0
        self._flush_s_since_back = 0.0
        if len(spool):
            log.info("collector spool %s holds %d values from before; sending them first", spool.path, len(spool))

    @property
    def connected(self) -> bool:
        return self._connected

    def submit(self, batch: Sequence[TagValue], now: float) -> None:
        """Store `batch` (possibly empty) one way or the other; never raises for an outage."""
        if self._connected and not len(self.spool):
            try:
                if batch:
                    self.writer.write(batch, now)
                else:
                    self.writer.beat_if_due()
                return
            except OUTAGE_ERRORS as exc:
                self._lose(exc)
        if batch:
            self.spool.append(batch)
            self.stats.spooled += len(batch)
        if not self._connected and self._clock() >= self._retry_at:
            self._try_reconnect()
        deadline = time.perf_counter() + FLUSH_SLICE_S
        while self._connected and len(self.spool) and time.perf_counter() < deadline:
            self._flush_chunk(now)

    def prune(self, now: float) -> list[str]:
        """The hourly partition pruning; skipped (returns nothing) while the database is away."""
        if not self._connected:
            return []
        try:
            return self.writer.prune(now)
        except OUTAGE_ERRORS as exc:
            self._lose(exc)
            return []

    def close(self) -> None:
        self.writer.close()
        self.spool.close()

    def _lose(self, exc: BaseException) -> None:
        self._connected = False
        self._lost_at = self._clock()
        self._backoff = RECONNECT_FIRST_S
        self._retry_at = self._lost_at + self._backoff
        self.stats.outages += 1
        log.warning("backend lost (%s); spooling values to %s and reconnecting", _first_line(exc), self.spool.path)

    def _try_reconnect(self) -> None:
        try:
            self.writer.reconnect()
        except OUTAGE_ERRORS as exc:
            self._backoff = min(self._backoff * 2, RECONNECT_MAX_S)
            self._retry_at = self._clock() + self._backoff
            log.debug("backend still away (%s); next try in %.1f s", _first_line(exc), self._backoff)
            return
        self._connected = True
        self._sent_since_back, self._flush_s_since_back = 0, 0.0
        log.info("backend back after %.1f s; sending %d spooled values", self._clock() - self._lost_at,
                 len(self.spool))

    def _flush_chunk(self, now: float) -> None:
        last_id, values = self.spool.oldest(FLUSH_CHUNK)
        started = time.perf_counter()
        try:
            self.writer.write(values, now)
        except OUTAGE_ERRORS as exc:
            self._lose(exc)
            return
        self.spool.delete_through(last_id)
        took = time.perf_counter() - started
        self.stats.flushed += len(values)
        self.stats.flush_s += took
        self._sent_since_back += len(values)
        self._flush_s_since_back += took
        if not len(self.spool):
            log.info("spool empty: %d values sent in %.2f s of flush transactions", self._sent_since_back,
                     self._flush_s_since_back)
