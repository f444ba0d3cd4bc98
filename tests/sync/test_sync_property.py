"""Property test: random operations and faults on two nodes, then everything settles.

After the faults stop: every outbox is empty, each node equals the backend for its scope,
no op was applied twice (the ledger holds each op id once and quantities equal the sum of
all deltas), hazard status is the furthest any node set, every duty-log entry exists once,
conflicts between the county (the owner) and another node never reach the inbox, and
those between the city and the province wait there until a person decides.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from psycopg2.extensions import parse_dsn

from domain.divisions import hebei
from server_link.models import HAZARD_STATUSES
from server_link.sync_engine import LinkDown
from tests.support.sync_env import cloned_backend, enterprise_fields, make_node, server_rows, settle
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.postgres
NODES = ("130102", "130100", "130000")
FIELDS = ("address", "phone", "contact")

action = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(NODES), st.integers(0, 1), st.sampled_from(FIELDS),
              st.text("甲乙丙丁abc", min_size=1, max_size=4)),
    st.tuples(st.just("delta"), st.sampled_from(NODES), st.integers(-5, 5).filter(bool)),
    st.tuples(st.just("log"), st.sampled_from(NODES)),
    st.tuples(st.just("hazard"), st.sampled_from(NODES), st.sampled_from(HAZARD_STATUSES)),
    st.tuples(st.just("cut"), st.sampled_from(NODES)),
    st.tuples(st.just("restore"), st.sampled_from(NODES)),
    st.tuples(st.just("sync"), st.sampled_from(NODES)),
    st.tuples(st.just("lost_ack"), st.sampled_from(NODES)),
)


@pytest.mark.timeout(300)  # several real backends and nodes per run; the machine may be shared
# No shrinking phase: each example runs real servers; a failure is reported as generated.
@settings(max_examples=6, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(action, min_size=5, max_size=25))
def test_random_operations_and_faults_settle(pg_server_dsn, sync_template, tmp_path_factory, actions):
    directory = tmp_path_factory.mktemp("prop")
    with cloned_backend(pg_server_dsn, sync_template) as env:
        params = parse_dsn(env.admin_dsn)
        proxies = {code: TcpProxy(params.get("host", "127.0.0.1"), int(params.get("port", 5432))) for code in NODES}
        nodes = {code: make_node(env, code, directory, env.node_dsn(code, proxies[code].host, proxies[code].port))
                 for code in NODES}
        try:
            _run(env, nodes, proxies, actions)
        finally:
            for code in NODES:
                nodes[code].engine.close()
                nodes[code].store.close()
                proxies[code].close()


def _run(env, nodes, proxies, actions):
    county = nodes["130102"]
    enterprises = [county.store.insert("enterprise", "130102", **enterprise_fields("130102", i)) for i in range(2)]
    supply = county.store.insert("supply", "130102", name="沙袋", unit="袋", quantity=100.0)
    hazard = county.store.insert("hazard", "130102", enterprise_id=enterprises[0], description="隐患",
                                 level="general", deadline=0.0, status="reported")
    settle(list(nodes.values()), rounds=1)
    ops, delta_sum, logs, furthest = 4, 0, 0, 0
    for name, code, *args in actions:
        node = nodes[code]
        if name == "edit":
            node.store.update("enterprise", enterprises[args[0]], **{args[1]: args[2]})
        elif name == "delta":
            node.store.adjust("supply", supply, "quantity", args[0])
            delta_sum += args[0]
        elif name == "log":
            node.store.append("duty_log", code, at=float(logs), officer="值班员", kind="note", text=f"记录{logs}")
            logs += 1
        elif name == "hazard":
            node.store.update("hazard", hazard, status=args[0])
            furthest = max(furthest, HAZARD_STATUSES.index(args[0]))
        elif name == "cut":
            proxies[code].cut()
        elif name == "restore":
            proxies[code].restore()
        else:
            if name == "lost_ack":
                node.engine.after_commit = _lose_ack(node, proxies[code])
            try:
                node.engine.sync_once()
            except LinkDown:
                pass
            node.engine.after_commit = None
        ops += name in ("edit", "delta", "log") or (name == "hazard")
    for proxy in proxies.values():
        proxy.restore()
    settle(list(nodes.values()))
    for conflict in nodes["130000"].store.open_conflicts():
        assert {conflict["server_origin"], conflict["incoming_origin"]} == {"130100", "130000"}
        nodes["130000"].store.resolve_conflict(conflict["id"], "server")
        ops += 1
    settle(list(nodes.values()))

    assert all(node.store.pending_count() == 0 for node in nodes.values())
    assert all(node.store.open_conflicts() == [] for node in nodes.values())
    assert all(node.store.rejected() == [] for node in nodes.values())
    assert env.query("SELECT count(*), count(DISTINCT op_id) FROM applied_op") == [(ops, ops)]
    assert env.query("SELECT quantity FROM supply") == [(100.0 + delta_sum,)]
    assert env.query("SELECT status FROM hazard") == [(HAZARD_STATUSES[furthest],)]
    assert env.query("SELECT count(*) FROM duty_log") == [(logs,)]
    assert env.query("SELECT count(*) FROM sync_conflict WHERE resolution IS NULL") == [(0,)]
    for code, node in nodes.items():
        scope = hebei().jurisdiction(code)
        for table in ("enterprise", "supply", "hazard", "duty_log", "sync_conflict"):
            local = {r["id"]: r for r in node.store.rows(table, include_deleted=True)}
            assert local == server_rows(env, table, scope), (code, table)


def _lose_ack(node, proxy):
    def hook(op_ids):
        proxy.cut()
        raise LinkDown("acknowledgement lost")
    return hook
