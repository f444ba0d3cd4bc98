import time

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontMetrics

from console import i18n
from console.config import NodeConfig, NodeSection
from console.context import AppContext
from console.link_state import LinkState
from console.live_source import LiveSourceSelector
from console.main_window import MainWindow
from console.navigation import PAGES
from console.pages.placeholder import NotAvailablePage
from domain.values import Quality, SourcePath, TagValue


@pytest.fixture()
def settings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture()
def chinese(qapp):
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")


def _window(qtbot, settings, division="130000"):
    window = MainWindow(AppContext(NodeConfig(node=NodeSection(division=division))), settings)
    qtbot.addWidget(window)
    return window


def test_every_navigation_entry_opens_its_page(qtbot, settings, chinese):
    window = _window(qtbot, settings)
    for spec in PAGES:
        page = window.show_page(spec.key)
        assert window.stack.currentWidget() is page
        assert window.current_page_key() == spec.key
        if spec.factory is None:
            assert isinstance(page, NotAvailablePage)
            assert "尚未提供" in page._message.text()


def test_status_bar_names_the_node_in_chinese_and_shows_link_states(qtbot, settings, chinese):
    window = _window(qtbot, settings, division="130100")
    assert window.node_label.text() == "石家庄市 · 市级节点"
    assert "本地存储" in window.backend_indicator.text()
    window.context.links.report("field", LinkState.DOWN, "3 台设备离线")
    assert window.field_indicator.state is LinkState.DOWN and "3 台设备离线" in window.field_indicator.text()
    metrics = QFontMetrics(window.navigation.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "报警总览值班石家庄市"), "no CJK glyphs: install a CJK font"


def test_status_bar_says_where_live_values_come_from(qtbot, settings, chinese):
    window = _window(qtbot, settings, division="130100")
    assert not window.live_indicator.isVisible()  # no backend-first source on this node
    selector = LiveSourceSelector(stale_after_s=3.0, return_after_s=10.0)
    window.context.services["live_source"] = selector
    now = time.time()
    tags = [f"TP13010201.t{i}" for i in range(3)]
    selector.backend([TagValue(tag, 1.0, Quality.GOOD, now, now, SourcePath.BACKEND) for tag in tags], 0.0, now)
    window.context.links.report("live", LinkState.UP)
    assert window.live_indicator.isVisibleTo(window) and "后端" in window.live_indicator.text()
    selector.backend([TagValue(tags[0], 1.0, Quality.BAD_COMM, now, now, SourcePath.BACKEND)], 0.0, now)
    selector.field([TagValue(tags[0], 2.0, Quality.GOOD, now, now, SourcePath.PRIMARY)], now)
    selector.tick(now)
    window.context.links.report("live", LinkState.DEGRADED)
    assert window.live_indicator.state is LinkState.DEGRADED and "1" in window.live_indicator.text()


def test_language_switches_live_and_is_remembered(qtbot, settings, chinese):
    window = _window(qtbot, settings)
    assert window.navigation.item(2).text() == "报警"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.navigation.item(2).text() == "Alarms")
    assert window.node_label.text() == "Hebei · province node"
    assert settings.value("ui/language") == "en"


def test_geometry_and_page_restored_on_restart(qtbot, settings, chinese):
    first = _window(qtbot, settings)
    first.show()
    qtbot.waitExposed(first)
    first.resize(1366, 768)
    qtbot.waitUntil(lambda: first.width() == 1366)
    first.show_page("video")
    first.close()
    second = _window(qtbot, settings)
    assert (second.width(), second.height()) == (1366, 768)
    assert second.current_page_key() == "video"
