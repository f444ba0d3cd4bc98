"""The view-state interface pages implement for consultations (`capture_view`/`apply_view`):
what one console captures, another shows after applying it. Real pages on real services."""
from __future__ import annotations

import time

import pytest

from console.config import NodeConfig, NodeSection
from console.consultation.view_state import ViewState, fits_notify
from console.context import AppContext
from console.pages.alarms import AlarmsPage
from console.pages.monitoring import MonitoringPage
from console.trends.service import start_trends
from domain.values import AlarmLevel
from tests.support.alarm_sites import small_catalogue, value
from console.services.alarm_runtime import AlarmService


def test_a_view_state_is_compact_json_that_fits_a_notify():
    state = ViewState("monitoring", {"monitoring": {"t": [f"TP13082101.t{i}" for i in range(40)], "sp": 600.0,
                                                    "n": "尾矿库"},
                                     "overview": {"f": "130821", "s": None, "x": [1.5, -2.25, 0.5, 0.25]}})
    encoded = state.encode()
    assert ViewState.decode(encoded) == state and " " not in encoded and fits_notify(encoded)
    assert not fits_notify("x" * 8000)


@pytest.fixture()
def two_alarm_consoles(qapp, tmp_path):
    contexts, services = [], []
    for name in ("leader", "follower"):
        context = AppContext(NodeConfig())
        service = AlarmService(context, small_catalogue(), tmp_path / f"{name}.sqlite")
        context.services["alarms"] = service
        contexts.append(context)
        services.append(service)
    yield contexts
    for service in services:
        service.stop()


def test_the_alarm_filter_follows(qtbot, two_alarm_consoles):
    leader, follower = (AlarmsPage(context) for context in two_alarm_consoles)
    now = time.time()
    for page, context in zip((leader, follower), two_alarm_consoles):
        qtbot.addWidget(page)
        context.tag_bus.publish([value("HC13010201.gas_lel", 60.0, now), value("TP13010201.pond_level", 85.0, now)])
    qtbot.waitUntil(lambda: {r.site for r in follower.visible_records()} == {"HC13010201", "TP13010201"})
    leader.filters.level_boxes[AlarmLevel.BLUE].setChecked(False)
    leader.filters.state_combo.setCurrentIndex(1)
    leader.filters.region_combo.setCurrentIndex(leader.filters.region_combo.findData("130100"))
    leader.filters.site_edit.setText("HC13010201")
    view = leader.capture_view()
    assert follower.capture_view() != view
    follower.apply_view(view)
    assert follower.capture_view() == view
    qtbot.waitUntil(lambda: {r.site for r in follower.visible_records()} == {"HC13010201"})
    assert {r.site for r in leader.visible_records()} == {"HC13010201"}


@pytest.fixture()
def trend_context(duty_home):
    context = AppContext(NodeConfig(node=NodeSection(division="130800")), operator="张值班")
    service = start_trends(context)
    yield context
    service.close()


def test_the_trend_page_follows_with_tags_and_span(qtbot, trend_context):
    leader, follower = MonitoringPage(trend_context), MonitoringPage(trend_context)
    for page in (leader, follower):
        qtbot.addWidget(page)
    site = next(code for code, site in leader.catalogue.sites.items() if site.division.startswith("1308"))
    leader.open_site(site)
    leader.group.set_span(600)
    view = leader.capture_view()
    assert view["sp"] == 600 and view["t"] == [tag.id for tag in leader.catalogue.tags_of(site)]
    follower.apply_view(view)
    assert [spec.id for spec in follower.group.tags] == view["t"]
    assert all(trend.span == 600 for trend in follower.group.views)
    assert follower.capture_view() == view
    follower.apply_view({})  # nothing shared: the page stays as it is
    assert follower.capture_view() == view
