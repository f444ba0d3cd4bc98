"""Screenshots of the video page: a 3×3 wall with eight live cameras and one lost one.

Real RTSP cameras (the footage server); the ninth camera's server is killed once it is
live, so its tile shows "lost" with the reconnect countdown. Offscreen, Chinese UI.

    /work/main/.venv/bin/python tests/support/rtsp_wall_screenshot.py docs/screenshots
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("DUTY_CONSOLE_HOME", tempfile.mkdtemp(prefix="video-shot-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402

from console import i18n  # noqa: E402
from console.app import apply_theme, run_until  # noqa: E402
from console.config import NodeConfig, VideoSection  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from console.video.cameras import CameraRegistry  # noqa: E402
from console.video.footage import FootageServer  # noqa: E402
from console.video.health import TileState  # noqa: E402
from console.video.service import VideoService, simulated_cameras  # noqa: E402


def main(out_dir: Path) -> int:
    from console.main_window import MainWindow

    app = ensure_application(offscreen=True)
    i18n.set_language("zh_CN")
    config = NodeConfig(video=VideoSection(render="frames"))
    apply_theme(app, config.ui.theme)
    with FootageServer(8, main_size="640x360", sub_size="640x360") as live, \
            FootageServer(1, main_size="640x360", sub_size="640x360") as doomed:
        cameras = simulated_cameras(live)
        lost = simulated_cameras(doomed)[0]
        cameras.append(type(lost)("sim-lost", "玉田尾矿库 坝顶", "TP13022901", "130229",
                                  lost.main_url, lost.sub_url))
        service = VideoService(config)
        service.registry = CameraRegistry(cameras, {c.site: c.name.split()[0] for c in cameras})
        context = AppContext(config, operator="screenshot", services={"video": service})
        window = MainWindow(context, QSettings(), persist=False)
        page = window.show_page("video")
        page.wall.set_layout("9")
        for tile, camera in zip(page.wall.visible_tiles, cameras):
            tile.assign(camera)
        window.resize(1920, 1080)
        window.show()
        tiles = page.wall.visible_tiles
        run_until(lambda: all(t.health.state is TileState.LIVE for t in tiles), 20)
        doomed.kill()
        # Past the first 1 s retries, so the countdown is there to be seen.
        run_until(lambda: tiles[8].health.state is TileState.LOST and tiles[8].health.failures >= 4, 30)
        out_dir.mkdir(parents=True, exist_ok=True)
        for width, height in ((1920, 1080), (1366, 768)):
            window.resize(width, height)
            run_until(lambda: False, 1.0)
            path = out_dir / f"video-wall-3x3-{width}x{height}.png"
            window.grab().save(str(path))
            states = [t.health.state.value for t in tiles]
            print(f"saved {path}: {states}")
        service.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
