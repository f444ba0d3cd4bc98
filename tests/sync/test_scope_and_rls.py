"""Partial replication by jurisdiction, eviction, and row-level security proven with raw SQL."""
from __future__ import annotations

import time

import psycopg2
import pytest

from domain.values import Quality, TagValue
from server_link.history import HistoryWriter

from tests.support.sync_env import enterprise_fields, server_rows, settle

pytestmark = pytest.mark.postgres


def test_each_node_receives_exactly_its_jurisdiction(env, node_factory):
    writers = {code: node_factory(code) for code in ("130102", "130104", "130629", "130682")}
    for serial, (code, node) in enumerate(writers.items()):
        node.store.insert("enterprise", code, **enterprise_fields(code, serial))
    readers = {code: node_factory(code) for code in ("130000", "130100", "133100", "130600", "130102")}
    settle(list(writers.values()) + list(readers.values()), rounds=1)

    def divisions(node):
        return sorted(r["division"] for r in node.store.rows("enterprise"))

    assert divisions(readers["130000"]) == ["130102", "130104", "130629", "130682"]
    assert divisions(readers["130100"]) == ["130102", "130104"]
    # Xiong'an supervises 130629 by supervision_parent; Baoding (130600) does not, nor Dingzhou 130682
    assert divisions(readers["133100"]) == ["130629"]
    assert divisions(readers["130600"]) == []
    assert divisions(readers["130102"]) == ["130102"]


def test_row_moved_out_of_scope_is_evicted(env, node_factory):
    county_a, county_b, city = node_factory("130102"), node_factory("130104"), node_factory("130100")
    row_id = county_a.store.insert("enterprise", "130102", **enterprise_fields("130102", 1))
    settle([county_a, county_b, city], rounds=1)
    assert county_a.store.get("enterprise", row_id) is not None
    city.store.update("enterprise", row_id, division="130104")
    settle([city, county_a, county_b], rounds=1)
    assert county_a.store.get("enterprise", row_id) is None
    assert county_b.store.get("enterprise", row_id)["division"] == "130104"
    assert city.store.get("enterprise", row_id)["division"] == "130104"


def test_write_outside_jurisdiction_is_refused_locally_and_by_the_server(env, node_factory):
    county = node_factory("130102")
    with pytest.raises(ValueError, match="outside the jurisdiction"):
        county.store.insert("enterprise", "130104", **enterprise_fields("130104", 1))
    # a forged op that skips the local check is rejected by RLS, recorded, and does not stall the queue
    from server_link.sync_push import push_batch
    from server_link.sync_rules import Op

    conn = county.engine._server()
    forged = Op("forged-op", "enterprise", "forged-row", "upsert", 0, "130104",
                dict(enterprise_fields("130104", 2)))
    good = Op("good-op", "duty_log", "good-row", "append", 0, "130102",
              {"at": 1.0, "officer": "张三", "kind": "call", "text": "ok"})
    outcomes = push_batch(conn, [forged, good])
    assert outcomes["forged-op"].startswith("rejected: ")
    assert "row-level security" in outcomes["forged-op"]
    assert outcomes["good-op"] == "applied"
    assert env.query("SELECT count(*) FROM enterprise WHERE id = 'forged-row'") == [(0,)]
    assert env.query("SELECT outcome FROM applied_op WHERE op_id = 'forged-op'")[0][0].startswith("rejected")


