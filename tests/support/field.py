"""Field servers for tests: the simulator as a real subprocess (so it can be killed or
SIGSTOPped), and a runtime harness that waits on conditions with a deadline."""
from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from domain.values import TagValue
from drivers.simulator.process import SimulatorProcess


def wait_until(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


@contextlib.contextmanager
def simulator_process(args: list[str], home: Path) -> Iterator[SimulatorProcess]:
    sim = SimulatorProcess(args, home).start()
    try:
        yield sim
    finally:
        sim.kill()


class Collected:
    """A runtime sink that keeps the latest value per tag (called from the runtime thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.latest: dict[str, TagValue] = {}
        self.count = 0

    def __call__(self, batch: list[TagValue]) -> None:
        with self._lock:
            for value in batch:
                self.latest[value.tag] = value
            self.count += len(batch)

    def snapshot(self, prefix: str = "") -> list[TagValue]:
        with self._lock:
            return [v for tag, v in self.latest.items() if tag.startswith(prefix)]

    def all(self, prefix: str, check: Callable[[TagValue], bool], expected: int = 20) -> bool:
        values = self.snapshot(prefix)
        return len(values) >= expected and all(check(v) for v in values)
