"""Backend housekeeping: purge tombstones and old change-log entries past the retention.

Retention must exceed the longest offline period a node is allowed (default 90 days,
*configurable*). Purging moves `sync_horizon.purged_through`; a node whose cursor is
older than that cannot be caught up by changes and re-snapshots (see SyncEngine).
Whole commits are purged together so no cursor ends up inside a half-purged commit.
"""
from __future__ import annotations

import time

from psycopg2 import sql

from server_link.server_schema import replicated_tables

DEFAULT_RETENTION_S = 90 * 86400


def purge(conn, retention_s: float = DEFAULT_RETENTION_S, now: float | None = None) -> int:
    """Run as the backend owner. Returns the number of tombstones removed."""
    cutoff = (now or time.time()) - retention_s
    removed = 0
    with conn.cursor() as cur:
        cur.execute("SELECT max(commit_seq) FROM change_log WHERE changed_at < %s", (cutoff,))
        horizon = cur.fetchone()[0]
        if horizon is not None:
            cur.execute("DELETE FROM change_log WHERE commit_seq <= %s", (horizon,))
            cur.execute("UPDATE sync_horizon SET purged_through = greatest(purged_through, %s)", (horizon,))
        for table in replicated_tables(cur):
            cur.execute(sql.SQL("DELETE FROM {} WHERE deleted AND updated_at < %s").format(sql.Identifier(table)),
                        (cutoff,))
            removed += cur.rowcount
    conn.commit()
    return removed
