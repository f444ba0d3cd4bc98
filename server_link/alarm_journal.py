"""The durable, append-only alarm journal, stored in the node's `LocalStore` and synced.

Every raise, clear, acknowledgment, shelve, comment, escalation and disposition is one
`alarm_event` row (`server_link.models.AlarmJournalEntry`). Appends go to one writer
thread that commits whole batches through `LocalStore.append_rows`: the events AND their
outbox ops in one SQLite transaction (`synchronous=FULL`, one fsync), so either both are
durable or neither is, and an acknowledgment stored while the backend is down is pushed
when it returns. Only then are they reported durable; the owner calls `poll()` on its own
thread to run the completion callbacks, so nothing is shown as done before it is on disk
and the GUI thread never waits on the disk.

Why the store's own file and connection rather than a journal file of its own: the outbox
lives there, and only one SQLite transaction can make an event and its op atomic. Reads
(history, KPIs, restore) use a separate read-only connection on the same WAL file, so they
never wait behind a sync pull holding the store's lock.

Rows are never updated or deleted. Engine-derived events have name-based ids, so the same
event journaled by two nodes ends as one row; rows pulled from other nodes reach the
running engine through `LocalStore.on_pulled` (see console/services/alarm_runtime.py).
"""
from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from domain.alarm_events import AlarmEvent
from domain.divisions import DivisionRegistry
from server_link.local_store import LocalStore
from server_link.sql_text import filtered

log = logging.getLogger(__name__)

DoneCallback = Callable[[Exception | None], None]

TABLE = "alarm_event"
NAMES = ("id", "occurrence_id", "kind", "level", "site", "tag", "condition", "division", "at", "operator", "node",
         "note", "payload", "drill_id")  # the order of `AlarmEvent.row()`
COLUMNS = ", ".join(NAMES)


def event_from_stored(row: dict) -> AlarmEvent:
    """An event from a stored row (as `LocalStore` and the sync pull hand them over)."""
    return AlarmEvent.from_row(tuple(row[name] for name in NAMES))


class Ticket:
    """One append: wait on it (tests, CLI) or let `poll()` run its callback."""

    def __init__(self, events: Sequence[AlarmEvent], callback: DoneCallback | None, audit: Sequence[dict] = ()):
        self.events = events
        self.audit = audit
        self.callback = callback
        self.error: Exception | None = None
        self._done = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    @property
    def durable(self) -> bool:
        return self._done.is_set() and self.error is None


class AlarmJournal:
    def __init__(self, store: LocalStore, on_commit: Callable[[], None] | None = None, *, owns_store: bool = False):
        """`on_commit` is called on the writer thread after each commit: use it only to wake the owner."""
        self.store = store
        self.path = store.path
        self._owns_store = owns_store
        self._reader = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self._reader.execute("PRAGMA query_only=ON")
        self._reader_lock = threading.Lock()
        self._queue: queue.SimpleQueue[Ticket | None] = queue.SimpleQueue()
        self._completed: queue.SimpleQueue[Ticket] = queue.SimpleQueue()
        self.on_commit = on_commit
        self._writer = threading.Thread(target=self._write_loop, name="alarm-journal", daemon=True)
        self._writer.start()

    @classmethod
    def open(cls, path: Path | str, node: str, divisions: DivisionRegistry, on_commit: Callable[[], None] | None = None) -> "AlarmJournal":
        """A journal on the store at `path`, opened for it and closed with it (CLI, self-test, tools)."""
        return cls(LocalStore(path, node, divisions), on_commit, owns_store=True)

    def on_pulled(self, listener: Callable[[list[AlarmEvent]], None]) -> Callable[[], None]:
        """Call `listener(events)` with the events other nodes journaled, as sync brings them
        (on the sync thread, after they are committed here). Returns the function that stops it."""
        return self.store.on_pulled(TABLE, lambda rows: listener([event_from_stored(row) for row in rows]))

    # ---- writing ---------------------------------------------------------------------
    def append(self, events: Sequence[AlarmEvent], on_durable: DoneCallback | None = None,
               audit: Sequence[dict] = ()) -> Ticket:
        """Queue events (and the audit rows of the operator action they record: same transaction)."""
        ticket = Ticket(list(events), on_durable, audit)
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

    def close(self) -> None:
        self._queue.put(None)
        self._writer.join(timeout=30)
        self._reader.close()
        if self._owns_store:
            self.store.close()

    def _write_loop(self) -> None:
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
            self._commit(batch)
            if stop:
                return
            if self._queue.empty():  # confirmed and nothing waiting: the checkpoint delays no one
                self.store.checkpoint()

    def _commit(self, batch: list[Ticket]) -> None:
        error: Exception | None = None
        rows = [event.row() for ticket in batch for event in ticket.events]
        audit = [entry for ticket in batch for entry in ticket.audit]
        try:
            self.store.append_rows(TABLE, NAMES, rows, audit)
        except (sqlite3.Error, ValueError) as exc:
            log.error("alarm journal %s: could not store %d events: %s", self.path, len(rows), exc)
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
        sql = filtered(f"SELECT {COLUMNS} FROM alarm_event", where, "at, rowid", limit)
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
