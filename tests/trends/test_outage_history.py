"""A PostgreSQL node records what it reads from the field itself while the backend is down, its
trend history shows that outage during and after it, and reconciles with the backend's
`field_history` once the collector has filled part of it: no point twice, no gap."""
from __future__ import annotations

import time

import numpy as np
import pytest

from console.config import BackendSection, NodeConfig
from console.context import AppContext
from console.trends.merged_history import COVER_S, merge
from console.trends.series import Series
from console.trends.service import start_trends
from domain.values import Quality, SourcePath, TagValue
from server_link.history import HistoryWriter

pytestmark = pytest.mark.postgres
TAG = "TP13012101.pond_level"


def _values(t0: float, t1: float, offset: float, path: SourcePath) -> list[TagValue]:
    return [TagValue(TAG, 20.0 + (s % 7) / 10, Quality.GOOD, s + offset, s + offset, path)
            for s in (float(x) for x in range(int(t0), int(t1)))]


def _context(dsn_params: dict) -> AppContext:
    backend = BackendSection(kind="postgresql", host="127.0.0.1", port=int(dsn_params["port"]),
                             dbname=dsn_params["dbname"], user=dsn_params["user"])
    return AppContext(NodeConfig(backend=backend))


def test_pg_node_trend_shows_the_backend_outage_and_reconciles(throwaway_pg):
    import psycopg2.extensions

    start = float(int(time.time()) - 900)
    writer = HistoryWriter(throwaway_pg.dsn)
    writer.write(_values(start, start + 60, 0.25, SourcePath.PRIMARY), time.time())  # before the outage
    writer.close()
    context = _context(psycopg2.extensions.parse_dsn(throwaway_pg.dsn))
    service = start_trends(context)
    try:
        throwaway_pg.stop("fast")  # the backend goes away; the console reads the field itself
        context.tag_bus.publish(_values(start + 40, start + 60, 0.5, SourcePath.BACKEND))  # not recorded locally
        context.tag_bus.publish(_values(start + 60, start + 120, 0.3, SourcePath.PRIMARY))
        service.recorder.flush()

        during = service.history_factory()
        series = during.raw(TAG, start, start + 180)
        assert during.backend_error, "the backend should have been unreachable"
        assert len(series) == 60 and series.t[0] == start + 60.3  # the outage, from the local file only
        assert len(during.query(TAG, start, start + 180, 90)) > 0
        during.close()

        throwaway_pg.start()  # back; the collector's spool filled the first half of the outage
        writer = HistoryWriter(throwaway_pg.dsn)
        writer.write(_values(start + 60, start + 90, 0.25, SourcePath.PRIMARY)
                     + _values(start + 120, start + 180, 0.25, SourcePath.PRIMARY), time.time())
        writer.close()

        after = service.history_factory()
        series = after.raw(TAG, start, start + 180)
        assert after.backend_error == ""
        backend = np.isclose(series.t % 1, 0.25)
        local = series.t[~backend]
        assert backend.sum() == 150  # every backend point
        assert local.min() > start + 89.25 + COVER_S and local.max() < start + 120.25 - COVER_S  # only in the hole
        assert np.all(np.diff(series.t) > 0.5), "a point shown twice"
        assert np.diff(series.t).max() <= COVER_S + 1.5, "a gap in the merged history"
        decimated = after.query(TAG, start, start + 180, 60)
        assert decimated.t.min() < start + 60 and decimated.t.max() > start + 120
        after.close()
    finally:
        service.close()


def test_merge_prefers_the_backend_and_keeps_the_filler_only_in_its_holes():
    backend = Series.of([0.0, 1.0, 2.0, 10.0, 11.0], [1, 1, 1, 1, 1])
    local = Series.of([0.1, 1.5, 4.5, 6.0, 8.5, 10.2, 12.0], [2, 2, 2, 2, 2, 2, 2])
    merged = merge(backend, local, cover_s=2.0)
    assert merged.t.tolist() == [0.0, 1.0, 2.0, 4.5, 6.0, 10.0, 11.0]
    assert merged.v.tolist() == [1, 1, 1, 2, 2, 1, 1]
    assert merge(Series.empty(), local, 2.0).t.tolist() == local.t.tolist()
    assert merge(backend, Series.empty(), 2.0) is backend
