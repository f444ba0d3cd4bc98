"""The node's clock as the rest of the network sees it. Qt-free, thread-safe.

A node's wall clock can be minutes off (a county PC without NTP). Its offset to the
shared backend (PostgreSQL's clock) and to the OPC UA servers it reads is measured
(`server_link.clock_probe`, `drivers.clock_probe`) and recorded here. The node then
stamps what it sends in the backend's time (`now`), says which clock a stamp came
from (`stamp`), and warns when an offset is past `[node] clock_skew_warn_s`.
Durations (escalation timers) never use this clock: they run on `time.monotonic`.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

BACKEND = "backend"
OPCUA = "opcua"
REFERENCES = (BACKEND, OPCUA)  # which measured offset corrects the node's time, in order of preference
UNCORRECTED = "node"  # a stamp from the node's own wall clock, no offset known


@dataclass(frozen=True)
class OffsetSample:
    """`offset_s`: reference clock minus node wall clock (positive: the node is behind)."""

    source: str  # BACKEND or OPCUA
    offset_s: float
    round_trip_s: float  # the uncertainty of the midpoint estimate is half of it
    detail: str = ""  # which server


def midpoint_offset(sent: float, reference: float, received: float) -> float:
    """NTP's estimate: the reference read its clock halfway through the round trip."""
    return reference - (sent + received) / 2.0


class NodeClock:
    """Measured offsets per reference, the corrected time and the skew warning."""

    def __init__(self, wall: Callable[[], float] = time.time, warn_s: float = 5.0):
        self.wall = wall
        self.warn_s = warn_s
        self._lock = threading.Lock()
        self._samples: dict[str, OffsetSample] = {}

    def record(self, sample: OffsetSample) -> None:
        with self._lock:
            self._samples[sample.source] = sample

    def samples(self) -> dict[str, OffsetSample]:
        with self._lock:
            return dict(self._samples)

    def reference(self) -> OffsetSample | None:
        """The offset that corrects this node's time: the backend's, else an OPC UA server's."""
        samples = self.samples()
        return next((samples[source] for source in REFERENCES if source in samples), None)

    def offset(self) -> float:
        """The correction `now` applies to the wall clock (0 while nothing is measured)."""
        sample = self.reference()
        return sample.offset_s if sample else 0.0

    def now(self) -> float:
        """The reference clock's time (the node's wall clock when nothing is measured yet)."""
        return self.wall() + self.offset()

    def reference_now(self) -> float | None:
        """The reference clock's time, or None while no offset is measured."""
        sample = self.reference()
        return None if sample is None else self.wall() + sample.offset_s

    def stamp(self) -> dict:
        """What a time from `now` is: which clock, corrected by how much (goes into journal payloads)."""
        sample = self.reference()
        if sample is None:
            return {"clock": UNCORRECTED}
        return {"clock": sample.source, "clock_offset_s": round(sample.offset_s, 3)}

    def skewed(self) -> list[OffsetSample]:
        """The measured offsets past the warning threshold."""
        return [sample for sample in self.samples().values() if abs(sample.offset_s) > self.warn_s]
