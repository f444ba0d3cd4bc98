"""Consultation sessions as records in the node's store: open, join, leave, pass the pointer,
log decisions, end. Qt-free.

A session's `division` is the county of its incident or site (else the leader's node), so the
session, its participants and its decisions reach every node above it by the usual replication
and RLS; only nodes on that supervision chain can be invited. Each write commits with its audit
row in one `LocalStore` transaction; opening, ending and granting the pointer need
`Action.LEAD_CONSULTATION`, and granting and ending only by the session's leader.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass

from domain.divisions import DivisionRegistry
from console.operators import audit
from console.operators.permissions import Action, Actor, PermissionDenied, require
from server_link.local_store import LocalStore, StoreError

MAX_TOPIC = 200
MAX_LINK = 500


@dataclass(frozen=True)
class Session:
    id: str
    division: str
    topic: str
    incident_id: str | None
    site_code: str | None
    leader: str
    leader_node: str
    invited: tuple[str, ...]
    conference_link: str
    pointer_holder: str
    pointer_node: str
    started_at: float
    ended_at: float | None
    summary: str | None

    @property
    def active(self) -> bool:
        return self.ended_at is None

    @property
    def holder_key(self) -> str:
        """Who holds the pointer, as the live view row names them."""
        return holder_key(self.pointer_holder, self.pointer_node)

    @classmethod
    def from_row(cls, row: dict) -> "Session":
        return cls(row["id"], row["division"], row.get("topic") or "", row.get("incident_id"), row.get("site_code"),
                   row.get("leader") or "", row.get("leader_node") or row["division"],
                   tuple(json.loads(row.get("invited") or "[]")), row.get("conference_link") or "",
                   row.get("pointer_holder") or row.get("leader") or "",
                   row.get("pointer_node") or row.get("leader_node") or row["division"],
                   row["started_at"], row.get("ended_at"), row.get("summary"))


@dataclass(frozen=True)
class Participant:
    username: str
    display_name: str
    node: str
    joined_at: float
    left_at: float | None


@dataclass(frozen=True)
class Decision:
    at: float
    username: str
    display_name: str
    node: str
    text: str


def holder_key(username: str, node: str) -> str:
    return f"{username}@{node}"


def session_division(divisions: DivisionRegistry, leader_node: str, site_code: str | None,
                     incident_division: str | None) -> str:
    """The incident's division, else the site's county (site code characters 3–8), else the
    leader's node; it must lie in the leader's jurisdiction."""
    division = incident_division or (site_code[2:8] if site_code else None) or leader_node
    if division not in divisions or not divisions.in_jurisdiction(leader_node, division):
        raise StoreError(f"consultation: {division} is not in the jurisdiction of node {leader_node}")
    return division


def open_session(store: LocalStore, divisions: DivisionRegistry, actor: Actor, topic: str, invited: list[str],
                 conference_link: str = "", incident: dict | None = None, site_code: str | None = None,
                 at: float | None = None) -> str:
    """Open a session led by `actor` at this node; returns its id. Invited nodes must be able to
    see it: the session's division or a node above it."""
    require(actor, Action.LEAD_CONSULTATION)
    topic = topic.strip()
    if not topic:
        raise StoreError("consultation topic: must not be empty")
    if len(topic) > MAX_TOPIC or len(conference_link) > MAX_LINK:
        raise StoreError(f"consultation: topic up to {MAX_TOPIC} and conference link up to {MAX_LINK} characters")
    division = session_division(divisions, store.node, site_code, incident["division"] if incident else None)
    chain = divisions.chain_up(division)
    outside = [code for code in invited if code not in chain]
    if outside:
        raise StoreError(f"consultation: node(s) {', '.join(outside)} cannot see a session on {division}; "
                         f"invite nodes of {' / '.join(chain)}")
    nodes = sorted(set(invited) - {store.node})
    started = time.time() if at is None else at
    with store.transaction():
        session_id = store.insert(
            "consultation", division, topic=topic, incident_id=incident["id"] if incident else None,
            site_code=site_code, leader=actor.username, leader_node=store.node, invited=json.dumps(nodes),
            conference_link=conference_link.strip(), pointer_holder=actor.username, pointer_node=store.node,
            started_at=started, summary=None,
            audit=[_entry(actor, store, "consultation_open", division, None, topic=topic, invited=nodes)])
        _participation(store, actor, session_id, division, "join", started)
    return session_id


def sessions_for(store: LocalStore, node: str) -> list[Session]:
    """Sessions this node leads or is invited to, newest first."""
    out = [Session.from_row(row) for row in store.rows("consultation", where="topic IS NOT NULL")]
    return sorted((s for s in out if s.leader_node == node or node in s.invited), key=lambda s: -s.started_at)


