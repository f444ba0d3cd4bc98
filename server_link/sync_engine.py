"""The node side of sync: push the outbox, pull by the commit-ordered cursor, snapshot.

- Push: outbox ops in batches (`sync_push.push_batch`); acknowledged ops leave the outbox
  only after the server committed, so a lost acknowledgement means a resend, which the
  server's ledger turns into a no-op.
- Pull: change-log entries after the cursor (commit_seq, id), visible through RLS only if
  the row is, or was, in this node's jurisdiction. The row's current state is fetched: a
  row no longer visible has moved out of scope (or was purged) and is evicted locally.
- Initial sync: the cursor position is fixed first, then every table is copied in id
  order, page by page; each page and the progress commit together, so an interrupted
  snapshot resumes where it stopped. Changes during the copy are replayed afterwards.
- Beyond the tombstone horizon (`sync_horizon.purged_through`) a node's cursor is too old
  to be caught up by changes: it re-snapshots (pending ops are kept and replayed).
"""
from __future__ import annotations

import json
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import psycopg2
from psycopg2 import sql

from server_link.local_store import LocalStore
from server_link.sync_push import CONNECTION_ERRORS, TRANSIENT_ERRORS, push_batch

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


class LinkDown(Exception):
    """The backend cannot be reached right now; everything stays queued locally."""


class ResnapshotNeeded(Exception):
    """This node's cursor is older than the tombstone horizon."""


@dataclass(frozen=True)
class Cursor:
    seq: int = 0
    change_id: int = 0

    def __str__(self) -> str:
        return f"{self.seq}:{self.change_id}"

    @classmethod
    def after_commit(cls, seq: int) -> "Cursor":
        """Past every change of commit `seq` (where a snapshot taken at `seq` leaves off)."""
        return cls(seq, 2**63 - 1)

    @classmethod
    def parse(cls, text: str | None) -> "Cursor | None":
        if not text:
            return None
        seq, change_id = text.split(":")
        return cls(int(seq), int(change_id))


