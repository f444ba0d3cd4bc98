"""Embedded mode: libvlc draws into the tile's native X11 window (needs Xvfb)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from console.config import VideoSection
from console.video.cameras import CameraRegistry
from console.video.health import TileState
from console.video.service import simulated_cameras
from tests.support.rtsp import TEST_SUB_SIZE, rtsp_cameras
from widgets.video_wall import VideoWall

pytestmark = pytest.mark.xvfb


def test_embedded_tiles_play_into_native_windows(qtbot, tmp_path):
    assert QGuiApplication.platformName() == "xcb", "run under xvfb-run with QT_QPA_PLATFORM=xcb"
    with rtsp_cameras(2) as server:
        wall = VideoWall(VideoSection(render="auto"), CameraRegistry(simulated_cameras(server)))
        qtbot.addWidget(wall)
        wall.resize(960, 540)
        wall.show()
        qtbot.waitExposed(wall)
        assert wall.embedded
        wall.assign(0, "sim-1")
        wall.assign(1, "sim-2")
        tiles = wall.visible_tiles[:2]
        qtbot.waitUntil(lambda: all(t.health.state is TileState.LIVE for t in tiles), timeout=20_000)
        assert all(t.connection.sink is None for t in tiles)  # libvlc draws, we do not
        qtbot.waitUntil(lambda: tiles[0].connection.native_size() == TEST_SUB_SIZE, timeout=20_000)
        shown = QGuiApplication.primaryScreen().grabWindow(int(tiles[0].surface.winId())).toImage()
        grey = [shown.pixelColor(x, y).value() for x in range(0, shown.width(), 16) for y in range(0, shown.height(), 16)]
        assert sum(grey) / len(grey) > 40, "the native window shows no picture"
        path = tiles[0].snapshot(tmp_path)
        image = QImage(str(path))
        assert (image.width(), image.height()) == TEST_SUB_SIZE
        wall.shutdown()
