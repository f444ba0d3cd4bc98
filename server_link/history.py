"""The collector's tables: latest value per tag and the daily-partitioned history.

`field_live` holds one row per tag (upserted: a GOOD value never over a newer one, while news
of a bad or stale state always goes in — a failover that re-delivers an older cached value
and then loses that path too must not leave the newer GOOD row standing); `field_history` is
range-partitioned by source time into one partition per UTC day, so the ≥ 30 days that
Order No. 40 requires are kept and older days are pruned by dropping whole partitions —
no bulk DELETE, no bloat. A DEFAULT partition catches values whose device clock is far
off, so nothing is lost. After each batch commits, `NOTIFY field_live` wakes listeners
(payload: row count and newest source time; listeners then read `field_live`).
`field_collector` holds each collector's heartbeat (`beat_at`, the database's clock),
renewed with every batch and at least every `BEAT_EVERY_S`.

The heartbeat says the collector runs, not that a value is current: each `field_live`
row carries `refreshed_at` (when the collector last heard the tag from the field, on the
database's clock: the write time minus the value's age on the collector's own clock, so
clock skew does not enter) and `stale_after_s` (the tag's stale limit). A reader judges
every row by `now() - refreshed_at > stale_after_s + STALE_GRACE_S` (`server_link/live_feed.py`); the
runtime re-delivers a steady GOOD value every half stale limit, so a row of a live
source never crosses it. History inserts are idempotent (unique `(tag, source_ts)`), so
a batch sent twice — an outage's spool flushed after a commit whose answer was lost —
adds nothing. DDL is idempotent.
"""
from __future__ import annotations

import csv
import io
import math
import time
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone

import psycopg2
from psycopg2 import sql

from domain.values import TagValue
from server_link import server_schema
from server_link.live_rows import CHANNEL, DEFAULT_STALE_AFTER_S

RETAIN_DAYS_MIN = 30
BEAT_EVERY_S = 1.0
PARTITION_PREFIX = "field_history_"

DDL = """
CREATE TABLE IF NOT EXISTS field_live (
    tag        TEXT PRIMARY KEY,
    value      DOUBLE PRECISION,
    quality    SMALLINT NOT NULL,
    source_ts  TIMESTAMPTZ NOT NULL,
    receive_ts TIMESTAMPTZ NOT NULL,
    path       TEXT NOT NULL,
    written_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE field_live ADD COLUMN IF NOT EXISTS refreshed_at TIMESTAMPTZ;
ALTER TABLE field_live ADD COLUMN IF NOT EXISTS stale_after_s REAL;
CREATE TABLE IF NOT EXISTS field_history (
    tag        TEXT NOT NULL,
    source_ts  TIMESTAMPTZ NOT NULL,
    value      DOUBLE PRECISION,
    quality    SMALLINT NOT NULL,
    path       TEXT NOT NULL
) PARTITION BY RANGE (source_ts);
CREATE TABLE IF NOT EXISTS field_history_default PARTITION OF field_history DEFAULT;
CREATE TABLE IF NOT EXISTS field_collector (
    name    TEXT PRIMARY KEY,
    beat_at TIMESTAMPTZ NOT NULL,
    tags    INTEGER NOT NULL
);
"""
# (tag, source_ts) unique, for idempotent inserts; a table from before loses its duplicates first
UNIQUE_HISTORY = """
DO $$ BEGIN
  IF to_regclass('field_history_tag_ts_key') IS NULL THEN
    DELETE FROM field_history a USING field_history b
     WHERE a.tableoid = b.tableoid AND a.tag = b.tag AND a.source_ts = b.source_ts AND a.ctid > b.ctid;
    CREATE UNIQUE INDEX field_history_tag_ts_key ON field_history (tag, source_ts);
    DROP INDEX IF EXISTS field_history_tag_ts;
  END IF;
END $$;
"""
# A batch goes through a temporary table filled by COPY; `seq` is its arrival order.
INCOMING_DDL = """
CREATE TEMP TABLE IF NOT EXISTS incoming (
    seq INTEGER, tag TEXT, value DOUBLE PRECISION, quality SMALLINT, source_ts TIMESTAMPTZ, receive_ts TIMESTAMPTZ,
    path TEXT, age_s DOUBLE PRECISION, stale_after_s REAL
) ON COMMIT DELETE ROWS
"""
# each tag's last row of the batch; refreshed_at = the database's now() minus the value's age on the
# collector's clock
LIVE_FROM_INCOMING = """
INSERT INTO field_live (tag, value, quality, source_ts, receive_ts, path, refreshed_at, stale_after_s)
SELECT DISTINCT ON (tag) tag, value, quality, source_ts, receive_ts, path, now() - make_interval(secs => age_s),
       stale_after_s
FROM incoming ORDER BY tag, seq DESC
ON CONFLICT (tag) DO UPDATE SET value = EXCLUDED.value, quality = EXCLUDED.quality,
    source_ts = EXCLUDED.source_ts, receive_ts = EXCLUDED.receive_ts, path = EXCLUDED.path,
    refreshed_at = EXCLUDED.refreshed_at, stale_after_s = EXCLUDED.stale_after_s, written_at = now()
WHERE EXCLUDED.quality <> 0 OR field_live.source_ts <= EXCLUDED.source_ts
"""
HISTORY_FROM_INCOMING = """
INSERT INTO field_history (tag, value, quality, source_ts, path)
SELECT tag, value, quality, source_ts, path FROM incoming ORDER BY seq
ON CONFLICT (tag, source_ts) DO NOTHING
"""
BEAT_SQL = ("INSERT INTO field_collector (name, beat_at, tags) VALUES (%s, now(), %s) "
            "ON CONFLICT (name) DO UPDATE SET beat_at = now(), tags = EXCLUDED.tags")


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)


