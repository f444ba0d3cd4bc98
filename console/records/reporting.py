"""Accident reporting deadlines (State Council Order No. 493, 2007), as a pure function.

The enterprise reports to the county authority within 1 hour of the accident; each
supervision level then reports to the next within 2 hours of receiving the report. How far
up the chain a report must go depends on the accident's class (Art. 10): general (4) up to
the prefecture city, larger (3) up to the province, major and especially major (1, 2) on
to the Ministry of Emergency Management.

A report row (`accident_report`) is one hop of that chain, keyed by the supervision level
the report goes to: `reporting_division` = the county for the enterprise's report, the city
for the county's, and so on (as `server_link.synthetic` lays them out, due 1 h, 3 h, 5 h
after the accident when every level uses its full time); `reported_at` is when that level
received it. Deadlines are derived from the chain, the receipt times and the clock, never
trusted from stored values, so every node computes the same countdown. Qt-free.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from domain.divisions import PROVINCE_CODE, DivisionRegistry

ENTERPRISE = ""  # the reporter of the first hop (the enterprise is not a supervision level)
MINISTRY = "100000"  # the national level above the province
FIRST_HOP_S = 3600.0
NEXT_HOP_S = 2 * 3600.0


class HopState(str, Enum):
    REPORTED = "reported"
    DUE = "due"  # the reporter has received the report and its clock runs
    OVERDUE = "overdue"
    WAITING = "waiting"  # the reporter has not received the report yet


@dataclass(frozen=True)
class Hop:
    reporter: str  # division code, or ENTERPRISE
    receiver: str  # division code, or MINISTRY
    due_at: float  # provisional while WAITING: the earliest the clock could run out
    reported_at: float | None
    state: HopState
    remaining_s: float  # negative when overdue; 0 once reported

    @property
    def late(self) -> bool:
        """Reported after its deadline, or not reported and past it."""
        if self.reported_at is not None:
            return self.reported_at > self.due_at
        return self.state is HopState.OVERDUE


def chain_for(divisions: DivisionRegistry, division: str, accident_class: int) -> list[str]:
    """The supervision levels that must receive the report, nearest first."""
    levels = divisions.chain_up(division)
    if accident_class >= 4:
        for index, code in enumerate(levels):
            if divisions.node_level(code) in ("city", "province"):
                return levels[: index + 1]
    if accident_class == 3:
        return levels[: levels.index(PROVINCE_CODE) + 1]
    return levels + [MINISTRY]


def hops(divisions: DivisionRegistry, division: str, accident_class: int, occurred_at: float,
         reports: dict[str, float | None], now: float) -> list[Hop]:
    """Each hop's deadline and state at `now`; `reports` maps receiving division → reported_at."""
    receivers = chain_for(divisions, division, accident_class)
    reporters = [ENTERPRISE] + receivers[:-1]
    out, received_at, provisional = [], occurred_at, False
    for index, (reporter, receiver) in enumerate(zip(reporters, receivers)):
        due_at = received_at + (FIRST_HOP_S if index == 0 else NEXT_HOP_S)
        reported_at = None if provisional else reports.get(receiver)
        if reported_at is not None:
            state, remaining = HopState.REPORTED, 0.0
        elif provisional:
            state, remaining = HopState.WAITING, due_at - now
        else:
            remaining = due_at - now
            state = HopState.OVERDUE if remaining < 0 else HopState.DUE
        out.append(Hop(reporter, receiver, due_at, reported_at, state, remaining))
        if reported_at is None:
            provisional = True
        received_at = reported_at if reported_at is not None else due_at
    return out


def still_to_report(chain: list[Hop]) -> list[str]:
    """Who still has to report, in chain order (the enterprise as ENTERPRISE)."""
    return [hop.reporter for hop in chain if hop.state is not HopState.REPORTED]


def next_reporter(chain: list[Hop]) -> str | None:
    """The one reporter whose clock runs now, or None when the chain is complete."""
    for hop in chain:
        if hop.state in (HopState.DUE, HopState.OVERDUE):
            return hop.reporter
    return None


def format_remaining(seconds: float) -> str:
    """`01:59:30` before the deadline, `-00:05:12` after it."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
