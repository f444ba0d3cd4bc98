"""The duty room's own records: the append-only duty log (complaints with their follow-ups),
the roster of shifts, shift handovers with everything still open. Qt-free.

Every write returns only after the store has committed it with its outbox op, so the page
shows an entry only once it is durable. Every write takes the acting `Actor` and checks it.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from domain.divisions import DivisionRegistry
from console.link_state import LinkState
from console.operators.permissions import Action, Actor, require
from console.records import enforcement, trail
from console.records.incidents import open_incidents
from console.records.labels import COMPLAINT_STATUS, LOG_KIND
from console.records.queries import RecordsReader
from console.records.reporting import HopState, still_to_report
from server_link.local_store import LocalStore, StoreError

DAY_START_HOUR, NIGHT_START_HOUR = 8, 20
MAX_SHIFT_S = 48 * 3600
OVERDUE_LISTED = 50  # the most overdue hazards a handover names one by one; the rest are counted


def append_log(store: LocalStore, actor: Actor, kind: str, text: str, at: float | None = None,
               ref_id: str | None = None, status: str | None = None, drill_id: str | None = None) -> str:
    """A duty-log entry by the signed-in `actor` (its officer is their username); a complaint
    starts `open`, a follow-up (`ref_id`) carries the complaint's new status; `drill_id` marks
    an entry written for a drill."""
    require(actor, Action.EDIT_RECORDS)
    if kind not in LOG_KIND:
        raise StoreError(f"duty log category {kind!r}: not one of {', '.join(LOG_KIND)}")
    if not text.strip():
        raise StoreError("duty log text: must not be empty")
    if kind == "complaint" and status is None:
        status = "open"
    if status is not None and status not in COMPLAINT_STATUS:
        raise StoreError(f"duty log follow-up status {status!r}: not one of {', '.join(COMPLAINT_STATUS)}")
    return store.append("duty_log", store.node, at=time.time() if at is None else at, officer=actor.username,
                        kind=kind, text=text.strip(), ref_id=ref_id, status=status, drill_id=drill_id,
                        audit=[trail.entry(actor, store, "duty_log", "duty_log", kind=kind, status=status,
                                           **({"drill_id": drill_id} if drill_id else {}))])


def follow_up_complaint(store: LocalStore, reader: RecordsReader, actor: Actor, complaint_id: str, status: str,
                        text: str, at: float | None = None) -> str:
    """A follow-up of a complaint/report: a new log entry referring to it, with the new status."""
    complaint = store.get("duty_log", complaint_id)
    if complaint is None or complaint["kind"] != "complaint":
        raise StoreError(f"complaint {complaint_id}: no such complaint in this duty log")
    if complaint_status(reader, complaint) == "resolved":
        raise StoreError("complaint: already resolved")
    return append_log(store, actor, "followup", text, at, ref_id=complaint_id, status=status)


def complaint_status(reader: RecordsReader, complaint: dict) -> str:
    """The status of the complaint's latest follow-up (its own when none yet)."""
    latest = reader.rows("duty_log", "at DESC", where="ref_id = ?", params=(complaint["id"],), limit=1)
    return latest[0]["status"] if latest else complaint["status"] or "open"


def complaints(reader: RecordsReader, limit: int = 200) -> list[dict]:
    """This node's complaints and reports, newest first, each with its current `follow_status`."""
    rows = reader.rows("duty_log", "at DESC", where="division = ? AND kind = 'complaint'", params=(reader.node,),
                       limit=limit)
    return [dict(row, follow_status=complaint_status(reader, row)) for row in rows]


def recent_log(reader: RecordsReader, limit: int = 500) -> list[dict]:
    """This node's log, newest first (a city sees its own room's log, not its counties')."""
    return reader.rows("duty_log", "at DESC", where="division = ?", params=(reader.node,), limit=limit)


# --- roster -------------------------------------------------------------------------------

def shift_span(row: dict) -> tuple[float, float]:
    """(start, end) of a roster row; rows without times are the day 08–20 / night 20–08 shifts."""
    if row.get("starts_at") is not None and row.get("ends_at") is not None:
        return row["starts_at"], row["ends_at"]
    day = datetime.fromisoformat(row["day"])
    start_hour = DAY_START_HOUR if row["shift"] == "day" else NIGHT_START_HOUR
    start = day.replace(hour=start_hour).timestamp()
    return start, start + 12 * 3600


