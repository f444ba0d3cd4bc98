"""The video wall: tiles in a layout (1, 4, 9, 16, 1+5, 1+7), maximise/restore, tour mode,
and the one GUI timer that drains libvlc's event queue and drives every tile.

libvlc events arrive on libvlc's threads; `Connection` only puts them on `self.events`
(a thread-safe queue) and this timer, on the GUI thread, hands them to the tiles. Frames
are repainted at the timer's rate, not per decoded frame; health is checked less often.
"""
from __future__ import annotations

import queue
import time

import vlc
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QWidget

from console.config import VideoSection
from console.video import rtsp_support
from console.video.cameras import CameraRegistry
from console.video.health import TileState
from console.video.layouts import Tour, WallLayout, cells
from console.video.player import shared_instance
from widgets.video_tile import VideoTile

MAX_TILES = 16
# Tiles are looked at twice per frame of a 25 fps camera and repainted only when their sink
# has a new frame: a 40 ms timer beat against 40 ms frames, and with timer jitter a tile
# could lose every other frame (16 tiles: one at 18.7 fps while the median was 25).
PAINT_INTERVAL_MS = 20
HEALTH_EVERY = 10  # health and title strips every 10th tick (200 ms)
EMBEDDABLE_PLATFORMS = ("xcb", "windows", "cocoa")


def resolve_render(setting: str) -> str:
    """"embedded" needs a window system libvlc can draw into; otherwise paint frames."""
    if setting != "auto":
        return setting
    return "embedded" if QGuiApplication.platformName() in EMBEDDABLE_PLATFORMS else "frames"


def resolve_route(setting: str) -> str:
    return rtsp_support.detect().route if setting == "auto" else setting


