"""The video service of a node: its camera registry (config, backend store and, in the
embedded default, the simulator's RTSP cameras from generated footage). Qt-free.

The application starts one at start-up and puts it in `AppContext.services["video"]`, so the
wall and the alarm pop-up share it; a page opened without one starts its own.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

from console.config import NodeConfig
from domain.values import AlarmLevel
from console.video.camera_store import StoreCameras
from console.video.cameras import Camera, CameraRegistry
from console.video.footage import FootageError, FootageServer
from domain.observers import Observers

log = logging.getLogger(__name__)
STORE_POLL_S = 5.0  # the store's cameras are looked at this often even without a wake-up

# Simulated cameras at real counties until the site simulator's catalogue names them:
# (site code, site name, camera name).
SIMULATED_SITES = (
    ("TP13028301", "迁安尾矿库", "坝顶"),
    ("TP13028301", "迁安尾矿库", "溢洪道"),
    ("HC13048101", "武安危化罐区", "罐顶"),
    ("TP13082101", "承德县尾矿库", "坝顶"),
    ("HC13102401", "香河危化储罐", "罐区"),
    ("TP13052301", "内丘尾矿库", "坝顶"),
    ("HC13012801", "深泽危化仓库", "库区"),
    ("TP13072501", "尚义尾矿库", "排洪井"),
)


def simulated_cameras(server: FootageServer, site_names: dict[str, str] | None = None) -> list[Camera]:
    cameras = []
    for number in range(1, server.cameras + 1):
        site, site_name, name = SIMULATED_SITES[(number - 1) % len(SIMULATED_SITES)]
        cameras.append(Camera(f"sim-{number}", f"{site_name} {name}", site, site[2:8],
                              server.url(number, "main"), server.url(number, "sub")))
    return cameras


class VideoService:
    """The node's cameras: its config's, the simulator's, and the backend's from the store.

    The store's cameras are re-read on a thread of the service's own ("video-cameras") when
    the store may have changed: an operator's write (`LocalStore.on_write`), a sync round
    (`SyncService.subscribe`), or every `STORE_POLL_S` as a safety net. A changed registry
    goes to the `on_registry` callbacks on that thread (the page re-emits it to the GUI).
    """

    def __init__(self, config: NodeConfig, store=None, sync=None) -> None:
        self.config = config
        self.footage: FootageServer | None = None
        self.registry = CameraRegistry([])
        self._fixed: list[Camera] = []
        self._store = store
        self._sync = sync
        self._store_cameras: StoreCameras | None = None
        self._on_stop: list[Callable[[], None]] = []
        self._on_registry = Observers("camera registry")
        self._wake = threading.Event()
        self._stopping = False
        self._watcher: threading.Thread | None = None

    def on_stop(self, callback: Callable[[], None]) -> None:
        """Run `callback` (a wall closing its players) before the service stops."""
        self._on_stop.append(callback)

    def on_registry(self, callback: Callable[[CameraRegistry], None]) -> Callable[[], None]:
        """Call `callback(registry)` (on the watcher thread) whenever the cameras change;
        returns the function that stops it."""
        return self._on_registry.subscribe(callback)

    @property
    def simulated(self) -> bool:
        video = self.config.video
        return self.config.is_demo and video.simulated_cameras > 0

    def start(self) -> "VideoService":
        self._fixed = [Camera.from_config(camera) for camera in self.config.video.cameras]
        if self.simulated:
            try:
                self.footage = FootageServer(self.config.video.simulated_cameras).launch()
                self._fixed += simulated_cameras(self.footage)
            except (FootageError, OSError) as exc:
                log.warning("simulated cameras not available: %s", exc)
                self.footage = None
        if self._store is not None:
            self._store_cameras = StoreCameras(self._store.path, self._store.node,
                                               self.config.video.camera_secrets_file)
            self._store.on_write(self.wake)
            if self._sync is not None:
                self._sync.subscribe(lambda _status: self.wake())
            self._watcher = threading.Thread(target=self._watch, name="video-cameras", daemon=True)
        self.registry = self._build()
        if self._watcher is not None:
            self._watcher.start()
        return self

    def wake(self) -> None:
        """The store may have changed: look at its cameras soon (any thread)."""
        self._wake.set()

    def refresh(self) -> bool:
        """Re-read the store's cameras if the store changed; True if the registry changed."""
        if self._store_cameras is None or not self._store_cameras.changed():
            return False
        registry = self._build()
        if registry.by_id == self.registry.by_id and registry.site_names == self.registry.site_names:
            return False
        self.registry = registry
        log.info("cameras changed in the store: %d cameras now", len(registry))
        self._on_registry.notify(registry)
        return True

    def _build(self) -> CameraRegistry:
        site_names = {site: name for site, name, _ in SIMULATED_SITES}
        cameras = list(self._fixed)
        if self._store_cameras is not None:
            taken = {camera.id for camera in cameras}
            from_store = self._store_cameras.load()
            for camera in from_store:
                if camera.id in taken:
                    log.warning("camera %s in the store has the id of a configured camera; left out", camera.id)
            cameras += [camera for camera in from_store if camera.id not in taken]
            site_names.update(self._store_cameras.site_names)
        return CameraRegistry(cameras, site_names)

    def _watch(self) -> None:
        while not self._stopping:
            self._wake.wait(STORE_POLL_S)
            self._wake.clear()
            if self._stopping:
                return
            try:
                self.refresh()
            except sqlite3.Error as exc:  # a store being migrated or closed: the next round retries
                log.warning("cameras from the store not read: %s", exc)

    def stop(self) -> None:
        from console.video.player import finish_teardowns

        for callback in reversed(self._on_stop):
            callback()
        self._on_stop.clear()
        finish_teardowns()
        self._stopping = True
        self._wake.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
            self._watcher = None
        if self._store_cameras is not None:
            self._store_cameras.close()
            self._store_cameras = None
        if self.footage is not None:
            self.footage.stop()
            self.footage = None


def popup_wanted(popup_level: str, level: AlarmLevel | int) -> bool:
    """Does an alarm of `level` open its site's camera? `popup_level` is the least severe
    level that does ("orange": red and orange alarms), or "off"."""
    if popup_level == "off":
        return False
    return int(level) <= AlarmLevel[popup_level.upper()]


def start_video_service(context) -> Callable[[], None]:
    """Service starter for `console.app.SERVICE_STARTERS`: cameras in `context.services["video"]`."""
    if not context.config.video.enabled:
        return lambda: None
    service = VideoService(context.config, context.services.get("store"), context.services.get("sync")).start()
    context.services["video"] = service
    return service.stop


class PopupTrigger:
    """Which sites' cameras to pop up for a batch of changed alarm records.

    Duck-typed on the alarm engine's records (`site`, `level`, `active`, `occurrence_id`):
    each new occurrence at the configured level or worse pops up once.
    """

    def __init__(self, popup_level: str) -> None:
        self.popup_level = popup_level
        self._seen: set[str] = set()

    def sites(self, records) -> list[str]:
        sites = []
        for record in records:
            occurrence = getattr(record, "occurrence_id", "")
            if not record.active or not occurrence or occurrence in self._seen:
                continue
            self._seen.add(occurrence)
            if popup_wanted(self.popup_level, record.level) and record.site not in sites:
                sites.append(record.site)
        return sites
