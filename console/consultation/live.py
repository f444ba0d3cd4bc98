"""The live path of a consultation through the shared backend: the pointer holder publishes
its view (`ViewPublisher`), everyone else follows it (`ViewFollower`). PostgreSQL only — no
server of our own: NOTIFY on the session's channel carries each state, and the session's
`consultation_view` row keeps the latest one for a late joiner or a follower that reconnects.

Sequence numbers order the states: the row takes a state only if its number is higher and its
publisher holds the pointer (one statement, so two publishers cannot interleave), a follower
applies only numbers above the last it applied. Rapid changes are coalesced: the publisher
sends at most one state per `interval_s`, the latest. Both run on threads of their own with
their own connection (autocommit, the node's role); the follower waits in `select()` on the
connection's socket, so nothing here blocks the GUI thread, and reconnects after a drop.
"""
from __future__ import annotations

import json
import logging
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg2

from console.consultation.view_state import ViewState, fits_notify

log = logging.getLogger(__name__)

RETRY_S = (0.25, 0.5, 1.0, 2.0, 5.0)

PUBLISH_SQL = """
WITH up AS (
    INSERT INTO consultation_view AS v (consultation_id, division, seq, holder, state)
    VALUES (%(id)s, %(division)s, %(seq)s, %(holder)s, %(state)s)
    ON CONFLICT (consultation_id) DO UPDATE
        SET seq = EXCLUDED.seq, state = EXCLUDED.state, updated_at = extract(epoch FROM clock_timestamp())
        WHERE v.seq < EXCLUDED.seq AND v.holder = EXCLUDED.holder
    RETURNING seq)
SELECT pg_notify(%(channel)s, %(payload)s) FROM up
"""
# The leader hands the pointer on: a new holder and a higher number, the state kept.
POINTER_SQL = """
WITH up AS (
    INSERT INTO consultation_view AS v (consultation_id, division, seq, holder, state)
    VALUES (%(id)s, %(division)s, 1, %(holder)s, '{}')
    ON CONFLICT (consultation_id) DO UPDATE SET seq = v.seq + 1, holder = EXCLUDED.holder
    RETURNING seq, holder)
SELECT seq, pg_notify(%(channel)s, json_build_object('k', 'pointer', 'q', seq, 'h', holder)::text) FROM up
"""
LATEST_SQL = "SELECT seq, holder, state FROM consultation_view WHERE consultation_id = %s"


def channel(session_id: str) -> str:
    """One NOTIFY channel per session (an identifier: letters, digits, underscores)."""
    return "consultation_" + session_id.replace("-", "")


@dataclass(frozen=True)
class LiveMessage:
    """What a follower hears: a view (`kind = view`, with its state), a new pointer holder
    (`pointer`), a participant asking for the pointer (`ask`, `holder` = who asks) or the end."""

    kind: str
    seq: int = 0
    holder: str = ""
    state: ViewState | None = None


def _connect(dsn: str):
    conn = psycopg2.connect(dsn, connect_timeout=5)
    conn.autocommit = True
    return conn


def grant_pointer(dsn: str, session_id: str, division: str, holder: str) -> int:
    """Tell the live path the pointer moved (after the session record says so); returns the
    sequence number from which the new holder publishes."""
    with _connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(POINTER_SQL, {"id": session_id, "division": division, "holder": holder,
                                  "channel": channel(session_id)})
        seq = cur.fetchone()[0]
    conn.close()
    return seq


def notify(dsn: str, session_id: str, message: dict) -> None:
    """An unstored message to everyone following the session (`ask`, `end`)."""
    with _connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT pg_notify(%s, %s)", (channel(session_id), json.dumps(message, separators=(",", ":"))))
    conn.close()


