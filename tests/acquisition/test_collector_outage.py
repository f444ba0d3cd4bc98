"""The collector survives its database going away: `pg_ctl -m fast restart` and kill -9 of the
postmaster of a throwaway cluster, with the simulator as field. Values acquired meanwhile wait in
the on-disk spool and reach `field_history` in order: no gap, no duplicate.

Also the spool's bound (oldest dropped, counted) and the resend after a lost commit answer."""
from __future__ import annotations

import time

import psycopg2
import pytest

from domain.values import Quality, SourcePath, TagValue
from server_link.history import HistoryWriter
from server_link.outage_writer import OutageTolerantWriter
from server_link.spool import Spool
from tests.support.collector import CollectorProcess, check_history
from tests.support.field import simulator_process, wait_until
from tests.support.pg_cluster import ThrowawayCluster
from tests.support.postgres import fresh_database

pytestmark = pytest.mark.postgres
TAGS = 40  # 2 sites × 20 tags
GAP_BOUND_S = 6.0  # two stale limits: a live source is re-delivered every half stale limit
OUTAGE_ROWS = TAGS * 8  # rows spooled before the database comes back: an outage of several seconds


def _history_rows(dsn: str) -> int:
    try:
        with psycopg2.connect(dsn, connect_timeout=2) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(DISTINCT tag) FROM field_history")
            return cur.fetchone()[0]
    except psycopg2.Error:
        return 0


def _outage(collector: CollectorProcess, cluster: ThrowawayCluster, break_database) -> None:
    """Break the database, wait until the collector has spooled a few seconds of values, bring it back,
    wait until the spool is empty again."""
    break_database()
    wait_until(lambda: collector.spooled() >= OUTAGE_ROWS or not collector.alive(), 60, "values spooled")
    assert collector.alive(), f"collector died in the outage: {collector.stderr_tail()}"
    cluster.start()
    wait_until(lambda: collector.spooled() == 0 or not collector.alive(), 90, "the spool sent to the database")
    assert collector.alive(), f"collector died after the outage: {collector.stderr_tail()}"


def test_collector_survives_restart_and_kill_of_postgres_without_gap(throwaway_pg, tmp_path):
    cluster = throwaway_pg
    acq = tmp_path / "acq.toml"
    db = cluster.dsn  # the cluster is this test's alone
    with simulator_process(["--sites", "2", "--write-config", str(acq)], tmp_path / "sim"):
        collector = CollectorProcess(acq, db, tmp_path / "collector").start()
        try:
            wait_until(lambda: _history_rows(db) == TAGS, 60, "history for every tag")
            started = time.time()
            _outage(collector, cluster, lambda: cluster.stop("fast"))  # pg_ctl -m fast restart, held down
            _outage(collector, cluster, cluster.kill_postmaster)  # kill -9, then crash recovery
            ended = time.time()
            wait_until(lambda: _history_rows(db) == TAGS, 30, "history readable again")
            report = check_history(db, started, ended, GAP_BOUND_S)
        finally:
            code = collector.stop()
        assert code == 0, collector.stderr_tail()
    assert report.tags == TAGS
    assert report.duplicates == 0
    assert report.gaps == [], f"silences over {GAP_BOUND_S}s in field_history: {report.gaps[:5]}"
    log = (tmp_path / "collector" / "log" / "duty-console.log").read_text()
    assert log.count("backend lost") == 2 and log.count("backend back after") == 2


def _values(n: int, t0: float) -> list[TagValue]:
    return [TagValue(f"T{i % 4}.level", float(i), Quality.GOOD, t0 + i, t0 + i, SourcePath.PRIMARY) for i in range(n)]


def test_spool_keeps_the_newest_rows_at_its_bound_and_counts_the_dropped(tmp_path, caplog):
    spool = Spool(tmp_path / "spool.sqlite", max_rows=10)
    t0 = time.time()
    spool.append(_values(6, t0))
    spool.append(_values(9, t0 + 100))
    assert len(spool) == 10 and spool.dropped == 5
    assert "dropped the 5 oldest values" in caplog.text
    last_id, rows = spool.oldest(100)
    assert [v.source_ts for v in rows] == [t0 + 5] + [t0 + 100 + i for i in range(9)]
    spool.delete_through(last_id)
    spool.close()
    assert len(Spool(tmp_path / "spool.sqlite")) == 0


def test_a_resent_batch_adds_nothing_and_a_restarted_collector_sends_its_spool(pg_server_dsn, tmp_path):
    t0 = time.time() - 60
    with fresh_database(pg_server_dsn) as db:
        writer = HistoryWriter(db)
        batch = _values(8, t0)
        writer.write(batch, time.time())
        writer.write(batch, time.time())  # the commit's answer was lost: the same rows again
        spool = Spool(tmp_path / "spool.sqlite")
        spool.append(_values(8, t0 + 8))  # left over by a collector killed in an outage
        spool.close()
        tolerant = OutageTolerantWriter(writer, Spool(tmp_path / "spool.sqlite"))
        tolerant.submit([], time.time())
        assert len(tolerant.spool) == 0 and tolerant.stats.flushed == 8
        tolerant.close()
        with psycopg2.connect(db) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*), count(DISTINCT (tag, source_ts)) FROM field_history")
            assert cur.fetchone() == (16, 16)