class SyncEngine:
    def __init__(self, store: LocalStore, connect: Callable[[], object], batch_size: int = 500,
                 page_size: int = 5000):
        self.store, self._connect = store, connect
        self.batch_size, self.page_size = batch_size, page_size
        self._conn = None
        # Fault-injection point for tests: called with the op ids after the server committed
        # a batch and before the node records the acknowledgement.
        self.after_commit: Callable[[list[str]], None] | None = None

    # --- connection ------------------------------------------------------------------------

    def _server(self):
        if self._conn is None or self._conn.closed:
            try:
                conn = self._connect()
            except CONNECTION_ERRORS as exc:
                raise LinkDown(str(exc).strip()) from exc
            from server_link.schema_version import refuse_mismatched_schema  # Alembic: not at start-up

            refuse_mismatched_schema(conn)  # every new connection: no sync across schema revisions
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _drop_if_dead(self) -> None:
        """A connection that died while idle is replaced quietly instead of failing a cycle."""
        if self._conn is None:
            return
        try:
            with self._conn.cursor() as cur:
                cur.execute("SELECT 1")
            self._conn.rollback()
        except CONNECTION_ERRORS:
            self.close()

    def _link_lost(self, exc: Exception) -> LinkDown:
        self.close()
        return LinkDown(str(exc).strip() or type(exc).__name__)

    # --- the cycle -------------------------------------------------------------------------

    @property
    def cursor(self) -> Cursor | None:
        return Cursor.parse(self.store.state("cursor"))

    def sync_once(self, progress: Progress | None = None) -> None:
        """Push everything pending, then catch up (snapshot first if this node has none)."""
        self._drop_if_dead()
        self.push()
        if self.cursor is None:
            self.initial_sync(progress)
            return
        try:
            self.pull()
        except ResnapshotNeeded:
            log.warning("cursor %s is older than the tombstone horizon: re-snapshot", self.cursor)
            self.resnapshot(progress)

    def push(self) -> int:
        pushed, contention = 0, 0
        while ops := self.store.pending_ops(self.batch_size):
            try:
                outcomes = push_batch(self._server(), ops)
            except CONNECTION_ERRORS as exc:
                raise self._link_lost(exc) from exc
            except TRANSIENT_ERRORS as exc:
                contention += 1
                if contention > 5:
                    raise LinkDown(f"backend busy: {str(exc).strip().splitlines()[0]}") from exc
                continue
            if self.after_commit is not None:
                try:
                    self.after_commit(list(outcomes))
                except LinkDown:
                    self.close()
                    raise
            self.store.acknowledge(outcomes)
            pushed += len(ops)
        return pushed

    def pull(self) -> int:
        """Apply every committed change after the cursor; returns the number of changes read."""
        cursor = self.cursor or Cursor()
        try:
            return self._pull_from(cursor)
        except CONNECTION_ERRORS as exc:
            raise self._link_lost(exc) from exc

    def _pull_from(self, cursor: Cursor) -> int:
        conn, seen = self._server(), 0
        with conn.cursor() as cur:
            cur.execute("SELECT purged_through FROM sync_horizon")
            if cursor.seq < cur.fetchone()[0]:
                conn.rollback()
                raise ResnapshotNeeded(str(cursor))
            while True:
                cur.execute("SELECT commit_seq, id, table_name, row_id FROM change_log "
                            "WHERE (commit_seq, id) > (%s, %s) ORDER BY commit_seq, id LIMIT %s",
                            (cursor.seq, cursor.change_id, self.page_size))
                changes = cur.fetchall()
                if not changes:
                    break
                ids_by_table: dict[str, set[str]] = {}
                for _, _, table, row_id in changes:
                    if table in self.store.columns:
                        ids_by_table.setdefault(table, set()).add(row_id)
                batches = [self._fetch_current(cur, table, ids) for table, ids in ids_by_table.items()]
                cursor = Cursor(changes[-1][0], changes[-1][1])
                self.store.apply_batches(batches, {"cursor": str(cursor)})
                seen += len(changes)
        conn.rollback()
        return seen

    def _fetch_current(self, cur, table: str, ids: set[str]) -> tuple[str, list[dict], list[str]]:
        columns = self.store.columns[table]
        cur.execute(sql.SQL("SELECT {} FROM {} WHERE id = ANY(%s)").format(
            sql.SQL(",").join(map(sql.Identifier, columns)), sql.Identifier(table)), (list(ids),))
        rows = [dict(zip(columns, values)) for values in cur.fetchall()]
        evicted = ids - {row["id"] for row in rows}
        return table, rows, sorted(evicted)

    # --- snapshots ---------------------------------------------------------------------------

    def initial_sync(self, progress: Progress | None = None) -> None:
        try:
            self._snapshot(progress)
        except CONNECTION_ERRORS as exc:
            raise self._link_lost(exc) from exc
        self.store.replay_all_pending()
        self.pull()

    def _snapshot(self, progress: Progress | None) -> None:
        conn = self._server()
        tables = list(self.store.columns)
        state = json.loads(self.store.state("snapshot") or "null")
        with conn.cursor() as cur:
            if state is None:
                cur.execute("SELECT seq FROM commit_counter")
                seq = cur.fetchone()[0]
                cur.execute(sql.SQL(" UNION ALL ").join(
                    sql.SQL("SELECT {}, count(*) FROM {}").format(sql.Literal(t), sql.Identifier(t)) for t in tables))
                counts = dict(cur.fetchall())
                tables = [t for t in tables if counts[t]]
                state = {"seq": seq, "tables": tables, "table": 0, "last_id": "", "done": 0,
                         "total": sum(counts.values())}
                self.store.set_state(snapshot=json.dumps(state))
            conn.rollback()
        for table, rows, state in self._snapshot_pages(conn, state):
            self.store.apply_snapshot_page(table, rows, {"snapshot": json.dumps(state)})
            if progress:
                progress(state["done"], max(state["total"], state["done"]))
        self.store.set_state(cursor=str(Cursor.after_commit(state["seq"])), snapshot="")

    def _snapshot_pages(self, conn, state: dict) -> Iterator[tuple[str, list[tuple], dict]]:
        """Snapshot pages from `state` on, fetched one page ahead on a helper thread so the
        backend query and the local insert overlap."""
        pages: queue.Queue = queue.Queue(maxsize=2)
        stop = threading.Event()

        def fetch() -> None:
            try:
                for page in self._fetch_pages(conn, state):
                    while not stop.is_set():
                        try:
                            pages.put(page, timeout=0.2)
                            break
                        except queue.Full:
                            continue
                    if stop.is_set():
                        return
                pages.put(None)
            except BaseException as exc:  # handed to the consuming thread
                pages.put(exc)

        fetcher = threading.Thread(target=fetch, name="snapshot-fetch", daemon=True)
        fetcher.start()
        try:
            while (page := pages.get()) is not None:
                if isinstance(page, BaseException):
                    raise page
                yield page
        finally:
            stop.set()
            fetcher.join()

    def _fetch_pages(self, conn, state: dict) -> Iterator[tuple[str, list[tuple], dict]]:
        tables = state["tables"]
        with conn.cursor() as cur:
            while state["table"] < len(tables):
                table = tables[state["table"]]
                columns = self.store.columns[table]
                # Keyset paging must walk the primary-key index; with stale statistics (right
                # after a bulk load) the planner would sort the whole table for every page.
                cur.execute(sql.SQL("SET LOCAL enable_sort = off; "
                                    "SELECT {} FROM {} WHERE id > %s ORDER BY id LIMIT %s").format(
                    sql.SQL(",").join(map(sql.Identifier, columns)), sql.Identifier(table)),
                    (state["last_id"], self.page_size))
                rows = cur.fetchall()
                conn.rollback()
                if len(rows) == self.page_size:
                    state = dict(state, last_id=rows[-1][columns.index("id")], done=state["done"] + len(rows))
                else:
                    state = dict(state, table=state["table"] + 1, last_id="", done=state["done"] + len(rows))
                yield table, rows, state

    def resnapshot(self, progress: Progress | None = None) -> None:
        self.store.clear_replica()
        self.store.set_state(cursor="", snapshot="")
        self.initial_sync(progress)


def connect_backend(dsn: str) -> Callable[[], object]:
    """A connect function with short timeouts, so a dead link is noticed in seconds."""
    def connect():
        conn = psycopg2.connect(dsn, connect_timeout=5, keepalives=1, keepalives_idle=5,
                                keepalives_interval=2, keepalives_count=2, application_name="duty-sync")
        return conn
    return connect