def save_shift(store: LocalStore, reader: RecordsReader, actor: Actor, officer: str, leader: str,
               starts_at: float, ends_at: float, shift_id: str | None = None) -> str:
    """Put an officer on the roster from `starts_at` to `ends_at` (any hours up to 48), or move
    an existing shift; an officer cannot be on two overlapping shifts."""
    require(actor, Action.EDIT_RECORDS)
    if not officer.strip():
        raise StoreError("roster officer: must not be empty")
    if ends_at <= starts_at:
        raise StoreError("roster shift: ends before it starts")
    if ends_at - starts_at > MAX_SHIFT_S:
        raise StoreError(f"roster shift: longer than {MAX_SHIFT_S // 3600} hours")
    for row in shifts_between(reader, starts_at - MAX_SHIFT_S, ends_at):
        start, end = shift_span(row)
        if row["id"] != shift_id and row["officer"] == officer.strip() and start < ends_at and starts_at < end:
            raise StoreError(f"roster shift: {officer.strip()} is already on duty "
                             f"{time.strftime('%m-%d %H:%M', time.localtime(start))}–"
                             f"{time.strftime('%m-%d %H:%M', time.localtime(end))}")
    fields = dict(day=time.strftime("%Y-%m-%d", time.localtime(starts_at)), shift=_shift_name(starts_at, ends_at),
                  officer=officer.strip(), leader=leader.strip() or None, starts_at=starts_at, ends_at=ends_at)
    return trail.save(store, actor, "duty_roster", store.node, fields, shift_id, {"officer": fields["officer"]})


def remove_shift(store: LocalStore, actor: Actor, shift_id: str) -> None:
    require(actor, Action.EDIT_RECORDS)
    store.delete("duty_roster", shift_id, audit=[trail.entry(actor, store, "record_delete", "duty_roster",
                                                            row_id=shift_id)])


def _shift_name(starts_at: float, ends_at: float) -> str:
    start = time.localtime(starts_at)
    if ends_at - starts_at == 12 * 3600 and start.tm_min == 0:
        if start.tm_hour == DAY_START_HOUR:
            return "day"
        if start.tm_hour == NIGHT_START_HOUR:
            return "night"
    return "custom"


def shifts_between(reader: RecordsReader, start: float, end: float) -> list[dict]:
    """This node's roster rows whose day falls in [start − 1 day, end], by start time."""
    first = time.strftime("%Y-%m-%d", time.localtime(start - 86400))
    last = time.strftime("%Y-%m-%d", time.localtime(end))
    rows = reader.rows("duty_roster", "day", where="division = ? AND day BETWEEN ? AND ?",
                       params=(reader.node, first, last), limit=5000)
    return sorted(rows, key=lambda row: (shift_span(row)[0], row["officer"]))


def month_roster(reader: RecordsReader, year: int, month: int) -> dict[date, list[dict]]:
    """Every day of the month → the shifts starting that day, by start time."""
    first = date(year, month, 1)
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    days = {first + timedelta(days=n): [] for n in range((following - first).days)}
    start = datetime.combine(first, datetime.min.time()).timestamp()
    end = datetime.combine(following, datetime.min.time()).timestamp()
    for row in shifts_between(reader, start, end):
        day = date.fromtimestamp(shift_span(row)[0])
        if day in days:
            days[day].append(row)
    return days


def on_duty(reader: RecordsReader, now: float) -> list[dict]:
    """The roster rows whose shift covers `now`."""
    return [row for row in shifts_between(reader, now - MAX_SHIFT_S, now)
            if shift_span(row)[0] <= now < shift_span(row)[1]]


def recent_handovers(reader: RecordsReader, limit: int = 20) -> list[dict]:
    return reader.rows("shift_handover", "at DESC", where="division = ?", params=(reader.node,), limit=limit)


# --- handover -----------------------------------------------------------------------------

@dataclass(frozen=True)
class OpenItem:
    """One thing still running at handover; `kind` says which, the other fields what."""

    kind: str  # alarm_unacknowledged | alarm_shelved | alarm_out_of_service | incident | hazard_overdue | link_down
    title: str
    detail: str = ""
    late: bool = False


@dataclass(frozen=True)
class AlarmSummary:
    """What the handover needs of an alarm (the page takes it from the alarm engine)."""

    site: str
    tag: str
    text: str
    level: int
    unacknowledged: bool
    shelved: bool
    out_of_service: bool


