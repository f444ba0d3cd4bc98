"""The trend view draws what the store holds: gaps on BAD, stale dashed, exports match."""
from __future__ import annotations

import csv
import math
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from console.trends.series import Series
from console.trends.sqlite_history import SqliteHistoryRecorder, SqliteHistorySource
from console.trends.store import TrendStore
from domain.values import LEVEL_COLOURS, AlarmLevel, Quality, TagValue
from tests.trends.conftest import level_spec
from console.services.backfill import TrendBackfill
from widgets.trend_support import quality_text, spaced_labels
from widgets.trend_view import RedrawScheduler, TrendView


class Clock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock():
    return Clock(float(int(time.time())))


@pytest.fixture()
def scheduler(qtbot, clock):
    scheduler = RedrawScheduler(interval_ms=20, clock=clock)
    yield scheduler
    scheduler.timer.stop()


def _view(qtbot, store, tags, scheduler, **kwargs):
    view = TrendView(store, tags, scheduler, **kwargs)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def _fill(store, tag, t0, n, quality_at=None):
    t = t0 + np.arange(n, dtype=float)
    v = 20 + 3 * np.sin(np.arange(n) / 50)
    q = np.zeros(n, np.uint8)
    for (i0, i1), quality in (quality_at or {}).items():
        q[i0:i1] = int(quality)
    store.extend(tag, Series.of(t, v, q))
    return t, v, q


def test_bad_quality_is_a_gap_and_stale_is_dashed(qtbot, scheduler, clock, pond_level):
    store = TrendStore()
    t, v, _ = _fill(store, pond_level.id, clock.now - 3000, 3000,
                    {(1000, 1100): Quality.BAD_COMM, (2000, 2100): Quality.UNCERTAIN_STALE})
    view = _view(qtbot, store, [pond_level], scheduler)
    qtbot.waitUntil(lambda: view.redraws > 0)
    pen = view.pens[0]
    x, y = pen.curve.getData()
    # no solid line across the BAD run: a NaN inside it and no point in it with a value
    in_bad = (x >= t[1000]) & (x < t[1100])
    assert in_bad.any() and np.isnan(y[in_bad]).any() and not np.isfinite(y[in_bad]).any()
    # the stale run is not solid but dashed
    in_stale = (x >= t[2000]) & (x < t[2100])
    assert not np.isfinite(y[in_stale]).any()
    sx, sy = pen.stale.getData()
    assert np.isfinite(sy[(sx >= t[2000]) & (sx < t[2100])]).all()
    assert pen.stale.opts["pen"].style() == Qt.PenStyle.DashLine
    # good stretches are solid and keep their extremes
    good = (x >= t[0]) & (x < t[1000])
    assert np.nanmax(y[good]) == v[:1000].max()


def test_a_pen_that_stops_updating_gets_a_dashed_tail_and_stale_legend(qtbot, scheduler, clock, pond_level):
    store = TrendStore()
    _fill(store, pond_level.id, clock.now - 600, 500)  # last sample 100 s ago, stale after 3 s
    view = _view(qtbot, store, [pond_level], scheduler)
    qtbot.waitUntil(lambda: view.redraws > 0)
    sx, sy = view.pens[0].stale.getData()
    assert sx[-1] == pytest.approx(clock.now) and sy[-1] == sy[-2]
    stale_text, _ = quality_text(Quality.GOOD, stale=True)  # whatever language a test before installed
    qtbot.waitUntil(lambda: view.legend.item(0, 3).text() == stale_text)


def test_limit_lines_in_level_colours(qtbot, scheduler, pond_level):
    store = TrendStore()
    view = _view(qtbot, store, [pond_level, level_spec("TP13012101.pond_level_2", "库水位2")], scheduler)
    lines = view.pens[0].limit_lines
    assert [(line.value(), line.pen.color().name()) for line in lines] == [
        (limit.value, QColor(LEVEL_COLOURS[limit.level]).name()) for limit in pond_level.limits]
    assert view.pens[1].limit_lines == []  # the same ladder is drawn once


