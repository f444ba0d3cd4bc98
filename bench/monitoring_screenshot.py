"""Screenshot of the monitoring page: a tailings pond during the simulator's rainstorm.

    /work/main/.venv/bin/python bench/monitoring_screenshot.py [--out docs/screenshots/monitoring_rainstorm.png]
        [--size 1920x1080] [--span 3600]

Runs the real application window offscreen with the embedded default (its own
temporary DUTY_CONSOLE_HOME): the in-process simulator's servers and the live field
acquisition. The node config scripts the incidents (`field.simulator_incidents`): a
rainstorm at one pond that began 75 minutes ago, and the pond's station off-line for
5 minutes 25 minutes ago. The hours before start-up go into the node's local history
file first, computed from the simulator's own behaviour model (same seed, same
incidents), as if the console had been running: the views backfill them from history
(BAD quality in the offline minutes: a gap) and the live field carries on. The picture
is taken once the field link is up and live values of the pond have arrived.
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

from console import paths  # noqa: E402
from console.config import FieldSection, NodeConfig  # noqa: E402
from console.trends.sqlite_history import SqliteHistoryRecorder  # noqa: E402
from domain.values import Quality, TagValue  # noqa: E402
from drivers.simulator.behaviour import Behaviour  # noqa: E402
from drivers.simulator.catalogue import build_catalogue  # noqa: E402

SITE = "TP13012101"


INCIDENTS = ["rainstorm:%s:-4500:2700:14400" % SITE, "offline:%s:-1500:1:300" % SITE]


def record_the_past(config: NodeConfig, site: str, now: float, hours: float, step: float) -> None:
    """Write the site's values of the hours before `now` into the node's history file."""
    catalogue = build_catalogue(config.field.simulator_seed)
    behaviour = Behaviour(catalogue, config.field.simulator_seed)
    for incident in config.field.simulator_incidents:
        behaviour.trigger(incident.kind, incident.site, now + incident.delay, incident.ramp, incident.hold)
    tags = catalogue.tags_of(site)
    index = np.array([behaviour.index[tag.id] for tag in tags])
    times = np.arange(now - hours * 3600, now, step)
    values = np.array([behaviour.values(t)[index] for t in times])
    quality = [Quality.BAD_COMM if site in behaviour.offline_sites(t) else Quality.GOOD for t in times]
    recorder = SqliteHistoryRecorder(paths.data_dir() / "history.sqlite")
    for column, tag in enumerate(tags):
        recorder.record([TagValue(tag.id, float(v), q, float(t), float(t))
                         for t, v, q in zip(times, values[:, column], quality)])
    recorder.flush(timeout=120)
    recorder.close()


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
    config = NodeConfig(field=FieldSection(simulator_incidents=INCIDENTS))
    now = time.time()
    record_the_past(config, SITE, now, args.hours, step=1.0)
    app, window, staged = build_window(argparse.Namespace(lang=args.lang, page=None), config, offscreen=True)
    try:
        context = window.context
        window.resize(width, height)
        window.show()
        if not run_until(lambda: not window.starting, timeout_s=60):
            print("the console's services did not start within 60 s", file=sys.stderr)
            return 1
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
        staged.stop_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
