"""`duty-console simulate` as a child process, for tests and benchmarks that need to kill
(SIGKILL), hang (SIGSTOP) and restart a field server."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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
        self.home.mkdir(parents=True, exist_ok=True)
        self.stderr_path = self.home / "simulator.stderr"
        with open(self.stderr_path, "w") as stderr:
            self.proc = subprocess.Popen([sys.executable, "-m", "console", "simulate", *self.args], cwd=ROOT,
                                         env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
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
            tail = self.stderr_path.read_text(errors="replace")[-1500:]
            raise AssertionError(f"simulator {self.args} not ready within {timeout}s; its stderr ends:\n{tail}")

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
