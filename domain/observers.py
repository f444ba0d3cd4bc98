"""One observer list for the bus, the alarm engine, the link board, the store and the sync service.

A subscriber that raises is logged (with its name) and the others still run: a failing trend
callback must not keep a batch from the alarm engine. The list is replaced, never mutated, so
`notify` may run on one thread while another subscribes. Qt-free.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


def callback_name(callback: Callable) -> str:
    """`module.Class.method` or `module.function` — enough to find the subscriber that failed."""
    target = getattr(callback, "__func__", callback)
    module = getattr(target, "__module__", None) or type(callback).__module__
    qualname = getattr(target, "__qualname__", None) or type(callback).__qualname__
    return f"{module}.{qualname}"


class Observers:
    """Callbacks notified in subscription order; `subscribe` returns the unsubscribe function."""

    def __init__(self, topic: str) -> None:
        self.topic = topic
        self._callbacks: tuple[Callable, ...] = ()

    def subscribe(self, callback: Callable) -> Callable[[], None]:
        self._callbacks = (*self._callbacks, callback)

        def unsubscribe() -> None:
            callbacks = list(self._callbacks)
            if callback in callbacks:
                callbacks.remove(callback)
                self._callbacks = tuple(callbacks)

        return unsubscribe

    def notify(self, *args) -> None:
        for callback in self._callbacks:
            try:
                callback(*args)
            except Exception:
                log.exception("%s subscriber %s failed", self.topic, callback_name(callback))

    def __bool__(self) -> bool:
        return bool(self._callbacks)

    def __len__(self) -> int:
        return len(self._callbacks)
