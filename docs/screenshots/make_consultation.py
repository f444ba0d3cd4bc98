"""Render the consultation screenshots (offscreen), leader and follower side by side, at
1920×1080 and 1366×768 per window.

A fresh database on the test PostgreSQL, migrated, two node roles: the Shijiazhuang city node
(leader, shift leader 王强) and one of its counties (follower, duty officer 赵敏), each with its
own store and main window. Everything goes through the real operations and the real live path.

- `consultation-follow-*.png`: the leader has opened a site card on the county; the follower's
  console shows the same (it followed through LISTEN/NOTIFY).
- `consultation-session-*.png`: both consultation pages: participants, pointer, decisions.
- `consultation-bigscreen-*.png`: the follower's big screen with the session strip.
Run: .venv/bin/python docs/screenshots/make_consultation.py [OUT_DIR]  (default /work/wt/shots/consult)
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME = tempfile.TemporaryDirectory()
os.environ["DUTY_CONSOLE_HOME"] = HOME.name
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from psycopg2.extensions import parse_dsn  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from console import i18n  # noqa: E402
from console.app import apply_theme  # noqa: E402
from console.config import BackendSection, NodeConfig, NodeSection  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.main_window import MainWindow  # noqa: E402
from console.operators.permissions import Actor, Role  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from drivers.simulator.catalogue import build_catalogue  # noqa: E402
from tests.support.postgres import fresh_database, postgres_server  # noqa: E402
from tests.support.sync_env import backend, make_node, settle  # noqa: E402

SIZES = ((1920, 1080), (1366, 768))
LEADER = Actor("wangqiang", "王强", Role.SHIFT_LEADER, "130100")


def window_for(env, node, actor, catalogue, size) -> MainWindow:
    params = parse_dsn(env.admin_dsn)
    config = BackendSection(kind="postgresql", host=params.get("host", "127.0.0.1"), port=int(params.get("port", 5432)),
                            dbname=params["dbname"], user=env.role_for(node.division), sslmode="disable",
                            store_path=node.store.path)
    context = AppContext(NodeConfig(node=NodeSection(division=node.division), backend=config), actor=actor)
    context.services.update(store=node.store, catalogue=catalogue)
    window = MainWindow(context, QSettings(str(Path(HOME.name) / f"{node.division}.ini"), QSettings.Format.IniFormat),
                        persist=False)
    window.resize(*size)
    window.show()
    return window


def wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the follower did not follow in time")
        QTest.qWait(50)


def side_by_side(left: QPixmap, right: QPixmap) -> QPixmap:
    canvas = QPixmap(left.width() + right.width() + 8, max(left.height(), right.height()))
    canvas.fill(QColor("#0b0f14"))
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, left)
    painter.drawPixmap(left.width() + 8, 0, right)
    painter.end()
    return canvas


def shoot(env, catalogue, site, size, out: Path, directory: Path) -> None:
    county_code = site.division
    city, county = make_node(env, "130100", directory), make_node(env, county_code, directory)
    follower_actor = Actor("zhaomin", "赵敏", Role.DUTY_OFFICER, county_code)
    leader = window_for(env, city, LEADER, catalogue, size)
    follower = window_for(env, county, follower_actor, catalogue, size)
    lead_page = leader.show_page("consultation")
    lead_page.open_session(f"{site.name}水位异常会商", [county_code, "130000"], "https://meet.example.invalid/j/88120417",
                           site_code=site.code)
    settle([city, county])
    follow_page = follower.show_page("consultation")
    follow_page.refresh()
    follow_page.sessions.setCurrentRow(0)
    follow_page.join_selected()
    follow_page.record_decision("县应急管理局派员 30 分钟内赶赴现场，核实坝体浸润线")
    lead_page.record_decision("启动尾矿库Ⅳ级应急响应，通知下游两个村做好转移准备")
    lead_page.record_decision("市局调派尾矿库专家组，18:00 前回报")
    settle([city, county])
    wait_for(lambda: follow_page.live is not None and follow_page.live.holder == "wangqiang@130100")
    overview = leader.show_page("overview")
    overview.drill_to(county_code)
    overview.open_site(site.code)
    wait_for(lambda: follower.current_page_key() == "overview"
             and follower.page("overview").open_site_code == site.code)
    QTest.qWait(800)
    tag = f"{size[0]}x{size[1]}"
    side_by_side(leader.grab(), follower.grab()).save(str(out / f"consultation-follow-{tag}.png"))
    leader.show_page("consultation")
    follower.show_page("consultation")
    for page in (lead_page, follow_page):
        page.refresh()
    lead_page.participants.setCurrentRow(1)
    QTest.qWait(400)
    side_by_side(leader.grab(), follower.grab()).save(str(out / f"consultation-session-{tag}.png"))
    follower_overview = follower.show_page("overview")
    follower_overview.toggle_big_screen()
    big = follower_overview.big_screen
    big.setGeometry(0, 0, *size)
    follower_overview.refresh_now()
    QTest.qWait(800)
    big.grab().save(str(out / f"consultation-bigscreen-{tag}.png"))
    big.close()
    lead_page.end_session("水位回落至警戒线以下，会商结束")
    for window in (leader, follower):
        window.page("consultation").close()
        window.close()
    for node in (city, county):
        node.engine.close()
        node.store.close()
    print("saved", out, tag)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/wt/shots/consult")
    out.mkdir(parents=True, exist_ok=True)
    apply_theme(ensure_application(offscreen=True), "dark")
    i18n.set_language("zh_CN")
    catalogue = build_catalogue()
    site = next(s for s in catalogue.sites.values() if s.division.startswith("1301") and s.division != "130100")
    with postgres_server() as server:
        for size in SIZES:  # a database per size: each shows one session
            with fresh_database(server, prefix="duty_shots_consult") as dsn, backend(dsn) as env, \
                    tempfile.TemporaryDirectory() as directory:
                shoot(env, catalogue, site, size, out, Path(directory))


if __name__ == "__main__":
    main()
