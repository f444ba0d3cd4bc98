"""`duty-console simulate` as a child process: the embedded default's field (its servers run on
another core and never take the console's GIL), and tests and benchmarks that need to kill
(SIGKILL), hang (SIGSTOP) and restart a field server.

The child reads its standard input (`--control-stdin`): `incident ID KIND:SITE:…` scripts an
incident, `end ID` ends it early (a drill stopped), end of file stops the simulator, so a
console that dies never leaves its simulator behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drivers.simulator.incidents import IncidentSpec
from drivers.simulator.ports import SimulatorPorts, free_port, free_port_range

if TYPE_CHECKING:
    from drivers.acq_config import AcquisitionPlan

ROOT = Path(__file__).resolve().parents[2]


def console_command(*args: str) -> list[str]:
    """`duty-console ARGS` with this interpreter, or with the bundle's own executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "console", *args]


class SimulatorProcess:
    """`duty-console simulate` in a subprocess; `kill()`, `stop()` (SIGSTOP), `cont()`, `restart()`."""

    def __init__(self, args: list[str], home: Path):
        """`args` after `duty-console simulate`; `home` its DUTY_CONSOLE_HOME (its own log)."""
        self.args = [*args, "--control-stdin"]
        self.home = home
        self.proc: subprocess.Popen | None = None
        self._scripted = 0  # incidents scripted through the control input, for their ids

    def start(self, timeout: float = 90.0) -> "SimulatorProcess":
        self.launch()
        self.wait_ready(timeout)
        return self

    def launch(self) -> None:
        env = dict(os.environ, DUTY_CONSOLE_HOME=str(self.home), PYTHONPATH=str(ROOT))
        self.home.mkdir(parents=True, exist_ok=True)
        self.stderr_path = self.home / "simulator.stderr"
        with open(self.stderr_path, "w") as stderr:
            self.proc = subprocess.Popen(console_command("simulate", *self.args), cwd=ROOT, env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True)
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

    def trigger_spec(self, spec: IncidentSpec) -> str:
        """Script an incident in the running child (as `SiteSimulator.trigger_spec` does in-process);
        returns its id for `end`."""
        self._scripted += 1
        incident = str(self._scripted)
        self._send(f"incident {incident} {spec.as_text()}")
        return incident

    def end(self, incidents: list[str]) -> None:
        """End incidents this process scripted, now (as `SiteSimulator.end`)."""
        for incident in incidents:
            self._send(f"end {incident}")

    def _send(self, line: str) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def close(self, timeout: float = 5.0) -> None:
        """Stop the child: end of its input, then SIGKILL if it has not gone within `timeout`."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()

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


EMBEDDED_SITES = 280


@dataclass
class EmbeddedSimulator:
    """`duty-console simulate` launched for the embedded default, and the plan that reads it.

    A child process, not a thread: its servers start on the other core while the console
    builds its window and plan, and their steady work (a quarter of a core) never takes the
    console's GIL. The console launches it before its window (`console.app`), so the servers
    are listening by the time acquisition connects; the plan is built meanwhile on a thread.
    """

    process: SimulatorProcess
    seed: int
    ports: SimulatorPorts
    sites: int
    _plan: Future = field(default_factory=Future)

    def __post_init__(self) -> None:
        threading.Thread(target=self._build_plan, name="simulator plan", daemon=True).start()

    def _build_plan(self) -> None:
        from drivers.simulator.catalogue import build_catalogue, subset
        from drivers.simulator.plan import simulator_config

        try:
            catalogue = subset(build_catalogue(self.seed), self.sites)
            self._plan.set_result(simulator_config(catalogue, self.ports).to_plan())
        except Exception as exc:  # handed to whoever asks for the plan
            self._plan.set_exception(exc)

    def plan(self) -> AcquisitionPlan:
        """The plan over the simulator's sites (built since the launch: may wait, so not on the GUI thread)."""
        return self._plan.result()

    def trigger_spec(self, spec: IncidentSpec) -> str:
        return self.process.trigger_spec(spec)

    def end(self, incidents: list[str]) -> None:
        self.process.end(incidents)

    def stop(self) -> None:
        self.process.close(timeout=1.0)  # it holds nothing worth a graceful stop


def spawn_embedded_simulator(seed: int, home: Path, incidents: Sequence[IncidentSpec] = ()) -> EmbeddedSimulator:
    """Launch the simulator and return at once; `home` keeps the child's own log."""
    sites = EMBEDDED_SITES
    ports = SimulatorPorts(free_port(), free_port_range(sites))
    child = SimulatorProcess(["--seed", str(seed), "--sites", str(sites),
                              "--opcua-port", str(ports.opcua), "--modbus-base-port", str(ports.modbus_base),
                              *(arg for spec in incidents for arg in ("--incident", spec.as_text()))], home)
    child.launch()
    return EmbeddedSimulator(child, seed, ports, sites)
