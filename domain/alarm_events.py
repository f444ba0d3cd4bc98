"""The alarm journal's events and their ids, shared by the alarm engine and the journal. Qt-free.

Occurrence and event ids are name-based UUIDs, so two nodes
that see the same field data (a collector and a console reading the field directly)
produce the same ids and their journals reconcile by plain de-duplication.
"""
from __future__ import annotations

import enum
import hashlib
import json
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

# Fixed namespace for name-based ids: changing it would split every occurrence in two.
ALARM_NAMESPACE = uuid.UUID("6f0e9c52-3c55-4a0b-9d1e-5b1f3f0a2b17")


class EventKind(str, enum.Enum):
    RAISE = "raise"
    CLEAR = "clear"
    ACK = "ack"
    SHELVE = "shelve"
    UNSHELVE = "unshelve"
    COMMENT = "comment"
    ESCALATE = "escalate"
    DISPOSE = "dispose"
    RESET = "reset"  # a latched alarm released by the operator
    SUPPRESS = "suppress"  # site maintenance mode on (suppressed by design)
    UNSUPPRESS = "unsuppress"
    OUT_OF_SERVICE = "out_of_service"
    IN_SERVICE = "in_service"
    LOOK = "look"  # an operator first selected the alarm (drill scoring's "first look"); changes no state


_NAMESPACE_BYTES = ALARM_NAMESPACE.bytes


def name_id(name: str) -> str:
    """`str(uuid.uuid5(ALARM_NAMESPACE, name))`, computed without building UUID objects.

    Hand-written because a burst of 10,000 alarms needs 20,000 of these and the `uuid`
    module's object overhead was a third of the engine's raise cost; the test checks it
    against `uuid.uuid5`.
    """
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def occurrence_id(tag: str, condition: str, raised_at: float) -> str:
    """Same tag, condition and raise source time (to the millisecond) → same id on every node."""
    return name_id(f"{tag}|{condition}|{round(raised_at * 1000)}")


_random = random.Random()


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def new_event_id() -> str:
    """A random (version 4) id for an operator action, as `str(uuid.uuid4())` writes it.

    Drawn from a PRNG seeded from the OS once, not `uuid.uuid4()` (a system call and an
    object per id): acknowledge-all of 10,000 alarms must stay cheap. Ids need to be
    unique, not secret.
    """
    h = f"{_random.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


def system_event_id(occurrence: str, kind: str, qualifier: str = "") -> str:
    """Id of an event every node derives alike (raise, clear, escalation): journaled once."""
    return name_id(f"{occurrence}|{kind}|{qualifier}")


@dataclass(frozen=True)
class AlarmEvent:
    """One row of the append-only alarm journal."""

    id: str
    occurrence_id: str
    kind: EventKind
    level: int
    site: str
    tag: str
    condition: str
    division: str
    at: float
    operator: str = ""
    node: str = ""
    note: str = ""
    payload: dict[str, Any] = field(default_factory=dict)
    drill_id: str = ""  # the drill (console.drill) whose scenario raised it: never counted with real alarms

    def row(self) -> tuple:
        return (self.id, self.occurrence_id, self.kind.value, self.level, self.site, self.tag,
                self.condition, self.division, self.at, self.operator, self.node, self.note,
                json.dumps(self.payload, ensure_ascii=False, sort_keys=True) if self.payload else "{}",
                self.drill_id or None)

    @classmethod
    def from_row(cls, row: tuple) -> "AlarmEvent":
        """From the journal's columns (a row from before drills has no `drill_id`)."""
        (id_, occ, kind, level, site, tag, condition, division, at, operator, node, note, payload, *drill) = row
        return cls(id_, occ, EventKind(kind), level, site, tag, condition, division, at,
                   operator or "", node or "", note or "", json.loads(payload) if payload else {},
                   (drill[0] or "") if drill else "")
