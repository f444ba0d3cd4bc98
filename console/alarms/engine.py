"""The alarm engine: tag values in, ISA-18.2 alarm records and journal events out. Qt-free.

Fed whole batches from the tag bus (GUI thread), it runs every condition of every tag
in this node's jurisdiction through its chatter filter and keeps one `AlarmRecord` per
tag and condition. Every change is an `AlarmEvent`: events the engine derives itself
(raise, clear, escalation, shelve expiry) are applied at once and journaled; operator
actions are journaled first and applied only when the journal says they are durable,
so the UI never shows an acknowledgment that a crash could lose. The same `apply`
path restores state from the journal at start-up (`restore`) and takes in events synced
from other nodes (`merge`); an occurrence another node raised at a slightly different
time is joined to this one (`console.alarms.reconcile`).
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from console.alarms.aggregation import aggregate_level
from console.alarms.conditions import COMM_FAILED, ConditionFilter, ConditionKind, ConditionSpec, default_conditions
from console.alarms.escalation import EscalationPolicy, escalations, next_escalation_at
from console.alarms.kpi import FloodDetector
from console.alarms.messages import message, render
from console.alarms.model import AlarmRecord
from domain.alarm_events import AlarmEvent, EventKind, new_event_id, occurrence_id, system_event_id
from console.alarms.reconcile import overlap
from domain.divisions import DivisionRegistry
from domain.observers import Observers
from console.operators import audit
from console.operators.permissions import Action, Actor, Role, require
from domain.node_clock import UNCORRECTED, NodeClock
from domain.values import AlarmLevel, Quality, TagValue
from domain.tags import Catalogue, SiteKind, TagSpec

log = logging.getLogger(__name__)

ChangeCallback = Callable[[list[AlarmRecord]], None]
DoneCallback = Callable[[Exception | None], None]  # None: durable and applied; else why not
Operator = Actor | str  # a username is resolved by `AlarmEngine.actors`
AGGREGATE_CONDITION = "GB50863"
SOURCE_CLOCK = "source"  # a raise or clear is stamped with the field value's source time
LEVELS = {int(level): level for level in AlarmLevel}  # journal int → enum without Enum.__call__


class Journal(Protocol):
    def append(self, events: Sequence[AlarmEvent],
               on_durable: Callable[[Exception | None], None] | None = None, audit: Sequence[dict] = ()) -> object: ...

    def poll(self) -> int: ...


class ActionRefused(ValueError):
    """An operator action that cannot be done as asked (the message says why)."""


@dataclass
class _TagState:
    spec: TagSpec
    division: str
    filters: list[ConditionFilter]
    previous: tuple[float, float] | None = None  # (value, source ts) of the last good sample
    heard: bool = False  # some value (of any quality) has arrived since start
    records: dict[str, AlarmRecord] = field(default_factory=dict)
    # Fast path: a tag with only limit / quality conditions, none raw or active, whose good
    # value lies strictly between its lowest high and highest low limit cannot change state.
    quiet_lo: float = float("-inf")
    quiet_hi: float = float("inf")
    simple: bool = False
    hot: bool = False  # some condition is raw or active (or a delay is pending)
    comm: ConditionFilter | None = None
    # Start-up grace: a communication failure is not an alarm before this time (0.0 once
    # over); one still there then is. `held`: the last sample, a failure, was held back.
    grace_until: float = 0.0
    held: bool = False

    def __post_init__(self) -> None:
        self.comm = next((flt for flt in self.filters if flt.spec.kind is ConditionKind.COMM_LOSS), None)
        kinds = {flt.spec.kind for flt in self.filters}
        limit_kinds = {ConditionKind.HIGH, ConditionKind.LOW}
        self.simple = kinds <= limit_kinds | {ConditionKind.BAD_QUALITY, ConditionKind.COMM_LOSS}
        highs = [flt.spec.limit for flt in self.filters if flt.spec.kind is ConditionKind.HIGH]
        lows = [flt.spec.limit for flt in self.filters if flt.spec.kind is ConditionKind.LOW]
        self.quiet_hi = min(highs, default=float("inf"))
        self.quiet_lo = max(lows, default=float("-inf"))

    def refresh_hot(self) -> None:
        self.hot = any(flt.raw or flt.active for flt in self.filters)


@dataclass(frozen=True)
class AlarmSettings:
    """Node policy for the engine (from `[alarms]` in the node config)."""

    escalation: EscalationPolicy = field(default_factory=EscalationPolicy.default)
    note_required: frozenset[AlarmLevel] = frozenset({AlarmLevel.RED})
    gb50863_aggregation: bool = False
    flood_enter: int = 10  # alarms in 10 min that start a flood (ISA-18.2)
    flood_exit: int = 5
    startup_grace_s: float = 60.0  # see `startup_grace`


# A slow tag gets at least this many of its stale periods after start-up to deliver a first value.
GRACE_STALE_PERIODS = 3


def startup_grace(tag: TagSpec, settings: AlarmSettings) -> float:
    """How long after start-up a communication failure of a tag is held back.

    At start every field link is still connecting, and under load the first confirmations
    come late (measured: 4,640 of 5,600 simulated tags GOOD, then briefly stale, in the
    first 10 s), so each would raise "communication lost": thousands of blue alarms on
    every start. A failure still there when the grace ends is raised then; a tag never
    heard from by then is lost too. After the grace, failures alarm at once as usual.
    """
    return max(settings.startup_grace_s, GRACE_STALE_PERIODS * tag.stale_after)


# A change of the measured clock offset larger than this moves the deadlines the engine keeps
# in wall time (start-up grace) with it.
CLOCK_STEP_S = 1.0


class AlarmEngine:
    def __init__(self, catalogue: Catalogue, divisions: DivisionRegistry, node: str, *,
                 journal: Journal | None = None, settings: AlarmSettings | None = None,
                 clock: Callable[[], float] = time.time, monotonic: Callable[[], float] = time.monotonic,
                 node_clock: NodeClock | None = None,
                 conditions: dict[str, list[ConditionSpec]] | None = None,
                 actors: Callable[[str], Actor] | None = None):
        """`conditions` overrides the catalogue-derived conditions of the tags it names.

        Times are stamped from `clock`, or from `node_clock.now` (the backend's time as this
        node measures it) when a `node_clock` is given; escalation timers run on `monotonic`.
        Operator actions take an `Actor`, or a username that `actors` turns into one (the
        console resolves it to whoever is signed in); without `actors` a bare username acts
        as a duty officer. Either way the role is checked here (`PermissionDenied`).
        """
        self.actors = actors or (lambda name: Actor(name, name, Role.DUTY_OFFICER, node))
        # site, time → id of the drill running there ("" for none): set by the drill service, so
        # a scenario's alarms are journaled as drill alarms (console.drill)
        self.drill_of: Callable[[str, float], str] = lambda site, at: ""
        self.catalogue = catalogue
        self.divisions = divisions
        self.node = node
        self.settings = settings or AlarmSettings()
        self.journal = journal
        self.clock = node_clock.now if node_clock is not None else clock
        self.monotonic = monotonic
        # The clock a raise's age is judged by (None: not measured yet), and what stamps say about their clock
        self._reference: Callable[[], float | None] = node_clock.reference_now if node_clock is not None else clock
        self._stamp: Callable[[], dict] = node_clock.stamp if node_clock is not None else (lambda: {"clock": UNCORRECTED})
        self._offset: Callable[[], float] = node_clock.offset if node_clock is not None else (lambda: 0.0)
        self._applied_offset = self._offset()
        self.flood = FloodDetector(self.settings.flood_enter, self.settings.flood_exit)
        self._jurisdiction = divisions.jurisdiction(node)
        self._chains: dict[str, list[str]] = {}
        self._tags: dict[str, _TagState] = {}
        self._records: dict[tuple[str, str], AlarmRecord] = {}
        self._maintenance: dict[str, str] = {}  # site → reason
        self._looked: set[tuple[str, str]] = set()  # (occurrence, operator) whose first look is journaled
        self._subscribers = Observers("alarm engine")
        self._changed: dict[int, AlarmRecord] = {}
        self._own_events: list[AlarmEvent] = []
        self._messages: dict[tuple[str, str], tuple[dict, str]] = {}  # (tag, condition) → message, English text
        self._aliases: dict[str, str] = {}  # duplicate occurrence id → canonical (reconcile)
        self._batch_clears: dict[str, float] = {}  # clears known in the batch being folded in
        self._limit_s = {level: self.settings.escalation.limit_s(level) for level in AlarmLevel}
        self.started_at = self.clock()
        overrides = conditions or {}
        for tag in catalogue.tags.values():
            site = catalogue.sites[tag.site]
            if site.division not in self._jurisdiction:
                continue
            specs = overrides.get(tag.id) or default_conditions(tag)
            self._tags[tag.id] = _TagState(tag, site.division, [ConditionFilter(spec) for spec in specs],
                                           grace_until=self.started_at + startup_grace(tag, self.settings))
        # GB 50863 monitoring items: the points of one quantity at one tailings pond
        self._items: dict[tuple[str, str], list[str]] = {}
        for state in self._tags.values():
            if catalogue.sites[state.spec.site].kind is SiteKind.TAILINGS_POND:
                self._items.setdefault((state.spec.site, monitoring_item(state.spec)), []).append(state.spec.id)
        self._items = {key: points for key, points in self._items.items() if len(points) > 1}

    # ---- what views read -------------------------------------------------------------
    def subscribe(self, callback: ChangeCallback) -> Callable[[], None]:
        """`callback(changed_records)` after every batch, tick or applied action."""
        return self._subscribers.subscribe(callback)

    def active_alarms(self) -> list[AlarmRecord]:
        """Every alarm not in the normal state (incl. shelved, suppressed, out of service)."""
        return [rec for rec in self._records.values() if rec.occurrence_id and rec.state.value != "normal"]

    def records(self) -> list[AlarmRecord]:
        return list(self._records.values())

    def record(self, tag: str, condition: str) -> AlarmRecord | None:
        return self._records.get((tag, condition))

    def chain(self, division: str) -> list[str]:
        chain = self._chains.get(division)
        if chain is None:
            chain = self._chains[division] = self.divisions.chain_up(division)
        return chain

    def escalated_here(self, record: AlarmRecord) -> bool:
        """The alarm has escalated to this node (or above it): show it prominently."""
        if not record.escalation_steps:
            return False
        return self.node in self.chain(record.division)[1:record.escalation_steps + 1]

    # ---- values in -------------------------------------------------------------------
    def evaluate(self, batch: Sequence[TagValue]) -> None:
        """Run one batch of values through every condition of their tags."""
        tags = self._tags
        now = self.clock()
        for value in batch:
            state = tags.get(value.tag)
            if state is None:
                continue
            state.heard = True
            if state.grace_until:
                state.held = value.quality in COMM_FAILED and now < state.grace_until
                if state.held:
                    continue  # links still settling since start-up: `tick` raises it if it outlasts the grace
            if (state.simple and not state.hot and value.quality is Quality.GOOD
                    and state.quiet_lo < value.value < state.quiet_hi):
                continue
            previous = state.previous
            for flt in state.filters:
                raw = flt.test(value.value, value.quality, previous, value.source_ts)
                if raw != flt.raw or flt.raw != flt.active:
                    change = flt.update(raw, value.source_ts)
                    if change:
                        self._transition(state, flt, change, value.value)
            if not value.quality.is_bad:
                state.previous = (value.value, value.source_ts)
            state.refresh_hot()
        self._flush()

    def tick(self) -> None:
        """Time passing: pending delays, the end of the start-up grace, shelve expiry, escalation."""
        self._follow_offset()
        now = self.clock()
        mono = self.monotonic()
        for state in self._tags.values():
            if state.grace_until and now >= state.grace_until:
                self._end_grace(state)
            if not state.hot:
                continue
            for flt in state.filters:
                if flt.raw != flt.active:
                    change = flt.settle(now)
                    if change:
                        self._transition(state, flt, change, None)
        for rec in list(self._records.values()):
            if rec.shelved_until is not None and rec.shelved_until <= now:
                self._apply_own(rec.event(EventKind.UNSHELVE, rec.shelved_until, node=self.node,
                                          id=system_event_id(rec.occurrence_id or "|".join(rec.key), "unshelve",
                                                             repr(rec.shelved_until)),
                                          note="shelve expired", payload=self._stamp()))
            self._escalate(rec, now, mono)
        self.flood.update(now)
        self._flush()

    def _follow_offset(self) -> None:
        """The node clock's measured offset changed (the first measurement of a skewed node): its
        time stepped, so move the start-up grace with it to keep its length."""
        offset = self._offset()
        step = offset - self._applied_offset
        if abs(step) < CLOCK_STEP_S:
            return
        self._applied_offset = offset
        self.started_at += step
        for state in self._tags.values():
            if state.grace_until:
                state.grace_until += step

    @staticmethod
    def _end_grace(state: _TagState) -> None:
        """The grace ran out: a failure still held, or a tag never heard from, is now an alarm."""
        comm = state.comm
        if comm is not None and not comm.raw and (state.held or not state.heard):
            comm.raw, comm.since = True, state.grace_until
            state.hot = True
        state.grace_until, state.held = 0.0, False

    def poll(self) -> None:
        """Apply operator actions the journal has made durable (call from the owning thread)."""
        if self.journal is not None:
            self.journal.poll()
        self._flush()

    # ---- operator actions (durable first, then applied) --------------------------------
    def acknowledge(self, records: Iterable[AlarmRecord], operator: Operator, note: str = "",
                    on_done: DoneCallback | None = None) -> int:
        """Acknowledge the unacknowledged ones; returns how many. Red needs a note (configurable)."""
        actor = self._allowed(operator, Action.ACKNOWLEDGE)
        targets = [rec for rec in records if not rec.acknowledged and rec.occurrence_id]
        if not note.strip():
            needing = sorted({rec.level.name.lower() for rec in targets if rec.level in self.settings.note_required})
            if needing:
                raise ActionRefused(f"a note is required to acknowledge {', '.join(needing)} alarms")
        now, stamp = self.clock(), self._stamp()
        self._submit([rec.event(EventKind.ACK, now, operator=actor.username, node=self.node, note=note, payload=stamp)
                      for rec in targets], on_done, actor)
        return len(targets)

    def look(self, records: Iterable[AlarmRecord], operator: Operator) -> int:
        """Journal that the operator selected these alarms, once per occurrence and operator (the
        first look a drill is scored on); viewing needs no permission and changes no state."""
        actor = self.actors(operator) if isinstance(operator, str) else operator
        now = self.clock()
        events = []
        for rec in records:
            key = (rec.occurrence_id, actor.username)
            if rec.occurrence_id and key not in self._looked:
                self._looked.add(key)
                events.append(rec.event(EventKind.LOOK, now, operator=actor.username, node=self.node))
        if events and self.journal is not None:
            self.journal.append(events)
        return len(events)

    def shelve(self, records: Iterable[AlarmRecord], duration_s: float, reason: str, operator: Operator,
               on_done: DoneCallback | None = None) -> int:
        actor = self._allowed(operator, Action.SHELVE)
        if duration_s <= 0:
            raise ActionRefused("shelve duration must be positive")
        if not reason.strip():
            raise ActionRefused("a reason is required to shelve an alarm")
        now = self.clock()
        payload = {"until": now + duration_s, **self._stamp()}
        events = [rec.event(EventKind.SHELVE, now, operator=actor.username, node=self.node, note=reason,
                            payload=payload) for rec in records]
        self._submit(events, on_done, actor)
        return len(events)

    def unshelve(self, records: Iterable[AlarmRecord], operator: Operator, on_done: DoneCallback | None = None) -> int:
        actor = self._allowed(operator, Action.SHELVE)
        now, stamp = self.clock(), self._stamp()
        events = [rec.event(EventKind.UNSHELVE, now, operator=actor.username, node=self.node, payload=stamp)
                  for rec in records if rec.shelved_until is not None]
        self._submit(events, on_done, actor)
        return len(events)

    def comment(self, record: AlarmRecord, text: str, operator: Operator, on_done: DoneCallback | None = None) -> None:
        actor = self._allowed(operator, Action.COMMENT)
        if not text.strip():
            raise ActionRefused("a comment cannot be empty")
        self._submit([record.event(EventKind.COMMENT, self.clock(), operator=actor.username, node=self.node,
                                   note=text, payload=self._stamp())], on_done, actor)

    def dispose(self, record: AlarmRecord, steps: str, result: str, operator: Operator,
                on_done: DoneCallback | None = None) -> None:
        """Record the handling (steps taken, result) and close the occurrence (acknowledges it too)."""
        actor = self._allowed(operator, Action.ACKNOWLEDGE)
        if not result.strip():
            raise ActionRefused("a disposition needs a result")
        self._submit([record.event(EventKind.DISPOSE, self.clock(), operator=actor.username, node=self.node,
                                   note=result, payload={"steps": steps, "result": result, **self._stamp()})],
                     on_done, actor)

    def reset(self, record: AlarmRecord, operator: Operator, on_done: DoneCallback | None = None) -> None:
        """Release a latched alarm; only once its condition has returned to normal."""
        actor = self._allowed(operator, Action.ACKNOWLEDGE)
        if record.active:
            raise ActionRefused(f"{record.tag} {record.condition} is still active: it cannot be reset")
        self._submit([record.event(EventKind.RESET, self.clock(), operator=actor.username, node=self.node,
                                   payload=self._stamp())], on_done, actor)

    def set_in_service(self, records: Iterable[AlarmRecord], in_service: bool, operator: Operator, note: str = "",
                       on_done: DoneCallback | None = None) -> int:
        actor = self._allowed(operator, Action.OUT_OF_SERVICE)
        kind = EventKind.IN_SERVICE if in_service else EventKind.OUT_OF_SERVICE
        now, stamp = self.clock(), self._stamp()
        events = [rec.event(kind, now, operator=actor.username, node=self.node, note=note, payload=stamp)
                  for rec in records if rec.out_of_service == in_service]
        self._submit(events, on_done, actor)
        return len(events)

    def set_site_maintenance(self, site: str, on: bool, operator: Operator, note: str = "",
                             on_done: DoneCallback | None = None) -> None:
        """Site maintenance mode: its alarms are suppressed by design while it lasts."""
        actor = self._allowed(operator, Action.OUT_OF_SERVICE)
        division = self.catalogue.sites[site].division
        kind = EventKind.SUPPRESS if on else EventKind.UNSUPPRESS
        self._submit([AlarmEvent(new_event_id(), "", kind, 0, site, "", "", division, self.clock(),
                                 actor.username, self.node, note, self._stamp())], on_done, actor)

    def _allowed(self, operator: Operator, action: Action) -> Actor:
        """The actor behind `operator`, if their role allows `action` (else `PermissionDenied`)."""
        actor = operator if isinstance(operator, Actor) else self.actors(operator)
        require(actor, action)
        return actor

    # ---- events ----------------------------------------------------------------------
    def restore(self, events: Iterable[AlarmEvent]) -> None:
        """Rebuild state from journaled events (in time order), e.g. at start-up."""
        self._fold(events)
        for state in self._tags.values():
            for flt in state.filters:
                rec = state.records.get(flt.spec.name)
                if rec is not None and rec.active:
                    flt.raw = flt.active = True
                    flt.raised_at = flt.since = rec.raised_at or 0.0
                    state.hot = True
        self._flush()

    def merge(self, events: Iterable[AlarmEvent]) -> None:
        """Take in events other nodes journaled (pulled by sync): applied, not journaled again."""
        self._fold(events)
        self._flush()

    def _fold(self, events: Iterable[AlarmEvent]) -> None:
        """Apply a batch: every raise first, then the rest, each part in time order.

        Events of an occurrence only count once it is current, and another node's clock may
        stamp an acknowledgment a little before the raise it acknowledges (or at the same
        instant, and a pull hands rows over in no particular order): raising first keeps
        them. The rest only acts on the occurrence current after the batch's raises, which
        is the one time order would leave current too.
        """
        events = sorted(events, key=lambda event: (event.kind is not EventKind.RAISE, event.at))
        self._batch_clears = {e.occurrence_id: e.at for e in events if e.kind is EventKind.CLEAR}
        try:
            for event in events:
                self.apply(event)
        finally:
            self._batch_clears = {}

    def canonical(self, occurrence: str) -> str:
        """The occurrence id an (possibly duplicate) occurrence id stands for on this node."""
        while occurrence in self._aliases:
            occurrence = self._aliases[occurrence]
        return occurrence

    def apply(self, event: AlarmEvent, seen_raise: bool = False) -> None:
        """Fold one event into the state: own, restored or synced from another node.

        `seen_raise`: the engine raised it from a value it has just seen (its escalation timer
        starts now); any other raise's age is judged against the reference clock.
        """
        kind = event.kind
        if event.division not in self._jurisdiction:
            return  # another node's business (a synced journal may carry it)
        if kind in (EventKind.SUPPRESS, EventKind.UNSUPPRESS):
            self._apply_maintenance(event)
            return
        rec = self._records.get((event.tag, event.condition))
        occurrence = self.canonical(event.occurrence_id) if self._aliases else event.occurrence_id
        if kind is EventKind.RAISE:
            if rec is None:
                rec = self._new_record(event.site, event.tag, event.condition, LEVELS[event.level],
                                       event.division, event.payload.get("text", ""))
            if rec.occurrence_id == occurrence:
                return
            if rec.occurrence_id and event.node != rec.raised_on and overlap(
                    rec.raised_at, self._batch_clears.get(rec.occurrence_id) if rec.active else rec.cleared_at,
                    event.at, self._batch_clears.get(event.occurrence_id)):
                self._join(rec, occurrence, event)
                self._start_escalation_timer(rec, event, seen_raise, keep_earlier=True)
                return
            if (rec.raised_at or 0.0) > event.at:
                return
            rec.level = LEVELS[event.level]
            rec.occurrence_id, rec.raised_at, rec.value = event.occurrence_id, event.at, event.payload.get("value")
            rec.raised_on, rec.drill_id = event.node, event.drill_id
            rec.active, rec.acknowledged, rec.cleared_at = True, False, None
            rec.acked_at, rec.acked_by, rec.note, rec.comments = None, "", "", []
            rec.escalation_steps, rec.escalated_to, rec.disposed = 0, "", False
            self._start_escalation_timer(rec, event, seen_raise)
            rec.latched = bool(event.payload.get("latching"))
            rec.text, rec.message = event.payload.get("text", rec.text), event.payload.get("message") or {}
            if rec.annunciated and not event.drill_id:  # a drill's alarms never make a real flood
                self.flood.count(event.at)
        elif rec is None:
            return
        elif kind in (EventKind.SHELVE, EventKind.UNSHELVE, EventKind.OUT_OF_SERVICE, EventKind.IN_SERVICE):
            self._apply_visibility(rec, event)
        elif rec.occurrence_id != occurrence:
            return  # about an earlier occurrence: kept in the journal, no effect on the current one
        elif kind is EventKind.LOOK:
            self._looked.add((occurrence, event.operator))
            return
        elif kind is EventKind.CLEAR:
            rec.active, rec.cleared_at = False, event.at
        elif kind is EventKind.ACK:
            rec.acknowledged, rec.acked_at, rec.acked_by, rec.note = True, event.at, event.operator, event.note
        elif kind is EventKind.COMMENT:
            rec.comments.append(event.note)
        elif kind is EventKind.ESCALATE:
            step = int(event.payload.get("step", 0))
            if step > rec.escalation_steps:
                rec.escalation_steps, rec.escalated_to = step, event.payload.get("to", "")
        elif kind is EventKind.DISPOSE:
            rec.disposed, rec.latched = True, False
            if not rec.acknowledged:
                rec.acknowledged, rec.acked_at, rec.acked_by = True, event.at, event.operator
        elif kind is EventKind.RESET:
            rec.latched = False
        self._changed[id(rec)] = rec

    def _start_escalation_timer(self, rec: AlarmRecord, event: AlarmEvent, seen_raise: bool,
                                keep_earlier: bool = False) -> None:
        """Escalation counts monotonic time from when this node learned of the raise, plus the raise's
        age then as the reference clock judges it (0 for a raise seen here; judged later if no
        reference is measured yet). Neither a skewed raise stamp nor a wall-clock jump moves it."""
        mono = self.monotonic()
        age = 0.0 if seen_raise else self._age(event.at, mono, mono)
        if keep_earlier and rec.seen_mono is not None:
            if age is None or mono - age >= rec.seen_mono - (rec.origin_age or 0.0):
                return
        rec.seen_mono, rec.origin_age = mono, age

    def _age(self, raised_at: float, seen_mono: float, mono: float) -> float | None:
        """How old a raise was at `seen_mono` by the reference clock (never negative), or None."""
        reference = self._reference()
        if reference is None:
            return None
        return max(0.0, reference - (mono - seen_mono) - raised_at)

    def _join(self, rec: AlarmRecord, occurrence: str, event: AlarmEvent) -> None:
        """The record's alarm raised by another node while active here: one occurrence, the
        earlier raise canonical (`console.alarms.reconcile`); state and acknowledgments stay."""
        if (event.at, occurrence) < (rec.raised_at, rec.occurrence_id):
            self._aliases[rec.occurrence_id] = occurrence
            rec.occurrence_id, rec.raised_at, rec.raised_on = occurrence, event.at, event.node
            self._changed[id(rec)] = rec
        else:
            self._aliases[occurrence] = rec.occurrence_id

    def _apply_visibility(self, rec: AlarmRecord, event: AlarmEvent) -> None:
        kind = event.kind
        if kind is EventKind.SHELVE:
            rec.shelved_until, rec.shelve_reason = float(event.payload["until"]), event.note
        elif kind is EventKind.UNSHELVE:
            if rec.shelved_until is None:
                return
            rec.shelved_until, rec.shelve_reason = None, ""
            self._reannunciate(rec)
        elif kind is EventKind.OUT_OF_SERVICE:
            rec.out_of_service = True
        elif rec.out_of_service:
            rec.out_of_service = False
            self._reannunciate(rec)
        self._changed[id(rec)] = rec

    def _apply_maintenance(self, event: AlarmEvent) -> None:
        on = event.kind is EventKind.SUPPRESS
        if on:
            self._maintenance[event.site] = event.note
        else:
            self._maintenance.pop(event.site, None)
        for rec in self._records.values():
            if rec.site == event.site and rec.suppressed != on:
                rec.suppressed = on
                if not on:
                    self._reannunciate(rec)
                self._changed[id(rec)] = rec

    @staticmethod
    def _reannunciate(rec: AlarmRecord) -> None:
        """Back from hidden (ISA-18.2): still active → annunciated anew; else back to normal."""
        rec.acknowledged = not rec.active

    # ---- internals -------------------------------------------------------------------
    def _new_record(self, site: str, tag: str, condition: str, level: AlarmLevel, division: str,
                    text: str) -> AlarmRecord:
        rec = AlarmRecord(site, tag, condition, level, division, text, suppressed=site in self._maintenance)
        self._records[(tag, condition)] = rec
        state = self._tags.get(tag)
        if state is not None:
            state.records[condition] = rec
        return rec

    def _transition(self, state: _TagState, flt: ConditionFilter, change: int, value: float | None) -> None:
        spec, tag = flt.spec, state.spec
        if change > 0:
            occurrence = occurrence_id(tag.id, spec.name, flt.raised_at)
            described = self._messages.get((tag.id, spec.name))
            if described is None:
                stored = _describe(tag, spec)
                described = self._messages[(tag.id, spec.name)] = (stored, render(stored))
            stored, text = described
            self._apply_own(AlarmEvent(system_event_id(occurrence, "raise"), occurrence, EventKind.RAISE,
                                       int(spec.level), tag.site, tag.id, spec.name, state.division,
                                       flt.raised_at, node=self.node,
                                       payload={"value": value, "text": text, "message": stored,
                                                "latching": spec.latching, "clock": SOURCE_CLOCK},
                                       drill_id=self.drill_of(tag.site, flt.raised_at)), seen_raise=True)
        else:
            rec = state.records.get(spec.name)
            if rec is None or not rec.occurrence_id:
                return
            self._apply_own(rec.event(EventKind.CLEAR, flt.cleared_at, node=self.node,
                                      id=system_event_id(rec.occurrence_id, "clear"),
                                      payload={"value": value, "clock": SOURCE_CLOCK}))
        if self.settings.gb50863_aggregation and self.catalogue.sites[tag.site].kind is SiteKind.TAILINGS_POND:
            self._aggregate(tag, flt.raised_at if change > 0 else flt.cleared_at)

    def _aggregate(self, tag: TagSpec, at: float) -> None:
        """Re-derive the GB 50863 level of the tag's monitoring item (its site's points of one quantity)."""
        item = monitoring_item(tag)
        points = self._items.get((tag.site, item))
        if points is None:
            return
        levels = []
        for point in points:
            state = self._tags[point]
            active = [flt.spec.level for flt in state.filters
                      if flt.active and flt.spec.kind not in (ConditionKind.BAD_QUALITY, ConditionKind.COMM_LOSS)]
            if active:
                levels.append(min(active))
        item_level = aggregate_level(levels)
        worst_point = min(levels) if levels else None
        item_tag = f"{tag.site}.{item}.*"
        rec = self._records.get((item_tag, AGGREGATE_CONDITION))
        wanted = item_level if item_level is not None and item_level != worst_point else None
        if rec is not None and rec.active and rec.level != wanted:
            self._apply_own(rec.event(EventKind.CLEAR, at, node=self.node,
                                      id=system_event_id(rec.occurrence_id, "clear"), payload={"clock": SOURCE_CLOCK}))
        if wanted is not None and (rec is None or not rec.active or rec.level != wanted):
            occurrence = occurrence_id(item_tag, AGGREGATE_CONDITION, at)
            division = self.catalogue.sites[tag.site].division
            described = message("gb50863", name=tag.name, points=len(levels), total=len(points))
            self._apply_own(AlarmEvent(system_event_id(occurrence, "raise"), occurrence, EventKind.RAISE,
                                       int(wanted), tag.site, item_tag, AGGREGATE_CONDITION, division, at,
                                       node=self.node, payload={"text": render(described), "message": described,
                                                                "points": len(levels), "clock": SOURCE_CLOCK},
                                       drill_id=self.drill_of(tag.site, at)),
                            seen_raise=True)

    def _escalate(self, rec: AlarmRecord, now: float, mono: float) -> None:
        """Escalate on the monotonic timer (`_start_escalation_timer`); the event is stamped with the
        wall time at which the step fell due."""
        if rec.acknowledged or rec.seen_mono is None:
            return
        if rec.origin_age is None:
            rec.origin_age = self._age(rec.raised_at, rec.seen_mono, mono)
        origin = rec.seen_mono - (rec.origin_age or 0.0)
        if origin + (rec.escalation_steps + 1) * self._limit_s[rec.level] > mono or not rec.annunciated:
            return
        chain = self.chain(rec.division)
        due = next_escalation_at(chain, rec.level, origin, rec.escalation_steps, self.settings.escalation)
        if due is None or due > mono:
            return
        for step, reached in enumerate(escalations(chain, rec.level, origin, None,
                                                   self.settings.escalation, mono), start=1):
            if step > rec.escalation_steps:
                self._apply_own(rec.event(EventKind.ESCALATE, now - (mono - reached.due_at), node=self.node,
                                          id=system_event_id(rec.occurrence_id, "escalate", reached.division),
                                          payload={"step": step, "to": reached.division, **self._stamp()}))

    def _apply_own(self, event: AlarmEvent, seen_raise: bool = False) -> None:
        """Apply an event the engine derived; it is journaled with the others of this batch."""
        self.apply(event, seen_raise)
        self._own_events.append(event)

    def _submit(self, events: list[AlarmEvent], on_done: DoneCallback | None, actor: Actor) -> None:
        def durable(error: Exception | None) -> None:
            _log_action(events, error)
            if error is None:
                for event in events:
                    self.apply(event)
                self._flush()
            if on_done is not None:
                on_done(error)

        if self.journal is None:
            durable(None)
        else:
            self.journal.append(events, durable, audit=audit_rows(events, actor, self.node))

    def _flush(self) -> None:
        if self._own_events:
            if self.journal is not None:
                self.journal.append(self._own_events)
            self._own_events = []
        if not self._changed:
            return
        changed = list(self._changed.values())
        self._changed.clear()
        self._subscribers.notify(changed)


def audit_rows(events: Sequence[AlarmEvent], actor: Actor, node: str) -> list[dict]:
    """One audit row per site an operator action touched (an acknowledge-all of 10,000 alarms
    is a few hundred rows, not 10,000): how many alarms, the note, and the occurrence when it is
    one; the journal holds each event (same operator, node and time)."""
    by_site: dict[str, list[AlarmEvent]] = {}
    for event in events:
        by_site.setdefault(event.site, []).append(event)
    rows = []
    for site, site_events in by_site.items():
        first = site_events[0]
        occurrences = [event.occurrence_id for event in site_events if event.occurrence_id]
        after = {"alarms": len(site_events)}
        if first.note:
            after["note"] = first.note
        rows.append(audit.entry(actor, node, first.kind.value, first.division, at=first.at,
                                target_kind="alarm" if occurrences else "site",
                                target_id=occurrences[0] if len(occurrences) == 1 else None, site=site, after=after))
    return rows


def monitoring_item(tag: TagSpec) -> str:
    """The monitoring item a tag is a point of: its quantity without the point number (`surface_disp_2`)."""
    return re.sub(r"_\d+$", "", tag.quantity)


def _describe(tag: TagSpec, spec: ConditionSpec) -> dict:
    """The alarm message operators read (tag name in Chinese, condition, limit), as code + arguments."""
    kind = spec.kind
    if kind in (ConditionKind.HIGH, ConditionKind.LOW):
        return message(kind.value, name=tag.name, condition=spec.name, limit=spec.limit, unit=tag.unit)
    if kind is ConditionKind.RATE:
        return message("rate", name=tag.name, limit=spec.limit, unit=tag.unit)
    if kind is ConditionKind.DEVIATION:
        return message("deviation", name=tag.name, setpoint=spec.setpoint, limit=spec.limit, unit=tag.unit)
    if kind is ConditionKind.DISCRETE:
        if spec.label:
            return message("discrete_label", name=tag.name, label=spec.label)
        return message("discrete", name=tag.name, state=spec.limit)
    return message(kind.value, name=tag.name)


def settings_from_config(section) -> AlarmSettings:
    """`AlarmSettings` from the node config's `[alarms]` section (`console.config.AlarmsSection`)."""
    limits = {AlarmLevel.RED: section.escalate_red_min, AlarmLevel.ORANGE: section.escalate_orange_min,
              AlarmLevel.YELLOW: section.escalate_yellow_min, AlarmLevel.BLUE: section.escalate_blue_min}
    return AlarmSettings(EscalationPolicy(limits), frozenset(AlarmLevel[name.upper()] for name in section.note_required),
                         section.gb50863_aggregation, section.flood_enter_per_10min, section.flood_exit_per_10min,
                         section.startup_grace_s)


def _log_action(events: list[AlarmEvent], error: Exception | None) -> None:
    """One log line per operator action: who, what, on how many alarms (the first named), stored or not."""
    if not events:
        return
    first = events[0]
    outcome = "stored" if error is None else f"NOT stored: {error}"
    log.info("operator %s: %s of %d alarm(s) (%s %s%s), %s", first.operator or "?", first.kind.value, len(events),
             first.tag or first.site, first.condition, ", …" if len(events) > 1 else "", outcome)
