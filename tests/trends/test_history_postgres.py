"""History backfill from PostgreSQL returns what the collector wrote, decimated exactly."""
from __future__ import annotations

import threading
import time

import numpy as np
import psycopg2
import psycopg2.errors
import pytest

from console.trends.backfill import BackfillWorker
from console.trends.decimate import minmax_decimate
from console.trends.history import QueryCancelled
from console.trends.pg_history import PostgresHistorySource
from domain.values import Quality, TagValue
from server_link.history import HistoryWriter

pytestmark = pytest.mark.postgres


def _written(start: float, seconds: int, tag: str):
    rng = np.random.default_rng(11)
    values = []
    for s in range(seconds):
        ts = start + s + 0.25  # a quarter second: exact in timestamptz microseconds
        quality = Quality.BAD_COMM if 700 <= s < 720 else Quality.GOOD
        values.append(TagValue(tag, float(np.round(rng.normal(20, 2), 6)), quality, ts, ts + 0.1))
    return values


def test_backfill_returns_what_the_collector_wrote(pg_dsn):
    start = float(int(time.time()) - 3 * 3600)
    tag = "TP13012101.pond_level"
    written = _written(start, 2400, tag)
    writer = HistoryWriter(pg_dsn)
    for i in range(0, len(written), 500):
        writer.write(written[i:i + 500] + [TagValue("other.tag", 1.0, Quality.GOOD, start + i, start + i)], now=time.time())
    writer.close()

    source = PostgresHistorySource(pg_dsn)
    raw = source.raw(tag, start, start + 2400)
    assert raw.t.tolist() == [v.source_ts for v in written]
    assert raw.v.tolist() == [v.value for v in written]
    assert raw.q.tolist() == [int(v.quality) for v in written]

    decimated = source.query(tag, start, start + 2400, 150)
    expected = minmax_decimate(raw, start, start + 2400, 150)
    assert decimated.t.tolist() == expected.t.tolist()
    np.testing.assert_array_equal(decimated.v, expected.v)
    assert np.isnan(decimated.v).any() and len(decimated) <= 3 * 151
    source.close()


def test_a_newer_request_cancels_the_running_postgres_query(pg_dsn):
    delivered, done = [], threading.Event()

    class SlowSource(PostgresHistorySource):
        """The real query after a server-side pause, so there is a running query to cancel."""

        def query(self, tag, t0, t1, columns):
            if t1 - t0 < 100:  # the first request
                with self._conn.cursor() as cur:
                    try:
                        cur.execute("SELECT pg_sleep(30)")
                    except psycopg2.errors.QueryCanceled as exc:
                        raise QueryCancelled(str(exc)) from None
            return super().query(tag, t0, t1, columns)

    def on_result(req, result):
        delivered.append(req.ticket)
        done.set()

    worker = BackfillWorker(lambda: SlowSource(pg_dsn), on_result)
    first = worker.request("view", ["x"], 0.0, 50.0, 10)
    watcher = psycopg2.connect(pg_dsn)
    watcher.autocommit = True
    deadline = time.monotonic() + 10
    with watcher.cursor() as cur:  # until the stale query is running on the server
        while time.monotonic() < deadline:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                        "AND query = 'SELECT pg_sleep(30)'")
            if cur.fetchone()[0]:
                break
    watcher.close()
    started = time.monotonic()
    second = worker.request("view", ["x"], 0.0, 500.0, 10)
    assert done.wait(10)
    worker.close()
    assert delivered == [second.ticket] and first.ticket not in delivered
    assert worker.cancelled == 1
    assert time.monotonic() - started < 10  # not the 30 s the stale query would have taken
