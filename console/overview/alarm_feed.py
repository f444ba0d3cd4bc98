"""What the overview needs from the alarm engine, as a protocol.

`console.alarms.AlarmEngine` satisfies it; naming only these three methods keeps the map
independent of the engine's other duties.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from console.overview.status import AlarmLike

DoneCallback = Callable[[Exception | None], None]


class AlarmFeed(Protocol):
    def active_alarms(self) -> Sequence[AlarmLike]: ...

    def subscribe(self, callback: Callable[[list], None]) -> Callable[[], None]:
        """`callback(changed_records)` after the alarms change; returns unsubscribe."""
        ...

    def acknowledge(self, records: Iterable[AlarmLike], operator: str, note: str = "",
                    on_done: DoneCallback | None = None) -> int:
        """Durably acknowledge (`on_done(error)` once stored); raises `ValueError`
        (`ActionRefused`) when refused, e.g. a red alarm without a note."""
        ...
