"""The video service of a node: its camera registry, and in the embedded default the
simulator's RTSP cameras from generated footage. Qt-free.

The application starts one at start-up and puts it in `AppContext.services["video"]`, so the
wall and the alarm pop-up share it; a page opened without one starts its own.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from console.config import NodeConfig
from drivers.model import AlarmLevel
from console.video.cameras import Camera, CameraRegistry
from console.video.footage import FootageError, FootageServer

log = logging.getLogger(__name__)

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
    def __init__(self, config: NodeConfig) -> None:
        self.config = config
        self.footage: FootageServer | None = None
        self.registry = CameraRegistry([])
        self._on_stop: list[Callable[[], None]] = []

    def on_stop(self, callback: Callable[[], None]) -> None:
        """Run `callback` (a wall closing its players) before the service stops."""
        self._on_stop.append(callback)

    @property
    def simulated(self) -> bool:
        video = self.config.video
        return self.config.is_embedded_default and self.config.field.simulator and video.simulated_cameras > 0

    def start(self) -> "VideoService":
        cameras = [Camera.from_config(camera) for camera in self.config.video.cameras]
        site_names = {site: name for site, name, _ in SIMULATED_SITES}
        if self.simulated:
            try:
                self.footage = FootageServer(self.config.video.simulated_cameras).launch()
                cameras += simulated_cameras(self.footage)
            except (FootageError, OSError) as exc:
                log.warning("simulated cameras not available: %s", exc)
                self.footage = None
        self.registry = CameraRegistry(cameras, site_names)
        return self

    def stop(self) -> None:
        from console.video.player import finish_teardowns

        for callback in reversed(self._on_stop):
            callback()
        self._on_stop.clear()
        finish_teardowns()
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
    service = VideoService(context.config).start()
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
