"""Measuring the node's clock offsets in the background. Qt-free.

`ClockWatch` is a daemon thread: at start and then every `interval_s` it reads the
backend's clock (with `backend.kind = "postgresql"`) and one of the node's OPC UA
servers' (in turn), and records the offsets in the node's `NodeClock`. The GUI never
waits for it: the status bar and the alarm engine read what was last recorded.
`start_clock_watch(context)` is a `console.app.SERVICE_STARTERS` entry; it puts the
`NodeClock` in `context.services["node_clock"]`.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

from console.context import AppContext
from domain.node_clock import NodeClock, OffsetSample

log = logging.getLogger(__name__)

INTERVAL_S = 60.0
Probe = Callable[[], OffsetSample]


class ClockWatch(threading.Thread):
    def __init__(self, clock: NodeClock, probes: list[tuple[str, Probe]], interval_s: float = INTERVAL_S):
        """`probes`: (name, measure) pairs; every round runs each backend probe and the next OPC UA one."""
        super().__init__(name="clock-watch", daemon=True)
        self.clock = clock
        self.interval_s = interval_s
        self._backend = [probe for probe in probes if probe[0] == "backend"]
        self._servers = [probe for probe in probes if probe[0] != "backend"]
        self._round = 0
        self._halt = threading.Event()
        self._failing: set[str] = set()

    def run(self) -> None:
        while not self._halt.is_set():
            self.measure_once()
            self._halt.wait(self.interval_s)

    def measure_once(self) -> None:
        chosen = list(self._backend)
        if self._servers:
            chosen.append(self._servers[self._round % len(self._servers)])
        self._round += 1
        for name, probe in chosen:
            try:
                sample = probe()
            except Exception as exc:  # an unreachable reference: keep its last offset, say so once
                if name not in self._failing:
                    self._failing.add(name)
                    log.warning("clock offset to %s not measured: %s: %s", name, type(exc).__name__, exc)
                continue
            if name in self._failing or self._is_news(sample):
                self._failing.discard(name)
                log.info("clock offset to %s (%s): %+.3f s (round trip %.3f s)", sample.source,
                         sample.detail or name, sample.offset_s, sample.round_trip_s)
            self.clock.record(sample)

    def _is_news(self, sample: OffsetSample) -> bool:
        """Log the first measurement and changes of a second or more (one line per change, not per round)."""
        previous = self.clock.samples().get(sample.source)
        return previous is None or abs(previous.offset_s - sample.offset_s) >= 1.0

    def stop(self) -> None:
        self._halt.set()


def backend_probe(dsn: str, clock: NodeClock) -> Probe:
    """A probe keeping one connection to the backend, re-opened after a failure."""
    import psycopg2

    from server_link.clock_probe import backend_offset

    held = {}

    def measure() -> OffsetSample:
        conn = held.get("conn")
        if conn is None or conn.closed:
            conn = held["conn"] = psycopg2.connect(dsn, connect_timeout=3, application_name="duty-console clock")
            conn.autocommit = True
        try:
            return backend_offset(conn, clock.wall)
        except psycopg2.Error:
            conn.close()
            raise

    return measure


def opcua_probe(url: str, settings, clock: NodeClock) -> Probe:
    from drivers.clock_probe import opcua_offset

    return lambda: asyncio.run(opcua_offset(url, settings, clock.wall))


def node_probes(context: AppContext, clock: NodeClock) -> list[tuple[str, Probe]]:
    """The backend (PostgreSQL nodes) and the OPC UA servers of the running acquisition."""
    probes: list[tuple[str, Probe]] = []
    backend = context.config.backend
    if backend.kind == "postgresql":
        from domain.config_files import ConfigError
        from server_link.credentials import backend_dsn

        try:
            probes.append(("backend", backend_probe(backend_dsn(backend), clock)))
        except ConfigError as exc:  # the sync service reports the same problem on its link
            log.warning("clock offset to the backend not measured: %s", exc)
    runtime = context.services.get("acquisition")
    if runtime is not None:
        from drivers.clock_probe import opcua_servers

        probes.extend((url, opcua_probe(url, settings, clock)) for url, settings in opcua_servers(runtime.plan))
    return probes


def start_clock_watch(context: AppContext) -> Callable[[], None]:
    clock = NodeClock(warn_s=context.config.node.clock_skew_warn_s)
    context.services["node_clock"] = clock
    watch = ClockWatch(clock, node_probes(context, clock))
    watch.start()
    return watch.stop
