"""A console's read side of the collector: live values from `field_live`, and the heartbeat.

`BackendLiveFeed` runs on its own thread. It LISTENs on `field_live`, and on each NOTIFY
(at most every `min_interval_s`) and at least every `heartbeat_s` it reads the rows
written since its last read and the age of the freshest collector heartbeat, both on
the database's clock, so a skewed console clock does not matter. It hands them to
`sink(values, heartbeat_age_s)` from its thread; `heartbeat_age_s` is None while the
database cannot be reached or no collector ever beat. Values carry `SourcePath.BACKEND`.

Reading by `written_at > last seen` is exact for one collector per database (its
transactions are sequential, so their start times are in commit order).

The heartbeat vouches for the collector, not for each value: a row is judged by its own
age, `now() - refreshed_at` on the database's clock, against its `stale_after_s` (plus
`STALE_GRACE_S`, see `server_link.history`). A GOOD row past it is handed over as
UNCERTAIN_STALE, whatever the row says; and a GOOD row that simply stops being rewritten
is handed over again as UNCERTAIN_STALE when its limit passes (the feed keeps each GOOD
row's deadline on its monotonic clock), so a console never shows a dead value as GOOD.
"""
from __future__ import annotations

import dataclasses
import logging
import math
import select
import threading
import time
from collections.abc import Callable, Collection
from datetime import datetime, timezone

import psycopg2

from domain.values import Quality, SourcePath, TagValue
from server_link.live_rows import CHANNEL, DEFAULT_STALE_AFTER_S, STALE_GRACE_S

log = logging.getLogger(__name__)

FeedSink = Callable[[list[TagValue], float | None], None]
ROWS_SQL = ("SELECT tag, value, quality, extract(epoch FROM source_ts), extract(epoch FROM receive_ts), written_at, "
            "extract(epoch FROM now() - coalesce(refreshed_at, written_at)), "
            f"coalesce(stale_after_s, {DEFAULT_STALE_AFTER_S}) FROM field_live WHERE written_at > %s")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
AGE_SQL = "SELECT extract(epoch FROM now() - max(beat_at)) FROM field_collector"


class BackendLiveFeed:
    def __init__(self, dsn: str, sink: FeedSink, tags: Collection[str] | None = None, *,
                 heartbeat_s: float = 0.5, min_interval_s: float = 0.1, retry_s: float = 1.0):
        self._dsn = dsn
        self._sink = sink
        self._tags = frozenset(tags) if tags is not None else None
        self._heartbeat_s = heartbeat_s
        self._min_interval_s = min_interval_s
        self._retry_s = retry_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._deadlines: dict[str, tuple[TagValue, float]] = {}  # GOOD tag → (value, monotonic stale time)
        self.last_error = ""

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="backend-live", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._follow()
            except psycopg2.Error as exc:
                self.last_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                log.info("backend live feed: %s; retrying in %.1fs", self.last_error, self._retry_s)
                self._sink([], None)
            self._stop.wait(self._retry_s)

    def _follow(self) -> None:
        """One connection's life: read everything once, then what each NOTIFY (or the heartbeat period) brings."""
        conn = psycopg2.connect(self._dsn, connect_timeout=3)
        try:
            conn.autocommit = True  # each statement its own transaction, so now() is fresh
            cursor = conn.cursor()
            cursor.execute(f"LISTEN {CHANNEL}")
            since = EPOCH
            self._deadlines.clear()
            while not self._stop.is_set():
                values, since = self._read(cursor, since)
                values += self._expired(time.monotonic())
                cursor.execute(AGE_SQL)
                (age,) = cursor.fetchone()
                self._sink(values, float(age) if age is not None else None)
                self._stop.wait(self._min_interval_s)
                if not conn.notifies and not select.select([conn], [], [], self._heartbeat_s)[0]:
                    continue
                conn.poll()
                conn.notifies.clear()
        finally:
            conn.close()

    def _read(self, cursor, since: datetime) -> tuple[list[TagValue], datetime]:
        cursor.execute(ROWS_SQL, (since,))
        now = time.monotonic()
        values = []
        for tag, value, quality, source_ts, receive_ts, written_at, age, stale_after in cursor.fetchall():
            since = max(since, written_at)
            if self._tags is not None and tag not in self._tags:
                continue
            item = TagValue(tag, math.nan if value is None else value, Quality(quality), float(source_ts),
                            float(receive_ts), SourcePath.BACKEND)
            left = float(stale_after) + STALE_GRACE_S - float(age)
            self._deadlines.pop(tag, None)
            if item.quality is Quality.GOOD:
                if left < 0:
                    item = dataclasses.replace(item, quality=Quality.UNCERTAIN_STALE)
                else:
                    self._deadlines[tag] = (item, now + left)
            values.append(item)
        return values, since

    def _expired(self, now: float) -> list[TagValue]:
        """GOOD rows not rewritten before their stale limit, as UNCERTAIN_STALE (each once)."""
        due = [tag for tag, (_, deadline) in self._deadlines.items() if now > deadline]
        return [dataclasses.replace(self._deadlines.pop(tag)[0], quality=Quality.UNCERTAIN_STALE) for tag in due]