def get_session(store: LocalStore, session_id: str) -> Session:
    row = store.get("consultation", session_id)
    if row is None or row["deleted"]:
        raise StoreError(f"consultation {session_id}: not on this node")
    return Session.from_row(row)


def join(store: LocalStore, actor: Actor, session_id: str, at: float | None = None) -> Session:
    """Join an invited (or one's own node's) active session."""
    session = get_session(store, session_id)
    if not session.active:
        raise StoreError(f"consultation “{session.topic}”: already ended")
    if store.node != session.leader_node and store.node not in session.invited:
        raise PermissionDenied(f"node {store.node} is not invited to the consultation “{session.topic}”")
    _participation(store, actor, session_id, session.division, "join", time.time() if at is None else at)
    return session


def leave(store: LocalStore, actor: Actor, session_id: str, at: float | None = None) -> None:
    session = get_session(store, session_id)
    _participation(store, actor, session_id, session.division, "leave", time.time() if at is None else at)


def grant_pointer(store: LocalStore, actor: Actor, session_id: str, username: str, node: str) -> Session:
    """The leader passes the pointer (whose view the others follow) to a participant."""
    session = _led_by(store, actor, session_id)
    if (username, node) not in {(p.username, p.node) for p in participants(store, session_id) if p.left_at is None}:
        raise StoreError(f"consultation: {username} at {node} has not joined the session")
    store.update("consultation", session_id, pointer_holder=username, pointer_node=node,
                 audit=[_entry(actor, store, "consultation_pointer", session.division, session_id)])
    return get_session(store, session_id)


def record_decision(store: LocalStore, actor: Actor, session_id: str, text: str, at: float | None = None) -> str:
    """Append a decision to the session's log (a participant of an active session)."""
    session = get_session(store, session_id)
    text = text.strip()
    if not text:
        raise StoreError("decision: must not be empty")
    if not session.active:
        raise StoreError(f"consultation “{session.topic}”: already ended")
    if not any(p.username == actor.username and p.node == store.node for p in participants(store, session_id)):
        raise PermissionDenied(f"{actor.display_name} has not joined the consultation “{session.topic}”")
    return store.append("consultation_decision", session.division, consultation_id=session_id,
                        at=time.time() if at is None else at, username=actor.username,
                        display_name=actor.display_name, node=store.node, text=text,
                        audit=[_entry(actor, store, "consultation_decision", session.division, session_id)])


def end_session(store: LocalStore, actor: Actor, session_id: str, summary: str = "", at: float | None = None) -> None:
    session = _led_by(store, actor, session_id)
    if not session.active:
        raise StoreError(f"consultation “{session.topic}”: already ended")
    store.update("consultation", session_id, ended_at=time.time() if at is None else at, summary=summary.strip(),
                 audit=[_entry(actor, store, "consultation_end", session.division, session_id)])


def participants(store: LocalStore, session_id: str) -> list[Participant]:
    """Everyone who joined, in order of first joining; `left_at` set while they are away."""
    people: dict[tuple[str, str], Participant] = {}
    rows = sorted(store.rows("consultation_participant", where="consultation_id = ?", params=(session_id,)),
                  key=lambda r: r["at"])
    for row in rows:
        key = (row["username"], row["node"])
        first = people.get(key)
        joined = first.joined_at if first else row["at"]
        left = row["at"] if row["event"] == "leave" else None
        people[key] = Participant(row["username"], row["display_name"], row["node"], joined, left)
    return list(people.values())


def decisions(store: LocalStore, session_id: str) -> list[Decision]:
    rows = store.rows("consultation_decision", where="consultation_id = ?", params=(session_id,))
    return [Decision(r["at"], r["username"], r["display_name"], r["node"], r["text"])
            for r in sorted(rows, key=lambda r: (r["at"], r["id"]))]


def _led_by(store: LocalStore, actor: Actor, session_id: str) -> Session:
    require(actor, Action.LEAD_CONSULTATION)
    session = get_session(store, session_id)
    if (actor.username, store.node) != (session.leader, session.leader_node):
        raise PermissionDenied(f"{actor.display_name} does not lead the consultation “{session.topic}” "
                               f"({session.leader} at {session.leader_node} does)")
    return session


def _participation(store: LocalStore, actor: Actor, session_id: str, division: str, event: str, at: float) -> None:
    store.append("consultation_participant", division, consultation_id=session_id, at=at, username=actor.username,
                 display_name=actor.display_name, node=store.node, event=event,
                 audit=[_entry(actor, store, f"consultation_{event}", division, session_id)])


def _entry(actor: Actor, store: LocalStore, action: str, division: str, session_id: str | None, **after) -> dict:
    return audit.entry(actor, store.node, action, division, target_kind="consultation", target_id=session_id,
                       after=after or None)
