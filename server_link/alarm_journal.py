"""The durable, append-only alarm journal on the node's local SQLite store.

Every raise, clear, acknowledgment, shelve, comment, escalation and disposition is one
`alarm_event` row. Appends go to one writer thread that commits whole batches in one
transaction (`synchronous=FULL`, so a commit survives a killed process and a power cut)
and only then reports them durable; the owner calls `poll()` on its own thread to run
the completion callbacks, so nothing is shown as done before it is on disk and the GUI
thread never waits on the disk. Rows are never updated or deleted. Ids are name-based
for engine-derived events, so `merge` of another node's copy keeps one row per event
(INSERT OR IGNORE) and operator actions of both copies survive. The sync engine ships
the table to the backend like any other append-only table.

Hand-written on sqlite3 (stdlib) rather than SQLAlchemy: one table, one writer and
batched executemany are all this needs, and it keeps appends cheap (10,000 in one commit).
"""
from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from console.alarms.model import AlarmEvent

log = logging.getLogger(__name__)

DoneCallback = Callable[[Exception | None], None]

DDL = """
CREATE TABLE IF NOT EXISTS alarm_event (
    id TEXT PRIMARY KEY,
    occurrence_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    level INTEGER NOT NULL,
    site TEXT NOT NULL,
    tag TEXT NOT NULL,
    condition TEXT NOT NULL,
    division TEXT NOT NULL,
    at REAL NOT NULL,
    operator TEXT,
    node TEXT,
    note TEXT,
    payload TEXT
);
CREATE INDEX IF NOT EXISTS alarm_event_occurrence ON alarm_event (occurrence_id);
CREATE INDEX IF NOT EXISTS alarm_event_at ON alarm_event (at);
"""
COLUMNS = "id, occurrence_id, kind, level, site, tag, condition, division, at, operator, node, note, payload"
INSERT = f"INSERT OR IGNORE INTO alarm_event ({COLUMNS}) VALUES ({', '.join('?' * 13)})"


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.executescript(DDL)
    return conn


class Ticket:
    """One append: wait on it (tests, CLI) or let `poll()` run its callback."""

    def __init__(self, events: Sequence[AlarmEvent], callback: DoneCallback | None):
        self.events = events
        self.callback = callback
        self.error: Exception | None = None
        self._done = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    @property
    def durable(self) -> bool:
        return self._done.is_set() and self.error is None


class AlarmJournal:
    def __init__(self, path: Path, on_commit: Callable[[], None] | None = None):
        """`on_commit` is called on the writer thread after each commit: use it only to wake the owner."""
        self.path = Path(path)
        self._reader = connect(self.path)
        self._reader_lock = threading.Lock()
        self._queue: queue.SimpleQueue[Ticket | None] = queue.SimpleQueue()
        self._completed: queue.SimpleQueue[Ticket] = queue.SimpleQueue()
        self.on_commit = on_commit
        self._writer = threading.Thread(target=self._write_loop, name="alarm-journal", daemon=True)
        self._writer.start()

    # ---- writing ---------------------------------------------------------------------
    def append(self, events: Sequence[AlarmEvent], on_durable: DoneCallback | None = None) -> Ticket:
        ticket = Ticket(list(events), on_durable)
        self._queue.put(ticket)
        return ticket

    def poll(self) -> int:
        """Run the callbacks of appends made durable (or failed) since the last poll."""
        count = 0
        while True:
            try:
                ticket = self._completed.get_nowait()
            except queue.Empty:
                return count
            if ticket.callback is not None:
                ticket.callback(ticket.error)
            count += 1

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything appended so far is durable (not for the GUI thread)."""
        return self.append([]).wait(timeout)

    def merge(self, events: Iterable[AlarmEvent]) -> int:
        """Take in another node's copy (sync, reconciliation); returns how many rows were new."""
        rows = [event.row() for event in events]
        with self._reader_lock:
            before = self._reader.total_changes
            self._reader.execute("BEGIN IMMEDIATE")
            try:
                self._reader.executemany(INSERT, rows)
                self._reader.execute("COMMIT")
            except BaseException:
                self._reader.execute("ROLLBACK")
                raise
            return self._reader.total_changes - before

    def close(self) -> None:
        self._queue.put(None)
        self._writer.join(timeout=30)
        self._reader.close()

    def _write_loop(self) -> None:
        conn = connect(self.path)
        try:
            while True:
                ticket = self._queue.get()
                if ticket is None:
                    return
                batch = [ticket]
                stop = False
                while True:  # everything already queued goes into the same transaction
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is None:
                        stop = True
                        break
                    batch.append(more)
                self._commit(conn, batch)
                if stop:
                    return
        finally:
            conn.close()

    def _commit(self, conn: sqlite3.Connection, batch: list[Ticket]) -> None:
        error: Exception | None = None
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(INSERT, [event.row() for ticket in batch for event in ticket.events])
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            log.error("alarm journal %s: could not store %d events: %s", self.path,
                      sum(len(t.events) for t in batch), exc)
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            error = exc
        for ticket in batch:
            ticket.error = error
            ticket._done.set()
            self._completed.put(ticket)
        if self.on_commit is not None:
            self.on_commit()

    # ---- reading ---------------------------------------------------------------------
    def events(self, start: float | None = None, end: float | None = None, *, text: str = "",
               occurrence: str | None = None, kinds: Sequence[str] = (), limit: int | None = None) -> list[AlarmEvent]:
        """Events in time order, filtered by time range, occurrence, kinds and free text."""
        where, params = [], []
        if start is not None:
            where.append("at >= ?")
            params.append(start)
        if end is not None:
            where.append("at < ?")
            params.append(end)
        if occurrence is not None:
            where.append("occurrence_id = ?")
            params.append(occurrence)
        if kinds:
            where.append(f"kind IN ({', '.join('?' * len(kinds))})")
            params.extend(kinds)
        if text:
            where.append("(site LIKE ? OR tag LIKE ? OR note LIKE ? OR payload LIKE ? OR operator LIKE ?)")
            params.extend([f"%{text}%"] * 5)
        sql = f"SELECT {COLUMNS} FROM alarm_event"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY at, rowid"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._reader_lock:
            rows = self._reader.execute(sql, params).fetchall()
        return [AlarmEvent.from_row(row) for row in rows]

    def open_events(self, since: float) -> list[AlarmEvent]:
        """Every event of occurrences raised since `since` (for restoring the engine at start-up)."""
        sql = (f"SELECT {COLUMNS} FROM alarm_event WHERE occurrence_id IN "
               "(SELECT occurrence_id FROM alarm_event WHERE kind = 'raise' AND at >= ?) "
               "OR occurrence_id = '' OR (kind IN ('shelve', 'unshelve', 'out_of_service', 'in_service') AND at >= ?) "
               "ORDER BY at, rowid")
        with self._reader_lock:
            rows = self._reader.execute(sql, (since, since)).fetchall()
        return [AlarmEvent.from_row(row) for row in rows]

    def count(self) -> int:
        with self._reader_lock:
            return self._reader.execute("SELECT count(*) FROM alarm_event").fetchone()[0]
