"""What the overview needs from the alarm engine (issue 5), as a protocol.

The engine provides `active_alarms()` and a change hook; acknowledging from the site
card goes back to it. Any object with these three methods plugs in.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from console.overview.status import AlarmLike


class AlarmFeed(Protocol):
    def active_alarms(self) -> Sequence[AlarmLike]: ...

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` (no arguments) after the active set changes; returns unsubscribe."""
        ...

    def acknowledge(self, alarm: AlarmLike, operator: str, note: str = "") -> None:
        """Durably acknowledge; the change hook fires once it is stored."""
        ...