def test_raw_sql_county_role_cannot_read_or_write_another_county(env):
    admin = env.admin()
    with admin.cursor() as cur:
        for row_id, division in (("own", "130102"), ("theirs", "130104")):
            fields = enterprise_fields(division, 7)
            cur.execute("INSERT INTO enterprise (id, division, version, deleted, credit_code, name, industry,"
                        " supervision_level, status, audit_state) VALUES (%s,%s,0,false,%s,%s,%s,%s,%s,%s)",
                        (row_id, division, fields["credit_code"], fields["name"], fields["industry"],
                         fields["supervision_level"], fields["status"], fields["audit_state"]))
    admin.close()
    county = psycopg2.connect(env.node_dsn("130102"))
    county.autocommit = True
    with county.cursor() as cur:
        cur.execute("SELECT current_user")
        assert cur.fetchone()[0] == env.roles["130102"]
        cur.execute("SELECT id FROM enterprise ORDER BY id")
        assert cur.fetchall() == [("own",)]
        cur.execute("SELECT count(*) FROM change_log WHERE division = '130104'")
        assert cur.fetchone() == (0,)
        cur.execute("UPDATE enterprise SET name = 'x' WHERE id = 'theirs'")
        assert cur.rowcount == 0
        cur.execute("UPDATE enterprise SET name = '改名' WHERE id = 'own'")
        assert cur.rowcount == 1
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
            cur.execute("UPDATE enterprise SET division = '130104' WHERE id = 'own'")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
            cur.execute("INSERT INTO enterprise (id, division, version, deleted, credit_code, name, industry,"
                        " supervision_level, status, audit_state) "
                        "VALUES ('new', '130104', 0, false, %s, 'n', 'other', 'county', 'operating', 'approved')",
                        (enterprise_fields("130104", 8)["credit_code"],))
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("DELETE FROM enterprise WHERE id = 'own'")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("INSERT INTO change_log (table_name, row_id, division, version) VALUES ('enterprise','x','130102',1)")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("INSERT INTO sync_node VALUES ('me2', '130000')")
    county.close()
    assert env.query("SELECT name FROM enterprise WHERE id = 'theirs'")[0][0] == enterprise_fields("130104", 7)["name"]
    assert env.query("SELECT division FROM enterprise WHERE id = 'own'") == [("130102",)]


def test_node_equals_server_for_its_scope(env, node_factory):
    county, city = node_factory("130102"), node_factory("130100")
    for serial in range(5):
        county.store.insert("enterprise", "130102", **enterprise_fields("130102", serial))
        city.store.insert("enterprise", "130104", **enterprise_fields("130104", 100 + serial))
    settle([county, city])
    from domain.divisions import hebei

    for node in (county, city):
        scope = hebei().jurisdiction(node.division)
        local = {r["id"]: r for r in node.store.rows("enterprise", include_deleted=True)}
        assert local == server_rows(env, "enterprise", scope)
    assert len(city.store.rows("enterprise")) == 10


def test_backend_refuses_a_credit_code_with_a_wrong_check_character(env):
    good = enterprise_fields("130102", 9)["credit_code"]
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    statement = ("INSERT INTO enterprise (id, division, version, deleted, credit_code, name, industry,"
                 " supervision_level, status, audit_state) VALUES (%s, '130102', 0, false, %s, 'n', 'other',"
                 " 'county', 'operating', 'approved')")
    env.query(statement, ("good", good))
    with pytest.raises(psycopg2.errors.CheckViolation, match="ck_enterprise_credit_code"):
        env.query(statement, ("bad", bad))
    assert env.query("SELECT credit_code_valid(%s), credit_code_valid(%s), credit_code_valid('91350100M000100Y43')",
                     (good, bad)) == [(True, False, True)]


def test_node_roles_read_the_collectors_values_of_their_jurisdiction_only(env):
    county = env.role_for("130102")  # a node that exists before the collector's tables
    writer = HistoryWriter(env.admin_dsn)  # creates them, scoped
    env.role_for("130100")  # and one added after
    now = time.time()
    tags = ("TP13010201.pond_level", "TP13010401.pond_level", "TP13020301.pond_level")
    writer.write([TagValue(tag, 1.0, Quality.GOOD, now, now) for tag in tags], now)
    writer.beat()
    writer.close()

    def visible(division: str) -> dict[str, list[str]]:
        conn = psycopg2.connect(env.node_dsn(division))
        try:
            with conn.cursor() as cur:
                out = {}
                for table in ("field_live", "field_history"):
                    cur.execute(f"SELECT tag FROM {table} ORDER BY tag")
                    out[table] = [tag for (tag,) in cur.fetchall()]
                cur.execute("SELECT count(*) FROM field_collector")
                out["heartbeats"] = cur.fetchone()[0]
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute("UPDATE field_live SET value = 0")
            return out
        finally:
            conn.close()

    assert env.roles["130102"] == county
    assert visible("130102") == {"field_live": [tags[0]], "field_history": [tags[0]], "heartbeats": 1}
    assert visible("130100") == {"field_live": list(tags[:2]), "field_history": list(tags[:2]), "heartbeats": 1}
