"""Field servers for tests: the simulator as a real subprocess (so it can be killed or
SIGSTOPped), and a runtime harness that waits on conditions with a deadline."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from drivers.model import TagValue

ROOT = Path(__file__).resolve().parents[2]


def wait_until(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class SimulatorProcess:
    """`duty-console simulate` in a subprocess; `kill()`, `stop()` (SIGSTOP), `cont()`, `restart()`."""

    def __init__(self, args: list[str], home: Path):
        self.args = args
        self.home = home
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 90.0) -> "SimulatorProcess":
        self.launch()
        self.wait_ready(timeout)
        return self

    def launch(self) -> None:
        env = dict(os.environ, DUTY_CONSOLE_HOME=str(self.home), PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, "-m", "console", "simulate", *self.args], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self._ready = threading.Event()
        threading.Thread(target=self._read, args=(self.proc, self._ready), daemon=True).start()

    @staticmethod
    def _read(proc: subprocess.Popen, ready: threading.Event) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ready:"):
                ready.set()

    def wait_ready(self, timeout: float = 90.0) -> None:
        if not self._ready.wait(timeout):
            self.kill()
            raise AssertionError(f"simulator {self.args} not ready within {timeout}s")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill()
            self.proc.wait(10)

    def hang(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGCONT)


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
