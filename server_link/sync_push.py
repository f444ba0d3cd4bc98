"""Push: apply one batch of a node's ops on the backend, exactly once, in one transaction.

Runs on the node's own role, so row-level security checks every row it reads or writes.
The ledger (`applied_op`) is written first in the same transaction: an op id already
there was applied by an earlier attempt whose acknowledgement was lost, and is skipped.
An op the database refuses (outside the jurisdiction, bad data) is retried alone; if it
still fails it is recorded as rejected in the ledger, so one bad op never stalls the queue.
"""
from __future__ import annotations

import json
import time
import uuid

import psycopg2
import psycopg2.errors
from psycopg2 import sql
from psycopg2.extras import RealDictCursor, execute_values

from server_link import server_schema
from server_link.models import synced_tables
from server_link.sync_rules import Conflict, Op, apply_op

CONNECTION_ERRORS = (psycopg2.OperationalError, psycopg2.InterfaceError)
# Lock contention with another node's push: retry the batch, never reject its ops.
TRANSIENT_ERRORS = (psycopg2.errors.DeadlockDetected, psycopg2.errors.SerializationFailure,
                    psycopg2.errors.LockNotAvailable)
COLUMNS = synced_tables()


def push_batch(conn, ops: list[Op]) -> dict[str, str]:
    """Apply `ops` (in order) and commit; returns op id → outcome for every op."""
    try:
        outcomes = _apply_batch(conn, ops)
        conn.commit()
        return outcomes
    except CONNECTION_ERRORS:
        raise
    except TRANSIENT_ERRORS:
        conn.rollback()
        raise
    except psycopg2.Error:
        conn.rollback()
    outcomes = {}
    for op in ops:
        try:
            outcomes.update(_apply_batch(conn, [op]))
            conn.commit()
        except CONNECTION_ERRORS:
            raise
        except TRANSIENT_ERRORS:
            conn.rollback()
            raise
        except psycopg2.Error as exc:
            conn.rollback()
            outcomes[op.op_id] = _record_rejection(conn, op, exc)
    return outcomes


def rejection_reason(op: Op, exc: psycopg2.Error) -> str:
    """One line for the operator; a credit code another jurisdiction holds is said so."""
    if isinstance(exc, psycopg2.errors.UniqueViolation) and exc.diag.constraint_name == server_schema.CREDIT_CODE_INDEX:
        code = op.fields.get("credit_code", "")
        return f"rejected: credit code {code} is already registered by another jurisdiction"
    return "rejected: " + (exc.pgerror or str(exc)).strip().splitlines()[0]


def _record_rejection(conn, op: Op, exc: psycopg2.Error) -> str:
    reason = rejection_reason(op, exc)
    with conn.cursor() as cur:
        cur.execute("INSERT INTO applied_op (op_id, node, outcome) VALUES (%s, sync_node_division(), %s) "
                    "ON CONFLICT (op_id) DO NOTHING", (op.op_id, reason))
    conn.commit()
    return reason


def _apply_batch(conn, ops: list[Op]) -> dict[str, str]:
    with conn.cursor(cursor_factory=RealDictCursor) as cur:
        cur.execute("SELECT sync_node_division() AS node")
        origin = cur.fetchone()["node"]
        if origin is None:
            raise PermissionError("this database role is not a registered sync node")
        fresh_ids = {r["op_id"] for r in execute_values(
            cur, "INSERT INTO applied_op (op_id, node) VALUES %s ON CONFLICT (op_id) DO NOTHING RETURNING op_id",
            [(op.op_id, origin) for op in ops], fetch=True)}
        outcomes = {op.op_id: "duplicate" for op in ops if op.op_id not in fresh_ids}
        fresh = [op for op in ops if op.op_id in fresh_ids]
        if not fresh:
            return outcomes
        rows = _lock_rows(cur, fresh)
        cur.execute("SELECT nextval('row_version_seq') AS v FROM generate_series(1, %s)", (len(fresh),))
        versions = [r["v"] for r in cur.fetchall()]
        now, touched = time.time(), {}
        for op, version in zip(fresh, versions, strict=True):
            op.origin = origin
            if op.table not in COLUMNS:
                outcomes[op.op_id] = f"rejected: {op.table} is not replicated"
                continue
            if op.kind == "resolve":
                outcomes[op.op_id] = _resolve(rows, op, origin, version, now, touched)
                continue
            key = (op.table, op.row_id)
            outcome = apply_op(rows.get(key), op, version, now)
            if outcome.row is not None:
                rows[key] = touched[key] = outcome.row
            for conflict in outcome.conflicts:
                entry = _conflict_row(op, rows[key], conflict, now)
                touched[("sync_conflict", entry["id"])] = entry
            outcomes[op.op_id] = outcome.status
        _write(cur, touched)
        failed = {k: v for k, v in outcomes.items() if v != "applied" and k in fresh_ids}
        if failed:
            execute_values(cur, "UPDATE applied_op SET outcome = v.outcome FROM (VALUES %s) AS v(op_id, outcome) "
                           "WHERE applied_op.op_id = v.op_id", list(failed.items()))
        return outcomes


