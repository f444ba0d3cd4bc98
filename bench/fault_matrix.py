"""Fault matrix (issue 12): break the real system one fault at a time and say what the field side did.

Topology, all on 127.0.0.1 and all thrown away at the end:

    throwaway PostgreSQL cluster (initdb, own port; migrated)
        ▲ field_live / field_history / heartbeat          ▲ LISTEN field_live, clock_timestamp()
    `duty-console collect` (child process) ──┐           │
    `duty-console simulate` (child process) ◄┴─ OPC UA / Modbus ── headless console (this process):
                                                 acquisition runtime + backend live feed + live-source
                                                 selector + alarm engine + clock watch, no Qt

Faults, one by one, each after everything is healthy again: PostgreSQL fast restart, PostgreSQL
kill -9 (postmaster; started again after a few seconds), simulator SIGSTOP then SIGCONT,
simulator kill and restart (same ports), collector kill and restart, the console node's clock
+10 min (an offset injected into its wall-clock function). For each it prints:

- detect: seconds from the injection until the console noticed (backend link lost, a tag shown
  bad, the clock flagged); recover: seconds from the end of the fault (server back, process
  restarted, clock restored) until all is healthy (collector heartbeat fresh, every tag on the
  backend path and GOOD, no comm alarm, no clock warning);
- history: seconds of `field_history` (by source time) without any row in the fault's window,
  an estimate of the values lost (those seconds × the rows per second before the faults), and
  duplicate (tag, source time) rows; a silent field (SIGSTOP, kill) has no values to lose;
- comm violations: tags shown BAD_COMM/UNCERTAIN_STALE for over `COMM_TOLERANCE_S` without an
  active communication-loss alarm (most at one instant, and tag·seconds);
- stale GOOD: tags shown GOOD whose source time is older than twice their stale limit (+1 s);
- escalations during the fault, and those that came before their limit had run since the node
  learned of the raise (premature); for the clock fault, an acknowledgment's stamp minus the
  database's clock.

A fault the system does not recover from within the bound is reported (e.g. "collector exited
1") and the bench then repairs it (restarts the collector) so the next fault starts healthy.
Every wait is bounded; the run stops by itself (`--quick`: 10 sites, 3–6 min;
default 40 sites, 7–10 min).
"""
from __future__ import annotations

import argparse
import logging
import os
import queue
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg2  # noqa: E402

from console.alarms.conditions import COMM_FAILED  # noqa: E402
from console.alarms.engine import AlarmEngine, AlarmSettings  # noqa: E402
from domain.alarm_events import EventKind  # noqa: E402
from console.clock_watch import ClockWatch, backend_probe, opcua_probe  # noqa: E402
from console.config import NodeConfig  # noqa: E402
from domain.divisions import hebei  # noqa: E402
from console.freshness import FreshnessGuard  # noqa: E402
from console.live_source import LiveSourceSelector  # noqa: E402
from domain.node_clock import NodeClock  # noqa: E402
from drivers.acq_config import load_acquisition_config  # noqa: E402
from drivers.clock_probe import opcua_servers  # noqa: E402
from domain.values import Quality  # noqa: E402
from drivers.runtime import AcquisitionRuntime  # noqa: E402
from drivers.simulator.catalogue import build_catalogue, subset  # noqa: E402
from drivers.simulator.process import SimulatorProcess  # noqa: E402
from drivers.simulator.ports import free_port, free_port_range  # noqa: E402
from domain.tags import SiteKind  # noqa: E402
from server_link.live_feed import BackendLiveFeed  # noqa: E402
from server_link.migrate import upgrade_postgres  # noqa: E402
from tests.support.collector import CollectorProcess  # noqa: E402
from tests.support.pg_cluster import ThrowawayCluster  # noqa: E402
from tests.support.postgres import with_dbname  # noqa: E402

NODE = "130000"  # the province node: every simulated site is in its jurisdiction
STEP_S = 0.2
COMM_TOLERANCE_S = 3.0  # a bad tag gets this long (on-delay, one tick) to have its comm alarm
SKEW_S = 600.0
CATCH_UP_S = 15.0  # at most this long for the collector's history to reach the end of a fault's window


