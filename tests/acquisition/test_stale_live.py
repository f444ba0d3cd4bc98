"""A value whose source went silent is never GOOD in `field_live` nor in what a console reads from
it, however fresh the collector's heartbeat: the simulator SIGSTOPped under a running collector,
and the reader's own judgement of each row's age."""
from __future__ import annotations

import threading
import time

import psycopg2
import pytest

from domain.values import Quality, SourcePath, TagValue
from server_link.history import HistoryWriter
from server_link.live_rows import STALE_GRACE_S
from server_link.live_feed import BackendLiveFeed
from server_link.silence_watch import SilenceWatch
from tests.support.collector import CollectorProcess
from tests.support.field import simulator_process, wait_until
from tests.support.postgres import fresh_database

pytestmark = pytest.mark.postgres
SITES = 20  # with 2 sites the failover that left GOOD rows behind did not always happen
TAGS = SITES * 20


class FeedLatest:
    """The feed's sink: the latest value per tag as a console would get it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.latest: dict[str, TagValue] = {}
        self.heartbeat_age: float | None = None

    def __call__(self, values: list[TagValue], heartbeat_age: float | None) -> None:
        with self._lock:
            self.latest.update((v.tag, v) for v in values)
            self.heartbeat_age = heartbeat_age

    def qualities(self) -> list[Quality]:
        with self._lock:
            return [v.quality for v in self.latest.values()]


def _good_past_limit(dsn: str, slack_s: float = 2.0) -> list[str]:
    """GOOD rows whose own age is past their stale limit (+ grace + `slack_s` for the collector's check period)."""
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT tag FROM field_live WHERE quality = 0 AND "
                    "extract(epoch FROM now() - refreshed_at) > stale_after_s + %s", (STALE_GRACE_S + slack_s,))
        return [tag for (tag,) in cur.fetchall()]


def _live_qualities(dsn: str) -> list[int]:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT quality FROM field_live")
        return [q for (q,) in cur.fetchall()]


@pytest.fixture()
def db(pg_server_dsn):
    with fresh_database(pg_server_dsn) as dsn:
        yield dsn


def test_a_hung_field_makes_live_rows_and_the_console_feed_stale(db, tmp_path):
    acq = tmp_path / "acq.toml"
    with simulator_process(["--sites", str(SITES), "--write-config", str(acq)], tmp_path / "sim") as sim:
        collector = CollectorProcess(acq, db, tmp_path / "collector").start()
        feed_values = FeedLatest()
        feed = BackendLiveFeed(db, feed_values)
        try:
            wait_until(lambda: _live_qualities(db).count(0) == TAGS, 60, "every live row GOOD")
            feed.start()
            wait_until(lambda: feed_values.qualities().count(Quality.GOOD) == TAGS, 30, "the feed GOOD")
            sim.hang()  # SIGSTOP: both of its servers accept TCP and answer nothing
            overdue: set[str] = set()

            def all_marked() -> bool:
                overdue.update(_good_past_limit(db))
                return 0 not in _live_qualities(db)

            try:
                wait_until(all_marked, 30, "no GOOD row left in field_live")
                assert not overdue, f"GOOD past the stale limit: {sorted(overdue)[:5]}"
                wait_until(lambda: Quality.GOOD not in feed_values.qualities(), 10, "no GOOD value from the feed")
                assert len(_live_qualities(db)) == TAGS
                assert feed_values.heartbeat_age is not None and feed_values.heartbeat_age < 3, \
                    "the collector kept beating: the heartbeat alone would have vouched for dead values"
            finally:
                sim.resume()
            wait_until(lambda: _live_qualities(db).count(0) == TAGS, 60, "live rows GOOD again after the resume")
            assert collector.alive()
        finally:
            feed.stop()
            collector.stop()


def test_the_feed_judges_each_row_by_its_own_age(db):
    """A GOOD row refreshed longer ago than its stale limit comes out UNCERTAIN_STALE at once; a
    fresh one comes out GOOD and turns UNCERTAIN_STALE when its limit passes without a rewrite."""
    writer = HistoryWriter(db, stale_after={"A.level": 3.0, "B.level": 3.0})
    now = time.time()
    writer.write([TagValue("A.level", 1.0, Quality.GOOD, now - 10, now - 10, SourcePath.SECONDARY),
                  TagValue("B.level", 2.0, Quality.GOOD, now, now, SourcePath.PRIMARY)], now)
    seen: list[TagValue] = []
    lock = threading.Lock()

    def sink(values, _age):
        with lock:
            seen.extend(values)

    def of(tag):
        with lock:
            return [v.quality for v in seen if v.tag == tag]

    feed = BackendLiveFeed(db, sink)
    feed.start()
    try:
        wait_until(lambda: of("A.level") and of("B.level"), 10, "both rows read")
        assert of("A.level") == [Quality.UNCERTAIN_STALE]
        assert of("B.level")[0] is Quality.GOOD
        wait_until(lambda: Quality.UNCERTAIN_STALE in of("B.level"), 10, "B stale once its limit passed")
        assert of("B.level") == [Quality.GOOD, Quality.UNCERTAIN_STALE]
    finally:
        feed.stop()
        writer.close()


def test_bad_news_with_an_older_source_time_replaces_a_good_row(db):
    """Failover re-delivers the standby's older cached value, then the standby fails too: the live row
    must end BAD, not keep the primary's newer GOOD value."""
    writer = HistoryWriter(db)
    now = time.time()
    try:
        writer.write([TagValue("A.level", 2.0, Quality.GOOD, now, now, SourcePath.PRIMARY)], now)
        writer.write([TagValue("A.level", 1.0, Quality.GOOD, now - 3, now + 1, SourcePath.SECONDARY)], now + 1)
        writer.write([TagValue("A.level", 1.0, Quality.BAD_COMM, now - 3, now + 2, SourcePath.SECONDARY)], now + 2)
        with psycopg2.connect(db) as conn, conn.cursor() as cur:
            cur.execute("SELECT value, quality, path FROM field_live")
            assert cur.fetchall() == [(1.0, int(Quality.BAD_COMM), "secondary")]
    finally:
        writer.close()


def test_silence_watch_marks_a_good_tag_silent_past_its_limit_once():
    watch = SilenceWatch({"A.level": 3.0, "B.level": 10.0})
    good = [TagValue(tag, 1.0, Quality.GOOD, 100.0, 100.0, SourcePath.PRIMARY) for tag in ("A.level", "B.level")]
    watch.heard(good, now=0.0)
    watch.heard([TagValue("C.level", 1.0, Quality.BAD_COMM, 100.0, 100.0, SourcePath.PRIMARY)], now=0.0)
    assert watch.check(now=3.0 + STALE_GRACE_S) == []
    stale = watch.check(now=3.1 + STALE_GRACE_S)
    assert [(v.tag, v.quality, v.source_ts, v.receive_ts) for v in stale] == \
        [("A.level", Quality.UNCERTAIN_STALE, 100.0, 100.0)]
    assert watch.check(now=5.0 + STALE_GRACE_S) == []  # reported once
    watch.heard(good[1:], now=8.0)  # B heard again: its clock restarts
    assert watch.check(now=12.0 + STALE_GRACE_S) == []
