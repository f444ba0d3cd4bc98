"""The collector's PostgreSQL side: live upsert, daily partitions, pruning by dropping
partitions, NOTIFY after each batch; and `duty-console collect` end to end."""
from __future__ import annotations

import select
import subprocess
import sys
import time

import psycopg2
import pytest

from domain.values import Quality, SourcePath, TagValue
from drivers.simulator.process import ROOT
from server_link.history import CHANNEL, HistoryWriter, partition_name, _utc
from tests.support.postgres import fresh_database

pytestmark = pytest.mark.postgres
DAY = 86_400.0


@pytest.fixture()
def db(pg_server_dsn):
    """A database of this test's own (the session database stays empty for others)."""
    with fresh_database(pg_server_dsn) as dsn:
        yield dsn


def _value(tag, value, ts, quality=Quality.GOOD):
    return TagValue(tag, value, quality, ts, ts + 0.01, SourcePath.PRIMARY)


def _tables(dsn):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT relname FROM pg_class WHERE relname LIKE 'field_history_2%'")
        return {name for (name,) in cur.fetchall()}


def test_live_history_partitions_notify_and_pruning(db):
    listener = psycopg2.connect(db)
    listener.autocommit = True
    listener.cursor().execute(f"LISTEN {CHANNEL}")
    writer = HistoryWriter(db, retain_days=31)
    now = time.time()
    try:
        writer.write([_value("A.level", 1.0, now - 5), _value("A.level", 2.0, now - 1),
                      _value("B.gas", float("nan"), now - 1, Quality.BAD_COMM)], now)
        writer.write([_value("A.level", 0.5, now - 10)], now)  # late, older value: history yes, live no
        assert select.select([listener], [], [], 5)[0], "no NOTIFY after the batch"
        listener.poll()
        assert listener.notifies and listener.notifies[0].channel == CHANNEL
        with psycopg2.connect(db) as conn, conn.cursor() as cur:
            cur.execute("SELECT tag, value, quality FROM field_live ORDER BY tag")
            assert cur.fetchall() == [("A.level", 2.0, 0), ("B.gas", None, int(Quality.BAD_COMM))]
            cur.execute("SELECT count(*) FROM field_history WHERE tag = 'A.level'")
            assert cur.fetchone()[0] == 3
        today = partition_name(_utc(now).date())
        assert today in _tables(db)

        old_day = _utc(now - 40 * DAY).date()
        writer.ensure_partitions({old_day})
        writer.write([_value("A.level", 9.0, now - 40 * DAY)], now)
        kept_day = _utc(now - 29 * DAY).date()
        writer.ensure_partitions({kept_day})
        dropped = writer.prune(now)
        assert dropped == [partition_name(old_day)]
        assert partition_name(old_day) not in _tables(db)
        assert {today, partition_name(kept_day)} <= _tables(db)
        with pytest.raises(ValueError, match="at least 30 days"):
            HistoryWriter(db, retain_days=7)
        HistoryWriter(db).close()  # DDL is idempotent
    finally:
        writer.close()
        listener.close()


def test_collect_command_writes_the_simulated_field(db, tmp_path):
    home = tmp_path / "home"
    acq = tmp_path / "acq.toml"
    env = {"DUTY_CONSOLE_HOME": str(home), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    sim = subprocess.Popen([sys.executable, "-m", "console", "simulate", "--sites", "2", "--write-config", str(acq)],
                           cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert sim.stdout.readline().startswith("ready:")
        result = subprocess.run([sys.executable, "-m", "console", "collect", "--acq", str(acq), "--dsn", db,
                                 "--duration", "8"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        with psycopg2.connect(db) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*), min(quality) FROM field_live WHERE tag LIKE 'TP%' OR tag LIKE 'HC%'")
            count, best = cur.fetchone()
            cur.execute("SELECT name, tags, now() - beat_at < interval '1 minute' FROM field_collector")
            heartbeat = cur.fetchall()
        assert count == 40 and best == 0
        assert heartbeat == [("collector", 40, True)]
        bad = subprocess.run([sys.executable, "-m", "console", "collect", "--acq", str(tmp_path / "missing.toml"),
                              "--dsn", db], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert bad.returncode == 2 and "missing.toml: acquisition config not found" in bad.stderr
    finally:
        sim.kill()
        sim.wait(10)