def alarm_items(alarms: Iterable[AlarmSummary]) -> list[OpenItem]:
    out = []
    for alarm in sorted(alarms, key=lambda a: (a.level, a.site, a.tag)):
        title = f"{alarm.site} · {alarm.text}"
        if alarm.out_of_service:
            out.append(OpenItem("alarm_out_of_service", title))
        elif alarm.shelved:
            out.append(OpenItem("alarm_shelved", title))
        elif alarm.unacknowledged:
            out.append(OpenItem("alarm_unacknowledged", title, late=True))
    return out


def open_items(reader: RecordsReader, divisions: DivisionRegistry, now: float,
               alarms: Iterable[AlarmSummary] = (), links: dict[str, tuple[LinkState, str]] | None = None
               ) -> list[OpenItem]:
    """What the outgoing officer must hand over: alarms not dealt with, open incidents and
    who still has to report, overdue hazards, links that are down."""
    items = alarm_items(alarms)
    for incident in open_incidents(reader, include_drills=False):
        chain = incident.chain(divisions, now)
        waiting = still_to_report(chain)
        overdue = [hop for hop in chain if hop.state is HopState.OVERDUE]
        detail = json.dumps({"class": incident.incident["level"], "waiting": waiting,
                             "overdue_s": -min((hop.remaining_s for hop in overdue), default=0.0)})
        items.append(OpenItem("incident", incident.incident["title"], detail, late=bool(overdue)))
    listed = enforcement.overdue(reader, now, OVERDUE_LISTED)
    for hazard in listed:
        items.append(OpenItem("hazard_overdue", f"{hazard['enterprise']} · {hazard['description']}",
                              str(hazard["deadline"]), late=True))
    if len(listed) == OVERDUE_LISTED:
        more = enforcement.overdue_count(reader, None, now) - OVERDUE_LISTED
        if more > 0:
            items.append(OpenItem("hazard_overdue", "", str(more), late=True))  # "… and N more"
    for link, (state, detail) in sorted((links or {}).items()):
        if state in (LinkState.DOWN, LinkState.DEGRADED):
            items.append(OpenItem("link_down", link, json.dumps({"state": state.value, "detail": detail},
                                                                ensure_ascii=False), late=state is LinkState.DOWN))
    return items


def confirm_handover(store: LocalStore, outgoing: Actor, incoming: Actor | None, texts: list[str], notes: str,
                     confirmed: bool, at: float | None = None, *, items: Iterable[OpenItem] = ()) -> str:
    """Store a handover the incoming officer has confirmed; the open items' texts lead the notes
    and the items themselves are kept (for the printed handover).

    Both officers are authenticated actors (the incoming one signs in on the duty page), and
    both must be allowed to hand over; the audit row names them both.
    """
    if not confirmed:
        raise StoreError("handover: the incoming officer has not confirmed it")
    if incoming is None:
        raise StoreError("handover incoming officer: must sign in to take over")
    require(outgoing, Action.HANDOVER)
    require(incoming, Action.HANDOVER)
    if incoming.username == outgoing.username:
        raise StoreError("handover incoming officer: must differ from the outgoing officer")
    text = "\n".join([f"• {item}" for item in texts] + ([""] if texts and notes.strip() else []) + [notes.strip()])
    return store.insert("shift_handover", store.node, at=time.time() if at is None else at,
                        from_officer=outgoing.username, to_officer=incoming.username, notes=text.strip(),
                        items=json.dumps([asdict(item) for item in items], ensure_ascii=False),
                        audit=[trail.entry(outgoing, store, "handover", "shift_handover",
                                           **{"from": outgoing.username, "to": incoming.username})])


def handover_items(handover: dict) -> list[OpenItem]:
    return [OpenItem(**item) for item in json.loads(handover.get("items") or "[]")]


def alarm_summaries(records: Iterable, now: float) -> list[AlarmSummary]:
    """The alarm engine's records (`console.alarms.model.AlarmRecord`) a handover names:
    unacknowledged, shelved or out of service; a drill's alarms are no real open items."""
    out = []
    for record in records:
        if getattr(record, "drill_id", ""):
            continue
        shelved = record.shelved_until is not None and record.shelved_until > now
        unacknowledged = not record.acknowledged and (record.active or record.latched)
        if shelved or record.out_of_service or unacknowledged:
            out.append(AlarmSummary(record.site, record.tag, record.text, int(record.level), unacknowledged,
                                    shelved, record.out_of_service))
    return out
