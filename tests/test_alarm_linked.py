"""Linked handling of the selected alarm: trend around the alarm time (ring and history
backfill), the site's enterprise, contacts and plans, nearby rescue resources (offscreen)."""
from __future__ import annotations

import math
import random
import time

import numpy as np
import pytest

from console.config import NodeConfig
from console.context import AppContext
from console.records import demo_data
from console.records.site_context import SEARCH_RADIUS_KM, haversine_km, search_box
from console.trends.service import TrendService
from console.trends.sqlite_history import SqliteHistoryRecorder, SqliteHistorySource
from console.trends.store import TrendStore
from domain.values import AlarmLevel
from server_link.local_store import LocalStore
from domain.divisions import hebei
from tests.support.alarm_sites import small_catalogue, value
from console.services.alarm_runtime import AlarmService

GAS = "HC13010201.gas_lel"
POND = "TP13010201.pond_level"


# ---- distance -------------------------------------------------------------------------
def test_haversine_matches_known_distances():
    assert haversine_km(114.5, 38.0, 114.5, 38.0) == 0.0
    one_degree = math.pi * 6371.0088 / 180  # an arc of 1° on the mean sphere
    assert haversine_km(0, 0, 0, 1) == pytest.approx(one_degree, rel=1e-9)
    assert haversine_km(0, 60, 1, 60) == pytest.approx(one_degree / 2, rel=1e-3)  # cos 60° = ½
    assert haversine_km(0, 0, 180, 0) == pytest.approx(math.pi * 6371.0088, rel=1e-9)  # antipodes
    # Shijiazhuang → Beijing (city centres) is about 263 km as the crow flies
    assert haversine_km(114.5149, 38.0428, 116.4074, 39.9042) == pytest.approx(263, abs=3)
    assert haversine_km(114.5, 38.0, 116.4, 39.9) == haversine_km(116.4, 39.9, 114.5, 38.0)


def test_search_box_holds_every_point_within_the_radius():
    rng = random.Random(3)
    for lat in (0.0, 38.0, 42.6, 70.0):
        dlon, dlat = search_box(lat, SEARCH_RADIUS_KM)
        for _ in range(2000):
            lon2, lat2 = rng.uniform(-3 * dlon, 3 * dlon), lat + rng.uniform(-3 * dlat, 3 * dlat)
            if haversine_km(0.0, lat, lon2, lat2) <= SEARCH_RADIUS_KM:
                assert abs(lon2) <= dlon and abs(lat2 - lat) <= dlat


# ---- the panel on the alarm page ------------------------------------------------------
@pytest.fixture()
def linked(qapp, tmp_path):
    """A province node with the small catalogue: the tank farm registered with its enterprise,
    the pond not; a trend store whose ring holds `depth` samples, history in SQLite."""
    made = []

    def make(depth: int = 3600):
        context = AppContext(NodeConfig())
        catalogue = small_catalogue()
        store = LocalStore(tmp_path / "store.sqlite", context.node_code, hebei())
        context.services["store"] = store
        context.services["catalogue"] = catalogue
        demo_data.register_sites(store, [catalogue.sites["HC13010201"]], seed=5)
        history = tmp_path / "history.sqlite"
        recorder = SqliteHistoryRecorder(history, flush_interval_s=0.05)
        trends = TrendService(TrendStore(live_depth=depth), lambda: SqliteHistorySource(history), recorder)
        trends._unsubscribe += [recorder.attach(context.tag_bus), trends.store.attach(context.tag_bus)]
        context.services["trends"] = trends
        service = AlarmService(context, catalogue, store)
        context.services["alarms"] = service
        made.append((service, trends))
        return context

    yield make
    for service, trends in made:
        service.stop()
        trends.close()