@dataclass
class Profile:
    sites: int
    hang_s: float  # SIGSTOP duration
    down_s: float  # how long a killed process / server stays down
    detect_timeout_s: float
    recover_timeout_s: float
    warmup_timeout_s: float
    grace_s: float  # the alarm engine's start-up grace


PROFILES = {
    "quick": Profile(10, 30.0, 5.0, 30.0, 60.0, 120.0, 15.0),
    "full": Profile(40, 30.0, 10.0, 40.0, 90.0, 180.0, 20.0),
}


@dataclass(frozen=True)
class Snapshot:
    """What the headless console shows, taken every step on its thread."""

    tags: int = 0
    good: int = 0
    bad: int = 0  # shown BAD_COMM / UNCERTAIN_STALE
    comm_alarms: int = 0  # active communication-loss alarms
    violations: int = 0  # bad past the tolerance without an active comm alarm
    stale_good: int = 0
    on_field: int = 0
    known: int = 0
    heartbeat_age: float | None = None
    beat_at: float = 0.0  # when the collector last beat (our clock; same machine as the database)
    backend_errors: int = 0  # feed reports of an unreachable database (cumulative)


@dataclass
class Window:
    """Counters over one fault, accumulated by the console thread, reset by the main thread."""

    max_violations: int = 0
    violation_tag_s: float = 0.0
    max_stale_good: int = 0
    escalations: int = 0
    premature: int = 0


class MemoryJournal:
    """The engine's journal kept in memory: every event durable at once (no store in this bench)."""

    def __init__(self) -> None:
        self.events = []

    def append(self, events, on_durable=None, audit=()):
        self.events.extend(events)
        if on_durable is not None:
            on_durable(None)

    def poll(self) -> int:
        return 0


