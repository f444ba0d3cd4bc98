"""Consultation sessions on a real PostgreSQL with two or three nodes, each logging in with its
own role: the city (130100) leads a session on a site of its county 130102, the county and the
province follow. Records replicate through sync; views go through LISTEN/NOTIFY."""
from __future__ import annotations

import queue
import threading

import pytest

from console.consultation import live, sessions
from console.consultation.live import LiveMessage, ViewFollower, ViewPublisher
from console.consultation.view_state import ViewState
from domain.divisions import hebei
from console.operators.permissions import Actor, PermissionDenied, Role
from server_link.local_store import StoreError
from tests.support.sync_env import settle

pytestmark = pytest.mark.postgres
CITY_LEAD = Actor("wangqiang", "王强", Role.SHIFT_LEADER, "130100")
COUNTY_OFFICER = Actor("zhaomin", "赵敏", Role.DUTY_OFFICER, "130102")
SITE = "TP13010201"
WAIT_S = 15


class Heard:
    """What a follower hears, waited for by event (never a sleep)."""

    def __init__(self) -> None:
        self.messages: queue.Queue[LiveMessage] = queue.Queue()

    def __call__(self, message: LiveMessage) -> None:
        self.messages.put(message)

    def next_view(self) -> LiveMessage:
        while (message := self.messages.get(timeout=WAIT_S)).kind != "view":
            pass
        return message

    def view_until(self, wanted) -> list[LiveMessage]:
        seen = [self.next_view()]
        while not wanted(seen[-1]):
            seen.append(self.next_view())
        return seen


@pytest.fixture()
def session(env, node_factory):
    """City and county nodes, a session opened by the city on the county's site, the county joined."""
    city, county = node_factory("130100"), node_factory("130102")
    session_id = sessions.open_session(city.store, hebei(), CITY_LEAD, "尾矿库水位会商", ["130102"],
                                       "https://meet.example.invalid/8812", site_code=SITE)
    settle([city, county])
    sessions.join(county.store, COUNTY_OFFICER, session_id)
    settle([city, county])
    return city, county, session_id


def state(n: int) -> ViewState:
    return ViewState("overview", {"overview": {"f": "130102", "x": [n, 2.0, 3.0, 4.0], "s": SITE}})


def test_decisions_and_participants_replicate_to_both_nodes(env, session):
    city, county, session_id = session
    assert [s.id for s in sessions.sessions_for(county.store, "130102")] == [session_id]
    assert county.store.get("consultation", session_id)["division"] == "130102"
    sessions.record_decision(county.store, COUNTY_OFFICER, session_id, "立即组织下游群众转移")
    sessions.record_decision(city.store, CITY_LEAD, session_id, "市应急局派出专家组")
    settle([city, county])
    for node in (city, county):
        assert {(d.username, d.node, d.text) for d in sessions.decisions(node.store, session_id)} == {
            ("zhaomin", "130102", "立即组织下游群众转移"), ("wangqiang", "130100", "市应急局派出专家组")}
        assert [(p.username, p.node) for p in sessions.participants(node.store, session_id)] == [
            ("wangqiang", "130100"), ("zhaomin", "130102")]
        audited = {(r["username"], r["action"]) for r in node.store.rows("audit_event")}
        assert {("wangqiang", "consultation_open"), ("zhaomin", "consultation_join"),
                ("zhaomin", "consultation_decision")} <= audited
    sessions.end_session(city.store, CITY_LEAD, session_id, "水位回落，会商结束")
    settle([city, county])
    assert not sessions.get_session(county.store, session_id).active
    with pytest.raises(StoreError, match="already ended"):
        sessions.record_decision(county.store, COUNTY_OFFICER, session_id, "追加")


def test_refusals_are_one_line(env, session):
    city, county, session_id = session
    with pytest.raises(PermissionDenied) as refused:
        sessions.open_session(county.store, hebei(), COUNTY_OFFICER, "会商", [])
    assert str(refused.value) == ("赵敏 (duty officer) may not open, lead or end consultations: "
                                  "only a shift leader, leader, administrator may")
    county_lead = Actor("liu", "刘县长", Role.LEADER, "130102")
    with pytest.raises(PermissionDenied, match="does not lead") as refused:
        sessions.grant_pointer(county.store, county_lead, session_id, "zhaomin", "130102")
    assert "\n" not in str(refused.value)
    with pytest.raises(StoreError, match="cannot see a session on 130102"):
        sessions.open_session(city.store, hebei(), CITY_LEAD, "会商", ["130104"], site_code=SITE)


def test_follower_follows_in_order_and_a_late_joiner_starts_from_the_current_view(env, session):
    city, county, session_id = session
    heard = Heard()
    follower = ViewFollower(env.node_dsn("130102"), session_id, heard).start()
    publisher = ViewPublisher(env.node_dsn("130100"), session_id, "130102",
                              sessions.holder_key("wangqiang", "130100")).start()
    try:
        publisher.publish(state(0))
        assert heard.next_view().state == state(0)
        for n in range(1, 60):  # faster than the publisher sends: coalesced, latest wins
            publisher.publish(state(n))
        seen = heard.view_until(lambda m: m.state == state(59))
        assert [m.seq for m in seen] == sorted({m.seq for m in seen})
        assert len(seen) < 59
        late = Heard()
        province = ViewFollower(env.node_dsn("130000"), session_id, late).start()
        try:
            assert late.next_view().state == state(59)
        finally:
            province.stop()
    finally:
        publisher.stop()
        follower.stop()


