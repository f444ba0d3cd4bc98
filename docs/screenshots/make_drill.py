"""Render the drill and assessment screenshots (offscreen) at 1920×1080 and 1366×768.

A city node (Tangshan, 130200) runs the "tailings pond water level rising" drill at a pond of
Guye district (130204) twenty minutes ago: the drill's alarms (raised, looked at and
acknowledged on the city console and, synced in, on the county's), a drill incident with its
county → city report, real alarms at other ponds beside them, a week of sign-ins and link
changes. Everything goes through the real operations on a real store.

- `drill-banner-*.png`: the alarm console with the drill banner and the drill's rows tagged;
- `drill-report-*.png`: the drill page with each node's scores, and the report as printed;
- `assessment-*.png`: the assessment page for this week.
Run: .venv/bin/python docs/screenshots/make_drill.py [OUT_DIR]   (default docs/screenshots)
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME = tempfile.TemporaryDirectory()
os.environ["DUTY_CONSOLE_HOME"] = HOME.name  # nothing lands in the real user's config
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from console import i18n  # noqa: E402
from domain.alarm_events import EventKind  # noqa: E402
from console.app import apply_theme  # noqa: E402
from console.assessment.links import LinkRecorder  # noqa: E402
from console.config import BackendSection, NodeConfig, NodeSection  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.main_window import MainWindow  # noqa: E402
from console.operators.permissions import Actor, Role  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from console.records import demo_data, duty  # noqa: E402
from console.records.accident_class import Casualties  # noqa: E402
from console.records.incidents import Location, open_incidents, record_report, register_incident  # noqa: E402
from console.records.store_access import accounts, records_services  # noqa: E402
from console.link_state import LinkBoard, LinkState  # noqa: E402
from docs.screenshots.make_operators import on_background  # noqa: E402
from domain.values import Quality, TagValue  # noqa: E402
from drivers.simulator.catalogue import build_catalogue  # noqa: E402
from console.services.alarm_runtime import AlarmService  # noqa: E402
from console.services.drill_runtime import DrillRuntime  # noqa: E402
from widgets.pdf_document import DocumentDialog  # noqa: E402

SIZES = ((1920, 1080), (1366, 768))
ADMIN = Actor("admin", "系统管理员", Role.ADMINISTRATOR, "130200")
CITY, COUNTY, POND = "130200", "130204", "TP13020401"


def real_alarms(context, catalogue, now: float) -> None:
    """Real alarms at three other Tangshan ponds, raised five minutes ago (the mildest limit)."""
    tags = [tag for tag in catalogue.tags.values() if tag.site != POND and tag.site.startswith("TP1302")
            and tag.quantity == "pond_level" and tag.limits][:3]
    values = []
    for tag in tags:
        limit = max(tag.limits, key=lambda item: item.level)
        values.append(TagValue(tag.id, limit.value + 0.01, Quality.GOOD, now - 300, now - 300))
    context.tag_bus.publish(values)


def sign_ins(store, now: float) -> None:
    """A week of day and night shifts at the city and the county, and a few link outages."""
    from console.operators import audit

    rows = []
    for day in range(7):
        start = now - (day + 1) * 86_400
        for node, user in ((CITY, "zhaolei"), (COUNTY, "sunli")):
            rows += [audit.entry(user, node, "login", node, at=start + 3_600),
                     audit.entry(user, node, "logout", node, at=start + 3_600 + 11 * 3_600)]
    store.record_audit(rows)
    board, clock = LinkBoard(), [now]
    recorder = LinkRecorder(store.path, board, clock=lambda: clock[0])
    for ago, link, state in ((6 * 86_400, "backend", LinkState.UP), (6 * 86_400, "field", LinkState.UP),
                             (30 * 3_600, "backend", LinkState.DOWN), (26 * 3_600, "backend", LinkState.UP),
                             (20 * 3_600, "field", LinkState.DOWN), (19 * 3_600, "field", LinkState.UP)):
        clock[0] = now - ago
        board.report(link, state)
    recorder.flush()
    recorder.close()


def drill_scene(context, service, runtime, catalogue, store, now: float, clock: list[float]) -> None:
    leader = accounts(context).sign_in("lina", "lina-pass-1")
    started = now - 1_200
    clock[0] = started
    runtime.service.start(leader, "tailings_flood", [POND], [CITY, COUNTY], at=started)
    runtime.book.refresh()
    officer = accounts(context).sign_in("zhaolei", "zhaolei-pass")
    context.sign_in(officer)
    pond = [tag for tag in catalogue.tags.values() if tag.site == POND]
    values = []
    for tag in pond:
        if tag.limits:
            red = min(tag.limits, key=lambda item: item.level)
            values.append(TagValue(tag.id, red.value + (0.05 if red.direction == "high" else -0.05),
                                   Quality.GOOD, started + 100, started + 100))
    context.tag_bus.publish(values)
    service.engine.tick()
    drilled = [rec for rec in service.engine.active_alarms() if rec.drill_id]
    clock[0] = started + 140
    service.engine.look(drilled, officer)
    clock[0] = started + 260
    service.engine.acknowledge(drilled, officer, "演练：已通知企业启动防洪预案")
    county_events = [rec.event(kind, started + offset, operator="sunli", node=COUNTY, note=note)
                     for rec in drilled[:1] for kind, offset, note in ((EventKind.LOOK, 125, ""),
                                                                         (EventKind.ACK, 200, "演练：县局已到场"))]
    service.journal.append(county_events)  # as sync brings the county console's events
    service.engine.merge(county_events)
    assert service.journal.flush()
    service.engine.poll()
    _, reader = records_services(context)
    register_incident(store, reader, officer, COUNTY, "演练：白峪铁矿尾矿库水位超汛限", "tailings",
                      Location(lon=catalogue.sites[POND].lon, lat=catalogue.sites[POND].lat, address="古冶区白峪"),
                      Casualties(0, 0, 0), occurred_at=started + 100, received_at=started + 700,
                      drill_id=runtime.book.current().id)
    item = next(i for i in open_incidents(reader) if i.incident.get("drill_id"))
    hop = next(h for h in item.chain(context.divisions, now) if h.reporter == COUNTY)
    record_report(store, reader, item, hop, started + 1_500 if started + 1_500 < now else now, actor=officer)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    apply_theme(ensure_application(offscreen=True), "dark")
    i18n.set_language("zh_CN")
    home = Path(HOME.name)
    now = time.time()
    config = NodeConfig(node=NodeSection(division=CITY), backend=BackendSection(store_path=home / "s.db"))
    context = AppContext(config)
    store, _ = records_services(context)
    catalogue = build_catalogue()
    demo_data.fill(store, enterprises=300, now=now)
    demo_data.register_sites(store, [s for s in catalogue.sites.values() if s.division.startswith("1302")][:20], now=now)
    people = accounts(context)
    people.add(ADMIN, "zhaolei", "赵磊", Role.DUTY_OFFICER, "zhaolei-pass")
    people.add(ADMIN, "lina", "李娜", Role.SHIFT_LEADER, "lina-pass-1")
    sign_ins(store, now)
    clock = [now]
    service = AlarmService(context, catalogue, store, clock=lambda: clock[0])
    context.services.update(alarms=service, alarm_engine=service.engine, catalogue=catalogue)
    runtime = DrillRuntime(context)
    context.services["drills"] = runtime
    real_alarms(context, catalogue, now)
    service.engine.tick()
    drill_scene(context, service, runtime, catalogue, store, now, clock)
    clock[0] = now - 180
    real = [rec for rec in service.engine.active_alarms() if not rec.drill_id and rec.level > 1]
    service.engine.acknowledge(real, context.actor, "已电话核实")
    duty.append_log(store, context.actor, "call", "古冶区应急局来电：汛前检查已完成")
    assert service.journal.flush()
    service.engine.poll()
    clock[0] = now

    for size in SIZES:
        tag = f"{size[0]}x{size[1]}"
        window = MainWindow(context, QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat), persist=False)
        window.alarm_banner.annunciator.enabled = False
        window.resize(*size)
        window.show()
        window.show_page("alarms")
        QTest.qWait(600)
        window.grab().save(str(out / f"drill-banner-{tag}.png"))
        page = window.show_page("drill")
        page.refresh()
        QTest.qWait(300)
        window.grab().save(str(out / f"drill-report-{tag}.png"))
        html, title = page.report_document()
        dialog = DocumentDialog(html, "演练评估报告", "drill.pdf", window)
        dialog.resize(min(820, size[0] - 80), size[1] - 80)
        on_background(dialog, size, window.grab()).save(str(out / f"drill-report-document-{tag}.png"))
        page = window.show_page("assessment")
        page.refresh()
        while not page.is_ready():
            QTest.qWait(100)
        QTest.qWait(300)
        window.grab().save(str(out / f"assessment-{tag}.png"))
        window.close()
    runtime.stop()
    service.stop()
    print("saved to", out)


if __name__ == "__main__":
    main()
