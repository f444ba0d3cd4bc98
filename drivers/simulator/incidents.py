"""Scripted incidents written as `KIND:SITE[:DELAY[:RAMP[:HOLD]]]`, for demos, tests and screenshots.

The same text is taken by `duty-console simulate --incident` and by the embedded
default's `field.simulator_incidents`. DELAY is seconds from start-up and may be
negative: `rainstorm:TP13012101:-4500:2700:14400` is a rainstorm that began 75 minutes
ago, ramped up over 45 and holds for 4 hours more.
"""
from __future__ import annotations

from dataclasses import dataclass

INCIDENT_KINDS = ("rainstorm", "leak", "offline")


@dataclass(frozen=True)
class IncidentSpec:
    kind: str
    site: str
    delay: float = 0.0
    ramp: float = 60.0
    hold: float = 600.0

    def as_text(self) -> str:
        """The `KIND:SITE:DELAY:RAMP:HOLD` that `parse_incident` reads back."""
        return f"{self.kind}:{self.site}:{self.delay:g}:{self.ramp:g}:{self.hold:g}"


def parse_incident(text: str) -> IncidentSpec:
    """Parse one incident; ValueError says what is wrong with it."""
    kind, _, rest = text.partition(":")
    site, *numbers = rest.split(":") if rest else [""]
    if kind not in INCIDENT_KINDS:
        raise ValueError(f"unknown incident {kind!r} (one of {', '.join(INCIDENT_KINDS)})")
    if not site:
        raise ValueError("no site: write KIND:SITE[:DELAY[:RAMP[:HOLD]]]")
    if len(numbers) > 3:
        raise ValueError("too many fields: write KIND:SITE[:DELAY[:RAMP[:HOLD]]]")
    try:
        values = [float(n) for n in numbers]
    except ValueError:
        raise ValueError(f"DELAY, RAMP and HOLD must be seconds, got {':'.join(numbers)!r}") from None
    if any(v < 0 for v in values[1:]):
        raise ValueError("RAMP and HOLD cannot be negative")
    return IncidentSpec(kind, site, *values)