class HeadlessConsole(threading.Thread):
    """The console's live side without Qt: field runtime and backend feed into the live-source
    selector, what it publishes into the alarm engine, exactly as the GUI wires them."""

    def __init__(self, plan, dsn: str, node_clock: NodeClock, settings: AlarmSettings):
        super().__init__(name="headless-console", daemon=True)
        config = NodeConfig()
        self.plan = plan
        self.stale_after = {tag: binding.spec.stale_after for tag, binding in plan.tags.items()}
        self.selector = LiveSourceSelector(config.backend.stale_after_s, config.field.backend_return_s)
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()
        self.commands: queue.SimpleQueue = queue.SimpleQueue()
        self.runtime = AcquisitionRuntime(plan, lambda batch: self.inbox.put(("field", batch, None)))
        self.feed = BackendLiveFeed(dsn, lambda values, age: self.inbox.put(("backend", values, age)), plan.tags)
        self.journal = MemoryJournal()
        self.engine = AlarmEngine(plan.catalogue, hebei(), NODE, journal=self.journal, node_clock=node_clock,
                                  settings=settings)
        self.limit_s = {level: settings.escalation.limit_s(level) for level in settings.escalation.limits_min}
        self.shown = {}
        self.freshness = FreshnessGuard(self._show, self.stale_after)  # as the acquisition bridge has it
        self.snapshot = Snapshot()
        self.window = Window()
        self._bad_since: dict[str, float] = {}
        self._heartbeat_age: float | None = None
        self._beat_at = 0.0
        self._backend_errors = 0
        self._seen_events = 0
        self._halt = threading.Event()

    def run(self) -> None:
        self.runtime.start()
        self.feed.start()
        last_tick = 0.0
        while not self._halt.wait(STEP_S):
            now = time.time()
            while True:
                try:
                    kind, values, age = self.inbox.get_nowait()
                except queue.Empty:
                    break
                if kind == "field":
                    self._publish(self.selector.field(values, now))
                else:
                    self._heartbeat_age = age
                    if age is not None:
                        self._beat_at = now - age
                    self._backend_errors += age is None
                    self._publish(self.selector.backend(values, age, now))
            if time.monotonic() - last_tick >= 0.5:
                last_tick = time.monotonic()
                self._publish(self.selector.tick(now))
                self.freshness.sweep()
                self.engine.tick()
            while True:
                try:
                    self.commands.get_nowait()()
                except queue.Empty:
                    break
            self._observe(now)

    def _publish(self, values) -> None:
        if values:
            self.freshness.publish(values)

    def _show(self, values) -> None:
        for value in values:
            self.shown[value.tag] = value
        self.engine.evaluate(values)

    def _observe(self, now: float) -> None:
        mono = time.monotonic()
        bad, violations, stale_good, good = 0, 0, 0, 0
        for tag, value in self.shown.items():
            if value.quality in COMM_FAILED:
                bad += 1
                since = self._bad_since.setdefault(tag, mono)
                record = self.engine.record(tag, "COMM")
                if mono - since > COMM_TOLERANCE_S and not (record is not None and record.active):
                    violations += 1
                continue
            self._bad_since.pop(tag, None)
            if value.quality is Quality.GOOD:
                good += 1
                if now - value.source_ts > 2 * self.stale_after[tag] + 1.0:
                    stale_good += 1
        comm = sum(1 for rec in self.engine.active_alarms() if rec.condition == "COMM" and rec.active)
        self.snapshot = Snapshot(len(self.shown), good, bad, comm, violations, stale_good, self.selector.on_field(),
                                 self.selector.known(), self._heartbeat_age, self._beat_at, self._backend_errors)
        window = self.window
        window.max_violations = max(window.max_violations, violations)
        window.violation_tag_s += violations * STEP_S
        window.max_stale_good = max(window.max_stale_good, stale_good)
        for event in self.journal.events[self._seen_events:]:
            if event.kind is EventKind.ESCALATE:
                window.escalations += 1
                window.premature += self._premature(event, mono)
        self._seen_events = len(self.journal.events)

    def _premature(self, event, mono: float) -> bool:
        """Escalated before its step's limit had run since this node learned of the raise."""
        record = self.engine.record(event.tag, event.condition)
        elapsed = mono - record.seen_mono + (record.origin_age or 0.0)
        return elapsed < int(event.payload.get("step", 1)) * self.limit_s[record.level] - 1.0

    def call(self, function: Callable[[], object], timeout: float = 10.0):
        """Run `function` on the console thread (the engine is not thread-safe) and return its result."""
        done = threading.Event()
        result = {}

        def run() -> None:
            try:
                result["value"] = function()
            finally:
                done.set()

        self.commands.put(run)
        if not done.wait(timeout):
            raise TimeoutError("the headless console did not answer")
        return result.get("value")

    def stop(self) -> None:
        self._halt.set()
        self.join(10)
        self.feed.stop()
        self.runtime.stop()


def wait_for(condition: Callable[[], bool], timeout: float, since: float | None = None) -> float | None:
    """Seconds from `since` (default: now) until `condition` holds, or None after `timeout`."""
    start = time.monotonic() if since is None else since
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic() - start
        time.sleep(STEP_S)
    return None


@dataclass
class Result:
    fault: str
    detect_s: float | None = None
    recover_s: float | None = None
    gap_s: int = 0
    lost: int = 0
    duplicates: int = 0
    window: Window = field(default_factory=Window)
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        def fmt(v: float | None) -> str:
            return "—" if v is None else f"{v:.1f}"

        w = self.window
        return (f"{self.fault:<28} {fmt(self.detect_s):>7} {fmt(self.recover_s):>8} {self.gap_s:>6} {self.lost:>6} "
                f"{self.duplicates:>5} {w.max_violations:>5}/{w.violation_tag_s:<7.0f} {w.max_stale_good:>6} "
                f"{w.escalations:>4}/{w.premature:<3}  {'; '.join(self.notes)}")


HEADER = (f"{'fault':<28} {'detect':>7} {'recover':>8} {'gap s':>6} {'lost≈':>6} {'dup':>5} "
          f"{'comm viol':>13} {'staleG':>6} {'esc/pre':>8}  notes")


