"""Render the alarm console during a tank-leak incident (offscreen) into docs/screenshots/.

The incident follows the simulator's `leak` kind (combustible gas past 50 %LEL, toxic gas
past 2 × OEL) at a methanol tank farm, fed through the tag bus into a real engine and
journal; a few alarms elsewhere are acknowledged or shelved, as on a normal shift.
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
from drivers.model import Quality, TagValue  # noqa: E402
from drivers.simulator.catalogue import build_catalogue  # noqa: E402
from widgets.alarm_runtime import AlarmService  # noqa: E402

LEAK_SITE = "HC13010901"


def incident(now: float) -> list[list[TagValue]]:
    def v(tag, value, ago):
        return TagValue(f"{LEAK_SITE}.{tag}", value, Quality.GOOD, now - ago, now)

    return [
        [v("gas_lel", 31.0, 540), v("toxic_gas", 12.0, 540)],
        [v("gas_lel", 62.0, 430), v("gas_lel_2", 33.0, 400), v("toxic_gas", 46.0, 380), v("toxic_gas_2", 24.0, 360)],
        [v("shutoff", 1.0, 300), v("tank_level", 3.5, 120)],
    ]


def main() -> None:
    app = ensure_application(offscreen=True)
    i18n.set_language("zh_CN")
    apply_theme(app, "dark")
    tmp = tempfile.TemporaryDirectory()
    os.environ["DUTY_CONSOLE_HOME"] = tmp.name
    from console.main_window import MainWindow
    from widgets.alarm_banner import AlarmBanner

    context = AppContext(NodeConfig())
    catalogue = build_catalogue()
    now = time.time()
    # the engine's clock stands still at `now`: the picture shows one moment of the incident
    service = AlarmService(context, catalogue, Path(tmp.name) / "store.sqlite", clock=lambda: now)
    context.services["alarms"] = service
    background = [t for t in catalogue.tags.values() if t.limits and not t.site.startswith(LEAK_SITE)][:500:100]
    mildest = [max(t.limits, key=lambda limit: limit.level) for t in background]
    context.tag_bus.publish([TagValue(t.id, limit.value + (0.01 if limit.direction == "high" else -0.01),
                                      Quality.GOOD, now - 1800, now) for t, limit in zip(background, mildest)])
    for batch in incident(now):
        context.tag_bus.publish(batch)
    service.engine.tick()
    others = [rec for rec in service.engine.active_alarms() if rec.site != LEAK_SITE]
    service.engine.acknowledge(others[:4], "值班员", "已通知企业核实")
    service.engine.shelve(others[4:5], 3600, "传感器检修", "值班员")
    assert service.journal.flush()
    service.engine.poll()
    banner = AlarmBanner(context)
    banner.annunciator.enabled = False
    for size, name in (((1920, 1080), "alarm_console_tank_leak_1920.png"), ((1366, 768), "alarm_console_tank_leak_1366.png")):
        window = MainWindow(context, QSettings(str(Path(tmp.name) / "ui.ini"), QSettings.Format.IniFormat), persist=False)
        window.banner_layout.addWidget(banner)
        window.resize(*size)
        page = window.show_page("alarms")
        page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        window.show()
        QTest.qWait(700)
        page.model.blink_on = True
        rows = [rec.condition + rec.tag for rec in page.proxy.records()]
        page.table.selectRow(rows.index(f"HH{LEAK_SITE}.gas_lel"))
        banner.refresh()
        QTest.qWait(100)
        out = ROOT / "docs" / "screenshots" / name
        window.grab().save(str(out), "PNG")
        print("saved", out)
        window.banner_layout.removeWidget(banner)
        banner.setParent(None)
        window.close()
    service.stop()


if __name__ == "__main__":
    main()
