"""Screenshot of the monitoring page: a tailings pond during the simulator's rainstorm.

    /work/main/.venv/bin/python bench/monitoring_screenshot.py [--out docs/screenshots/monitoring_rainstorm.png]
        [--size 1920x1080] [--span 3600]

Runs the real application window offscreen with the embedded default (its own
temporary DUTY_CONSOLE_HOME): the in-process simulator's servers and the live field
acquisition. The simulator is told that a rainstorm began at one pond 75 minutes ago
and that the pond's station was off-line for 5 minutes 25 minutes ago; the hours
before start-up, which a console started now has not seen, are computed from the
simulator's own behaviour model (same seed, same incidents) into the trend store
(last hour) and the local history file (all of them, so a long span shows the
backfill). The offline minutes are BAD quality: a gap. The picture is taken once the
field link is up and live values of the pond have arrived.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DUTY_CONSOLE_HOME", tempfile.mkdtemp(prefix="duty-shot-"))

import numpy as np  # noqa: E402

from console.config import NodeConfig  # noqa: E402
from console.trends.series import Series  # noqa: E402
from drivers.model import Quality, TagValue  # noqa: E402
from drivers.simulator.behaviour import Behaviour  # noqa: E402

SITE = "TP13012101"


def rainstorm(context, site: str, now: float, hours: float, step: float) -> None:
    """Script the incidents on the running simulator and fill in the hours before now."""
    simulator = context.services["simulator"]
    simulator.trigger("rainstorm", site, delay=-75 * 60, duration=45 * 60, hold=4 * 3600)
    simulator.trigger("offline", site, delay=-25 * 60, duration=1, hold=5 * 60)
    behaviour = simulator.behaviour
    tags = context.services["catalogue"].tags_of(site)
    index = np.array([behaviour.index[tag.id] for tag in tags])
    times = np.arange(now - hours * 3600, now, step)
    values = np.array([behaviour.values(t)[index] for t in times])
    quality = np.array([int(Quality.BAD_COMM) if site in behaviour.offline_sites(t) else 0 for t in times])
    service = context.services["trends"]
    recent = times >= now - 3600
    for column, tag in enumerate(tags):
        service.store.extend(tag.id, Series.of(times[recent], values[recent, column], quality[recent]))
        service.recorder.record([TagValue(tag.id, float(v), Quality(int(q)), float(t), float(t))
                                 for t, v, q in zip(times, values[:, column], quality)])
    service.recorder.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots/monitoring_rainstorm.png"))
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--span", type=float, default=3600.0)
    parser.add_argument("--hours", type=float, default=6.0)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    from console.app import build_window, run_until
    from console.link_state import LinkState

    width, height = (int(x) for x in args.size.split("x"))
    app, window, stoppers = build_window(argparse.Namespace(lang=args.lang, page=None), NodeConfig(),
                                         offscreen=True)
    try:
        context = window.context
        now = time.time()
        rainstorm(context, SITE, now, args.hours, step=5.0)
        window.resize(width, height)
        window.show()
        page = window.show_page("monitoring")
        page.tree.setCurrentItem(page.site_items[SITE])
        page.group.set_span(args.span)
        store = context.services["trends"].store
        tags = [tag.id for tag in context.services["catalogue"].tags_of(SITE)]

        def live() -> bool:
            return (context.links.state("field")[0] is LinkState.UP
                    and all((store.latest(tag) or (0.0,))[0] >= now for tag in tags))

        if not run_until(live, timeout_s=120):
            print("field values of the pond did not arrive within 120 s; screenshot not written",
                  file=sys.stderr)
            return 1
        run_until(lambda: False, timeout_s=1.0)  # redraws and history answers
        view = page.group.views[0]
        view.show_readout(now - 35 * 60)
        app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out), "PNG")
        print(f"saved {args.out} ({width}x{height})")
    finally:
        for stop in reversed(stoppers):
            stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
