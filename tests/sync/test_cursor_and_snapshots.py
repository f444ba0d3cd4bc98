"""Commit-ordered cursor (late commits), resumable initial sync, tombstones and re-snapshot,
LISTEN/NOTIFY wake-ups with the periodic pull as safety net."""
from __future__ import annotations

import time

import psycopg2
import pytest

from server_link import maintenance
from server_link.sync_engine import SyncEngine, connect_backend
from server_link.sync_service import SyncService
from tests.support.sync_env import enterprise_fields, server_rows, settle

pytestmark = pytest.mark.postgres


def _admin_insert(cur, row_id: str, division: str, serial: int) -> None:
    fields = enterprise_fields(division, serial)
    cur.execute("INSERT INTO enterprise (id, division, version, deleted, credit_code, name, industry,"
                " supervision_level, status, audit_state) VALUES (%s,%s,0,false,%s,%s,%s,%s,%s,%s)",
                (row_id, division, fields["credit_code"], fields["name"], fields["industry"],
                 fields["supervision_level"], fields["status"], fields["audit_state"]))


def test_late_committing_lower_sequence_is_not_skipped(env, node_factory):
    node = node_factory("130102")
    node.engine.sync_once()
    slow, fast = psycopg2.connect(env.admin_dsn), psycopg2.connect(env.admin_dsn)
    with slow.cursor() as cur:
        _admin_insert(cur, "late", "130102", 1)  # takes the lower change_log id, commits last
    with fast.cursor() as cur:
        _admin_insert(cur, "early", "130102", 2)
    fast.commit()
    node.engine.pull()
    assert node.store.get("enterprise", "early") is not None
    assert node.store.get("enterprise", "late") is None
    slow.commit()
    (late_id,), (early_id,) = (env.query("SELECT id FROM change_log WHERE row_id = %s", (r,))[0]
                               for r in ("late", "early"))
    assert late_id < early_id, "the late transaction really took the lower insert-time sequence"
    assert node.engine.cursor.change_id == early_id  # a cursor on ids would now skip `late`
    node.engine.pull()
    assert node.store.get("enterprise", "late") is not None
    (late_seq,), (early_seq,) = (env.query("SELECT commit_seq FROM change_log WHERE row_id = %s", (r,))[0]
                                 for r in ("late", "early"))
    assert late_seq > early_seq
    slow.close()
    fast.close()


def test_initial_sync_resumes_after_interruption(env, node_factory):
    admin = env.admin()
    with admin.cursor() as cur:
        for serial in range(40):
            _admin_insert(cur, f"e{serial:03d}", "130102" if serial % 2 else "130104", serial)
    admin.close()
    node = node_factory("130100")
    node.engine.page_size = 7

    def crash_after_two_pages(done, total):
        if done >= 14:
            raise KeyboardInterrupt("node stopped mid-snapshot")

    with pytest.raises(KeyboardInterrupt):
        node.engine.sync_once(progress=crash_after_two_pages)
    assert node.store.count("enterprise") == 14
    assert node.engine.cursor is None
    resumed = []
    SyncEngine(node.store, connect_backend(env.node_dsn("130100")), page_size=7).sync_once(
        progress=lambda done, total: resumed.append((done, total)))
    assert resumed[0][0] > 14 and resumed[-1][0] == 40 and resumed[-1][1] == 40
    assert {r["id"]: r for r in node.store.rows("enterprise", True)} == server_rows(env, "enterprise", {"130102", "130104"})


def test_tombstones_replicate_and_an_old_cursor_re_snapshots(env, node_factory):
    county, city = node_factory("130102"), node_factory("130100")
    keep = county.store.insert("enterprise", "130102", **enterprise_fields("130102", 1))
    gone = county.store.insert("enterprise", "130102", **enterprise_fields("130102", 2))
    settle([county, city], rounds=1)
    county.store.delete("enterprise", gone)
    county.engine.sync_once()
    city.engine.sync_once()
    assert city.store.get("enterprise", gone)["deleted"] is True
    # the city is offline for longer than the retention: changes it missed are purged
    county.store.update("enterprise", keep, address="新地址")
    offline_edit = city.store.insert("duty_log", "130100", at=2.0, officer="王五", kind="note", text="离线记录")
    county.engine.sync_once()
    admin = env.admin()
    admin.autocommit = False
    assert maintenance.purge(admin, retention_s=0, now=time.time() + 1) == 1
    admin.close()
    old_cursor = city.engine.cursor
    city.engine.sync_once()
    assert city.engine.cursor.seq > old_cursor.seq
    assert city.store.get("enterprise", gone) is None
    assert city.store.get("enterprise", keep)["address"] == "新地址"
    assert city.store.pending_count() == 0, city.store.rejected()
    assert city.store.get("duty_log", offline_edit) is not None
    assert env.query("SELECT count(*) FROM duty_log WHERE id = %s", (offline_edit,)) == [(1,)]


def _wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)  # polling interval of a deadline loop, not a wait for the condition
    return condition()


def test_notify_wakes_a_node_and_periodic_pull_is_the_safety_net(env, node_factory, pg_server_dsn):
    writer = node_factory("130102")
    listening, deaf = node_factory("130100"), node_factory("130000")
    # `listening` would not pull for an hour on its own: only a notification can wake it
    woken = SyncService(listening.engine, connect_backend(env.node_dsn("130100")), interval_s=3600)
    # `deaf` listens on another database, where no notification ever comes: the periodic pull saves it
    polled = SyncService(deaf.engine, connect_backend(pg_server_dsn), interval_s=0.3)
    statuses = []
    woken.subscribe(statuses.append)
    woken.start()
    polled.start()
    try:
        assert _wait_for(lambda: woken.status.link == "up" and polled.status.link == "up")
        row_id = writer.store.insert("enterprise", "130102", **enterprise_fields("130102", 5))
        writer.engine.sync_once()
        assert _wait_for(lambda: listening.store.get("enterprise", row_id) is not None)
        assert _wait_for(lambda: deaf.store.get("enterprise", row_id) is not None)
        assert statuses[-1].last_success is not None and statuses[-1].pending == 0
    finally:
        woken.stop()
        polled.stop()
