"""The console tag bus: latest value per tag, and fan-out of value batches.

Runs on the GUI thread. Acquisition (or the backend link) hands it whole batches that
arrived through a queued signal; subscribers (trend store, alarm engine, map) get the
same batch once, so no per-value signal is ever emitted. Qt-free.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from domain.observers import Observers
from domain.values import TagValue

BatchCallback = Callable[[Sequence[TagValue]], None]


class TagBus:
    def __init__(self) -> None:
        self._latest: dict[str, TagValue] = {}
        self._subscribers = Observers("tag bus")

    def publish(self, batch: Sequence[TagValue]) -> None:
        latest = self._latest
        for value in batch:
            latest[value.tag] = value
        self._subscribers.notify(batch)

    def latest(self, tag: str) -> TagValue | None:
        return self._latest.get(tag)

    def snapshot(self) -> dict[str, TagValue]:
        return dict(self._latest)

    def subscribe(self, callback: BatchCallback, replay: bool = False) -> Callable[[], None]:
        """Register `callback` for every future batch; returns the unsubscribe function. A
        callback that raises is logged and the others still get the batch.

        `replay`: first hand it the latest value of every tag, as one batch. A service that
        starts after acquisition (the alarm engine, the trend store) must see a value that
        arrived before it and has not changed since: a level steady above its limit."""
        unsubscribe = self._subscribers.subscribe(callback)
        if replay and self._latest:
            callback(list(self._latest.values()))
        return unsubscribe
