"""The consultation page on two consoles (two main windows, each with its node's store and its
own PostgreSQL role): the city's shift leader opens a session on a site of county 130102, the
county's officer joins; the county's window follows the leader's page and map, the pointer
moves, decisions replicate and the summary PDF names participants and decisions."""
from __future__ import annotations

import pytest
from psycopg2.extensions import parse_dsn
from PySide6.QtCore import QSettings

from console.config import BackendSection, NodeConfig, NodeSection
from console.context import AppContext
from console.main_window import MainWindow
from console.operators.permissions import Actor, Role
from tests.records.pdf_text import pdf_text
from tests.support.sync_env import settle
from widgets.pdf_document import write_pdf

pytestmark = pytest.mark.postgres
SITE = "TP13010201"
WAIT_MS = 20_000


def console(env, node, actor: Actor, tmp_path) -> MainWindow:
    params = parse_dsn(env.admin_dsn)
    backend = BackendSection(kind="postgresql", host=params.get("host", "127.0.0.1"),
                             port=int(params.get("port", 5432)), dbname=params["dbname"],
                             user=env.role_for(node.division), sslmode="disable", store_path=node.store.path)
    context = AppContext(NodeConfig(node=NodeSection(division=node.division), backend=backend), actor=actor)
    context.services["store"] = node.store
    settings = QSettings(str(tmp_path / f"ui-{node.division}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings, persist=False)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.fixture()
def consoles(qtbot, env, node_factory, tmp_path):
    city, county = node_factory("130100"), node_factory("130102")
    leader = console(env, city, Actor("wangqiang", "王强", Role.SHIFT_LEADER, "130100"), tmp_path)
    follower = console(env, county, Actor("zhaomin", "赵敏", Role.DUTY_OFFICER, "130102"), tmp_path)
    for window in (leader, follower):
        qtbot.addWidget(window)
    yield city, county, leader, follower
    for window in (leader, follower):
        page = window.page("consultation")
        if page is not None:
            page.close()


def joined_session(consoles):
    city, county, leader, follower = consoles
    lead_page = leader.show_page("consultation")
    assert lead_page.open_session("尾矿库水位会商", ["130102"], "https://meet.example.invalid/8812",
                                  site_code=SITE) is None
    settle([city, county])
    follow_page = follower.show_page("consultation")
    follow_page.refresh()
    follow_page.sessions.setCurrentRow(0)
    assert follow_page.join_selected() is None
    settle([city, county])
    return lead_page, follow_page


def test_the_follower_follows_the_leaders_page_and_map(qtbot, consoles):
    city, county, leader, follower = consoles
    lead_page, follow_page = joined_session(consoles)
    qtbot.waitUntil(lambda: follow_page.live.holder == "wangqiang@130100", timeout=WAIT_MS)
    overview = leader.show_page("overview")
    overview.drill_to("130102")
    overview.map.zoom_by(1.6)
    qtbot.waitUntil(lambda: follower.current_page_key() == "overview"
                    and follower.page("overview").map.focus_code == "130102", timeout=WAIT_MS)
    wanted = overview.map.visible_extent().center()
    qtbot.waitUntil(lambda: (follower.page("overview").map.visible_extent().center() - wanted).manhattanLength()
                    < 0.01 * overview.map.visible_extent().width(), timeout=WAIT_MS)
    leader.show_page("consultation")  # the leader writes decisions: followers stay where they are
    lead_page.record_decision("县局立即组织下游群众转移")
    assert follower.current_page_key() == "overview"
    big_screen_page = follower.page("overview")
    big_screen_page.toggle_big_screen()
    big_screen_page.refresh_now()
    assert big_screen_page.big_screen.session.text() == "Consultation: 尾矿库水位会商 · leader 王强 · participants: 王强、赵敏"
    big_screen_page.big_screen.close()


def test_pointer_decisions_and_the_summary_pdf(qtbot, consoles, tmp_path):
    city, county, leader, follower = consoles
    lead_page, follow_page = joined_session(consoles)
    qtbot.waitUntil(lambda: lead_page.live.connected and follow_page.live.connected, timeout=WAIT_MS)
    assert follow_page.live.holder == "wangqiang@130100"
    assert not follow_page.grant_button.isEnabled() and not follow_page.end_button.isEnabled()
    follow_page.ask_pointer()
    qtbot.waitUntil(lambda: "zhaomin@130102" in lead_page.status.text(), timeout=WAIT_MS)
    lead_page.refresh()
    assert lead_page.grant_pointer("zhaomin", "130102") is None
    qtbot.waitUntil(lambda: follow_page.live.holding and not lead_page.live.holding, timeout=WAIT_MS)
    follower.show_page("overview").drill_to("130102")
    qtbot.waitUntil(lambda: leader.current_page_key() == "overview"
                    and leader.page("overview").map.focus_code == "130102", timeout=WAIT_MS)

    assert follow_page.record_decision("县应急管理局派员赶赴现场") is None
    assert lead_page.record_decision("市局调派专家组") is None
    settle([city, county])
    lead_page.refresh()
    assert lead_page.decisions.rowCount() == 2
    assert {lead_page.decisions.item(row, 2).text() for row in range(2)} == {"县应急管理局派员赶赴现场", "市局调派专家组"}
    assert follow_page.end_session() == "赵敏 (duty officer) may not open, lead or end consultations: " \
                                        "only a shift leader, leader, administrator may"
    assert "may not" in follow_page.status.text()
    assert lead_page.end_session("水位回落，会商结束") is None
    qtbot.waitUntil(lambda: follow_page.live is None, timeout=WAIT_MS)  # told live, before the record syncs
    assert follow_page.status.text() == "The leader ended the session"
    settle([city, county])
    follow_page.refresh()
    assert not follow_page.decide_button.isEnabled()
    path = write_pdf(lead_page.summary_document(), tmp_path / "summary.pdf", "会商纪要")
    text = pdf_text(path)
    for expected in ("尾矿库水位会商", "王强", "赵敏", "县应急管理局派员赶赴现场", "市局调派专家组", "水位回落，会商结束"):
        assert expected in text
