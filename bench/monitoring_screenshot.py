"""Screenshot of the monitoring page: a tailings pond during the simulator's rainstorm.

    /work/main/.venv/bin/python bench/monitoring_screenshot.py [--out docs/screenshots/monitoring_rainstorm.png]
        [--size 1920x1080] [--span 3600]

Runs the real application window offscreen with the embedded default (its own
temporary DUTY_CONSOLE_HOME) but with the field switched off: this is a replay, so the
simulator's servers must not feed other values for the same tags. The simulator's
behaviour model (the same seed and incidents the servers use) produces the last
`--hours` of one pond's values with a rainstorm that began 75 minutes ago and a
5-minute communication failure 25 minutes ago (BAD quality: a gap); the older hours
go to the local history file only, so a long span shows the backfill.
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

from console.config import FieldSection, NodeConfig  # noqa: E402
from console.trends.series import Series  # noqa: E402
from drivers.model import Quality, TagValue  # noqa: E402
from drivers.simulator.behaviour import Behaviour  # noqa: E402

SITE = "TP13012101"


def rainstorm(context, site: str, now: float, hours: float, step: float):
    """Fill the trend store (last hour) and the history file (all) with the incident.

    Returns a function that publishes the site's values at a given time on the tag bus
    (the live feed while the screenshot waits)."""
    from drivers.simulator.catalogue import build_catalogue

    catalogue = context.services["catalogue"] = build_catalogue(context.config.field.simulator_seed)
    behaviour = Behaviour(catalogue, context.config.field.simulator_seed)
    behaviour.trigger("rainstorm", site, start=now - 75 * 60, duration=45 * 60, hold=4 * 3600)
    behaviour.trigger("offline", site, start=now - 25 * 60, duration=1, hold=5 * 60)
    tags = catalogue.tags_of(site)
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

    def publish(when: float) -> None:
        values = behaviour.values(when)[index]
        context.tag_bus.publish([TagValue(tag.id, float(v), Quality.GOOD, when, when)
                                 for tag, v in zip(tags, values)])

    return publish


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots/monitoring_rainstorm.png"))
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--span", type=float, default=3600.0)
    parser.add_argument("--hours", type=float, default=6.0)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    from console.app import build_window

    width, height = (int(x) for x in args.size.split("x"))
    config = NodeConfig(field=FieldSection(simulator=False))
    app, window, stoppers = build_window(argparse.Namespace(lang=args.lang, page=None), config, offscreen=True)
    try:
        now = time.time()
        publish = rainstorm(window.context, SITE, now, args.hours, step=5.0)
        window.resize(width, height)
        window.show()
        page = window.show_page("monitoring")
        page.tree.setCurrentItem(page.site_items[SITE])
        page.group.set_span(args.span)
        end = time.time() + 6  # a few seconds of live values, redraws and history answers
        published = now
        while time.time() < end:
            if time.time() - published >= 1:
                published = time.time()
                publish(published)
            app.processEvents()
            time.sleep(0.02)
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