def _incident(context, now: float) -> list:
    """An hour of gas readings every 10 s, 12–18 %LEL, past the red limit (50) 2 min ago."""
    samples = [value(GAS, 60.0 if ts >= now - 120 else 12.0 + (ts // 10) % 7, ts)
               for ts in np.arange(now - 3600, now + 1, 10.0)]
    context.tag_bus.publish(samples + [value(POND, 85.0, now - 300)])
    return samples


def _page(qtbot, context):
    from console.pages.alarms import AlarmsPage

    page = AlarmsPage(context)
    qtbot.addWidget(page)
    return page


def _select(qtbot, page, tag: str, level: AlarmLevel):
    qtbot.waitUntil(lambda: any(rec.tag == tag and rec.level is level for rec in page.visible_records()))
    row = next(i for i, rec in enumerate(page.visible_records()) if rec.tag == tag and rec.level is level)
    page.table.selectRow(row)
    return page.visible_records()[row]


def test_selected_alarm_shows_the_trend_around_its_time_from_the_store(qtbot, linked):
    context = linked()
    page = _page(qtbot, context)
    now = time.time()
    _incident(context, now)
    rec = _select(qtbot, page, GAS, AlarmLevel.RED)
    trend = page.linked.trend
    assert rec.raised_at == pytest.approx(now - 120, abs=10)
    assert trend.isVisibleTo(page) and trend.limit == 50.0 and trend.raised_at == rec.raised_at
    expected = context.services["trends"].store.window(GAS, rec.raised_at - 1800, math.inf)
    assert len(expected) == 181 + 12  # 30 min before the raise at 10 s up to it, 2 min after
    assert np.array_equal(trend.shown.t, expected.t) and np.array_equal(trend.shown.v, expected.v)
    assert trend.trace.t0 == rec.raised_at - 1800 and trend.trace.high == 60.0  # the limit stays in sight
    assert trend.backfill is None  # the ring reaches back far enough: no history query
    page.linked.trend.grab()  # paints without error


def test_history_before_the_ring_is_backfilled_off_the_gui_thread(qtbot, linked):
    context = linked(depth=60)  # the ring keeps 10 min of this tag
    page = _page(qtbot, context)
    now = time.time()
    samples = _incident(context, now)
    context.services["trends"].recorder.flush()
    rec = _select(qtbot, page, GAS, AlarmLevel.RED)
    trend = page.linked.trend
    first_in_ring = context.services["trends"].store.first_time(GAS)
    assert first_in_ring > rec.raised_at - 1800
    qtbot.waitUntil(lambda: len(trend.shown) and trend.shown.t[0] < first_in_ring, timeout=5000)
    published = {s.source_ts: s.value for s in samples if rec.raised_at - 1800 <= s.source_ts}
    shown = dict(zip(trend.shown.t.tolist(), trend.shown.v.tolist()))
    assert shown == published  # every sample of the window once: history, then the ring


def test_enterprise_contacts_plans_and_rescue_resources_are_those_in_the_store(qtbot, linked):
    context = linked()
    page = _page(qtbot, context)
    _incident(context, time.time())
    _select(qtbot, page, GAS, AlarmLevel.RED)
    store = context.services["store"]
    [site_row] = [r for r in store.rows("monitoring_site") if r["code"] == "HC13010201"]
    enterprise = store.get("enterprise", site_row["enterprise_id"])
    contacts = [r for r in store.rows("enterprise_contact") if r["enterprise_id"] == enterprise["id"]]
    plans = [r for r in store.rows("emergency_plan") if r["enterprise_id"] == enterprise["id"]]
    text = page.linked.enterprise.text()
    assert enterprise["name"] in text and enterprise["credit_code"] in text
    assert len(contacts) == 3 and all(c["name"] in text and c["phone"] in text for c in contacts)
    assert "Safety manager" in text and len(plans) == 3  # titles shown without the enterprise name
    assert all(p["name"].removeprefix(enterprise["name"]) in text and "Special plan" in text for p in plans)
    site = context.services["catalogue"].sites["HC13010201"]
    teams = sorted((haversine_km(site.lon, site.lat, t["lon"], t["lat"]), t["name"]) for t in store.rows("rescue_team"))
    shown = [(km, row["name"]) for row, km in page.linked.site_context.teams]
    assert shown == teams[:3] and teams  # the nearest, nearest first
    resources = page.linked.resources.text()
    assert f"{teams[0][0]:.1f} km" in resources and teams[0][1] in resources
    depot = page.linked.site_context.depots[0]
    assert depot.location in resources and all(item["name"] in resources for item in depot.items)
    assert page.linked.enterprise_button.isVisibleTo(page)
    assert "not available" not in page.linked.links.text().lower()


def test_a_site_without_an_enterprise_says_so(qtbot, linked):
    context = linked()
    page = _page(qtbot, context)
    _incident(context, time.time())
    _select(qtbot, page, POND, AlarmLevel.ORANGE)
    assert "No enterprise registered for this site" in page.linked.enterprise.text()
    assert not page.linked.enterprise_button.isVisibleTo(page)
    assert page.linked.trend.isVisibleTo(page)  # the rest of the context is still shown


def test_buttons_open_the_trend_page_at_the_alarm_time_and_the_enterprise_in_the_registry(qtbot, linked):
    from console.pages.monitoring import MonitoringPage
    from console.pages.registry import RegistryPage

    context = linked()
    page = _page(qtbot, context)
    _incident(context, time.time())
    rec = _select(qtbot, page, GAS, AlarmLevel.RED)
    monitoring = MonitoringPage(context)
    qtbot.addWidget(monitoring)
    group = monitoring.show_tag_at(rec.tag, rec.raised_at)
    assert not group.live and group.views[0].x_range() == pytest.approx((rec.raised_at - 1800, rec.raised_at + 1800))
    registry = RegistryPage(context)
    qtbot.addWidget(registry)
    enterprise_id = page.linked.site_context.enterprise["id"]
    assert registry.show_enterprise(enterprise_id)
    assert registry.selected_id() == enterprise_id and registry.detail.enterprise["id"] == enterprise_id
