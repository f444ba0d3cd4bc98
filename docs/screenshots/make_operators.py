"""Render the operators screenshots (offscreen) into docs/screenshots/, at 1920×1080 and 1366×768.

- `login-*.png`: the real sign-in dialog a configured node shows before its main window,
  centred on the console's background (it is shown before any window exists).
- `seat-locked-*.png`: the unlock dialog over the main window after inactivity.
- `alarms-acknowledged-by-*.png`: the alarm console with alarms two officers acknowledged.
- `audit-*.png`: the audit page after a shift's sign-ins, acknowledgments, a duty-log entry,
  an enterprise edit (before → after) and a handover.
Everything is written through the real operations on a real store (accounts, engine, journal).
Run: .venv/bin/python docs/screenshots/make_operators.py
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

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from console import i18n  # noqa: E402
from console.app import apply_theme  # noqa: E402
from console.config import BackendSection, NodeConfig, NodeSection  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.main_window import MainWindow  # noqa: E402
from console.operators.permissions import Actor, Role  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from console.records import demo_data, duty, registry  # noqa: E402
from console.records.store_access import accounts  # noqa: E402
from domain.values import Quality, TagValue  # noqa: E402
from drivers.simulator.catalogue import build_catalogue  # noqa: E402
from console.services.alarm_runtime import AlarmService  # noqa: E402
from widgets.login_dialog import LoginDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = ((1920, 1080), (1366, 768))
ADMIN = Actor("admin", "系统管理员", Role.ADMINISTRATOR, "130000")
NODE = "河北省 · 省级节点"


def raise_alarms(context, catalogue, now: float, count: int) -> None:
    """Values just past the mildest limit of `count` tags at different sites: a normal night, no flood."""
    tags, seen = [], set()
    for tag in catalogue.tags.values():
        if tag.limits and tag.site not in seen:
            tags.append(tag)
            seen.add(tag.site)
        if len(tags) == count:
            break
    values = []
    for tag in tags:
        limit = max(tag.limits, key=lambda item: item.level)
        value = limit.value + (0.01 if limit.direction == "high" else -0.01)
        values.append(TagValue(tag.id, value, Quality.GOOD, now - 300, now - 300))
    context.tag_bus.publish(values)


def on_background(widget, size, background: QPixmap | None = None) -> QPixmap:
    """The dialog's own rendering centred on a canvas of `size` (the window behind, dimmed)."""
    canvas = QPixmap(*size)
    canvas.fill(QColor("#1b1f24"))
    painter = QPainter(canvas)
    if background is not None:
        painter.drawPixmap(0, 0, background)
        painter.fillRect(canvas.rect(), QColor(0, 0, 0, 150))
    picture = widget.grab()
    painter.drawPixmap(QPoint((size[0] - picture.width()) // 2, (size[1] - picture.height()) // 2), picture)
    painter.end()
    return canvas


def save(pixmap: QPixmap, name: str) -> None:
    out = OUT / name
    pixmap.save(str(out), "PNG")
    print("saved", out)


def main() -> None:
    apply_theme(ensure_application(offscreen=True), "dark")
    i18n.set_language("zh_CN")
    home = Path(HOME.name)
    now = time.time()
    config = NodeConfig(node=NodeSection(division="130000"), backend=BackendSection(store_path=home / "s.db"))
    context = AppContext(config)
    store = accounts(context).store
    catalogue = build_catalogue()
    demo_data.fill(store, enterprises=300, now=now)
    demo_data.register_sites(store, list(catalogue.sites.values())[:20], now=now)
    people = accounts(context)
    people.add(ADMIN, "zhangwei", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    people.add(ADMIN, "lina", "李娜", Role.SHIFT_LEADER, "lina-pass-1")
    people.add(ADMIN, "wangfang", "王芳", Role.DUTY_OFFICER, "wangfang-pass")

    zhang = people.sign_in("zhangwei", "zhangwei-pass")
    context.sign_in(zhang)
    service = AlarmService(context, catalogue, store, clock=lambda: now)
    context.services["alarms"] = service
    context.services["catalogue"] = catalogue
    raise_alarms(context, catalogue, now, 4)
    service.engine.tick()
    active = sorted(service.engine.active_alarms(), key=lambda rec: rec.site)
    service.engine.acknowledge(active[:3], zhang, "已电话通知企业核实")
    try:
        people.sign_in("lina", "wrong-password")
    except Exception as refused:  # noqa: BLE001 - the refusal is part of the picture
        print("refused as expected:", refused)
    lina = people.sign_in("lina", "lina-pass-1")
    service.engine.acknowledge(active[3:5], lina, "带班领导已安排县局复核")
    service.engine.comment(active[0], "企业回电：液位计校准中", lina)
    assert service.journal.flush()
    service.engine.poll()
    duty.append_log(store, zhang, "call", "唐山市局来电：夜间加强尾矿库巡查")
    enterprise = store.rows("enterprise")[0]
    fields = {key: enterprise[key] for key in registry.EDITABLE}
    registry.save(store, dict(fields, contact="刘建国", phone="0311-00000000"), enterprise["id"], actor=zhang)
    wang = people.sign_in("wangfang", "wangfang-pass")
    duty.confirm_handover(store, zhang, wang, ["3 起报警已确认"], "夜间注意降雨", True)

    for size in SIZES:
        tag = f"{size[0]}x{size[1]}"
        dialog = LoginDialog(people, NODE, LoginDialog.START, "zhangwei")
        dialog.adjustSize()
        save(on_background(dialog, size), f"login-{tag}.png")
        window = MainWindow(context, QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat), persist=False)
        window.alarm_banner.annunciator.enabled = False
        window.resize(*size)
        window.show()
        window.show_page("alarms")
        QTest.qWait(600)
        save(window.grab(), f"alarms-acknowledged-by-{tag}.png")
        locked = LoginDialog(people, NODE, LoginDialog.UNLOCK, "zhangwei")
        locked.adjustSize()
        save(on_background(locked, size, window.grab()), f"seat-locked-{tag}.png")
        page = window.show_page("audit")
        page.refresh()
        QTest.qWait(300)
        save(window.grab(), f"audit-{tag}.png")
        window.close()
    service.stop()


if __name__ == "__main__":
    main()
