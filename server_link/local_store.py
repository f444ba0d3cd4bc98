"""The node's local SQLite store: the same tables as the backend plus an outbox.

Every local write and its outbox op commit in one SQLite transaction (synchronous=FULL), so
an operator's entry is durable before the UI says done and survives kill -9. Ops carry a
client-generated UUID, the server version the edit was based on and only the changed
fields (or signed deltas). Rows from the server are applied when their version is at least
the local one, then the node's still-pending ops are replayed on top so operators keep
seeing their own edits. Every write method takes `audit=`: audit-trail rows
(`audit_event`, dicts of `AUDIT_FIELDS` + division) committed in the same transaction as
the write they describe, so no action is stored without its audit row or the reverse. Qt-free; one connection guarded by a lock (used by the GUI thread
for writes and the sync thread for applying server rows).
"""
from __future__ import annotations

import contextlib
import json
import operator
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from domain.divisions import DivisionRegistry
from domain.observers import Observers
from server_link import credit_code
from server_link import store_guard
from server_link.models import synced_tables
from server_link.sync_rules import Op, replay_locally, rule_for

BOOL_COLUMNS = ("deleted", "locked", "active")
WAL_AUTOCHECKPOINT_PAGES = 10_000
AUDIT_TABLE = "audit_event"
AUDIT_FIELDS = ("at", "username", "node", "action", "target_kind", "target_id", "site", "before", "after")
OUTBOX_INSERT = ("INSERT INTO outbox (op_id, table_name, row_id, kind, base_version, division, fields, created_at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def new_op_ids(count: int) -> list[str]:
    """`count` random (version 4) UUID strings from one read of the OS's randomness.

    The same ids `uuid.uuid4()` makes, without an object per id: an acknowledge-all of
    10,000 alarms needs 10,000 op ids inside its commit.
    """
    blob = os.urandom(16 * count).hex()
    ids = []
    for start in range(0, 32 * count, 32):
        h = blob[start:start + 32]
        ids.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}")
    return ids


class StoreError(ValueError):
    """A local write that cannot be accepted, phrased for the operator."""


class StoreWriteFailed(StoreError):
    """SQLite could not write (disk full, read-only, I/O error): nothing of the write is stored.

    Raised for every failed transaction, so each form that shows a `StoreError` keeps the
    operator's entry on screen and says why instead of losing it.
    """


