"""The monitoring page: jurisdiction tree, a trend group per site, trend sets per operator."""
from __future__ import annotations

import json

import pytest

from console.config import NodeConfig, NodeSection
from console.context import AppContext
from console.pages.monitoring import MonitoringPage, SITE_ROLE
from console.trends.service import start_trends
from domain.values import Quality, TagValue

CHENGDE = "130800"


@pytest.fixture()
def context(duty_home):
    context = AppContext(NodeConfig(node=NodeSection(division=CHENGDE)), operator="张值班")
    service = start_trends(context)
    yield context
    service.close()


def _page(qtbot, context):
    page = MonitoringPage(context)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def _site_items(page):
    found, stack = [], [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item.data(0, SITE_ROLE):
            found.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return found


def test_tree_shows_the_jurisdiction_down_to_sites(qtbot, context):
    page = _page(qtbot, context)
    catalogue = page.catalogue
    divisions = context.divisions
    expected = {s.code for s in catalogue.sites.values() if divisions.in_jurisdiction(CHENGDE, s.division)}
    items = _site_items(page)
    assert {item.data(0, SITE_ROLE) for item in items} == expected and expected
    item = items[0]
    site = catalogue.sites[item.data(0, SITE_ROLE)]
    assert item.parent().text(0).startswith(divisions[site.division].name)  # county
    assert item.parent().parent().text(0).startswith("承德市")  # the node's city at the top
    assert item.parent().parent().parent() is None


def test_selecting_a_site_opens_its_trends_and_a_trend_set_survives_a_restart(qtbot, context):
    page = _page(qtbot, context)
    item = _site_items(page)[0]
    code = item.data(0, SITE_ROLE)
    page.tree.setCurrentItem(item)
    assert page.group is not None
    shown = {pen.spec.id for view in page.group.views for pen in view.pens}
    assert shown == {tag.id for tag in page.catalogue.tags_of(code)}
    key_tag = next(tag for tag in page.catalogue.tags_of(code) if tag.key)
    context.tag_bus.publish([TagValue(key_tag.id, 12.5, Quality.GOOD, 1e9, 1e9)])
    assert page.service.store.latest(key_tag.id) == (1e9, 12.5, 0)

    chosen = [key_tag.id, page.catalogue.tags_of(code)[-1].id]
    page.save_trend_set("夜班关注", chosen)
    saved = json.loads(page.sets.path.read_text(encoding="utf-8"))
    assert saved["operator"] == "张值班" and saved["sets"][0]["tags"] == chosen

    other_site = _site_items(page)[1].data(0, SITE_ROLE)
    other_tag = page.catalogue.tags_of(other_site)[0].id
    page.add_to_trend_set("夜班关注", [other_tag, key_tag.id])  # another site's tag; no duplicates

    again = _page(qtbot, context)
    names = [again.sets_root.child(i).text(0) for i in range(again.sets_root.childCount())]
    assert names == ["夜班关注"]
    again.tree.setCurrentItem(again.sets_root.child(0))
    shown = {pen.spec.id for view in again.group.views for pen in view.pens}
    assert shown == {*chosen, other_tag}


def test_page_says_plainly_when_trends_are_not_running(qtbot, duty_home):
    page = MonitoringPage(AppContext(NodeConfig()))
    qtbot.addWidget(page)
    assert page.group is None and page.scheduler is None


def test_self_test_reports_the_local_trend_history(duty_home):
    from console.self_test import check_trend_history

    result = check_trend_history(NodeConfig())
    assert result.ok and str(duty_home) in result.detail and "history.sqlite" in result.detail
