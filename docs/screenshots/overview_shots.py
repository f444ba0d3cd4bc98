"""Render the overview screenshots in this folder (offscreen, real engine, simulator).

The province is in the simulator's incidents: rainstorms over tailings ponds in Chengde
and Tangshan, tank leaks in Cangzhou, two sites off-line. Values are played through the
tag bus, the real alarm engine and the trend store over the last 15 minutes (every 2 s in
the last 5, which the site card's small trend shows), so alarms have ages, some are
acknowledged and the oldest red ones have escalated.

    /work/main/.venv/bin/python docs/screenshots/overview_shots.py
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console import i18n  # noqa: E402
from console.alarms import AlarmEngine  # noqa: E402
from console.config import NodeConfig  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from console.trends.service import TrendService  # noqa: E402
from console.trends.store import TrendStore  # noqa: E402
from domain.values import Quality, TagValue  # noqa: E402
from drivers.simulator.behaviour import Behaviour  # noqa: E402
from drivers.simulator.catalogue import DEFAULT_SEED, build_catalogue  # noqa: E402
from domain.tags import SiteKind  # noqa: E402

RAINSTORM_COUNTIES = ("130827", "130824", "130821", "130283", "130227")  # Kuancheng, Luanping, Chengde county, Qian'an, Qianxi
LEAK_COUNTIES = ("130983", "130982")  # Huanghua, Renqiu
SIZES = ((1920, 1080), (1366, 768))


def incident_context():
    catalogue = build_catalogue(DEFAULT_SEED)
    now = time.time()
    start = now - 900
    clock = [start]
    context = AppContext(config=NodeConfig())
    engine = AlarmEngine(catalogue, context.divisions, context.node_code, clock=lambda: clock[0])
    context.tag_bus.subscribe(engine.evaluate)
    store = TrendStore(live_depth=1200, deep_depth=1200)
    store.attach(context.tag_bus)
    context.services.update(catalogue=catalogue, alarm_engine=engine,
                            trends=TrendService(store, history_factory=lambda: None))
    behaviour = Behaviour(catalogue, DEFAULT_SEED)
    sites = catalogue.sites.values()
    storm = [code for county in RAINSTORM_COUNTIES
             for code in [s.code for s in sites if s.kind is SiteKind.TAILINGS_POND and s.division == county][:3]]
    leaks = [s.code for s in sites if s.kind is SiteKind.HAZCHEM_SOURCE and s.division in LEAK_COUNTIES][:3]
    for i, code in enumerate(storm):
        behaviour.trigger("rainstorm", code, start + 60 + 25 * i, duration=240, hold=3600)
    for i, code in enumerate(leaks):
        behaviour.trigger("leak", code, start + 300 + 120 * i, duration=90, hold=3600)
    offline = [next(s.code for s in sites if s.division == "130726"), next(s.code for s in sites if s.division == "130481")]
    for code in offline:
        behaviour.trigger("offline", code, start + 400, duration=0, hold=3600)
    def play(t: float) -> None:
        """The simulator's values at `t` through the tag bus (and so the engine)."""
        clock[0] = t
        gone = behaviour.offline_sites(t)
        values = behaviour.values(t)
        context.tag_bus.publish([TagValue(tag.id, float(values[i]), Quality.GOOD, t, t)
                                 for i, tag in enumerate(behaviour.tags) if tag.site not in gone])
        engine.tick()

    acknowledged = False
    steps = list(range(int(start), int(now) - 300, 10)) + list(range(int(now) - 300, int(now) + 1, 2))
    for t in steps:
        play(t)
        if t - start > 600 and not acknowledged:  # the first alarms were seen and acknowledged
            unacked = [a for a in engine.active_alarms() if not a.acknowledged]
            engine.acknowledge(unacked[: len(unacked) // 3], "值班员", "已电话通知企业")
            acknowledged = True

    def fresh() -> None:
        """Values as of now, so nothing but the off-line sites looks stale."""
        play(time.time())

    fresh()
    return context, storm, leaks, fresh


def settle(app, rounds=20):
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    app = ensure_application(offscreen=True)
    i18n.set_language("zh_CN")
    from console.pages.overview import OverviewPage

    context, storm, leaks, fresh = incident_context()

    def shoot(widget, name: str) -> None:
        fresh()
        page.refresh_now()
        settle(app, rounds=230)  # past the choropleth's 2 s batching
        view = getattr(widget, "map", None)
        while view is not None and view.blink_phase_off:  # catch blinking markers lit
            settle(app, rounds=1)
        widget.grab().save(str(HERE / name))

    for width, height in SIZES:
        page = OverviewPage(context)
        page.resize(width, height)
        page.show()
        shoot(page, f"overview-province-{width}x{height}.png")
        page.drill_to("130800")  # Chengde, where most of the rainstorm is
        shoot(page, f"overview-city-{width}x{height}.png")
        page.open_site(storm[3])  # a Luanping pond in the storm
        shoot(page, f"overview-site-{width}x{height}.png")
        page.drill_to("130000")
        page.toggle_big_screen()
        big = page.big_screen
        big.showNormal()
        big.resize(width, height)
        settle(app)
        big.map.focus_on("130000")
        shoot(big, f"overview-bigscreen-{width}x{height}.png")
        big.close()
        page.close()
        page.deleteLater()
    print("screenshots written to", HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
