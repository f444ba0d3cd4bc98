"""The collector's outage spool: values the database could not take, kept on disk in order.

While PostgreSQL is down (restart, crash, network) the collector keeps acquiring and
appends every batch here; when the database is back the rows go out oldest first, a
chunk per transaction, and leave the spool only after that transaction committed. A
chunk that was committed but not yet deleted (the collector killed in between) is sent
again on the next start: the history insert is idempotent (unique `(tag, source_ts)`),
so that resend adds nothing.

A SQLite file (WAL, `synchronous=NORMAL`: it survives the collector being killed; the
database outage is the fault it is for, not a power cut of the collector's host) in the
collector's data dir. It is bounded by `max_rows`; at the bound the oldest rows are
dropped (the live table only ever needs the newest, and recent history matters most to
a duty officer) and the count is logged at most once a minute. One row takes about
`BYTES_PER_ROW` on disk (72 B measured with the simulator's tag names), plus a WAL of at
most ~4 MB, so the default 5,000,000 rows take ≈ 375 MB: 18 minutes of the reference
network (280 sites, 5,600 tags) at the ≈ 4,600 values/s the simulator's 20-site
collector rate scales to (`bench/collector_outage.py` prints it), longer for a county's
or a city's collector. `--spool-max-rows` changes it.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from domain.values import Quality, SourcePath, TagValue

log = logging.getLogger(__name__)

DEFAULT_MAX_ROWS = 5_000_000
BYTES_PER_ROW = 75
DROP_LOG_EVERY_S = 60.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS spooled (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tag TEXT NOT NULL,
  value REAL,
  quality INTEGER NOT NULL,
  source_ts REAL NOT NULL,
  receive_ts REAL NOT NULL,
  path TEXT NOT NULL
)
"""


class Spool:
    """Append batches, read the oldest chunk, delete it once it is stored elsewhere. One thread."""

    def __init__(self, path: Path, max_rows: int = DEFAULT_MAX_ROWS):
        if max_rows < 1:
            raise ValueError(f"spool max_rows {max_rows}: must be at least 1")
        self.path = Path(path)
        self.max_rows = max_rows
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(self.path))
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(SCHEMA)
        self._conn.commit()
        (self._rows,) = self._conn.execute("SELECT count(*) FROM spooled").fetchone()
        self.dropped = 0  # rows dropped at the bound since this spool was opened
        self._dropped_unlogged = 0
        self._drop_logged_at = 0.0

    def __len__(self) -> int:
        return self._rows

    def append(self, batch: Sequence[TagValue]) -> None:
        rows = [(v.tag, v.value, int(v.quality), v.source_ts, v.receive_ts, v.path.value) for v in batch]
        with self._conn:
            self._conn.executemany("INSERT INTO spooled (tag, value, quality, source_ts, receive_ts, path) "
                                   "VALUES (?, ?, ?, ?, ?, ?)", rows)
            excess = self._rows + len(rows) - self.max_rows
            if excess > 0:
                self._conn.execute("DELETE FROM spooled WHERE id IN (SELECT id FROM spooled ORDER BY id LIMIT ?)",
                                   (excess,))
        self._rows += len(rows)
        if excess > 0:
            self._rows -= excess
            self._note_dropped(excess)

    def oldest(self, limit: int) -> tuple[int, list[TagValue]]:
        """Up to `limit` of the oldest rows and the id of the last one (pass it to `delete_through`)."""
        rows = self._conn.execute("SELECT id, tag, value, quality, source_ts, receive_ts, path FROM spooled "
                                  "ORDER BY id LIMIT ?", (limit,)).fetchall()
        if not rows:
            return 0, []
        values = [TagValue(tag, float("nan") if value is None else value, Quality(quality), source_ts, receive_ts,
                           SourcePath(path)) for _, tag, value, quality, source_ts, receive_ts, path in rows]
        return rows[-1][0], values

    def delete_through(self, last_id: int) -> None:
        with self._conn:
            deleted = self._conn.execute("DELETE FROM spooled WHERE id <= ?", (last_id,)).rowcount
        self._rows -= deleted

    def close(self) -> None:
        self._conn.close()

    def _note_dropped(self, count: int) -> None:
        self.dropped += count
        self._dropped_unlogged += count
        now = time.monotonic()
        if now - self._drop_logged_at >= DROP_LOG_EVERY_S:
            log.warning("collector spool full (%d rows, %s): dropped the %d oldest values",
                        self.max_rows, self.path, self._dropped_unlogged)
            self._dropped_unlogged = 0
            self._drop_logged_at = now