class Matrix:
    def __init__(self, profile: Profile, workdir: Path):
        self.profile = profile
        self.workdir = workdir
        self.cluster: ThrowawayCluster | None = None
        self.simulator: SimulatorProcess | None = None
        self.collector: CollectorProcess | None = None
        self.console: HeadlessConsole | None = None
        self.watch: ClockWatch | None = None
        self.node_clock = NodeClock(time.time, warn_s=NodeConfig().node.clock_skew_warn_s)
        self.baseline_rate = 0.0
        self.results: list[Result] = []

    # -- set-up --------------------------------------------------------------------------------

    def start(self) -> None:
        profile = self.profile
        self.cluster = ThrowawayCluster()
        self.cluster.start()
        admin = psycopg2.connect(self.cluster.dsn)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("CREATE DATABASE duty")
        admin.close()
        self.dsn = with_dbname(self.cluster.dsn, "duty")
        upgrade_postgres(self.dsn)
        seed = NodeConfig().field.simulator_seed
        catalogue = subset(build_catalogue(seed), profile.sites)
        incidents = [f"leak:{code}:0:5:3600" for code, site in catalogue.sites.items()
                     if site.kind is SiteKind.HAZCHEM_SOURCE][:2]  # red alarms that escalation could move
        acq = self.workdir / "acq.toml"
        self.simulator = SimulatorProcess(
            ["--sites", str(profile.sites), "--opcua-port", str(free_port()),
             "--modbus-base-port", str(free_port_range(profile.sites)), "--write-config", str(acq),
             *(arg for spec in incidents for arg in ("--incident", spec))], self.workdir / "simulator")
        self.simulator.start()
        plan = load_acquisition_config(acq).to_plan()
        self.collector = CollectorProcess(acq, self.dsn, self.workdir / "collector")
        self.collector.start()
        settings = AlarmSettings(startup_grace_s=profile.grace_s)
        self.console = HeadlessConsole(plan, self.dsn, self.node_clock, settings)
        self.console.start()
        console_started = time.monotonic()
        probes = [("backend", backend_probe(self.dsn, self.node_clock))]
        probes += [(url, opcua_probe(url, settings_, self.node_clock)) for url, settings_ in opcua_servers(plan)][:1]
        self.watch = ClockWatch(self.node_clock, probes, interval_s=2.0)
        self.watch.start()
        print(f"set-up: PostgreSQL :{self.cluster.port}, simulator {profile.sites} sites ({len(plan.tags)} tags), "
              f"collector, headless console; incidents {', '.join(incidents) or 'none'}", flush=True)
        ready = wait_for(lambda: self.healthy() and time.monotonic() - console_started
                         > max(profile.grace_s, 3 * max(self.console.stale_after.values())),
                         profile.warmup_timeout_s)
        if ready is None:
            raise SystemExit(f"fault_matrix: the system did not become healthy within {profile.warmup_timeout_s:.0f} s "
                             f"({self.console.snapshot})")
        self.baseline_rate = self.history_rate(time.time() - 10.0, time.time() - 2.0)
        print(f"healthy after {ready:.1f} s; field_history {self.baseline_rate:.0f} rows/s", flush=True)

    def stop(self) -> None:
        for stop in (self.watch and self.watch.stop, self.console and self.console.stop,
                     self.collector and self.collector.stop, self.simulator and self.simulator.kill,
                     self.cluster and self.cluster.remove):
            if stop:
                try:
                    stop()
                except Exception as exc:  # keep tearing down the rest
                    print(f"tear-down: {type(exc).__name__}: {exc}", file=sys.stderr)

    # -- state ---------------------------------------------------------------------------------

    def backend_ok(self, after: float) -> bool:
        """The collector alive and beating since `after` (wall time), every tag on the backend path."""
        snap = self.console.snapshot
        return (self.collector.alive() and snap.heartbeat_age is not None and snap.heartbeat_age < 2.0
                and snap.beat_at > after and snap.known >= snap.tags > 0 and snap.on_field == 0)

    def field_ok(self) -> bool:
        snap = self.console.snapshot
        return snap.tags == len(self.console.plan.tags) and snap.bad == 0 and snap.comm_alarms == 0

    def healthy(self, after: float = 0.0) -> bool:
        return self.backend_ok(after) and self.field_ok() and not self.node_clock.skewed()

    def backend_lost(self, errors_before: int) -> Callable[[], bool]:
        def lost() -> bool:
            snap = self.console.snapshot
            return (snap.backend_errors > errors_before or snap.on_field > 0
                    or (snap.heartbeat_age is not None and snap.heartbeat_age > 3.0))
        return lost

    def field_lost(self) -> bool:
        snap = self.console.snapshot
        return snap.bad > 0 or snap.comm_alarms > 0

    # -- history -------------------------------------------------------------------------------

    def history_rows(self, start: float, end: float) -> tuple[dict[int, int], int]:
        """Rows per second of source time in [start, end), and duplicate (tag, source_ts) rows."""
        with psycopg2.connect(self.dsn, connect_timeout=5) as conn, conn.cursor() as cur:
            cur.execute("SELECT floor(extract(epoch FROM source_ts))::bigint, count(*) FROM field_history "
                        "WHERE source_ts >= to_timestamp(%s) AND source_ts < to_timestamp(%s) GROUP BY 1",
                        (start, end))
            per_second = dict(cur.fetchall())
            cur.execute("SELECT count(*) - count(DISTINCT (tag, source_ts)) FROM field_history "
                        "WHERE source_ts >= to_timestamp(%s) AND source_ts < to_timestamp(%s)", (start, end))
            duplicates = cur.fetchone()[0]
        conn.close()
        return per_second, duplicates

    def history_rate(self, start: float, end: float) -> float:
        per_second, _ = self.history_rows(start, end)
        return sum(per_second.values()) / max(1.0, end - start)

    # -- faults --------------------------------------------------------------------------------

    def run_fault(self, name: str, inject: Callable[[], None], detected: Callable[[], bool],
                  end: Callable[[], None], hold_s: float = 0.0, field_silent: bool = False,
                  during: Callable[[Result], None] | None = None) -> Result:
        profile = self.profile
        result = Result(name)
        self.console.window = result.window
        switches = len(self.console.runtime.switches)
        wall_start, t0 = time.time(), time.monotonic()
        inject()
        result.detect_s = wait_for(detected, profile.detect_timeout_s, since=t0)
        if during is not None:
            during(result)
        remaining = hold_s - (time.monotonic() - t0)
        if remaining > 0:
            time.sleep(remaining)
        end()
        ended = time.time()
        result.recover_s = wait_for(lambda: self.healthy(ended), profile.recover_timeout_s)
        if result.recover_s is None:
            self.repair(result)
        first, last = int(wall_start - 5.0), int(time.time())
        wait_for(lambda: self.history_rows(last, last + 1)[0], CATCH_UP_S)  # written up to the window's end
        per_second, result.duplicates = self.history_rows(first, last)
        result.gap_s = sum(1 for second in range(first, last) if second not in per_second)
        result.lost = round(result.gap_s * self.baseline_rate)
        if field_silent and result.gap_s:
            result.notes.append("field silent: no values to lose")
            result.lost = 0
        switched = len(self.console.runtime.switches) - switches
        if switched:
            result.notes.append(f"{switched} device path switches")
        self.results.append(result)
        print(result.line(), flush=True)
        return result

    def repair(self, result: Result) -> None:
        """Not healthy within the bound: say what is wrong, then put it right for the next fault."""
        snap = self.console.snapshot
        if not self.collector.alive():
            last_line = (self.collector.stderr_tail().strip().splitlines() or [""])[-1][:160]
            result.notes.append(f"collector exited {self.collector.proc.returncode} ({last_line})")
            self.collector.start()
        else:
            result.notes.append(f"not healthy after {self.profile.recover_timeout_s:.0f} s: bad {snap.bad}, "
                                f"comm alarms {snap.comm_alarms}, on field {snap.on_field}, "
                                f"heartbeat {snap.heartbeat_age}")
        repaired = time.time()
        again = wait_for(lambda: self.healthy(repaired), self.profile.recover_timeout_s)
        result.notes.append("bench repaired it" if again is not None else "still unhealthy")

    def pg_fast_restart(self) -> Result:
        errors = self.console.snapshot.backend_errors
        def restart() -> None:  # pg_ctl -m fast restart
            self.cluster.stop("fast")
            self.cluster.start()

        return self.run_fault("PostgreSQL fast restart", restart, self.backend_lost(errors), lambda: None)

    def pg_kill(self) -> Result:
        errors = self.console.snapshot.backend_errors
        return self.run_fault("PostgreSQL kill -9", self.cluster.kill_postmaster, self.backend_lost(errors),
                              self.cluster.start, hold_s=self.profile.down_s)

    def simulator_hang(self) -> Result:
        return self.run_fault(f"simulator SIGSTOP {self.profile.hang_s:.0f} s", self.simulator.hang, self.field_lost,
                              self.simulator.resume, hold_s=self.profile.hang_s, field_silent=True)

    def simulator_restart(self) -> Result:
        return self.run_fault("simulator kill + restart", self.simulator.kill, self.field_lost,
                              self.simulator.start, hold_s=self.profile.down_s, field_silent=True)

    def collector_restart(self) -> Result:
        errors = self.console.snapshot.backend_errors
        return self.run_fault("collector kill + restart", self.kill_collector, self.backend_lost(errors),
                              self.collector.start, hold_s=self.profile.down_s)

    def kill_collector(self) -> None:
        self.collector.proc.kill()
        self.collector.proc.wait(10)

    def clock_skew(self) -> Result:
        def inject() -> None:
            self.node_clock.wall = lambda: time.time() + SKEW_S

        def restore() -> None:
            self.node_clock.wall = time.time

        return self.run_fault("node clock +10 min", inject, lambda: bool(self.node_clock.skewed()), restore,
                              hold_s=15.0, during=self.acknowledge_one)

    def acknowledge_one(self, result: Result) -> None:
        """Acknowledge one unacknowledged alarm while skewed: its stamp against the database's clock."""
        engine = self.console.engine
        journal = self.console.journal

        def ack() -> int:
            targets = [rec for rec in engine.active_alarms() if not rec.acknowledged][:1]
            engine.acknowledge(targets, "fault-matrix", "checked")
            return len(targets)

        if not self.console.call(ack):
            result.notes.append("no unacknowledged alarm to acknowledge")
            return
        ack_event = next(event for event in reversed(journal.events) if event.kind is EventKind.ACK)
        with psycopg2.connect(self.dsn, connect_timeout=5) as conn, conn.cursor() as cur:
            cur.execute("SELECT extract(epoch FROM clock_timestamp())::float8")
            database_now = cur.fetchone()[0]
        conn.close()
        clock = ack_event.payload.get("clock", "?")
        result.notes.append(f"ack stamp − database {ack_event.at - database_now:+.1f} s (clock {clock})")
        offsets = ", ".join(f"{s.source} {s.offset_s:+.1f} s" for s in self.node_clock.samples().values())
        result.notes.append(f"measured {offsets}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 sites and the shorter bounds (3–6 min)")
    parser.add_argument("--log", type=Path, default=Path(tempfile.gettempdir()) / "fault_matrix.log",
                        help="where this process's log goes (default: %(default)s)")
    args = parser.parse_args()
    logging.basicConfig(filename=args.log, filemode="w", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    profile = PROFILES["quick" if args.quick else "full"]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="duty-faults-") as tmp:
        matrix = Matrix(profile, Path(tmp))
        previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            matrix.start()
            print(HEADER, flush=True)
            for fault in (matrix.pg_fast_restart, matrix.pg_kill, matrix.simulator_hang, matrix.simulator_restart,
                          matrix.collector_restart, matrix.clock_skew):
                fault()
        finally:
            matrix.stop()
            signal.signal(signal.SIGTERM, previous)
    load = os.getloadavg()
    print(f"\nlog: {args.log}")
    print(f"{len(matrix.results)} faults in {time.monotonic() - started:.0f} s; load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("detect: s from injection; recover: s from the fault's end until healthy; gap s: seconds of "
          "field_history without a row; lost≈: gap × rows/s before the faults; comm viol: most bad tags without "
          "a comm alarm at once / tag·s; staleG: most GOOD tags older than 2× their stale limit; "
          "esc/pre: escalations / premature ones")
    return 0


if __name__ == "__main__":
    sys.exit(main())
