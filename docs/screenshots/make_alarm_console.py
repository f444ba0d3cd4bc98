"""Render the alarm console during a tank-leak incident (offscreen) into docs/screenshots/.

The simulator's `leak` incident (drivers.simulator.behaviour: combustible gas past 50 %LEL,
toxic gas past 2 × OEL) at a methanol tank farm, every tag of the simulated network fed
through the tag bus into a real engine and journal; a few mild alarms elsewhere are
acknowledged or shelved, as on a normal shift. The node's store holds the demo records
(console.records.demo_data) with every simulated site's enterprise registered, and a trend
store follows the tag bus, so the linked-handling panel shows the trend, contacts, plans
and the nearest rescue resources.
Run: /work/main/.venv/bin/python docs/screenshots/make_alarm_console.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from console import i18n  # noqa: E402
from console.app import apply_theme  # noqa: E402
from console.config import NodeConfig  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from console.records import demo_data  # noqa: E402
from console.trends.service import TrendService  # noqa: E402
from console.trends.sqlite_history import SqliteHistorySource  # noqa: E402
from console.trends.store import TrendStore  # noqa: E402
from domain.values import Quality, TagValue  # noqa: E402
from drivers.simulator.behaviour import Behaviour  # noqa: E402
from drivers.simulator.catalogue import DEFAULT_SEED, build_catalogue  # noqa: E402
from server_link.local_store import LocalStore  # noqa: E402
from domain.divisions import hebei  # noqa: E402
from console.services.alarm_runtime import AlarmService  # noqa: E402

LEAK_SITE = "HC13010901"


def feed_incident(context: AppContext, catalogue, now: float, held: dict[str, float]) -> None:
    """The simulator's `leak` incident at the tank farm: 15 min of all 5,600 tags at 10 s steps
    (the tank farm's own tags from 45 min ago, for its trend), the leak starting 10 min ago and
    ramping up over 5 min. Tags in `held` keep that value."""
    behaviour = Behaviour(catalogue, DEFAULT_SEED)
    behaviour.trigger("leak", LEAK_SITE, start=now - 600, duration=300, hold=3600)
    for ts in range(int(now) - 2700, int(now) + 1, 10):
        values = behaviour.values(float(ts))
        early = ts < now - 900
        context.tag_bus.publish([TagValue(tag.id, held.get(tag.id, float(v)), Quality.GOOD, float(ts), float(ts))
                                 for tag, v in zip(behaviour.tags, values) if not early or tag.site == LEAK_SITE])


def main() -> None:
    app = ensure_application(offscreen=True)
    i18n.set_language("zh_CN")
    apply_theme(app, "dark")
    tmp = tempfile.TemporaryDirectory()
    os.environ["DUTY_CONSOLE_HOME"] = tmp.name
    from console.main_window import MainWindow

    context = AppContext(NodeConfig())
    catalogue = build_catalogue()
    now = time.time()
    store = context.services["store"] = LocalStore(Path(tmp.name) / "store.sqlite", context.node_code, hebei())
    demo_data.fill(store, enterprises=2000, now=now)
    demo_data.register_sites(store, catalogue.sites.values(), now=now)
    history = Path(tmp.name) / "history.sqlite"
    trends = context.services["trends"] = TrendService(TrendStore(), lambda: SqliteHistorySource(history))
    trends._unsubscribe.append(trends.store.attach(context.tag_bus))
    # the engine's clock stands still at `now`: the picture shows one moment of the incident
    service = AlarmService(context, catalogue, store, clock=lambda: now)
    context.services["alarms"] = service
    background = [t for t in catalogue.tags.values() if t.limits and not t.site.startswith(LEAK_SITE)][:500:100]
    mildest = [max(t.limits, key=lambda limit: limit.level) for t in background]
    held = {t.id: limit.value + (0.01 if limit.direction == "high" else -0.01) for t, limit in zip(background, mildest)}
    feed_incident(context, catalogue, now, held)
    service.engine.tick()
    others = [rec for rec in service.engine.active_alarms() if rec.site != LEAK_SITE]
    service.engine.acknowledge(others[:4], context.actor, "已通知企业核实")
    service.engine.shelve(others[4:5], 3600, "传感器检修", context.actor)
    assert service.journal.flush()
    service.engine.poll()
    shots = (((1920, 1080), "alarm_console_tank_leak_flood_1920.png", False),
             ((1920, 1080), "alarm_console_tank_leak_1920.png", True),
             ((1366, 768), "alarm_console_tank_leak_1366.png", True))
    for size, name, open_site in shots:
        window = MainWindow(context, QSettings(str(Path(tmp.name) / "ui.ini"), QSettings.Format.IniFormat), persist=False)
        banner = window.alarm_banner  # the main window's own, since the alarm service runs
        banner.annunciator.enabled = False
        window.resize(*size)
        page = window.show_page("alarms")
        page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        window.show()
        QTest.qWait(700)
        page._follow_flood()  # do not depend on its timer having fired on a loaded machine
        assert page._grouped, "the leak's 12 alarms in 10 min are an ISA-18.2 flood"
        sites = [page.groups.group(page.proxy.mapToSource(page.proxy.index(row, 0)).row()).site
                 for row in range(page.proxy.rowCount())]
        if open_site:  # the operator double-clicks the tank farm's summary row
            page._open_group(page.proxy.index(sites.index(LEAK_SITE), 0))
            QTest.qWait(300)
            rows = [rec.condition + rec.tag for rec in page.proxy.records()]
            page.table.selectRow(rows.index(f"HH{LEAK_SITE}.gas_lel"))
        else:
            page.table.selectRow(sites.index(LEAK_SITE))
        banner.refresh()
        QTest.qWait(100)
        page.model.blink_on = True  # grab in the "on" phase of the blink
        page.table.viewport().repaint()
        out = ROOT / "docs" / "screenshots" / name
        window.grab().save(str(out), "PNG")
        print("saved", out)
        window.close()
    service.stop()
    trends.close()


if __name__ == "__main__":
    main()