class VideoWall(QWidget):
    layoutChanged = Signal()  # the operator changed something worth saving
    healthChanged = Signal(int, int)  # tiles live, tiles with a camera (on change only)

    def __init__(self, settings: VideoSection, registry: CameraRegistry, parent: QWidget | None = None,
                 instance: vlc.Instance | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.registry = registry
        self.embedded = resolve_render(settings.render) == "embedded"
        self.route = resolve_route(settings.rtsp_route)
        self.instance = instance or shared_instance()
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.layout_name = "4"
        self.maximised: int | None = None
        self.tour: Tour | None = None
        self.tour_tile = 0
        self._by_connection: dict[int, VideoTile] = {}
        self._tick = 0
        self._health = (0, 0)
        self.tiles = [self._new_tile(index) for index in range(MAX_TILES)]
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self.set_layout("4")
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.restore)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start(PAINT_INTERVAL_MS)

    def _new_tile(self, index: int) -> VideoTile:
        tile = VideoTile(index, self, self)
        tile.hide()
        tile.maximiseRequested.connect(self.toggle_maximise)
        tile.cameraDropped.connect(self._on_drop)
        tile.connectionOpened.connect(lambda cid, t=tile: self._by_connection.__setitem__(cid, t))
        return tile

    # --- layout -----------------------------------------------------------------------
    @property
    def visible_tiles(self) -> list[VideoTile]:
        return self.tiles[: len(cells(self.layout_name)[1])]

    def set_layout(self, name: str) -> None:
        grid, positions = cells(name)
        self.restore()
        self.layout_name = name
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for stretch in range(4):
            self._grid.setRowStretch(stretch, 1 if stretch < grid else 0)
            self._grid.setColumnStretch(stretch, 1 if stretch < grid else 0)
        for tile, (row, col, rows, cols) in zip(self.tiles, positions):
            self._grid.addWidget(tile, row, col, rows, cols)
            tile.show()
        for tile in self.tiles[len(positions):]:
            tile.hide()
            tile.assign(None)
        self.layoutChanged.emit()

    def assign(self, index: int, camera_id: str | None) -> None:
        camera = self.registry.get(camera_id) if camera_id else None
        self.tiles[index].assign(camera)
        self.layoutChanged.emit()

    def _on_drop(self, index: int, camera_id: str) -> None:
        self.assign(index, camera_id)

    def toggle_maximise(self, index: int) -> None:
        if self.maximised is None:
            self.maximise(index)
        else:
            self.restore()

    def maximise(self, index: int) -> None:
        """One tile fills the wall and switches to the camera's main stream."""
        if self.maximised is not None:
            self.restore()
        self.maximised = index
        for tile in self.visible_tiles:
            tile.setVisible(tile.index == index)
        self._grid.addWidget(self.tiles[index], 0, 0, 4, 4)
        self.tiles[index].use_main_stream(True)

    def restore(self) -> None:
        """Back to the grid (Esc), the tile back on its sub-stream."""
        if self.maximised is None:
            return
        index, self.maximised = self.maximised, None
        tile = self.tiles[index]
        self._grid.removeWidget(tile)
        row, col, rows, cols = cells(self.layout_name)[1][index]
        self._grid.addWidget(tile, row, col, rows, cols)
        for other in self.visible_tiles:
            other.show()
        tile.use_main_stream(False)

    def set_registry(self, registry: CameraRegistry) -> None:
        """The node's cameras changed (backend sync): tiles follow their camera's new streams,
        tiles whose camera is gone are emptied; the saved layout keeps their ids."""
        self.registry = registry
        for tile in self.tiles:
            if tile.camera is not None:
                tile.assign(registry.get(tile.camera.id))

    # --- persistence ----------------------------------------------------------------------
    def state(self) -> WallLayout:
        tiles = {tile.index: tile.camera.id for tile in self.visible_tiles if tile.camera}
        tour = self.tour.cameras if self.tour else []
        return WallLayout(self.layout_name, tiles, list(tour), self.tour_tile)

    def apply(self, saved: WallLayout) -> None:
        self.set_layout(saved.layout)
        for tile in self.visible_tiles:
            tile.assign(self.registry.get(saved.tiles.get(tile.index, "")))
        self.set_tour(saved.tour, saved.tour_tile)

    # --- tour -------------------------------------------------------------------------------
    def set_tour(self, camera_ids: list[str], tile: int = 0) -> None:
        """Cycle these cameras through one tile every `tour_interval_s`; empty list stops."""
        known = [camera_id for camera_id in camera_ids if self.registry.get(camera_id)]
        self.tour = Tour(known, self.settings.tour_interval_s) if known else None
        self.tour_tile = min(tile, len(self.visible_tiles) - 1)
        self.layoutChanged.emit()

    # --- the timer --------------------------------------------------------------------------
    def _on_tick(self) -> None:
        now = time.monotonic()
        while True:
            try:
                connection_id, name = self.events.get_nowait()
            except queue.Empty:
                break
            tile = self._by_connection.get(connection_id)
            if tile is not None and tile.connection is not None and tile.connection.id == connection_id:
                tile.on_player_event(name, now)
        if self.tour is not None:
            camera_id = self.tour.due(now)
            if camera_id is not None:
                self.tiles[self.tour_tile].assign(self.registry.get(camera_id))
        self._tick += 1
        check = self._tick % HEALTH_EVERY == 0
        for tile in self.visible_tiles:
            if check:
                tile.check_health(now)
            tile.repaint_if_new()
        if check:
            live = {t.connection.id for t in self.tiles if t.connection is not None}
            self._by_connection = {cid: t for cid, t in self._by_connection.items() if cid in live}
            self._report_health()

    def _report_health(self) -> None:
        assigned = [tile for tile in self.visible_tiles if tile.camera is not None]
        health = (sum(tile.health.state is TileState.LIVE for tile in assigned), len(assigned))
        if health != self._health:
            self._health = health
            self.healthChanged.emit(*health)

    def shutdown(self) -> None:
        self._timer.stop()
        for tile in self.tiles:
            tile.shutdown()