def _lock_rows(cur, ops: list[Op]) -> dict[tuple[str, str], dict]:
    wanted: dict[str, set[str]] = {}
    for op in ops:
        wanted.setdefault(op.table, set()).add(op.row_id)
    rows = {}
    for table, ids in sorted(wanted.items()):  # one lock order for every pusher
        if table not in COLUMNS:
            continue
        cur.execute(sql.SQL("SELECT * FROM {} WHERE id = ANY(%s) ORDER BY id FOR UPDATE").format(sql.Identifier(table)),
                    (sorted(ids),))
        rows.update(((table, r["id"]), dict(r)) for r in cur.fetchall())
    return rows


def _resolve(rows, op: Op, origin: str, version: int, now: float, touched: dict) -> str:
    """A person's decision on an inbox conflict; `incoming` writes the losing value back."""
    conflict = rows.get(("sync_conflict", op.row_id))
    if conflict is None:
        return "rejected: no such conflict in this node's jurisdiction"
    if conflict["resolution"]:
        return f"ignored: already resolved ({conflict['resolution']})"
    choice = op.fields.get("choice")
    conflict.update(resolution=choice, resolved_by=origin, version=version, origin_node=origin, updated_at=now)
    touched[("sync_conflict", op.row_id)] = conflict
    if choice == "incoming":
        touched[("__resolve__", op.row_id)] = conflict
    return "applied"


def _conflict_row(op: Op, row: dict, conflict: Conflict, now: float) -> dict:
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{op.op_id}/{conflict.field}")),
        "division": row["division"], "version": 0, "origin_node": op.origin, "deleted": False,
        "updated_at": now, "field_clock": None, "table_name": op.table, "row_id": op.row_id,
        "field": conflict.field, "server_value": json.dumps(conflict.server_value),
        "incoming_value": json.dumps(conflict.incoming_value), "server_origin": conflict.server_origin,
        "incoming_origin": op.origin, "created_at": now, "resolution": None, "resolved_by": None,
    }


def _write(cur, touched: dict) -> None:
    by_table: dict[str, list[dict]] = {}
    resolutions = []
    for (table, _), row in touched.items():
        if table == "__resolve__":
            resolutions.append(row)
        else:
            by_table.setdefault(table, []).append(row)
    for table, rows in by_table.items():
        _upsert(cur, table, rows)
    for conflict in resolutions:
        _write_back(cur, conflict)


def _upsert(cur, table: str, rows: list[dict]) -> None:
    columns = COLUMNS[table]
    statement = sql.SQL("INSERT INTO {t} ({cols}) VALUES %s ON CONFLICT (id) DO UPDATE SET {sets}").format(
        t=sql.Identifier(table), cols=sql.SQL(",").join(map(sql.Identifier, columns)),
        sets=sql.SQL(",").join(sql.SQL("{c} = EXCLUDED.{c}").format(c=sql.Identifier(c))
                               for c in columns if c != "id"))
    execute_values(cur, statement, [tuple(row.get(c) for c in columns) for row in rows], page_size=1000)


def _write_back(cur, conflict: dict) -> None:
    """Apply the incoming value of a resolved conflict to its row (a new version, new clock)."""
    table, field = conflict["table_name"], conflict["field"]
    if table not in COLUMNS or field not in COLUMNS[table]:
        return
    cur.execute(sql.SQL("SELECT * FROM {} WHERE id = %s FOR UPDATE").format(sql.Identifier(table)),
                (conflict["row_id"],))
    row = cur.fetchone()
    if row is None:
        return
    row = dict(row)
    clock = json.loads(row.get("field_clock") or "{}")
    cur.execute("SELECT nextval('row_version_seq') AS v")
    version = cur.fetchone()["v"]
    clock[field] = [version, conflict["resolved_by"]]
    row.update({field: json.loads(conflict["incoming_value"]), "version": version,
                "origin_node": conflict["resolved_by"], "updated_at": time.time(),
                "field_clock": json.dumps(clock)})
    _upsert(cur, table, [row])
