"""The embedded default's history: what the recorder wrote comes back, decimated exactly."""
from __future__ import annotations

import threading
import time

import numpy as np

from console.tag_bus import TagBus
from console.trends.backfill import BackfillWorker
from console.trends.decimate import minmax_decimate
from console.trends.sqlite_history import SqliteHistoryRecorder, SqliteHistorySource
from domain.values import Quality, TagValue


def _batches(start, seconds, tags, bad_from=None, bad_to=None):
    rng = np.random.default_rng(7)
    for s in range(seconds):
        ts = start + s
        batch = []
        for tag in tags:
            q = Quality.BAD_COMM if bad_from is not None and bad_from <= s < bad_to else Quality.GOOD
            batch.append(TagValue(tag, float(rng.normal(10, 3)), q, ts, ts + 0.05))
        yield batch


def test_backfill_returns_what_the_recorder_wrote(tmp_path):
    bus = TagBus()
    recorder = SqliteHistoryRecorder(tmp_path / "history.sqlite", flush_interval_s=0.05)
    recorder.attach(bus)
    start = float(int(time.time()) - 86_400)  # inside the 30-day retention
    written = []
    for batch in _batches(start, 3000, ["TP1.pond_level", "TP1.rain"], bad_from=1000, bad_to=1010):
        bus.publish(batch)
        written.extend(v for v in batch if v.tag == "TP1.pond_level")
    bus.publish(written[:5])  # a replay of the same samples changes nothing
    recorder.flush()
    recorder.close()

    source = SqliteHistorySource(tmp_path / "history.sqlite")
    raw = source.raw("TP1.pond_level", start, start + 3000)
    assert raw.t.tolist() == [v.source_ts for v in written]
    assert raw.v.tolist() == [v.value for v in written]
    assert raw.q.tolist() == [int(v.quality) for v in written]

    decimated = source.query("TP1.pond_level", start, start + 3000, 200)
    expected = minmax_decimate(raw, start, start + 3000, 200)
    assert decimated.t.tolist() == expected.t.tolist()
    np.testing.assert_array_equal(decimated.v, expected.v)  # NaN where BAD, same places
    assert np.isnan(decimated.v).any()
    assert len(decimated) <= 3 * 201
    source.close()


def test_stale_backfill_queries_are_cancelled_or_dropped(tmp_path):
    recorder = SqliteHistoryRecorder(tmp_path / "h.sqlite", flush_interval_s=0.05)
    start = float(int(time.time()) - 86_400)
    for batch in _batches(start, 40_000, ["A"]):
        recorder.record(batch)
    recorder.flush()
    recorder.close()

    delivered = []
    done = threading.Event()

    def on_result(req, result):
        delivered.append((req.ticket, len(result["A"])))
        if req.t1 == start + 40_000.0:
            done.set()

    worker = BackfillWorker(lambda: SqliteHistorySource(tmp_path / "h.sqlite"), on_result)
    tickets = [worker.request("view-1", ["A"], start, start + 39_000.0 + i, 500).ticket for i in range(5)]
    last = worker.request("view-1", ["A"], start, start + 40_000.0, 500)
    assert done.wait(30)
    worker.close()
    assert delivered[-1][0] == last.ticket
    assert all(ticket == last.ticket for ticket, _ in delivered)
    assert worker.superseded + worker.cancelled >= len(tickets)


def test_recorder_prunes_beyond_retention(tmp_path):
    now = time.time()
    recorder = SqliteHistoryRecorder(tmp_path / "h.sqlite", flush_interval_s=0.05, retention_days=1,
                                     clock=lambda: now)
    recorder.record([TagValue("A", 1.0, Quality.GOOD, now - 2 * 86_400, now),
                     TagValue("A", 2.0, Quality.GOOD, now - 10, now)])
    recorder.flush()
    recorder._last_prune = 0.0  # the hourly prune is due
    recorder.record([TagValue("A", 3.0, Quality.GOOD, now - 5, now)])
    recorder.flush()
    recorder.close()
    source = SqliteHistorySource(tmp_path / "h.sqlite")
    assert source.raw("A", 0, now).v.tolist() == [2.0, 3.0]
    source.close()
