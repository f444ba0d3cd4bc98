"""Sync status widget and conflict inbox against a real backend and sync service."""
from __future__ import annotations

import json

import pytest
from psycopg2.extensions import parse_dsn

from console.link_state import LinkBoard, LinkState
from console.operators.permissions import Actor, Role
from server_link.sync_engine import connect_backend
from server_link.sync_service import SyncService
from tests.support.sync_env import enterprise_fields, settle
from tests.support.tcp_proxy import TcpProxy
from widgets.sync_conflicts import ConflictInbox
from console.services.sync_status import SyncStatusBridge
from widgets.sync_status import SyncStatusWidget

pytestmark = pytest.mark.postgres


def test_status_widget_follows_the_link(qtbot, env, node_factory):
    params = parse_dsn(env.admin_dsn)
    proxy = TcpProxy(params.get("host", "127.0.0.1"), int(params.get("port", 5432)))
    dsn = env.node_dsn("130102", proxy.host, proxy.port)
    node = node_factory("130102", dsn)
    service = SyncService(node.engine, connect_backend(dsn), interval_s=0.5, max_backoff_s=0.5)
    links = LinkBoard()
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.attach(SyncStatusBridge(service, links, widget))
    service.start()
    try:
        qtbot.waitUntil(lambda: "connected" in widget.link.text() and widget.status.last_success is not None, timeout=30000)
        assert links.state("backend")[0] is LinkState.UP
        assert widget.pending.text() == "0"
        proxy.cut()
        node.store.append("duty_log", "130102", at=1.0, officer="张三", kind="call", text="断网时的记录")
        qtbot.waitUntil(lambda: "offline" in widget.link.text() and widget.pending.text() == "1", timeout=30000)
        assert links.state("backend")[0] is LinkState.DOWN
        proxy.restore()
        qtbot.waitUntil(lambda: "connected" in widget.link.text() and widget.pending.text() == "0", timeout=30000)
    finally:
        service.stop()
        proxy.close()


def test_conflict_inbox_decides_and_the_decision_syncs(qtbot, env, node_factory):
    county, city, province = node_factory("130102"), node_factory("130100"), node_factory("130000")
    row_id = county.store.insert("enterprise", "130102", **enterprise_fields("130102", 3))
    settle([county, city, province], rounds=1)
    city.store.update("enterprise", row_id, name="市里的名称")
    province.store.update("enterprise", row_id, name="省里的名称")
    settle([city, province, county])
    decided = []
    inbox = ConflictInbox(city.store, on_decided=lambda: decided.append(True),
                          actor=lambda: Actor("lina", "李娜", Role.SHIFT_LEADER, "130100"))
    qtbot.addWidget(inbox)
    assert inbox.table.rowCount() == 1
    assert inbox.table.item(0, 2).text() == "市里的名称" and inbox.table.item(0, 4).text() == "省里的名称"
    assert "石家庄" in inbox.table.item(0, 3).text()
    inbox.take.click()
    assert decided and inbox.table.rowCount() == 0 and not inbox.take.isEnabled()
    assert city.store.pending_count() == 2  # the decision and its audit row, durable before the list changed
    (trail,) = city.store.rows("audit_event")
    assert (trail["username"], trail["action"], trail["target_id"]) == ("lina", "record_edit", row_id)
    assert json.loads(trail["before"]) == {"name": "市里的名称"} and json.loads(trail["after"]) == {"name": "省里的名称"}
    settle([city, province, county])
    assert {n.store.get("enterprise", row_id)["name"] for n in (county, city, province)} == {"省里的名称"}
    assert province.store.open_conflicts() == []


def test_sync_page_with_and_without_a_backend(qtbot, env, tmp_path):
    from console.config import BackendSection, NodeConfig, NodeSection
    from console.context import AppContext
    from console.pages.sync import SyncPage
    from console.startup import run_now
    from console.services.sync_status import start_sync

    params = parse_dsn(env.admin_dsn)
    backend = BackendSection(kind="postgresql", host=params.get("host", "127.0.0.1"),
                             port=int(params.get("port", 5432)), dbname=params["dbname"],
                             user=env.role_for("130102"), sslmode="disable", store_path=tmp_path / "node.sqlite")
    context = AppContext(NodeConfig(node=NodeSection(division="130102"), backend=backend))
    stop = run_now(start_sync, context)
    try:
        page = SyncPage(context)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: "connected" in page.status.link.text(), timeout=30000)
        assert context.links.state("backend")[0] is LinkState.UP
        assert page.inbox is not None and page.inbox.table.rowCount() == 0
    finally:
        stop()
    local = AppContext(NodeConfig(backend=BackendSection(store_path=tmp_path / "local.sqlite")))
    stop = run_now(start_sync, local)
    try:
        page = SyncPage(local)
        qtbot.addWidget(page)
        assert "sync" not in local.services and not page.status.isVisibleTo(page)
        assert "local store" in page.note.text()
    finally:
        stop()
