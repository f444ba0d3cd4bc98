"""Ring buffer wrap-around and min/max decimation keep every extreme exactly."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.trends.decimate import minmax_decimate
from console.trends.ring import RingBuffer
from console.trends.series import Series
from console.trends.store import TrendStore, memory_budget
from domain.values import Quality, TagValue


def test_wrap_around_keeps_newest_samples_in_order():
    ring = RingBuffer(5)
    for i in range(12):
        assert ring.append(float(i), i * 10.0, 0)
    window = ring.window()
    assert window.t.tolist() == [7, 8, 9, 10, 11]
    assert window.v.tolist() == [70, 80, 90, 100, 110]
    assert ring.first_t == 7 and ring.last_t == 11
    assert ring.window(8.5, 10.5).t.tolist() == [9, 10]


def test_late_and_duplicate_samples_are_dropped_not_reordered():
    ring = RingBuffer(4)
    ring.append(1.0, 1.0, 0)
    ring.append(2.0, 2.0, 0)
    assert not ring.append(2.0, 9.0, 0)
    assert not ring.append(1.5, 9.0, 0)
    assert ring.window().v.tolist() == [1.0, 2.0]
    assert ring.dropped_out_of_order == 2


@settings(max_examples=60, deadline=None)
@given(
    capacity=st.integers(1, 40),
    chunks=st.lists(st.integers(1, 30), min_size=1, max_size=6),
)
def test_extend_and_append_agree_across_wraps(capacity, chunks):
    by_append, by_extend = RingBuffer(capacity), RingBuffer(capacity)
    t0 = 0
    for size in chunks:
        t = np.arange(t0, t0 + size, dtype=float)
        v = np.sin(t)
        for ti, vi in zip(t, v):
            by_append.append(ti, vi, 0)
        by_extend.extend(Series.of(t, v))
        t0 += size
    a, b = by_append.window(), by_extend.window()
    assert a.t.tolist() == b.t.tolist() == list(range(max(0, t0 - capacity), t0))
    assert a.v.tolist() == b.v.tolist()


def _column_extremes(series, t0, t1, columns):
    width = (t1 - t0) / columns
    col = np.floor(series.t / width)
    out = {}
    for c in np.unique(col):
        sel = (col == c) & (series.q < Quality.BAD_OUT_OF_RANGE)
        if sel.any():
            out[c] = (series.v[sel].min(), series.v[sel].max())
    return out


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(50, 3000),
    columns=st.integers(5, 200),
    seed=st.integers(0, 2**31 - 1),
    bad_share=st.sampled_from([0.0, 0.01, 0.2]),
)
def test_decimation_keeps_every_column_min_and_max_exactly(n, columns, seed, bad_share):
    rng = np.random.default_rng(seed)
    t = np.cumsum(rng.uniform(0.1, 2.0, n)) + 1.7e9
    v = rng.normal(0, 1, n).cumsum()
    q = np.where(rng.random(n) < bad_share, int(Quality.BAD_COMM), 0)
    raw = Series.of(t, v, q)
    t0, t1 = t[0], t[-1] + 1e-6
    out = minmax_decimate(raw, t0, t1, columns)
    if n > 2 * columns:
        assert len(out) <= 3 * (columns + 1)
    # every output point is a real sample
    assert np.isin(out.t, t).all()
    good = ~np.isnan(out.v)
    expected = _column_extremes(raw, t0, t1, columns)
    got = _column_extremes(Series.of(out.t[good], out.v[good], out.q[good]), t0, t1, columns)
    assert got == expected
    # the global extremes survive exactly
    good_raw = v[q < Quality.BAD_OUT_OF_RANGE]
    if len(good_raw):
        assert np.nanmax(out.v) == good_raw.max()
        assert np.nanmin(out.v) == good_raw.min()


def test_wrap_around_then_decimation_keeps_the_spike():
    ring = RingBuffer(1000)
    t = np.arange(2500, dtype=float)
    v = np.zeros(2500)
    v[2100] = 42.0  # survives the wrap
    v[1200] = -7.0  # overwritten by the wrap
    ring.extend(Series.of(t, v))
    window = ring.window()
    out = minmax_decimate(window, window.t[0], window.t[-1] + 1, 50)
    assert len(out) <= 2 * 51
    assert out.v.max() == 42.0 and out.t[out.v.argmax()] == 2100.0
    assert out.v.min() == 0.0


def test_bad_quality_becomes_a_gap_in_every_column_that_has_one():
    t = np.arange(1000, dtype=float)
    v = np.ones(1000)
    q = np.zeros(1000, np.uint8)
    q[500:520] = int(Quality.BAD_COMM)
    out = minmax_decimate(Series.of(t, v, q), 0, 1000, 100)
    gaps = out.t[np.isnan(out.v)]
    assert gaps.tolist() == [500.0, 510.0]
    assert not np.isnan(out.v[out.t < 500]).any()
    # raw mode (few samples) marks each BAD sample as a gap too
    few = minmax_decimate(Series.of(t[:10], v[:10], q[:10] | np.array([0, 0, 4, 0, 0, 0, 0, 0, 0, 0], np.uint8)), 0, 10, 100)
    assert np.isnan(few.v).tolist() == [False, False, True] + [False] * 7


def test_store_ingests_batches_and_grows_retained_tags():
    store = TrendStore(live_depth=10, deep_depth=100, max_deep_tags=1)
    batch = [TagValue(f"T{i}", float(s), Quality.GOOD, float(s), float(s)) for s in range(30) for i in range(3)]
    store.ingest(batch)
    assert len(store.window("T0", 0, 100)) == 10
    v_before = store.version("T0")
    store.retain("T0")
    store.retain("T1")  # over the deep budget: stays live depth
    store.ingest([TagValue(t, 30.0, Quality.BAD_COMM, 30.0, 30.0) for t in ("T0", "T1")])
    assert store.version("T0") > v_before
    store.ingest([TagValue(t, float(s), Quality.GOOD, float(s), float(s)) for s in range(31, 80) for t in ("T0", "T1")])
    assert len(store.window("T0", 0, 100)) == 60  # 10 kept at resize + the BAD one + 49 new
    assert len(store.window("T1", 0, 100)) == 10
    assert store.latest("T0") == (79.0, 79.0, 0)
    store.release("T0")
    assert len(store.window("T0", 0, 100)) == 10


def test_memory_budget_for_the_reference_network_fits_a_workstation():
    budget = memory_budget(5_600)
    assert budget < 1 * 2**30  # < 1 GiB of an 8 GB machine
    assert budget == (5_600 - 256) * 3_600 * 17 + 256 * 86_400 * 17


def test_ring_rejects_nonsense_capacity():
    with pytest.raises(ValueError, match="capacity"):
        RingBuffer(0)


def test_pen_trace_cache_matches_a_full_decimation_while_live():
    from console.trends.decimate import decimate_by_width
    from console.trends.trace import PenTrace

    store = TrendStore(live_depth=5000, deep_depth=5000)
    rng = np.random.default_rng(3)
    trace = PenTrace("A")
    t_now = 10_000.0
    for step in range(40):
        n = int(rng.integers(1, 60))
        t = t_now + np.arange(n) * 0.7
        q = np.where(rng.random(n) < 0.05, 4, 0)
        store.extend("A", Series.of(t, rng.normal(0, 1, n), q))
        t_now = t[-1] + 0.7
        x1 = t_now
        x0 = x1 - 1200.0
        shown = trace.build(store, x0, x1, 100)
        width = 12.0
        lo = (np.floor(x0 / width) - 2) * width
        hi = (np.floor(x1 / width) + 3) * width
        full = decimate_by_width(store.window("A", lo, hi), width)
        assert shown.t.tolist() == full.t.tolist()
        np.testing.assert_array_equal(shown.v, full.v)
