"""How well each node answered a drill, from stored timestamps only: a pure function. Qt-free.

For every node taking part, measured from the drill's first alarm in its jurisdiction (the
drill's start when it had none):

- first look: the node's first `look` event (an operator selected the alarm) — full marks
  within 60 s, none from 600 s;
- acknowledgment: its first acknowledgment (or handling) — full within 120 s, none from 900 s;
- first report: when its first report up the chain was received — full within 15 min, none
  from 60 min;
- report chain: the share of its hops of the Order No. 493 chain (`console.records.reporting`,
  as the emergency page computes them) that reached the next level by their deadline; a hop
  still within its time when scored is left out.

Each part is worth 25 points, scaled linearly between its full and its zero mark; a part
that does not apply (no alarm in the node's jurisdiction, no hop to send) is left out and the
total is scaled to 100 over the parts that do. A part that applies but never happened scores 0.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.alarm_events import AlarmEvent, EventKind
from domain.divisions import DivisionRegistry
from console.records.incidents import clock_start
from console.records.reporting import Hop, HopState, hops

PART_POINTS = 25.0
LOOK_S = (60.0, 600.0)
ACK_S = (120.0, 900.0)
REPORT_S = (900.0, 3600.0)


@dataclass(frozen=True)
class NodeScore:
    node: str
    reference_at: float  # the first drill alarm in the node's jurisdiction, else the drill's start
    look_s: float | None
    ack_s: float | None
    report_s: float | None
    hops_on_time: int
    hops_counted: int
    points: dict[str, float | None]  # look, ack, report, chain → points (None: does not apply)
    total: float  # 0–100


def linear_points(seconds: float | None, marks: tuple[float, float]) -> float:
    """Full points up to the first mark, none from the second, a straight line between."""
    if seconds is None:
        return 0.0
    good, bad = marks
    share = (bad - seconds) / (bad - good)
    return PART_POINTS * min(1.0, max(0.0, share))


def _first(events: Iterable[AlarmEvent], node: str, kinds: tuple[EventKind, ...], since: float) -> float | None:
    times = [event.at for event in events if event.node == node and event.kind in kinds and event.at >= since]
    return min(times) if times else None


def node_hops(divisions: DivisionRegistry, node: str, incidents: Iterable[dict], reports: Iterable[dict],
              now: float) -> list[Hop]:
    """The hops of the drill incidents' reporting chains that `node` must send."""
    received: dict[str, dict[str, float | None]] = {}
    for row in reports:
        if row.get("reported_at") is not None:
            received.setdefault(row["incident_id"], {})[row["reporting_division"]] = row["reported_at"]
    out = []
    for incident in incidents:
        chain = hops(divisions, incident["division"], incident["level"], clock_start(incident),
                     received.get(incident["id"], {}), now)
        out += [hop for hop in chain if hop.reporter == node]
    return out


def score_node(node: str, divisions: DivisionRegistry, started_at: float, events: list[AlarmEvent],
               incidents: list[dict], reports: list[dict], now: float) -> NodeScore:
    """One node's score at `now` (the drill's end, or now while it runs)."""
    area = divisions.jurisdiction(node)
    raises = [event.at for event in events if event.kind is EventKind.RAISE and event.division in area]
    reference = min(raises) if raises else started_at
    look_at = _first(events, node, (EventKind.LOOK,), reference)
    ack_at = _first(events, node, (EventKind.ACK, EventKind.DISPOSE), reference)
    sent = node_hops(divisions, node, incidents, reports, now)
    counted = [hop for hop in sent if hop.state in (HopState.REPORTED, HopState.OVERDUE)]
    on_time = [hop for hop in counted if not hop.late]
    reported = [hop.reported_at for hop in sent if hop.reported_at is not None]
    since = lambda at: None if at is None else at - reference  # noqa: E731
    report_s = since(min(reported)) if reported else None
    points = {
        "look": linear_points(since(look_at), LOOK_S) if raises else None,
        "ack": linear_points(since(ack_at), ACK_S) if raises else None,
        "report": linear_points(report_s, REPORT_S) if sent else None,
        "chain": PART_POINTS * len(on_time) / len(counted) if counted else None,
    }
    applied = [value for value in points.values() if value is not None]
    total = 100.0 * sum(applied) / (PART_POINTS * len(applied)) if applied else 0.0
    return NodeScore(node, reference, since(look_at), since(ack_at), report_s, len(on_time), len(counted),
                     points, round(total, 1))


def score_drill(nodes: Iterable[str], divisions: DivisionRegistry, started_at: float, events: list[AlarmEvent],
                incidents: list[dict], reports: list[dict], now: float) -> list[NodeScore]:
    return [score_node(node, divisions, started_at, events, incidents, reports, now) for node in nodes]
