"""Faults: link cut and restored, lost acknowledgement, kill -9 in the middle of a push."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from server_link.local_store import LocalStore

from domain.divisions import hebei
from server_link.sync_engine import LinkDown
from tests.support.sync_env import enterprise_fields, server_rows, settle

pytestmark = pytest.mark.postgres
REPO = Path(__file__).resolve().parents[2]


def _supply(node, quantity=10.0):
    return node.store.insert("supply", node.division, name="沙袋", unit="袋", quantity=quantity)


def test_link_cut_and_restored(env, node_factory, proxy):
    county = node_factory("130102", env.node_dsn("130102", proxy.host, proxy.port))
    city = node_factory("130100")
    row_id = county.store.insert("enterprise", "130102", **enterprise_fields("130102", 1))
    settle([county, city], rounds=1)
    proxy.cut()
    county.store.update("enterprise", row_id, address="离线地址")
    county.store.append("duty_log", "130102", at=1.0, officer="李四", kind="call", text="断网期间来电")
    with pytest.raises(LinkDown):
        county.engine.sync_once()
    assert county.store.pending_count() == 2
    city.store.update("enterprise", row_id, phone="0311-1234567")
    city.engine.sync_once()
    with pytest.raises(LinkDown):
        county.engine.sync_once()
    proxy.restore()
    settle([county, city])
    assert county.store.pending_count() == 0 and city.store.pending_count() == 0
    for node in (county, city):
        row = node.store.get("enterprise", row_id)
        assert (row["address"], row["phone"]) == ("离线地址", "0311-1234567")
        assert len(node.store.rows("duty_log")) == 1
    assert {r["id"]: r for r in county.store.rows("enterprise", True)} == server_rows(env, "enterprise", {"130102"})


def test_lost_acknowledgement_is_not_applied_twice(env, node_factory, proxy):
    county = node_factory("130102", env.node_dsn("130102", proxy.host, proxy.port))
    supply_id = _supply(county)
    county.engine.sync_once()
    for delta in (1, 2, 3, -4):
        county.store.adjust("supply", supply_id, "quantity", delta)

    def lose_the_ack(op_ids):
        proxy.cut()
        raise LinkDown("acknowledgement lost")

    county.engine.after_commit = lose_the_ack
    with pytest.raises(LinkDown):
        county.engine.push()
    # the server applied the batch, the node does not know it
    assert env.query("SELECT quantity FROM supply WHERE id = %s", (supply_id,)) == [(12.0,)]
    assert county.store.pending_count() == 4
    county.engine.after_commit = None
    proxy.restore()
    county.engine.sync_once()
    assert county.store.pending_count() == 0
    assert env.query("SELECT quantity FROM supply WHERE id = %s", (supply_id,)) == [(12.0,)]
    assert county.store.get("supply", supply_id)["quantity"] == 12.0
    assert env.query("SELECT count(*), count(DISTINCT op_id) FROM applied_op") == [(5, 5)]


def test_kill_9_in_the_middle_of_a_push(env, node_factory):
    county = node_factory("130102")
    supply_id = _supply(county, quantity=0.0)
    county.engine.sync_once()
    total = 400
    for _ in range(total):
        county.store.adjust("supply", supply_id, "quantity", 1)
    path = county.store.path
    county.engine.close()
    county.store.close()
    child = subprocess.Popen([sys.executable, "-m", "tests.support.sync_push_child", str(path), "130102",
                              env.node_dsn("130102"), "2"], cwd=REPO, stdout=subprocess.PIPE)
    applied = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        applied = env.query("SELECT count(*) FROM applied_op WHERE node = '130102'")[0][0] - 1
        if applied > 40:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    applied_at_kill = env.query("SELECT count(*) FROM applied_op")[0][0] - 1
    assert 40 < applied_at_kill < total, "the kill must land in the middle of the push"

    store = LocalStore(path, "130102", hebei())
    try:
        from server_link.sync_engine import SyncEngine, connect_backend

        engine = SyncEngine(store, connect_backend(env.node_dsn("130102")))
        assert 0 < store.pending_count() <= total - applied_at_kill + 2  # at most one batch unacked
        engine.sync_once()
        assert store.pending_count() == 0
        assert env.query("SELECT quantity FROM supply WHERE id = %s", (supply_id,)) == [(float(total),)]
        assert store.get("supply", supply_id)["quantity"] == float(total)
        assert env.query("SELECT count(*) FROM applied_op") == [(total + 1,)]
        engine.close()
    finally:
        store.close()