class LocalStore:
    def __init__(self, path: Path | str, node: str, divisions: DivisionRegistry):
        """The store of `node` at `path`; it holds rows of `node`'s jurisdiction in `divisions`."""
        self.path, self.node = Path(path), node
        store_guard.prepare(self.path)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA cache_size=-65536")  # 64 MB: index inserts of a snapshot stay in memory
        # Checkpoints run inside the commit that crosses the threshold: 40 MB instead of 4 MB keeps
        # them out of an operator's commit; the alarm journal checkpoints once its batch is confirmed.
        self._db.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        self._lock = threading.RLock()
        self.columns = synced_tables()
        self.scope = divisions.jurisdiction(node)
        self._write_listeners = Observers("store write")
        self._pull_listeners: dict[str, Observers] = {}

    def on_write(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` after every committed operator write (the sync service pushes at once);
        returns the function that removes it."""
        return self._write_listeners.subscribe(listener)

    def on_pulled(self, table: str, listener: Callable[[list[dict]], None]) -> Callable[[], None]:
        """Call `listener(rows)` with the rows of `table` that a pull or snapshot brought and this
        store did not hold before, after they are committed (on the sync thread). Returns the
        function that removes it. The alarm service feeds other nodes' events to its engine so."""
        observers = self._pull_listeners.setdefault(table, Observers(f"rows pulled into {table}"))
        return observers.subscribe(listener)

    def _written(self) -> None:
        self._write_listeners.notify()

    @contextlib.contextmanager
    def _tx(self):
        """One SQLite transaction under the store lock (re-entrant: nested calls join it).

        A SQLite failure (disk full, read-only file, I/O error) rolls it back and becomes
        `StoreWriteFailed`, one line naming the store."""
        with self._lock:
            if self._db.in_transaction:
                yield
                return
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.DatabaseError as exc:
                raise StoreWriteFailed(f"not stored: the local store {self.path} cannot be written ({exc})") from exc

    def transaction(self):
        """Several operator writes (each with its outbox op) committed together or not at all."""
        return self._tx()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def checkpoint(self) -> None:
        """Copy committed WAL pages into the database file now (passive: never waits for readers)."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # --- operator writes (each with its outbox op, atomically) -------------------------

    def insert(self, table: str, division: str, *, audit: Sequence[dict] = (), **fields) -> str:
        kind = "append" if rule_for(table).append_only else "upsert"
        return self._write_new(table, kind, division, fields, audit)

    def append(self, table: str, division: str, *, audit: Sequence[dict] = (), **fields) -> str:
        return self._write_new(table, "append", division, fields, audit)

    def update(self, table: str, row_id: str, *, audit: Sequence[dict] = (), **changes) -> None:
        """Change fields of a row. Audit rows that carry neither `before` nor `after` get the
        changed fields' values before and after, read inside the write's transaction."""
        self._check_fields(table, changes)
        if "division" in changes:
            self._check_division(changes["division"])
        self._write_existing(table, row_id, "upsert", changes, audit)

    def delete(self, table: str, row_id: str, *, audit: Sequence[dict] = ()) -> None:
        self._write_existing(table, row_id, "delete", {}, audit)

    def adjust(self, table: str, row_id: str, field: str, delta: float, *, audit: Sequence[dict] = ()) -> None:
        """Move a quantity by a signed delta (supplies): concurrent deltas add up."""
        if field not in rule_for(table).delta_fields:
            raise StoreError(f"{table}.{field}: not a quantity that moves by deltas")
        self._write_existing(table, row_id, "delta", {field: delta}, audit)

    def record_audit(self, audit: Sequence[dict]) -> None:
        """Audit rows of an action that writes nothing else (a sign-in, a refused password)."""
        with self._tx():
            self._append_audit(audit)
        self._written()

    def resolve_conflict(self, conflict_id: str, choice: str, *, audit: Sequence[dict] = ()) -> None:
        """Decide an inbox conflict: keep the `server` value or take the `incoming` one."""
        if choice not in ("server", "incoming"):
            raise StoreError(f"conflict {conflict_id}: choice must be 'server' or 'incoming', got {choice!r}")
        with self._tx():
            row = self._get("sync_conflict", conflict_id)
            if row is None:
                raise StoreError(f"conflict {conflict_id}: not in this node's inbox")
            self._db.execute("UPDATE sync_conflict SET resolution = ?, resolved_by = ? WHERE id = ?",
                             (choice, self.node, conflict_id))
            self._enqueue(Op(str(uuid.uuid4()), "sync_conflict", conflict_id, "resolve", row["version"],
                             row["division"], {"choice": choice}))
            self._append_audit(audit)
        self._written()

    def append_rows(self, table: str, columns: Sequence[str], rows: Sequence[tuple],
                    audit: Sequence[dict] = ()) -> None:
        """New rows of an append-only table and their outbox ops in ONE transaction (one fsync).

        `columns` names the values of every row: `id`, `division` and the table's own fields
        (tuples, not dicts: an acknowledge-all of 10,000 alarms passes through here inside the
        time the operator waits). A row whose id is already here (the same name-based event
        pulled from another node) is kept as it is; its op still goes out and the server's
        ledger reports it a duplicate.
        """
        if not rows and not audit:
            return
        if not rule_for(table).append_only:
            raise StoreError(f"{table}: not an append-only table")
        self._check_fields(table, dict.fromkeys(columns))
        if "id" not in columns or "division" not in columns:
            raise StoreError(f"{table}: appended rows need an id and a division")
        if any(len(row) != len(columns) for row in rows):
            raise StoreError(f"{table}: every row needs {len(columns)} values ({', '.join(columns)})")
        with self._tx():
            self._append_locked(table, columns, rows)
            self._append_audit(audit)
        self._written()

    def _append_locked(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        """Insert append-only rows and their outbox ops (inside the caller's transaction)."""
        if not rows:
            return
        id_at, division_at = columns.index("id"), columns.index("division")
        outside = {row[division_at] for row in rows} - self.scope
        if outside:
            raise StoreError(f"division {', '.join(sorted(outside))}: outside the jurisdiction of node {self.node}")
        fields = [(at, name) for at, name in enumerate(columns) if name not in ("id", "division")]
        names, pick_fields = [name for _, name in fields], operator.itemgetter(*(at for at, _ in fields))
        now, encode = time.time(), json.JSONEncoder().encode
        bookkeeping = (0, self.node, False, now)
        ops = [(op_id, table, row[id_at], "append", 0, row[division_at], encode(dict(zip(names, pick_fields(row)))), now)
               for op_id, row in zip(new_op_ids(len(rows)), rows)]
        stored = [*columns, "version", "origin_node", "deleted", "updated_at"]
        self._db.executemany(f"INSERT OR IGNORE INTO {table} ({','.join(stored)}) "
                             f"VALUES ({','.join('?' * len(stored))})", [(*row, *bookkeeping) for row in rows])
        self._db.executemany(OUTBOX_INSERT, ops)

    def _append_audit(self, audit: Sequence[dict]) -> None:
        """Audit rows (dicts of `AUDIT_FIELDS` + division, `before`/`after` as dicts) with their ops."""
        if not audit:
            return
        columns = ("id", "division", *AUDIT_FIELDS)
        rows = []
        for entry, row_id in zip(audit, new_op_ids(len(audit))):
            values = dict(entry, id=entry.get("id") or row_id)
            for name in ("before", "after"):
                if isinstance(values.get(name), dict):
                    values[name] = json.dumps(values[name], ensure_ascii=False, sort_keys=True)
            rows.append(tuple(values.get(name) for name in columns))
        self._append_locked(AUDIT_TABLE, columns, rows)

    def _write_new(self, table: str, kind: str, division: str, fields: dict, audit: Sequence[dict] = ()) -> str:
        self._check_fields(table, fields)
        self._check_division(division)
        row_id = fields.pop("id", None) or str(uuid.uuid4())
        with self._tx():
            row = dict(fields, id=row_id, division=division, version=0, origin_node=self.node,
                       deleted=False, updated_at=time.time())
            self._upsert(table, [row])
            self._enqueue(Op(str(uuid.uuid4()), table, row_id, kind, 0, division, fields))
            self._append_audit([dict(entry, target_id=entry.get("target_id") or row_id) for entry in audit])
        self._written()
        return row_id

    def _write_existing(self, table: str, row_id: str, kind: str, fields: dict, audit: Sequence[dict] = ()) -> None:
        if rule_for(table).append_only:
            raise StoreError(f"{table} {row_id}: entries are append-only; add a new entry instead")
        with self._tx():
            row = self._get(table, row_id)
            if row is None or row["deleted"]:
                raise StoreError(f"{table} {row_id}: no such row on this node")
            op = Op(str(uuid.uuid4()), table, row_id, kind, row["version"], row["division"], fields)
            changed = replay_locally(row, kind, fields, table)
            self._upsert(table, [changed])
            self._enqueue(op)
            names = list(fields) or ["deleted"]
            self._append_audit([entry if "before" in entry or "after" in entry else
                                dict(entry, before={name: row.get(name) for name in names},
                                     after={name: changed.get(name) for name in names}) for entry in audit])
        self._written()

    def _check_fields(self, table: str, fields: dict) -> None:
        if table not in self.columns:
            raise StoreError(f"{table}: not a replicated table")
        unknown = set(fields) - set(self.columns[table])
        if unknown:
            raise StoreError(f"{table}: unknown field(s) {', '.join(sorted(unknown))}")
        if table == "enterprise" and "credit_code" in fields:
            reason = credit_code.problem(fields["credit_code"])
            if reason:
                raise StoreError(f"enterprise.credit_code: {reason}")

    def _check_division(self, division: str) -> None:
        if division not in self.scope:
            raise StoreError(f"division {division}: outside the jurisdiction of node {self.node}")

    def _enqueue(self, op: Op) -> None:
        self._db.execute(OUTBOX_INSERT, (op.op_id, op.table, op.row_id, op.kind, op.base_version, op.division,
                                         json.dumps(op.fields), time.time()))

    # --- reads ---------------------------------------------------------------------------

    def get(self, table: str, row_id: str) -> dict | None:
        with self._lock:
            return self._get(table, row_id)

    def rows(self, table: str, include_deleted: bool = False, where: str = "", params: tuple = ()) -> list[dict]:
        """Rows of a table in id order; `where` (with `?` params) narrows them, e.g. by an indexed column."""
        clauses = [] if include_deleted else ["deleted = 0"]
        clauses += [f"({where})"] if where else []
        condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            return [self._as_dict(r) for r in self._db.execute(f"SELECT * FROM {table}{condition} ORDER BY id", params)]

    def count(self, table: str) -> int:
        with self._lock:
            return self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def open_conflicts(self) -> list[dict]:
        with self._lock:
            return [self._as_dict(r) for r in self._db.execute(
                "SELECT * FROM sync_conflict WHERE resolution IS NULL AND deleted = 0 ORDER BY created_at")]

    def pending_count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM outbox").fetchone()[0]

    def pending_ops(self, limit: int) -> list[Op]:
        with self._lock:
            cursor = self._db.execute("SELECT * FROM outbox ORDER BY seq LIMIT ?", (limit,))
            return [Op(r["op_id"], r["table_name"], r["row_id"], r["kind"], r["base_version"],
                       r["division"], json.loads(r["fields"]), self.node) for r in cursor]

    def rejected(self) -> list[dict]:
        with self._lock:
            return [dict(r) for r in self._db.execute("SELECT * FROM rejected_op ORDER BY at")]

    def _get(self, table: str, row_id: str) -> dict | None:
        row = self._db.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return self._as_dict(row) if row else None

    @staticmethod
    def _as_dict(row: sqlite3.Row) -> dict:
        out = dict(row)
        for name in BOOL_COLUMNS:
            if name in out:
                out[name] = bool(out[name])
        return out

    # --- what the sync engine calls --------------------------------------------------------

    def acknowledge(self, outcomes: dict[str, str]) -> None:
        """Drop acknowledged ops; keep rejected ones aside (never retried, shown to the operator)."""
        with self._tx():
            now = time.time()
            rejected = [(status, now, op_id) for op_id, status in outcomes.items() if status.startswith("rejected")]
            self._db.executemany(
                "INSERT OR IGNORE INTO rejected_op (op_id, table_name, row_id, fields, reason, at)"
                " SELECT op_id, table_name, row_id, fields, ?, ? FROM outbox WHERE op_id = ?", rejected)
            self._db.executemany("DELETE FROM outbox WHERE op_id = ?", [(op_id,) for op_id in outcomes])

    def apply_server_rows(self, table: str, rows: list[dict], evicted: Iterable[str] = ()) -> None:
        """Take the server's rows (newer or equal versions win) and drop rows now out of scope."""
        with self._tx():
            arrived = {table: self._apply(table, rows, evicted)}
        self._pulled(arrived)

    def apply_batches(self, batches: list[tuple[str, list[dict], list[str]]], state: dict[str, str]) -> None:
        """Several tables' rows plus the new cursor/progress, in one transaction."""
        with self._tx():
            arrived = {table: self._apply(table, rows, evicted) for table, rows, evicted in batches}
            self._set_state(state)
        self._pulled(arrived)

    def _pulled(self, arrived: dict[str, list[dict]]) -> None:
        for table, rows in arrived.items():
            if rows and table in self._pull_listeners:
                self._pull_listeners[table].notify(rows)

    def apply_snapshot_page(self, table: str, rows: list[tuple], state: dict[str, str]) -> None:
        """A page of a snapshot, columns in model order, with the snapshot progress.

        No version checks: a snapshot fills a store holding nothing newer (initial sync or
        a cleared replica); pending ops are laid over it afterwards (`replay_all_pending`).
        """
        columns = self.columns[table]
        arrived = []
        with self._tx():
            if rows:
                if self._pull_listeners.get(table):
                    id_at = columns.index("id")
                    known = self._versions(table, [row[id_at] for row in rows])
                    arrived = [dict(zip(columns, row)) for row in rows if row[id_at] not in known]
                self._db.executemany(f"INSERT OR REPLACE INTO {table} ({','.join(columns)}) "
                                     f"VALUES ({','.join('?' * len(columns))})", rows)
            self._set_state(state)
        self._pulled({table: arrived})

    def _apply(self, table: str, rows: list[dict], evicted: Iterable[str]) -> list[dict]:
        """Write the server's rows; returns those this store did not hold before."""
        evicted = list(evicted)
        if evicted:
            self._db.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in evicted])
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        local = self._versions(table, ids)
        arrived = [r for r in rows if r["id"] not in local]
        fresh = [r for r in rows if r["version"] >= local.get(r["id"], -1)]
        self._upsert(table, fresh)
        pending = self._pending_for(ids)
        for row_id, ops in pending.items():
            row = self._get(table, row_id)
            for kind, fields in ops:
                row = replay_locally(row, kind, fields, table)
            if row is not None:
                self._upsert(table, [row])
        return arrived

    def _versions(self, table: str, ids: list[str]) -> dict[str, int]:
        out = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            out.update(self._db.execute(f"SELECT id, version FROM {table} WHERE id IN ({marks})", chunk))
        return out

    def _pending_for(self, ids: list[str]) -> dict[str, list[tuple[str, dict]]]:
        if not self._db.execute("SELECT 1 FROM outbox LIMIT 1").fetchone():
            return {}
        wanted, out = set(ids), {}
        for row_id, kind, fields in self._db.execute("SELECT row_id, kind, fields FROM outbox ORDER BY seq"):
            if row_id in wanted:
                out.setdefault(row_id, []).append((kind, json.loads(fields)))
        return out

    def _upsert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        columns = self.columns[table]
        marks = ",".join("?" * len(columns))
        self._db.executemany(f"INSERT OR REPLACE INTO {table} ({','.join(columns)}) VALUES ({marks})",
                             [tuple(row.get(c) for c in columns) for row in rows])

    def clear_replica(self) -> None:
        """Forget every replicated row (before a re-snapshot); the outbox is kept."""
        with self._tx():
            for table in self.columns:
                self._db.execute(f"DELETE FROM {table}")

    def replay_all_pending(self) -> None:
        """Lay every pending op over the fresh snapshot (after a re-snapshot)."""
        with self._tx():
            for op in self.pending_ops(1_000_000):
                row = replay_locally(self._get(op.table, op.row_id), op.kind,
                                     self._new_row_fields(op), op.table)
                if row is not None:
                    self._upsert(op.table, [row])

    def _new_row_fields(self, op: Op) -> dict:
        if op.kind in ("append", "upsert") and op.base_version == 0:
            return dict(op.fields, id=op.row_id, division=op.division, version=0,
                        origin_node=self.node, deleted=False)
        return op.fields

    def state(self, key: str, default: str | None = None) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
            return row[0] if row else default

    def set_state(self, **values: str) -> None:
        with self._tx():
            self._set_state(values)

    def _set_state(self, values: dict[str, str]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                             list(values.items()))