class ViewPublisher:
    """The pointer holder's side: `publish(state)` from any thread returns at once; a worker
    sends the latest state at most every `interval_s`. `on_refused()` is called (worker thread)
    when the backend says this console no longer holds the pointer."""

    def __init__(self, dsn: str, session_id: str, division: str, holder: str, *, interval_s: float = 0.05,
                 on_refused: Callable[[], None] | None = None) -> None:
        self.dsn, self.session_id, self.division, self.holder = dsn, session_id, division, holder
        self.interval_s = interval_s
        self.on_refused = on_refused
        self.seq = 0
        self.sent = 0
        self._latest: ViewState | None = None
        self._wake = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="consultation-publish", daemon=True)

    def start(self) -> "ViewPublisher":
        self._thread.start()
        return self

    def publish(self, state: ViewState) -> None:
        with self._wake:
            self._latest = state
            self._wake.notify()

    def stop(self, wait: bool = True) -> None:
        """Stop sending; `wait=False` (the GUI thread) returns at once and the thread ends by itself."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        if wait:
            self._thread.join(timeout=5)

    def _take(self) -> ViewState | None:
        with self._wake:
            while self._latest is None and not self._stopping:
                self._wake.wait()
            state, self._latest = self._latest, None
            return None if self._stopping else state

    def _run(self) -> None:
        conn, failures = None, 0
        while (state := self._take()) is not None:
            while True:
                try:
                    if conn is None:
                        conn = _connect(self.dsn)
                        self.seq = max(self.seq, self._current_seq(conn))
                    self._send(conn, state)
                    failures = 0
                    break
                except psycopg2.Error as exc:
                    log.warning("consultation %s: publishing failed (%s); reconnecting", self.session_id, exc)
                    conn = _close(conn)
                    if self._pause(RETRY_S[min(failures, len(RETRY_S) - 1)]):
                        return
                    failures += 1
                    with self._wake:  # a newer state replaces the one that failed
                        state, self._latest = self._latest or state, None
            if self._pause(self.interval_s):
                break
        _close(conn)

    def _pause(self, seconds: float) -> bool:
        """Wait `seconds` unless stopped (True if stopping); new states only accumulate meanwhile."""
        deadline = time.monotonic() + seconds
        with self._wake:
            while not self._stopping and (left := deadline - time.monotonic()) > 0:
                self._wake.wait(left)
            return self._stopping

    def _current_seq(self, conn) -> int:
        with conn.cursor() as cur:
            cur.execute(LATEST_SQL, (self.session_id,))
            row = cur.fetchone()
        return row[0] if row else 0

    def _send(self, conn, state: ViewState) -> None:
        self.seq += 1
        body = state.encode()
        payload = json.dumps({"k": "view", "q": self.seq, "h": self.holder}, separators=(",", ":"))
        full = payload[:-1] + ',"v":' + body + "}"
        with conn.cursor() as cur:
            cur.execute(PUBLISH_SQL, {"id": self.session_id, "division": self.division, "seq": self.seq,
                                      "holder": self.holder, "state": body, "channel": channel(self.session_id),
                                      "payload": full if fits_notify(full) else payload})
            applied = cur.rowcount > 0
        if applied:
            self.sent += 1
            return
        current = self._current_seq(conn)
        if current >= self.seq and self._holder(conn) == self.holder:
            self.seq = current  # someone published under our name meanwhile: continue above it
            self._send(conn, state)
        elif self.on_refused is not None:
            self.on_refused()

    def _holder(self, conn) -> str | None:
        with conn.cursor() as cur:
            cur.execute(LATEST_SQL, (self.session_id,))
            row = cur.fetchone()
        return row[1] if row else None


class ViewFollower:
    """A participant's side: LISTENs on the session's channel on a thread of its own and calls
    `on_message(LiveMessage)` (on that thread) for each view newer than the last one, each
    pointer change, request and the end. At start and after every reconnect it first reads the
    stored latest view, so a late joiner starts from the current state."""

    def __init__(self, dsn: str, session_id: str, on_message: Callable[[LiveMessage], None],
                 on_link: Callable[[bool], None] | None = None) -> None:
        self.dsn, self.session_id = dsn, session_id
        self.on_message, self.on_link = on_message, on_link
        self.last_seq = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="consultation-follow", daemon=True)

    def start(self) -> "ViewFollower":
        self._thread.start()
        return self

    def stop(self, wait: bool = True) -> None:
        """Stop listening; `wait=False` (the GUI thread) returns at once and nothing more is delivered."""
        self._stop.set()
        if wait:
            self._thread.join(timeout=5)

    def _deliver(self, message: LiveMessage) -> None:
        if not self._stop.is_set():
            self.on_message(message)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            conn = None
            try:
                conn = _connect(self.dsn)
                with conn.cursor() as cur:
                    cur.execute(f"LISTEN {channel(self.session_id)}")
                    self._catch_up(cur)
                self._report(True)
                failures = 0
                self._listen(conn)
            except psycopg2.Error as exc:
                log.warning("consultation %s: following interrupted (%s)", self.session_id, exc)
                self._report(False)
                failures += 1
            finally:
                _close(conn)
            self._stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)] if failures else 0)

    def _report(self, up: bool) -> None:
        if self.on_link is not None and not self._stop.is_set():
            self.on_link(up)

    def _listen(self, conn) -> None:
        while not self._stop.is_set():
            # first what is queued already: psycopg2 takes notifications in with any query's answer
            # (the catch-up's), and the socket then has nothing left to wake `select`
            while conn.notifies:
                self._handle(conn, conn.notifies.pop(0).payload)
            readable, _, _ = select.select([conn], [], [], 0.5)
            if readable:
                conn.poll()

    def _catch_up(self, cur) -> None:
        cur.execute(LATEST_SQL, (self.session_id,))
        row = cur.fetchone()
        if row is not None and row[0] > self.last_seq:
            self.last_seq = row[0]
            self._deliver(LiveMessage("pointer", row[0], row[1]))
            if row[2] != "{}":
                self._deliver(LiveMessage("view", row[0], row[1], ViewState.decode(row[2])))

    def _handle(self, conn, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            log.warning("consultation %s: unreadable message ignored", self.session_id)
            return
        kind, seq = data.get("k", ""), int(data.get("q", 0))
        if kind in ("view", "pointer"):
            if seq <= self.last_seq:
                return
            self.last_seq = seq
            if kind == "view" and "v" not in data:  # too large for NOTIFY: read the row
                with conn.cursor() as cur:
                    cur.execute(LATEST_SQL, (self.session_id,))
                    row = cur.fetchone()
                data["v"] = json.loads(row[2]) if row else {}
            state = ViewState(data["v"].get("p", ""), dict(data["v"].get("v") or {})) if kind == "view" else None
            self._deliver(LiveMessage(kind, seq, data.get("h", ""), state))
        else:
            self._deliver(LiveMessage(kind, seq, data.get("h", "")))


def _close(conn) -> None:
    if conn is not None:
        try:
            conn.close()
        except psycopg2.Error:
            pass
    return None