def test_crowded_labels_keep_the_most_severe():
    # blue at 0, yellow at 5 (too close to blue), orange at 12, red at 13 (too close to orange)
    labels = [(AlarmLevel.BLUE, 0.0), (AlarmLevel.YELLOW, 5.0), (AlarmLevel.ORANGE, 12.0), (AlarmLevel.RED, 13.0)]
    assert spaced_labels([(int(level), y) for level, y in labels], min_gap=10) == {0, 3}
    assert spaced_labels([(int(level), y) for level, y in labels], min_gap=1) == {0, 1, 2, 3}


def test_limit_labels_hide_when_the_scale_crowds_them_and_return_when_it_does_not(qtbot, scheduler, pond_level):
    view = _view(qtbot, TrendStore(), [pond_level], scheduler)
    lines = {limit.level: line for limit, line in zip(pond_level.limits, view.pens[0].limit_lines)}
    span = max(lines[level].value() for level in lines) - min(lines[level].value() for level in lines)
    view.vb.setYRange(0, span * 200, padding=0)  # every limit within a few pixels
    qtbot.waitUntil(lambda: [level for level, line in lines.items() if line.label.isVisible()] == [AlarmLevel.RED])
    low = min(line.value() for line in lines.values())
    view.vb.setYRange(low - span / 4, low + span * 1.25, padding=0)
    qtbot.waitUntil(lambda: all(line.label.isVisible() for line in lines.values()))


def test_csv_export_matches_what_is_drawn(qtbot, scheduler, clock, pond_level, tmp_path):
    store = TrendStore()
    _fill(store, pond_level.id, clock.now - 5000, 5000, {(4000, 4010): Quality.BAD_COMM})
    rain = level_spec("TP13012101.rainfall_rate", "降雨强度", "mm/h")
    _fill(store, rain.id, clock.now - 5000, 5000)
    view = _view(qtbot, store, [pond_level, rain], scheduler)
    qtbot.waitUntil(lambda: view.redraws > 0)
    assert view.right_vb is not None  # second unit on the right axis
    rows = view.export_csv(tmp_path / "trend.csv")
    with open(tmp_path / "trend.csv", encoding="utf-8-sig") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == rows > 0
    x0, x1 = view.x_range()
    for pen in view.pens:
        x, y = pen.curve.getData()
        sx, sy = pen.stale.getData()
        inside = (x >= x0) & (x <= x1)
        mine = [row for row in table if row["tag"] == pen.spec.id]
        assert [float(row["posix_time"]) for row in mine] == x[inside].tolist()
        exported = [math.nan if row["value"] == "" else float(row["value"]) for row in mine]
        drawn = np.where(np.isnan(y[inside]), sy[: len(x)][inside] if len(sx) >= len(x) else y[inside], y[inside])
        np.testing.assert_array_equal(np.array(exported), drawn)
        assert {row["unit"] for row in mine} == {pen.spec.unit}
    assert any(row["quality"] == "BAD_COMM" and row["value"] == "" for row in table)


def test_png_export_is_the_view(qtbot, scheduler, clock, pond_level, tmp_path):
    store = TrendStore()
    _fill(store, pond_level.id, clock.now - 3000, 3000)
    view = _view(qtbot, store, [pond_level], scheduler)
    qtbot.waitUntil(lambda: view.redraws > 0)
    view.export_png(tmp_path / "trend.png")
    image = QImage(str(tmp_path / "trend.png"))
    assert (image.width(), image.height()) == (view.width() * view.devicePixelRatio(),
                                                view.height() * view.devicePixelRatio())
    red = QColor(LEVEL_COLOURS[AlarmLevel.RED]).rgb() & 0xFFFFFF
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint32, image.width() * image.height()) & 0xFFFFFF
    assert (pixels == red).sum() > 50  # the red limit line is in the picture


def test_keyboard_zoom_pan_and_live(qtbot, scheduler, clock, pond_level):
    store = TrendStore()
    _fill(store, pond_level.id, clock.now - 3000, 3000)
    view = _view(qtbot, store, [pond_level], scheduler, span_s=1200)
    qtbot.waitUntil(lambda: view.redraws > 0)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.span == 600 and view.live
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert not view.live
    x0, x1 = view.x_range()
    assert x1 == pytest.approx(clock.now - 150, abs=1)
    clock.now += 30  # new data while paused does not move the view
    store.extend(pond_level.id, Series.of([clock.now - 1], [99.0]))
    qtbot.wait(100)
    assert view.x_range()[1] == pytest.approx(x1)
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: abs(view.x_range()[1] - clock.now) < 1)
    assert view.live