def test_an_older_state_never_overwrites_a_newer_one(env, session):
    _city, _county, session_id = session
    holder = sessions.holder_key("wangqiang", "130100")
    fast = ViewPublisher(env.node_dsn("130100"), session_id, "130102", holder).start()
    fast.publish(state(5))
    heard = Heard()
    follower = ViewFollower(env.node_dsn("130102"), session_id, heard).start()
    try:
        assert heard.next_view().state == state(5)
        conn = live._connect(env.node_dsn("130100"))
        with conn.cursor() as cur:
            # an old number, sent directly: the row keeps the newer state and nobody is notified
            cur.execute(live.PUBLISH_SQL, {"id": session_id, "division": "130102", "seq": 1, "holder": holder,
                                           "state": state(1).encode(), "channel": live.channel(session_id),
                                           "payload": "{}"})
            assert cur.rowcount == 0
            cur.execute(live.LATEST_SQL, (session_id,))
            assert ViewState.decode(cur.fetchone()[2]) == state(5)
        conn.close()
        fast.publish(state(6))
        assert heard.next_view().state == state(6)
    finally:
        fast.stop()
        follower.stop()


def test_a_view_that_came_in_with_another_answer_is_not_left_waiting(env, session):
    """psycopg2 reads notifications with any query's answer (the catch-up's): the follower must
    deliver those before it waits on the socket, which has nothing more to say."""
    _city, _county, session_id = session
    heard = Heard()
    follower = ViewFollower(env.node_dsn("130102"), session_id, heard)
    conn = live._connect(env.node_dsn("130102"))
    notifier = live._connect(env.node_dsn("130100"))
    try:
        with conn.cursor() as cur:
            cur.execute(f"LISTEN {live.channel(session_id)}")
        payload = '{"k":"view","q":7,"h":"x","v":' + state(7).encode() + "}"
        with notifier.cursor() as cur:
            cur.execute("SELECT pg_notify(%s, %s)", (live.channel(session_id), payload))
        with conn.cursor() as cur:
            cur.execute("SELECT 1")  # the notification arrives with this answer
        assert conn.notifies, "the notification came in with the answer"
        listening = threading.Thread(target=follower._listen, args=(conn,), daemon=True)
        listening.start()
        try:
            assert heard.next_view().state == state(7)
        finally:
            follower.stop(wait=False)
            listening.join(5)
    finally:
        conn.close()
        notifier.close()


def test_granting_the_pointer_changes_who_publishes(env, session):
    city, county, session_id = session
    leader_key, county_key = (sessions.holder_key("wangqiang", "130100"), sessions.holder_key("zhaomin", "130102"))
    refused = queue.Queue()
    leader = ViewPublisher(env.node_dsn("130100"), session_id, "130102", leader_key,
                           on_refused=lambda: refused.put(True)).start()
    heard_at_city = Heard()
    city_follower = ViewFollower(env.node_dsn("130100"), session_id, heard_at_city).start()
    try:
        leader.publish(state(1))
        assert heard_at_city.next_view().state == state(1)
        granted = sessions.grant_pointer(city.store, CITY_LEAD, session_id, "zhaomin", "130102")
        assert granted.holder_key == county_key
        seq = live.grant_pointer(env.node_dsn("130100"), session_id, "130102", county_key)
        assert seq == 2
        assert heard_at_city.messages.get(timeout=WAIT_S) == LiveMessage("pointer", seq, county_key)
        leader.publish(state(2))
        assert refused.get(timeout=WAIT_S)
        county_publisher = ViewPublisher(env.node_dsn("130102"), session_id, "130102", county_key).start()
        try:
            county_publisher.publish(state(3))
            message = heard_at_city.next_view()
            assert (message.state, message.holder) == (state(3), county_key)
        finally:
            county_publisher.stop()
        settle([city, county])
        assert sessions.get_session(county.store, session_id).holder_key == county_key
    finally:
        leader.stop()
        city_follower.stop()


def test_a_follower_reconnects_after_its_connection_drops(env, session):
    _city, _county, session_id = session
    links: queue.Queue[bool] = queue.Queue()
    heard = Heard()
    follower = ViewFollower(env.node_dsn("130102"), session_id, heard, on_link=links.put).start()
    publisher = ViewPublisher(env.node_dsn("130100"), session_id, "130102",
                              sessions.holder_key("wangqiang", "130100")).start()
    try:
        assert links.get(timeout=WAIT_S) is True
        env.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                  (env.role_for("130102"),))
        assert links.get(timeout=WAIT_S) is False
        assert links.get(timeout=WAIT_S) is True
        publisher.publish(state(7))
        assert heard.next_view().state == state(7)
    finally:
        publisher.stop()
        follower.stop()
