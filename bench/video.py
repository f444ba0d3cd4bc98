"""Video wall benchmark: 4, 9 and 16 tiles of 640×360 at 25 fps from a real RTSP server.

Prints per wall size: CPU of the console process and of its ffmpeg relays (% of one core,
from their CPU time, so other load on the machine does not inflate it; the 1-minute load
average is printed next to it),
RSS, time to first frame, displayed frames per second per tile (painted by Qt in frame-callback
mode, shown by libvlc in embedded mode), and the time to
get every tile live again after the RTSP server is killed and restarted. Goal: 16 tiles at
>= 20 fps each within one core; the last lines give the ratios to it. The footage server encodes 4 cameras; tiles share them
(each tile still has its own connection, relay and decoder), so its CPU stays out of the way.

    /work/main/.venv/bin/python bench/video.py [--quick]
    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \
        /work/main/.venv/bin/python bench/video.py --render embedded
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from console.config import VideoSection  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from console.video.cameras import CameraRegistry  # noqa: E402
from console.video.footage import FootageServer  # noqa: E402
from console.video.health import TileState  # noqa: E402
from console.video.service import simulated_cameras  # noqa: E402
from widgets.video_wall import VideoWall  # noqa: E402

LAYOUT = {4: "4", 9: "9", 16: "16"}
GOAL_FPS = 20


def spin(app, seconds: float, until=None) -> float:
    """Run the Qt event loop for up to `seconds` (stops early once `until()` holds), the way
    the application's own event loop runs; returns the time taken."""
    start = time.monotonic()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    poll = QTimer()
    if until is not None:
        poll.timeout.connect(lambda: until() and loop.quit())
        poll.start(50)
    loop.exec()
    poll.stop()
    return time.monotonic() - start


def relays(process: psutil.Process) -> list[psutil.Process]:
    found = []
    for child in process.children():
        try:
            if child.name() == "ffmpeg":
                found.append(child)
        except psutil.NoSuchProcess:
            pass
    return found


def cpu_snapshot(me: psutil.Process) -> tuple[float, float, dict[int, float]]:
    """CPU seconds of this process, of its reaped children, and of each running relay."""
    times = me.cpu_times()
    running = {}
    for relay in relays(me):
        try:
            relay_times = relay.cpu_times()
            running[relay.pid] = relay_times.user + relay_times.system
        except psutil.NoSuchProcess:
            pass
    return times.user + times.system, times.children_user + times.children_system, running


def _uss(process: psutil.Process) -> int:
    try:
        return process.memory_full_info().uss
    except psutil.NoSuchProcess:
        return 0


def shown_frames(tile) -> tuple[int | None, int]:
    """(connection id, frames that reached the screen: painted by us, or shown by libvlc)."""
    connection = tile.connection
    if connection is None:
        return None, 0
    return connection.id, connection.displayed_frames() if tile.wall.embedded else tile.surface.painted_frames


def frame_rate(before: tuple[int | None, int], after: tuple[int | None, int], elapsed: float) -> float:
    """Frames per second between two `shown_frames` readings; libvlc's count restarts with a
    new connection, so a tile that reconnected in the window counts its new connection only."""
    (was, frames_before), (now, frames_after) = before, after
    if was != now and frames_after < frames_before:
        frames_before = 0
    return max(0, frames_after - frames_before) / elapsed


