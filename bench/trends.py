"""Trend redraw benchmark: 16 views x 8 pens x 86,400 points while 5,600 tags ingest at 1 Hz.

    /work/main/.venv/bin/python bench/trends.py [--quick] [--seconds 20]
        [--pydm-python /work/pydm-venv/bin/python]

Three implementations of the same workload, each in its own offscreen process (so
RSS is its own): 16 plots in a 4 x 4 grid of a 1920 x 1080 window, 8 curves each,
every curve prefilled with 24 h of 1 s samples (86,400 points, a 24 h span shown);
5,600 tag values arrive every second (4 batches of 1,400 through a `TagBus`), and
every plot is asked for 10 redraws per second.

- `ours`: `widgets.trend_view.TrendView` on a `TrendStore` (all 5,600 tags) with the
  SQLite history recorder writing every value, legends hidden (PyDM shows none);
- `naive`: plain pyqtgraph, each new sample rolled into a numpy buffer and the whole
  86,400-point buffer handed to `setData`, plus a 10 Hz timer sliding the x range;
- `pydm`: PyDM 1.29 `PyDMTimePlot` (update mode AtFixedRate, 0.1 s), fed through
  `receiveNewValue`; run with another interpreter (PyDM is not a product dependency:
  give a venv with pydm and PySide6 6.11.3; QT_API=pyside6). Skipped, and said so,
  if that interpreter is missing.

Printed per implementation: redraws/s per plot (paint events of each plot's
viewport, mean over the 16), GUI stall p50/p99/max (a 10 ms precise timer measuring
how late it fires), RSS, CPU share, CPU milliseconds per plot redraw and what that
gives on one whole core (the figure that does not depend on what else the machine
runs); then the ratios ours : others. The machine's load average is printed too:
on a shared machine the wall-clock figures follow it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VIEWS, PENS, POINTS, TAGS, BATCHES_PER_S, REDRAW_HZ = 16, 8, 86_400, 5_600, 4, 10
DEFAULT_PYDM_PYTHON = "/work/pydm-venv/bin/python"


# ---- shared by every implementation (runs in the child process) -------------------------
class Probe:
    """Counts viewport paints and measures event-loop lateness."""

    def __init__(self, viewports):
        from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer

        class PaintCounter(QObject):
            def __init__(self):
                super().__init__()
                self.count = 0

            def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.counters = []
        for viewport in viewports:
            counter = PaintCounter()
            viewport.installEventFilter(counter)
            self.counters.append(counter)
        self.lateness: list[float] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.recording = False

    def _beat(self):
        now = self._clock.nsecsElapsed() / 1e6
        if self._last is not None and self.recording:
            self.lateness.append(max(0.0, now - self._last - 10.0))
        self._last = now

    def start(self):
        for counter in self.counters:
            counter.count = 0
        self.lateness.clear()
        self.recording = True
        self.started = time.monotonic()
        self.timer.start()

    def result(self, cpu_s: float) -> dict:
        """Rates over the real measured interval (the quit timer may fire late)."""
        import numpy as np
        import psutil

        seconds = time.monotonic() - self.started
        lateness = np.array(self.lateness or [0.0])
        paints = np.array([c.count for c in self.counters], float)
        return {
            "cpu_ms_per_plot_redraw": cpu_s * 1000 / max(paints.sum(), 1.0),
            "redraws_per_s_per_plot": float(paints.mean() / seconds),
            "redraws_per_s_min_plot": float(paints.min() / seconds),
            "stall_p50_ms": float(np.percentile(lateness, 50)),
            "stall_p99_ms": float(np.percentile(lateness, 99)),
            "stall_max_ms": float(lateness.max()),
            "rss_mb": psutil.Process().memory_info().rss / 2**20,
            "cpu_share": cpu_s / seconds,
        }


def make_window():
    from PySide6.QtWidgets import QGridLayout, QWidget

    window = QWidget()
    grid = QGridLayout(window)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(2)
    window.resize(1920, 1080)
    return window, grid


def tag_names():
    return [f"S{i // 20:03d}.t{i % 20:02d}" for i in range(TAGS)]


def shown_tags():
    """The 128 tags on screen: 8 of every 35th site's... spread over the network."""
    names = tag_names()
    return [names[(v * 350 + p * 3) % TAGS] for v in range(VIEWS) for p in range(PENS)]


