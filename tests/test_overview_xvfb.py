"""Big-screen mode on a real X display: it really goes full screen and draws Chinese."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from console.config import NodeConfig
from console.context import AppContext
from tests.support.overview_sites import good_batch, small_catalogue

pytestmark = pytest.mark.xvfb


def test_big_screen_fills_the_screen_with_the_map(qtbot):
    from console.pages.overview import OverviewPage

    context = AppContext(config=NodeConfig())
    catalogue = small_catalogue()
    context.services["catalogue"] = catalogue
    context.tag_bus.publish(good_batch(catalogue, time.time()))
    page = OverviewPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.toggle_big_screen()
    big = page.big_screen
    qtbot.waitUntil(lambda: big.isFullScreen() and big.size() == big.screen().size(), timeout=5000)
    qtbot.waitUntil(lambda: "130000" in big.map.painted_codes, timeout=5000)
    assert big.map.width() > big.width() * 0.6
    metrics = QFontMetrics(big.summary.heading.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "辖区河北省"), "no CJK glyphs"
    assert metrics.height() >= 26  # large type for the consultation room
    qtbot.keyClick(big, Qt.Key.Key_Escape)
    assert page.big_screen is None