def measure(app, server: FootageServer, tiles: int, window_s: float, render: str) -> dict:
    wall = VideoWall(VideoSection(render=render), CameraRegistry(simulated_cameras(server)))
    wall.resize(1920, 1080)
    wall.show()
    wall.set_layout(LAYOUT[tiles])
    for tile in wall.visible_tiles:
        wall.assign(tile.index, f"sim-{tile.index % server.cameras + 1}")
    shown = wall.visible_tiles
    spin(app, 15, lambda: all(t.health.state is TileState.LIVE for t in shown))
    first = [t.health.first_frame_at - t.health.connected_at for t in shown if t.health.first_frame_at]
    spin(app, 2)
    me = psutil.Process()
    before_self, before_reaped, before_relays = cpu_snapshot(me)
    painted = [shown_frames(t) for t in shown]
    losses = sum(t.health.losses for t in shown)
    elapsed = spin(app, window_s)
    fps = [frame_rate(p, shown_frames(t), elapsed) for t, p in zip(shown, painted)]
    after_self, after_reaped, after_relays = cpu_snapshot(me)
    cpu = 100 * (after_self - before_self) / elapsed
    # Relays that ended in the window (a tile reconnected) count through the reaped-children times.
    relay_s = (after_reaped - before_reaped) + sum(t - before_relays.get(pid, 0.0) for pid, t in after_relays.items())
    relay_cpu = 100 * relay_s / elapsed
    rss = me.memory_info().rss / 2**20
    # Unique memory of the relays: their shared libraries are counted once, in no one.
    relay_rss = sum(_uss(h) for h in relays(me)) / 2**20
    losses = sum(t.health.losses for t in shown) - losses
    load = os.getloadavg()[0]
    server.kill()
    spin(app, 15, lambda: all(t.health.state is TileState.LOST for t in shown))
    server.restart()
    restarted = time.monotonic()
    spin(app, 40, lambda: all(t.health.state is TileState.LIVE for t in shown))
    reconnect = time.monotonic() - restarted
    wall.shutdown()
    wall.deleteLater()
    spin(app, 1)
    return dict(tiles=tiles, live=len(first), cpu=cpu, relay_cpu=relay_cpu, rss=rss, relay_rss=relay_rss,
                first_median=statistics.median(first) if first else float("nan"),
                first_max=max(first) if first else float("nan"),
                fps_min=min(fps), fps_median=statistics.median(fps), reconnect=reconnect, losses=losses, load=load)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 tiles only, 5 s window")
    parser.add_argument("--render", choices=("frames", "embedded"), default="frames",
                        help="frames: decoded frames painted by Qt (offscreen); embedded: libvlc draws "
                             "into native windows (needs a display, e.g. xvfb-run with QT_QPA_PLATFORM=xcb)")
    args = parser.parse_args()
    if args.render == "embedded" and os.environ["QT_QPA_PLATFORM"] == "offscreen":
        parser.error("--render embedded needs a display: xvfb-run -a env QT_QPA_PLATFORM=xcb …")
    app = ensure_application(offscreen=args.render == "frames")
    print(f"render mode: {args.render}; RSS of the bare process: {psutil.Process().memory_info().rss / 2**20:.0f} MB")
    sizes, window = ((4,), 5.0) if args.quick else ((4, 9, 16), 10.0)
    print(f"{'tiles':>5} {'live':>4} {'CPU %':>6} {'relays %':>8} {'RSS MB':>7} {'relays USS MB':>13} "
          f"{'1st frame s (med/max)':>21} {'fps/tile (min/med)':>18} {'reconnect s':>11} {'losses':>6} {'load 1m':>7}")
    results = []
    with FootageServer(4, main_size="640x360", sub_size="640x360", fps=25) as server:
        for tiles in sizes:
            r = measure(app, server, tiles, window, args.render)
            results.append(r)
            print(f"{r['tiles']:>5} {r['live']:>4} {r['cpu']:>6.0f} {r['relay_cpu']:>8.0f} {r['rss']:>7.0f} "
                  f"{r['relay_rss']:>13.0f} {r['first_median']:>10.2f} / {r['first_max']:<8.2f} "
                  f"{r['fps_min']:>8.1f} / {r['fps_median']:<7.1f} {r['reconnect']:>11.2f} {r['losses']:>6} "
                  f"{r['load']:>7.2f}", flush=True)
    print(f"goal: 16 tiles >= {GOAL_FPS} fps each within one core (CPU % <= 100, console process + relays); "
          f"{os.cpu_count()} cores")
    for r in results:
        total = r["cpu"] + r["relay_cpu"]
        print(f"{r['tiles']:>2} tiles: min fps/tile {r['fps_min']:.1f} = {r['fps_min'] / GOAL_FPS:.2f} x the goal; "
              f"CPU {total:.0f} % = {total / 100:.2f} of the one-core budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