def prefill(now: float, seed: int):
    import numpy as np

    t = now - POINTS + np.arange(POINTS, dtype=float)
    rng = np.random.default_rng(seed)
    v = 10 + np.cumsum(rng.normal(0, 0.05, POINTS)) + 2 * np.sin(np.arange(POINTS) / 3_000 + seed)
    return t, v


def run_ingest(app, bus, seconds: float, probe, warmup: float):
    """Publish 5,600 values per second in batches until `seconds` of measurement are done."""
    import numpy as np
    from PySide6.QtCore import QEventLoop, QTimer

    from domain.values import Quality, TagValue

    deadline = time.monotonic() + 120  # start the clock once every plot has painted
    while any(c.count == 0 for c in probe.counters) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    names = tag_names()
    per_batch = TAGS // BATCHES_PER_S
    rng = np.random.default_rng(1)
    state = {"batch": 0}

    def publish():
        now = time.time()
        start = (state["batch"] % BATCHES_PER_S) * per_batch
        values = 10 + rng.normal(0, 1, per_batch)
        bus.publish([TagValue(names[start + i], float(values[i]), Quality.GOOD, now, now)
                     for i in range(per_batch)])
        state["batch"] += 1

    feeder = QTimer()
    feeder.setInterval(1000 // BATCHES_PER_S)
    feeder.timeout.connect(publish)
    feeder.start()
    loop = QEventLoop()
    QTimer.singleShot(int(warmup * 1000), probe.start)
    QTimer.singleShot(int((warmup + seconds) * 1000), loop.quit)
    import psutil

    process = psutil.Process()
    cpu0 = [None]
    QTimer.singleShot(int(warmup * 1000), lambda: cpu0.__setitem__(0, sum(process.cpu_times()[:2])))
    loop.exec()
    feeder.stop()
    probe.timer.stop()
    cpu = sum(process.cpu_times()[:2]) - cpu0[0]
    return probe.result(cpu)


# ---- the three implementations -----------------------------------------------------------
def bench_ours(seconds: float, warmup: float) -> dict:
    from console.qt_runtime import ensure_application
    from console.tag_bus import TagBus
    from console.trends.series import Series
    from console.trends.sqlite_history import SqliteHistoryRecorder
    from console.trends.store import TrendStore
    from domain.tags import TagSpec
    from widgets.trend_view import RedrawScheduler, TrendView

    app = ensure_application(offscreen=True)
    bus, store = TagBus(), TrendStore()
    store.attach(bus)
    recorder = SqliteHistoryRecorder(Path(tempfile.mkdtemp(prefix="trend-bench-")) / "history.sqlite")
    recorder.attach(bus)
    now = time.time()
    import numpy as np

    hour = np.arange(now - 3_600.0, now - 1.0)
    level = np.full(len(hour), 10.0)
    for name in tag_names():  # every tag starts with its live hour, as after an hour of running
        store.extend(name, Series.of(hour, level))
    scheduler = RedrawScheduler(interval_ms=1000 // REDRAW_HZ)
    scheduler.force = True
    window, grid = make_window()
    views = []
    shown = shown_tags()
    for v in range(VIEWS):
        specs = [TagSpec(id=shown[v * PENS + p], site="S", quantity="q", name=f"pen {p}", unit="m",
                         span_lo=0, span_hi=20) for p in range(PENS)]
        view = TrendView(store, specs, scheduler, span_s=86_400.0, show_legend=False)
        views.append(view)
        grid.addWidget(view, v // 4, v % 4)
    for index, name in enumerate(shown):
        t, values = prefill(now - 1.0, index)
        store.extend(name, Series.of(t, values))
    window.show()
    app.processEvents()
    probe = Probe([view.plot.viewport() for view in views])
    result = run_ingest(app, bus, seconds, probe, warmup)
    result["store_mb"] = store.nbytes / 2**20
    recorder.close()
    return result


def bench_naive(seconds: float, warmup: float) -> dict:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QTimer

    from console.qt_runtime import ensure_application
    from console.tag_bus import TagBus

    app = ensure_application(offscreen=True)
    bus = TagBus()
    window, grid = make_window()
    now = time.time()
    plots, buffers = [], {}
    shown = shown_tags()
    for v in range(VIEWS):
        plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        grid.addWidget(plot, v // 4, v % 4)
        plots.append(plot)
        for p in range(PENS):
            name = shown[v * PENS + p]
            t, values = prefill(now - 1.0, v * PENS + p)
            curve = plot.plot(t, values, pen=pg.intColor(p))
            buffers[name] = (t, values, curve)

    def on_batch(batch):
        for value in batch:
            entry = buffers.get(value.tag)
            if entry is None:
                continue
            t, values, curve = entry
            t = np.roll(t, -1)
            values = np.roll(values, -1)
            t[-1], values[-1] = value.source_ts, value.value
            buffers[value.tag] = (t, values, curve)
            curve.setData(t, values)

    bus.subscribe(on_batch)

    def slide():
        now = time.time()
        for plot in plots:
            plot.setXRange(now - 86_400, now, padding=0)

    slider = QTimer()
    slider.setInterval(1000 // REDRAW_HZ)
    slider.timeout.connect(slide)
    slider.start()
    window.show()
    app.processEvents()
    probe = Probe([plot.viewport() for plot in plots])
    return run_ingest(app, bus, seconds, probe, warmup)


def bench_pydm(seconds: float, warmup: float) -> dict:
    os.environ.setdefault("QT_API", "pyside6")
    import numpy as np
    from pydm.widgets.timeplot import PyDMTimePlot
    from qtpy.QtWidgets import QApplication

    from console.tag_bus import TagBus

    app = QApplication.instance() or QApplication(["bench"])
    bus = TagBus()
    window, grid = make_window()
    now = time.time()
    plots, curves = [], {}
    shown = shown_tags()
    for v in range(VIEWS):
        plot = PyDMTimePlot(plot_by_timestamps=True)
        plot.setBufferSize(POINTS)
        plot.setTimeSpan(86_400.0)
        plot.setUpdatesAsynchronously(True)
        plot.setUpdateInterval(1.0 / REDRAW_HZ)
        grid.addWidget(plot, v // 4, v % 4)
        plots.append(plot)
        for p in range(PENS):
            name = shown[v * PENS + p]
            plot.addYChannel(y_channel=None, name=name, color=f"#{(p * 37) % 256:02x}c0{(p * 91) % 256:02x}")
            curve = plot.curveAtIndex(p)
            t, values = prefill(now - 1.0, v * PENS + p)
            curve.setBufferSize(POINTS)
            curve.data_buffer = np.vstack((t, values)).astype(float)
            curve.points_accumulated = POINTS
            curve.latest_value = float(values[-1])
            curves[name] = curve

    def on_batch(batch):
        for value in batch:
            curve = curves.get(value.tag)
            if curve is not None:
                curve.receiveNewValue(value.value)

    bus.subscribe(on_batch)
    window.show()
    app.processEvents()
    probe = Probe([plot.viewport() for plot in plots])
    return run_ingest(app, bus, seconds, probe, warmup)


IMPLEMENTATIONS = {"ours": bench_ours, "naive": bench_naive, "pydm": bench_pydm}


# ---- the parent: run each in its own process, print the table ------------------------------
def run_child(python: str, mode: str, seconds: float, warmup: float) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_API="pyside6")
    cmd = [python, str(Path(__file__).resolve()), "--child", mode, "--seconds", str(seconds),
           "--warmup", str(warmup), "--hz", str(REDRAW_HZ)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {proc.returncode}: {tail}"}
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="6 s per implementation instead of 20")
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--pydm-python", default=os.environ.get("PYDM_PYTHON", DEFAULT_PYDM_PYTHON))
    parser.add_argument("--only", choices=tuple(IMPLEMENTATIONS), action="append")
    parser.add_argument("--hz", type=int, default=10, help="redraws per second asked of every plot")
    parser.add_argument("--child", choices=tuple(IMPLEMENTATIONS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    seconds = args.seconds or (6.0 if args.quick else 20.0)
    globals()["REDRAW_HZ"] = args.hz  # read by the implementations and the summary
    if args.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        print(json.dumps(IMPLEMENTATIONS[args.child](seconds, args.warmup)), flush=True)
        os._exit(0)  # PyDM's data plugins leave threads that abort an orderly Qt teardown

    print(f"workload: {VIEWS} views x {PENS} pens x {POINTS:,} points, {TAGS:,} tags at 1 Hz "
          f"({BATCHES_PER_S} batches/s), {REDRAW_HZ} redraws/s asked, {seconds:.0f} s measured "
          f"after {args.warmup:.0f} s warm-up, offscreen 1920x1080, {os.cpu_count()} CPUs")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          "(other processes on this machine take CPU from the figures below)")
    results = {}
    for mode in args.only or IMPLEMENTATIONS:
        python = sys.executable
        if mode == "pydm":
            if not Path(args.pydm_python).exists():
                results[mode] = {"error": f"no PyDM interpreter at {args.pydm_python} (--pydm-python)"}
                continue
            python = args.pydm_python
        results[mode] = run_child(python, mode, seconds, args.warmup)

    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    header = f"{'impl':<6} {'redraws/s/plot':>14} {'min plot':>9} {'stall p50':>10} {'p99':>8} {'max':>8} " \
             f"{'RSS MB':>8} {'CPU':>6} {'CPU ms/redraw':>14} {'1-core capacity':>16}"
    print(header)
    for mode, r in results.items():
        if "error" in r:
            print(f"{mode:<6} could not run: {r['error']}")
            continue
        print(f"{mode:<6} {r['redraws_per_s_per_plot']:>14.1f} {r['redraws_per_s_min_plot']:>9.1f} "
              f"{r['stall_p50_ms']:>8.1f}ms {r['stall_p99_ms']:>6.1f}ms {r['stall_max_ms']:>6.0f}ms "
              f"{r['rss_mb']:>8.0f} {r['cpu_share'] * 100:>5.0f}% {r['cpu_ms_per_plot_redraw']:>14.2f} "
              f"{1000 / r['cpu_ms_per_plot_redraw'] / VIEWS:>10.1f} /s/plot")
    ours = results.get("ours", {})
    if "error" not in ours and ours:
        goal = ours["redraws_per_s_per_plot"] >= 10 and ours["stall_p99_ms"] < 50
        print(f"goals (>= 10 redraws/s per plot, stall p99 < 50 ms): {'met' if goal else 'NOT met'}"
              f" ({REDRAW_HZ} asked: the scheduler never redraws faster than asked)")
        for mode in ("naive", "pydm"):
            other = results.get(mode, {})
            if "error" in other or not other:
                continue
            redraw = ours["redraws_per_s_per_plot"] / max(other["redraws_per_s_per_plot"], 1e-9)
            stall = other["stall_p99_ms"] / max(ours["stall_p99_ms"], 1e-3)
            cost = other["cpu_ms_per_plot_redraw"] / ours["cpu_ms_per_plot_redraw"]
            print(f"ours vs {mode}: redraw rate {redraw:.1f}x, stall p99 {stall:.1f}x lower, "
                  f"CPU per redraw {cost:.1f}x lower, RSS {ours['rss_mb'] / other['rss_mb']:.2f}x (ours / {mode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
