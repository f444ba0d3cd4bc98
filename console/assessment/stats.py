"""Per node and period: sign-ins and time on duty, alarms acknowledged and how fast, records
entered and approved, reporting timeliness, registry completeness, link availability. Qt-free.

Everything comes from rows the node's store already holds for its jurisdiction: `audit_event`
(sign-in/out, record creations and approvals), `alarm_event` (acknowledgments and the raise
they answer), `incident`/`accident_report` (the Order No. 493 chain, as the emergency page
computes it), the registry (`registry_stats`), and this node's `assessment_link_transition`.
Rows of a drill (`drill_id` set, or a record whose audit row names one) are left out.
"""
from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field

from console.assessment.links import LINKS, availability
from domain.divisions import DivisionRegistry
from console.drill.scoring import node_hops
from console.records.queries import FILLED, RecordsReader
from console.records.registry_stats import completeness
from console.records.reporting import HopState


@dataclass
class NodeFigures:
    node: str
    logins: int = 0
    duty_hours: float = 0.0
    acknowledged: int = 0
    response_mean_s: float | None = None
    response_max_s: float | None = None
    records_entered: int = 0
    records_approved: int = 0
    reports_on_time: int = 0
    reports_counted: int = 0
    completeness: float | None = None  # mean share of the registry's key fields filled
    links: dict[str, float | None] = field(default_factory=dict)  # link → share of the period usable

    @property
    def timeliness(self) -> float | None:
        return self.reports_on_time / self.reports_counted if self.reports_counted else None


def _nodes(reader: RecordsReader, own: str, start: float, end: float) -> list[str]:
    rows = reader.query("SELECT DISTINCT node FROM audit_event WHERE at >= ? AND at < ? "
                        "UNION SELECT DISTINCT node FROM alarm_event WHERE at >= ? AND at < ? AND node != ''",
                        (start, end, start, end))
    return sorted({row["node"] for row in rows if row["node"]} | {own})


def _duty(reader: RecordsReader, start: float, end: float) -> tuple[dict[str, int], dict[str, float]]:
    """Sign-ins in the period and hours signed in: a session runs from a sign-in to its sign-out
    or the next sign-in at that node (a take-over), clipped to the period."""
    logins: dict[str, int] = {}
    hours: dict[str, float] = {}
    open_at: dict[str, float] = {}
    rows = reader.query("SELECT node, username, action, at FROM audit_event WHERE action IN ('login', 'logout') "
                        "AND at < ? ORDER BY at", (end,))

    def close(node: str, at: float) -> None:
        began = open_at.pop(node, None)
        if began is not None:
            hours[node] = hours.get(node, 0.0) + max(0.0, min(at, end) - max(began, start)) / 3600.0

    for row in rows:
        node, at = row["node"], row["at"]
        close(node, at)
        if row["action"] == "login":
            open_at[node] = at
            if at >= start:
                logins[node] = logins.get(node, 0) + 1
    for node in list(open_at):
        close(node, end)
    return logins, hours


def _responses(reader: RecordsReader, start: float, end: float) -> dict[str, list[float]]:
    rows = reader.query(
        "SELECT a.node AS node, a.at - r.raised AS response FROM alarm_event a JOIN "
        "(SELECT occurrence_id, MIN(at) AS raised FROM alarm_event WHERE kind = 'raise' GROUP BY occurrence_id) r "
        "ON r.occurrence_id = a.occurrence_id "
        "WHERE a.kind = 'ack' AND a.drill_id IS NULL AND a.at >= ? AND a.at < ?", (start, end))
    out: dict[str, list[float]] = {}
    for row in rows:
        out.setdefault(row["node"], []).append(max(0.0, row["response"]))
    return out


def _records(reader: RecordsReader, start: float, end: float) -> tuple[dict[str, int], dict[str, int]]:
    entered: dict[str, int] = {}
    approved: dict[str, int] = {}
    rows = reader.query("SELECT node, action, after FROM audit_event WHERE action IN ('record_create', "
                        "'record_approve', 'duty_log') AND at >= ? AND at < ?", (start, end))
    for row in rows:
        if "drill_id" in json.loads(row["after"] or "{}"):
            continue
        counts = approved if row["action"] == "record_approve" else entered
        counts[row["node"]] = counts.get(row["node"], 0) + 1
    return entered, approved


def _completeness(reader: RecordsReader, divisions: DivisionRegistry, node: str) -> float | None:
    if node not in divisions:
        return None
    whole = completeness(reader, divisions, node)[1]
    return sum(whole.share(key) for key in FILLED) / len(FILLED) if whole.total else None


def _links(reader: RecordsReader, start: float, end: float) -> dict[str, float | None]:
    rows = reader.query("SELECT link, state, at FROM assessment_link_transition WHERE at < ? ORDER BY at, seq", (end,))
    by_link: dict[str, list[tuple[str, float]]] = {}
    for row in rows:
        by_link.setdefault(row["link"], []).append((row["state"], row["at"]))
    out = {}
    for link in LINKS:
        changes = by_link.get(link, [])
        before = [index for index, (_, at) in enumerate(changes) if at <= start]
        out[link] = availability(changes[before[-1] if before else 0:], start, end)
    return out


def assess(reader: RecordsReader, divisions: DivisionRegistry, start: float, end: float,
           now: float) -> list[NodeFigures]:
    """Figures of every node seen in the period (and this one), this node's links included."""
    if end <= start:
        raise ValueError("assessment period: must end after it starts")
    until = min(end, now)
    logins, hours = _duty(reader, start, until)
    responses = _responses(reader, start, end)
    entered, approved = _records(reader, start, end)
    incidents = reader.query("SELECT * FROM incident WHERE deleted = 0 AND drill_id IS NULL "
                             "AND occurred_at >= ? AND occurred_at < ?", (start, end))
    reports = reader.query("SELECT * FROM accident_report WHERE deleted = 0 AND drill_id IS NULL AND incident_id IN "
                           f"({','.join('?' * len(incidents))})", tuple(row["id"] for row in incidents)) \
        if incidents else []
    out = []
    for node in _nodes(reader, reader.node, start, end):
        times = responses.get(node, [])
        sent = [hop for hop in node_hops(divisions, node, incidents, reports, until)
                if hop.state in (HopState.REPORTED, HopState.OVERDUE)]
        out.append(NodeFigures(
            node, logins.get(node, 0), round(hours.get(node, 0.0), 2), len(times),
            statistics.fmean(times) if times else None, max(times) if times else None,
            entered.get(node, 0), approved.get(node, 0), sum(not hop.late for hop in sent), len(sent),
            _completeness(reader, divisions, node),
            _links(reader, start, until) if node == reader.node else {}))
    return out