def partition_name(day: date) -> str:
    return f"{PARTITION_PREFIX}{day:%Y%m%d}"


class HistoryWriter:
    """Writes value batches; one connection at a time, used from one thread.

    `stale_after` gives each tag's stale limit for `field_live.stale_after_s` (tags not in
    it get `DEFAULT_STALE_AFTER_S`). After a connection error, `reconnect()` opens a new
    connection; the tables were made by the first one.
    """

    def __init__(self, dsn: str, retain_days: int = 31, name: str = "collector", tags: int = 0,
                 stale_after: Mapping[str, float] | None = None):
        if retain_days < RETAIN_DAYS_MIN:
            raise ValueError(f"retain_days {retain_days}: at least {RETAIN_DAYS_MIN} days must be kept (Order No. 40)")
        self.retain_days = retain_days
        self.name, self.tags = name, tags
        self.stale_after = dict(stale_after or {})
        self.beat_at = 0.0  # time.monotonic() of the last heartbeat
        self._dsn = dsn
        self.conn = _connect(dsn)
        self._partitions: set[date] = set()
        with self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('field_history_ddl'))")
            cur.execute(DDL)
            cur.execute(UNIQUE_HISTORY)
            server_schema.scope_field_tables(cur)
            cur.execute("SELECT relname FROM pg_class WHERE relname LIKE %s AND relkind = 'r'",
                        (PARTITION_PREFIX + "2%",))
            self._partitions = {datetime.strptime(name[len(PARTITION_PREFIX):], "%Y%m%d").date()
                                for (name,) in cur.fetchall()}

    def close(self) -> None:
        self.conn.close()

    def reconnect(self) -> None:
        """Replace a broken connection (raises psycopg2.OperationalError while the database is away)."""
        self.conn.close()
        self.conn = _connect(self._dsn)
        self._partitions.clear()  # a restored database may lack some; CREATE … IF NOT EXISTS is cheap

    def ensure_partitions(self, days: set[date]) -> None:
        missing = sorted(days - self._partitions)
        if not missing:
            return
        with self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('field_history_ddl'))")
            for day in missing:
                start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
                cur.execute(sql.SQL("CREATE TABLE IF NOT EXISTS {} PARTITION OF field_history "
                                    "FOR VALUES FROM (%s) TO (%s)").format(sql.Identifier(partition_name(day))),
                            (start, start + timedelta(days=1)))
        self._partitions.update(missing)

    def beat(self) -> None:
        """Renew this collector's heartbeat (the batch writes renew it too)."""
        with self.conn, self.conn.cursor() as cur:
            cur.execute(BEAT_SQL, (self.name, self.tags))
        self.beat_at = time.monotonic()

    def beat_if_due(self) -> None:
        if time.monotonic() - self.beat_at >= BEAT_EVERY_S:
            self.beat()

    def write(self, batch: Sequence[TagValue], now: float) -> None:
        """Live upsert + history insert + heartbeat + NOTIFY, in one transaction."""
        if not batch:
            self.beat_if_due()
            return
        today = _utc(now).date()
        days = {_utc(v.source_ts).date() for v in batch}
        # near days only: a wild device clock goes to the DEFAULT partition instead of creating one
        self.ensure_partitions({d for d in days if abs((d - today).days) <= self.retain_days} | {today})
        with self.conn, self.conn.cursor() as cur:
            cur.execute(INCOMING_DDL)
            cur.copy_expert("COPY incoming FROM STDIN (FORMAT csv)", self._csv(batch, now))
            cur.execute(LIVE_FROM_INCOMING)
            cur.execute(HISTORY_FROM_INCOMING)
            cur.execute(BEAT_SQL, (self.name, self.tags))
            newest = max(v.source_ts for v in batch)
            cur.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{len(batch)} {newest:.3f}"))
        self.beat_at = time.monotonic()

    def _csv(self, batch: Sequence[TagValue], now: float) -> io.StringIO:
        """The batch as CSV for COPY (several times faster than INSERT … VALUES for a spool's chunks)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        stale_after = self.stale_after
        for seq, v in enumerate(batch):
            writer.writerow((seq, v.tag, "" if math.isnan(v.value) else repr(float(v.value)), int(v.quality),
                             _utc(v.source_ts).isoformat(), _utc(v.receive_ts).isoformat(), v.path.value,
                             float(max(0.0, now - v.receive_ts)), stale_after.get(v.tag, DEFAULT_STALE_AFTER_S)))
        out.seek(0)
        return out

    def prune(self, now: float) -> list[str]:
        """Drop day partitions that ended more than `retain_days` ago; returns their names."""
        cutoff = _utc(now).date() - timedelta(days=self.retain_days)
        old = sorted(d for d in self._partitions if d < cutoff)
        with self.conn, self.conn.cursor() as cur:
            for day in old:
                cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(partition_name(day))))
        self._partitions.difference_update(old)
        return [partition_name(d) for d in old]


def _connect(dsn: str):
    """Short connect timeout and TCP keepalives, so a vanished server is noticed in seconds."""
    return psycopg2.connect(dsn, connect_timeout=3, keepalives=1, keepalives_idle=5, keepalives_interval=2,
                            keepalives_count=3, application_name="duty-console collector")
