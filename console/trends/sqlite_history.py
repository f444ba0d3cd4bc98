"""The embedded default's history: a local SQLite file the console records into. Qt-free.

A node without PostgreSQL still keeps the 30 days the regulation asks for (GB 18218
sites: monitoring data >= 30 days). `SqliteHistoryRecorder.record` is a tag bus
subscriber that only appends to an in-memory list; a writer thread commits the list
once a second in one transaction, so the GUI thread never waits on the disk. Rows are
keyed (tag, ts): writing a sample twice is harmless.

Its own file (`history.sqlite`, WAL) beside the node's store, so a busy history
writer never locks the records the sync engine works on. A PostgreSQL node records only
what it read from the field itself (`accept`), i.e. its backend outages, in
`outage-history.sqlite` (`console.trends.merged_history` reconciles it with the backend).
"""
from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from console.trends.history import QueryCancelled, check_window, decimating_sql, rows_to_series
from console.trends.series import Series
from domain.values import TagValue

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS trend_sample (
  tag TEXT NOT NULL,
  ts REAL NOT NULL,
  value REAL,
  quality INTEGER NOT NULL,
  PRIMARY KEY (tag, ts)
) WITHOUT ROWID
"""

RETENTION_DAYS = 30


def connect(path: Path, **kwargs) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), **kwargs)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(SCHEMA)
    conn.commit()
    return conn


class SqliteHistoryRecorder:
    """Writes every value of the tag bus to the local history file."""

    def __init__(self, path: Path, flush_interval_s: float = 1.0, retention_days: float = RETENTION_DAYS,
                 clock: Callable[[], float] = time.time, accept: Callable[[TagValue], bool] | None = None):
        self.path = Path(path)
        self._accept = accept
        self._conn = connect(self.path, check_same_thread=False)
        self._pending: list[tuple[str, float, float, int]] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = False
        self._flush_interval = flush_interval_s
        self._retention_s = retention_days * 86_400
        self._clock = clock
        self._last_prune = 0.0
        self.rows_written = 0
        self._flushed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="history-recorder", daemon=True)
        self._thread.start()

    def record(self, batch: Sequence[TagValue]) -> None:
        accept = self._accept
        rows = [(v.tag, v.source_ts, v.value, int(v.quality)) for v in batch if accept is None or accept(v)]
        if not rows:
            return
        with self._lock:
            self._pending.extend(rows)

    def attach(self, bus) -> Callable[[], None]:
        return bus.subscribe(self.record, replay=True)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until everything recorded so far is committed (tests, shutdown)."""
        with self._flushed:
            target = self.rows_written + len(self._pending)
            self._wake.set()
            if not self._flushed.wait_for(lambda: self.rows_written >= target, timeout):
                raise TimeoutError(f"history recorder did not commit within {timeout} s ({self.path})")

    def close(self) -> None:
        self._stop = True
        self._wake.set()
        self._thread.join(timeout=10)
        self._conn.close()

    def _run(self) -> None:
        while True:
            self._wake.wait(self._flush_interval)
            self._wake.clear()
            stopping = self._stop
            with self._lock:
                rows, self._pending = self._pending, []
            if rows:
                try:
                    with self._conn:
                        self._conn.executemany(
                            "INSERT OR IGNORE INTO trend_sample(tag, ts, value, quality) VALUES (?,?,?,?)", rows)
                except sqlite3.Error:
                    log.exception("history write failed; %d values kept for the next attempt", len(rows))
                    with self._lock:
                        self._pending[:0] = rows
                else:
                    with self._flushed:
                        self.rows_written += len(rows)
                        self._flushed.notify_all()
            self._prune()
            if stopping:
                return

    def _prune(self) -> None:
        now = self._clock()
        if now - self._last_prune < 3_600:
            return
        self._last_prune = now
        with self._conn:
            self._conn.execute("DELETE FROM trend_sample WHERE ts < ?", (now - self._retention_s,))


_SQL = decimating_sql("trend_sample", "tag", "ts", "value", "quality", "CAST(ts / :width AS INTEGER)",
                      "ts >= :t0 AND ts < :t1", lambda name: f":{name}")


class SqliteHistorySource:
    """Decimated reads from the local history file (one connection, one worker thread)."""

    def __init__(self, path: Path):
        self._conn = connect(Path(path), check_same_thread=False)

    def query(self, tag: str, t0: float, t1: float, columns: int) -> Series:
        width = check_window(t0, t1, columns)
        return self._fetch(_SQL, {"tag": tag, "t0": t0, "t1": t1, "width": width}, decimated=True)

    def raw(self, tag: str, t0: float, t1: float) -> Series:
        return self._fetch("SELECT ts, value, quality FROM trend_sample WHERE tag = :tag AND ts >= :t0 AND ts < :t1"
                           " ORDER BY ts", {"tag": tag, "t0": t0, "t1": t1}, decimated=False)

    def _fetch(self, sql: str, params: dict, decimated: bool) -> Series:
        try:
            rows = self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):
                raise QueryCancelled(str(exc)) from None
            raise
        return rows_to_series(rows, decimated)

    def interrupt(self) -> None:
        self._conn.interrupt()

    def close(self) -> None:
        self._conn.close()
