"""The video page: camera tree by jurisdiction and site, layout and tour controls, the wall.

`show_site_camera(site_code)` is the alarm pop-up's entry point; `on_alarm(site, level)`
applies the configured level (and "off") first.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from console import paths
from console.link_state import LinkState
from console.services.gui_inbox import GuiInbox
from console.video.cameras import DivisionNode
from console.video.health import TileState
from console.video.layouts import LAYOUTS, LayoutStore, WallLayout
from console.video.service import PopupTrigger, VideoService, popup_wanted
from widgets.video_tile import camera_mime
from widgets.video_wall import VideoWall

log = logging.getLogger(__name__)
CAMERA_ROLE = Qt.ItemDataRole.UserRole + 1


class CameraTree(QTreeWidget):
    """Divisions → sites → cameras; camera rows drag onto wall tiles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def populate(self, root: DivisionNode) -> None:
        self.clear()
        self._add(self.invisibleRootItem(), root)
        self.expandAll()

    def _add(self, parent: QTreeWidgetItem, node: DivisionNode) -> None:
        item = QTreeWidgetItem(parent, [node.name])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for child in node.children:
            self._add(item, child)
        for site in node.sites:
            site_item = QTreeWidgetItem(item, [site.name])
            site_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for camera in site.cameras:
                camera_item = QTreeWidgetItem(site_item, [camera.name])
                camera_item.setData(0, CAMERA_ROLE, camera.id)

    def mimeData(self, items):
        camera_ids = [item.data(0, CAMERA_ROLE) for item in items if item.data(0, CAMERA_ROLE)]
        return camera_mime(camera_ids[0]) if camera_ids else None

    def camera_ids(self) -> list[str]:
        found = []
        stack = [self.invisibleRootItem()]
        while stack:
            item = stack.pop()
            if item.data(0, CAMERA_ROLE):
                found.append(item.data(0, CAMERA_ROLE))
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))
        return found


class VideoPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = context.config.video
        self._own_service = "video" not in context.services
        services = context.services
        self.service: VideoService = services.get("video") or VideoService(
            context.config, services.get("store"), services.get("sync")).start()
        self.service.on_stop(self.shutdown)
        self._registry_inbox = GuiInbox("camera registry", self)
        self._stop_following_registry = self.service.on_registry(
            lambda registry: self._registry_inbox.post(self._on_registry, registry))
        self.store = LayoutStore(paths.data_dir() / "video")
        self._following = False  # applying a consultation leader's tiles: not the operator's layout
        self.wall = VideoWall(self.settings, self.service.registry, self)
        self.wall.healthChanged.connect(self._report_video_link)
        self.tree = CameraTree(self)
        self._populate_tree()
        self.tree.itemDoubleClicked.connect(self._open_in_first_free_tile)
        self.layout_box = QComboBox(self)
        for name in LAYOUTS:
            self.layout_box.addItem(name, name)
        self.layout_box.currentIndexChanged.connect(lambda: self.wall.set_layout(self.layout_box.currentData()))
        self.tour_button = QPushButton(self.tr("Tour"), self)
        self.tour_button.setCheckable(True)
        self.tour_button.toggled.connect(self._toggle_tour)
        snapshot = QPushButton(self.tr("Snapshot"), self)
        snapshot.clicked.connect(self.snapshot)
        self.status = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layout"), self))
        bar.addWidget(self.layout_box)
        bar.addWidget(self.tour_button)
        bar.addWidget(snapshot)
        bar.addWidget(self.status, 1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.wall, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1400])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(splitter)
        self._restore_saved()
        self.wall.layoutChanged.connect(self._save)
        self._say_if_no_cameras()
        self._closed = False
        QCoreApplication.instance().aboutToQuit.connect(self.shutdown)
        self._unsubscribe = self._follow_alarms(context.services.get("alarm_engine"))

    def _populate_tree(self) -> None:
        self.tree.populate(self.service.registry.tree(self.context.divisions, self.context.node_code))

    def _say_if_no_cameras(self) -> None:
        none = self.tr("No cameras configured for this node")
        if not len(self.service.registry):
            self.status.setText(none)
        elif self.status.text() == none:
            self.status.clear()

    def _report_video_link(self, live: int, assigned: int) -> None:
        """The wall's tiles as the `video` link (status, handover): down when none plays."""
        if assigned == 0:
            return
        state = LinkState.UP if live == assigned else LinkState.DEGRADED if live else LinkState.DOWN
        self.context.links.report("video", state, f"{live}/{assigned} tiles live")

    def _on_registry(self, registry) -> None:
        """The cameras changed (posted by the service's watcher thread to the GUI thread)."""
        if self._closed:
            return
        self.wall.set_registry(registry)
        self._populate_tree()
        self._say_if_no_cameras()

    def _follow_alarms(self, engine):
        """New alarm occurrences from the alarm engine (its `subscribe(callback)` hook, called
        on the GUI thread) open their site's camera, as the config's pop-up level says."""
        if engine is None or self.settings.popup_level == "off":
            return None
        trigger = PopupTrigger(self.settings.popup_level)
        trigger.sites(engine.active_alarms())  # what is already active does not pop up now
        return engine.subscribe(lambda records: [self.show_site_camera(site) for site in trigger.sites(records)])

    def _restore_saved(self) -> None:
        try:
            saved = self.store.load(self.context.operator)
        except ValueError as exc:
            log.warning("%s", exc)
            saved = None
        if saved is None:
            cameras = self.tree.camera_ids()
            self.wall.set_layout("4" if len(cameras) <= 4 else "9")
            for tile, camera_id in zip(self.wall.visible_tiles, cameras):
                tile.assign(self.service.registry.get(camera_id))
        else:
            self.wall.apply(saved)
        self.layout_box.setCurrentIndex(LAYOUTS.index(self.wall.layout_name))
        self.tour_button.setChecked(self.wall.tour is not None)

    def _save(self) -> None:
        if not self._following:
            self.store.save(self.context.operator, self.wall.state())

    # -- consultation view (widgets/view_following.py) -----------------------------------
    def capture_view(self) -> dict:
        return self.wall.state().to_json()

    def apply_view(self, view: dict) -> None:
        """Show the leader's tiles (cameras this node knows); the operator's own saved wall stays."""
        if not view or view == self.wall.state().to_json():
            return
        self._following = True
        try:
            self.wall.apply(WallLayout.from_json(view))
            self.layout_box.setCurrentIndex(LAYOUTS.index(self.wall.layout_name))
        finally:
            self._following = False

    def _toggle_tour(self, on: bool) -> None:
        self.wall.set_tour(self.tree.camera_ids() if on else [], self.wall.tour_tile)

    def _open_in_first_free_tile(self, item: QTreeWidgetItem) -> None:
        camera_id = item.data(0, CAMERA_ROLE)
        if camera_id:
            free = next((t for t in self.wall.visible_tiles if t.camera is None), self.wall.visible_tiles[0])
            self.wall.assign(free.index, camera_id)

    def snapshot(self) -> list:
        """The maximised tile's picture, or every live tile's, as timestamped PNGs."""
        tiles = [self.wall.tiles[self.wall.maximised]] if self.wall.maximised is not None else self.wall.visible_tiles
        folder = self.settings.resolved_snapshot_dir
        saved = [path for tile in tiles if (path := tile.snapshot(folder))]
        text = self.tr("Snapshots saved: %1 in %2")
        self.status.setText(text.replace("%1", str(len(saved))).replace("%2", str(folder)))
        return saved

    # --- alarm pop-up -------------------------------------------------------------------
    def show_site_camera(self, site_code: str) -> bool:
        """Open the site's first camera in the configured pop-up tile; False if it has none."""
        cameras = self.service.registry.for_site(site_code)
        if not cameras:
            return False
        tile = min(self.settings.popup_tile, len(self.wall.visible_tiles) - 1)
        self.wall.assign(tile, cameras[0].id)
        return True

    def on_alarm(self, site_code: str, level) -> bool:
        """An alarm was raised: pop the camera up if its level is configured to."""
        return popup_wanted(self.settings.popup_level, level) and self.show_site_camera(site_code)

    def is_ready(self) -> bool:
        """Every assigned tile has settled: live, or lost and waiting to retry (for screenshots)."""
        return all(tile.health.state in (TileState.LIVE, TileState.LOST)
                   for tile in self.wall.visible_tiles if tile.camera is not None)

    def shutdown(self) -> None:
        """Close every player (idempotent): the wall must stop before libvlc and the process do."""
        if self._closed:
            return
        self._closed = True
        self._stop_following_registry()
        self._registry_inbox.close()
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.wall.shutdown()
        if self._own_service:
            self.service.stop()
