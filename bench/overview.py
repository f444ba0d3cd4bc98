"""Overview page under load: 280 sites × 20 tags updating every second.

The realistic configuration of a duty-room console: the simulator catalogue's 5,600 tags
arrive through the acquisition bridge in five batches a second (acquisition publishes
every 200 ms), with rolling rainstorms, tank leaks and off-line sites so markers change
colour and blink; the tag bus feeds, on the GUI thread, the real alarm service (engine,
journal on its writer thread, 500 ms tick), the trend service (ring store + SQLite history
recorder) and the page. The operator moves around every 5 s: province with the site list,
a site card (its small trend from the trend store), a city drill-down.

A 10 ms probe timer measures how late the event loop serves it: that lateness is the
stall an operator feels. Prints stall p50/p99 and its ratio to the 50 ms goal, the
GUI thread's CPU per second, and the page refresh cost.

    .venv/bin/python bench/overview.py [--quick] [--seconds N] [--no-engine]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DUTY_CONSOLE_HOME", tempfile.mkdtemp(prefix="overview-bench-"))  # journal, history

from PySide6.QtCore import QElapsedTimer, QMetaObject, QObject, Qt, QThread, QTimer, Slot  # noqa: E402

from console.services.acquisition_bridge import AcquisitionBridge  # noqa: E402
from console.config import NodeConfig  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from domain.values import Quality, TagValue  # noqa: E402
from drivers.simulator.behaviour import Behaviour  # noqa: E402
from drivers.simulator.catalogue import DEFAULT_SEED, build_catalogue  # noqa: E402
from domain.tags import SiteKind  # noqa: E402

GOAL_P99_MS = 50.0
SCENE_S = 5.0  # the operator's view changes this often
BATCHES_PER_S = 5  # acquisition's publish_interval_ms = 200
PROBE_MS = 10


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


class Feeder(QObject):
    """Acquisition stand-in on its own thread: the simulator's values
    (`drivers.simulator.behaviour`), a quarter of the tags per batch, handed to `sink`
    (the real `AcquisitionBridge`, which queues them to the GUI thread). A rolling set of
    rainstorms, tank leaks and off-line sites keeps alarms raising and clearing."""

    def __init__(self, catalogue, rng, sink):
        super().__init__()
        self.sink = sink
        self.rng = rng
        self.behaviour = Behaviour(catalogue, DEFAULT_SEED)
        self.tags = self.behaviour.tags
        self.ponds = [c for c, s in catalogue.sites.items() if s.kind is SiteKind.TAILINGS_POND]
        self.tanks = [c for c, s in catalogue.sites.items() if s.kind is SiteKind.HAZCHEM_SOURCE]
        self.slice = 0
        self.values = None

    def feed(self) -> None:
        now = time.time()
        if self.slice == 0:
            for site in self.rng.sample(self.ponds, 3):
                self.behaviour.trigger("rainstorm", site, now, duration=5, hold=20)
            self.behaviour.trigger("leak", self.rng.choice(self.tanks), now, duration=3, hold=15)
            self.behaviour.trigger("offline", self.rng.choice(self.ponds), now, duration=0, hold=20)
            self.values = self.behaviour.values(now)
            self.offline = self.behaviour.offline_sites(now)
        size = len(self.tags) // BATCHES_PER_S
        start = self.slice * size
        stop = len(self.tags) if self.slice == BATCHES_PER_S - 1 else start + size
        self.slice = (self.slice + 1) % BATCHES_PER_S
        batch = [
            TagValue(tag.id, float(self.values[i]), Quality.GOOD, now, now)
            for i, tag in enumerate(self.tags[start:stop], start)
            if tag.site not in self.offline
        ]
        self.sink(batch)

    @Slot()
    def start(self) -> None:
        self.timer = QTimer(self, interval=1000 // BATCHES_PER_S, timeout=self.feed)
        self.timer.start()

    @Slot()
    def stop(self) -> None:
        self.timer.stop()
        self.timer.deleteLater()


def _timed(samples: list[float], function):
    """`function` wrapped to append its GUI-thread CPU time (ms) to `samples`."""
    def timed(*args, **kwargs):
        t0 = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            samples.append((time.thread_time() - t0) * 1000)
    return timed


def run(seconds: float, with_engine: bool) -> dict:
    app = ensure_application(offscreen=True)
    from console.alarms import AlarmEngine
    from console.pages.overview import OverviewPage
    from console.trends.service import start_trends

    catalogue = build_catalogue(DEFAULT_SEED)
    context = AppContext(config=NodeConfig())
    context.services["catalogue"] = catalogue
    stops = [start_trends(context).close]
    engine_ms: list[float] = []
    if with_engine:
        from console.services.alarm_runtime import start_alarm_service

        AlarmEngine.evaluate = _timed(engine_ms, AlarmEngine.evaluate)
        stops.append(start_alarm_service(context))
    publish_ms: list[float] = []
    context.tag_bus.publish = _timed(publish_ms, context.tag_bus.publish)
    feeder = Feeder(catalogue, random.Random(7), context.tag_bus.publish)
    for _ in range(BATCHES_PER_S):  # a first second of values before the page opens
        feeder.feed()
    bridge = AcquisitionBridge(context)
    feeder.sink = bridge.sink
    thread = QThread()
    feeder.moveToThread(thread)
    thread.started.connect(feeder.start)
    thread.start()
    page = OverviewPage(context)
    page.resize(1920, 1080)
    page.show()
    refresh_ms: list[float] = []
    refresh_wall_ms: list[float] = []
    original = page.refresh_now

    def timed_refresh(now=None, **kwargs):
        t0, w0 = time.thread_time(), time.perf_counter()
        out = original(now, **kwargs)
        refresh_ms.append((time.thread_time() - t0) * 1000)
        refresh_wall_ms.append((time.perf_counter() - w0) * 1000)
        return out

    page.refresh_now = timed_refresh
    site = next(iter(catalogue.sites))
    scenes = [lambda: page.drill_to(page.node_code), lambda: page.open_site(site), lambda: page.drill_to("130800")]
    scene_timer = QTimer(interval=int(SCENE_S * 1000))
    scene_timer.timeout.connect(lambda: scenes[int(clock.elapsed() / 1000 / SCENE_S) % len(scenes)]())
    scene_timer.start()
    stalls: list[float] = []
    busy: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed(), time.thread_time()]
    steady = [None]  # (wall ms, GUI-thread CPU s) when steady state began

    def probe():
        now_ms, cpu = clock.elapsed(), time.thread_time()
        if now_ms > 1500:  # the first paint and start-up are not steady state
            if steady[0] is None:
                steady[0] = (now_ms, cpu)
            stalls.append(max(0.0, now_ms - last[0] - PROBE_MS))
            busy.append((cpu - last[1]) * 1000)
        last[0], last[1] = now_ms, cpu

    probe_timer = QTimer(interval=PROBE_MS, timeout=probe)
    probe_timer.setTimerType(probe_timer.timerType().PreciseTimer)
    probe_timer.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    load_before = os.getloadavg()[0]
    app.exec()
    gui_cpu_s = time.thread_time() - steady[0][1]
    gui_wall_s = (clock.elapsed() - steady[0][0]) / 1000
    probe_timer.stop()
    scene_timer.stop()
    QMetaObject.invokeMethod(feeder, "stop", Qt.ConnectionType.BlockingQueuedConnection)
    thread.quit()
    thread.wait()
    statuses = page.model.statuses().values()
    page.close()
    for stop in reversed(stops):
        stop()
    return {
        "stalls": stalls,
        "busy": busy,
        "engine_ms": engine_ms,
        "publish_ms": publish_ms,
        "refresh_ms": refresh_ms,
        "refresh_wall_ms": refresh_wall_ms,
        "gui_cpu_ms_per_s": 1000 * gui_cpu_s / gui_wall_s,
        "load": (load_before, os.getloadavg()[0]),
        "alarmed": sum(1 for s in statuses if s.worst_level is not None),
        "values_per_s": len(catalogue.tags),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="8 s instead of 30 s")
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--no-engine", action="store_true", help="without the alarm service")
    args = parser.parse_args(argv)
    seconds = args.seconds or (8.0 if args.quick else 30.0)
    result = run(seconds, with_engine=not args.no_engine)
    stalls = result["stalls"]
    p99 = percentile(stalls, 0.99)
    print(f"overview bench: 280 sites, {result['values_per_s']} values/s in {BATCHES_PER_S} batches/s, {seconds:.0f} s, "
          f"alarm service {'off' if args.no_engine else 'on'}, trend service on, 1920x1080 offscreen, "
          f"view changes every {SCENE_S:.0f} s (province list / site card / city)")
    print(f"  load average {result['load'][0]:.1f} before, {result['load'][1]:.1f} after, on {os.cpu_count()} cores")
    print(f"  event-loop stall (10 ms probe lateness): p50 {percentile(stalls, 0.5):.1f} ms  p99 {p99:.1f} ms  "
          f"max {max(stalls):.1f} ms;  p99 / goal {GOAL_P99_MS:.0f} ms = {p99 / GOAL_P99_MS:.2f}")
    busy = result["busy"]
    print(f"  GUI-thread CPU: {result['gui_cpu_ms_per_s']:.0f} ms per second "
          f"({result['gui_cpu_ms_per_s'] / 10:.1f} % of a core); between probes p50 {percentile(busy, 0.5):.1f} ms  "
          f"p99 {percentile(busy, 0.99):.1f} ms  max {max(busy):.1f} ms")
    refresh, wall = result["refresh_ms"], result["refresh_wall_ms"]
    print(f"  page refresh (status + changed markers/badges/side), n={len(refresh)}: GUI-thread CPU "
          f"p50 {statistics.median(refresh):.1f} ms  p99 {percentile(refresh, 0.99):.1f} ms;  "
          f"wall p50 {statistics.median(wall):.1f} ms  p99 {percentile(wall, 0.99):.1f} ms")
    publish = result["publish_ms"]
    print(f"  tag bus fan-out per batch (alarm engine, trend store, history recorder, page; GUI-thread CPU): "
          f"p50 {percentile(publish, 0.5):.1f} ms  p99 {percentile(publish, 0.99):.1f} ms")
    if result["engine_ms"]:
        engine = result["engine_ms"]
        print(f"  of which alarm engine evaluate: p50 {percentile(engine, 0.5):.1f} ms  "
              f"p99 {percentile(engine, 0.99):.1f} ms")
    print(f"  sites in alarm at the end: {result['alarmed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