def test_crosshair_reads_every_pen(qtbot, scheduler, clock, pond_level):
    store = TrendStore()
    rain = level_spec("TP13012101.rainfall_rate", "降雨强度", "mm/h")
    _, v, _ = _fill(store, pond_level.id, clock.now - 1000, 1000)
    store.extend(rain.id, Series.of([clock.now - 500], [12.5]))
    view = _view(qtbot, store, [pond_level, rain], scheduler)
    text = view.show_readout(clock.now - 400.5)
    assert f"库水位 {v[599]:.2f} m<" in text
    assert f"降雨强度 12.50 mm/h ({view.tr('stale')})" in text  # 100 s old, stale after 3 s
    assert "—" in view.show_readout(clock.now - 1200)  # before any sample


def test_hidden_views_do_not_redraw(qtbot, scheduler, clock, pond_level):
    store = TrendStore()
    shown = _view(qtbot, store, [pond_level], scheduler)
    hidden = _view(qtbot, store, [pond_level], scheduler)
    hidden.hide()
    before = hidden.redraws
    for second in range(5):
        clock.now += 1
        store.ingest([TagValue(pond_level.id, 20.0 + second, Quality.GOOD, clock.now, clock.now)])
        count = shown.redraws
        qtbot.waitUntil(lambda: shown.redraws > count)
    assert hidden.redraws == before


def test_scrolling_back_backfills_from_history(qtbot, scheduler, clock, pond_level, tmp_path):
    recorder = SqliteHistoryRecorder(tmp_path / "history.sqlite", flush_interval_s=0.05)
    start = clock.now - 6 * 3600
    recorder.record([TagValue(pond_level.id, 20 + math.sin(i / 300), Quality.GOOD, start + i, start + i)
                     for i in range(5 * 3600)])
    recorder.flush()
    recorder.close()
    store = TrendStore(live_depth=600, deep_depth=600)
    _fill(store, pond_level.id, clock.now - 600, 600)
    backfill = TrendBackfill(lambda: SqliteHistorySource(tmp_path / "history.sqlite"))
    try:
        view = _view(qtbot, store, [pond_level], scheduler, backfill=backfill, span_s=3600)
        view.set_live(False)
        view.set_x_range(start + 3600, start + 7200)
        qtbot.waitUntil(lambda: len(view.pens[0].shown.between(start + 3600, start + 7200)) > 100, timeout=10_000)
        shown = view.pens[0].shown.between(start + 3600, start + 7200)
        source = SqliteHistorySource(tmp_path / "history.sqlite")
        raw = source.raw(pond_level.id, start + 3600, start + 7200)
        source.close()
        assert np.isin(shown.t, raw.t).all()  # real samples, not interpolation
        assert shown.v.max() == raw.v.max() and shown.v.min() == raw.v.min()
    finally:
        backfill.close()


def test_a_live_view_just_after_start_shows_history_before_the_ring(qtbot, scheduler, clock, pond_level, tmp_path):
    recorder = SqliteHistoryRecorder(tmp_path / "history.sqlite", flush_interval_s=0.05)
    start = clock.now - 2 * 3600
    recorder.record([TagValue(pond_level.id, 20.0 + (i % 100) / 10, Quality.GOOD, start + i, start + i)
                     for i in range(2 * 3600 - 10)])
    recorder.flush()
    recorder.close()
    store = TrendStore()
    _fill(store, pond_level.id, clock.now - 10, 10)  # the console started ten seconds ago
    backfill = TrendBackfill(lambda: SqliteHistorySource(tmp_path / "history.sqlite"))
    try:
        view = _view(qtbot, store, [pond_level], scheduler, backfill=backfill, span_s=3600)
        assert view.live
        qtbot.waitUntil(lambda: len(view.pens[0].shown.between(clock.now - 3600, clock.now - 10)) > 500,
                        timeout=10_000)
        x, y = view.pens[0].curve.getData()
        assert x[0] < clock.now - 3500 and np.nanmax(y[x < clock.now - 10]) == 29.9
    finally:
        backfill.close()
