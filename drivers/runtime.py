"""The acquisition runtime: drivers, redundancy and the tag table on one asyncio loop.

`AcquisitionRuntime.start()` runs it on its own thread with its own loop (the GUI and
the collector use it the same way); `run()` is the coroutine for callers that already
have a loop. Changed values are handed to `sink` as one batch, from the runtime thread — the
Qt bridge turns that into a queued signal — as soon as something changed, at most once per
`RATE_CAP` × `publish_interval_s`. A batch therefore leaves right after an OPC UA publish (the
server publishes every `publish_interval_s`; a cap of half of it locks onto that rhythm even when a
health tick's confirmations went out just before) or a
Modbus read instead of waiting for a fixed clock whose phase adds up to one interval of delay.
The caller never waits on a driver.
"""
from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from drivers.acq_config import AcquisitionPlan, DeviceBinding, TagBinding
from drivers.address import ModbusEndpoint, OpcUaEndpoint, parse_modbus_point
from domain.values import Quality, SourcePath, TagValue
from drivers.modbus_client import DevicePoll, ModbusServerLink
from drivers.modbus_codec import plan_blocks
from drivers.opcua_client import Monitored, OpcUaServerLink
from drivers.redundancy import Redundancy
from drivers.tag_table import TagTable

log = logging.getLogger(__name__)

Sink = Callable[[list[TagValue]], None]
HEALTH_EVERY_S = 0.5  # health, failover and stale checks; batches go out as values change
PATHS = (SourcePath.PRIMARY, SourcePath.SECONDARY)
RATE_CAP = 0.5  # batches at least this share of the publish interval apart
BAD = frozenset(q for q in Quality if q.is_bad)  # set membership: the health checks test 5,600 values a tick


@dataclass
class LinkSummary:
    """Field-link state for a status bar: counts of devices per state."""

    up: int = 0
    degraded: int = 0
    down: int = 0

    @property
    def state(self) -> str:
        if self.down == 0 and self.degraded == 0:
            return "up"
        return "down" if self.up == 0 and self.degraded == 0 else "degraded"


class _Device:
    """Runtime state of one device: its tags, path redundancy and last values per path."""

    def __init__(self, binding: DeviceBinding, tags: list[TagBinding]):
        self.binding = binding
        self.tags = [t.spec.id for t in tags]
        stale = max(t.spec.stale_after for t in tags) if tags else 3.0
        self.redundancy = Redundancy(binding.failover_after, binding.return_after_s, stale,
                                     binding.secondary is not None, binding.standby_probe_s)
        self.latest: dict[SourcePath, dict[str, tuple[float, Quality, float]]] = {p: {} for p in PATHS}
        self.scan_period = min((t.spec.scan_period_s for t in tags), default=1.0)
        self.silenced: dict[SourcePath, int | None] = {p: None for p in PATHS}  # OPC UA session generation

    def endpoint(self, path: SourcePath):
        return self.binding.primary if path is SourcePath.PRIMARY else self.binding.secondary


class AcquisitionRuntime:
    def __init__(self, plan: AcquisitionPlan, sink: Sink, *, seed: int | None = None):
        self.plan = plan
        self._sink = sink
        self._rng = random.Random(seed)
        self._table = TagTable(plan.tags.values())
        by_device: dict[str, list[TagBinding]] = {name: [] for name in plan.devices}
        for binding in plan.tags.values():
            by_device[binding.device].append(binding)
        self._devices = {name: _Device(plan.devices[name], tags) for name, tags in by_device.items()}
        self._modbus: dict[str, ModbusServerLink] = {}
        self._opcua: dict[tuple[str, SourcePath], OpcUaServerLink] = {}
        self._opcua_devices: list[tuple[_Device, SourcePath, OpcUaServerLink]] = []
        self._opcua_links: dict[tuple[str, SourcePath], OpcUaServerLink] = {}  # (device, path) → its session
        self._modbus_polls: dict[tuple[str, SourcePath], list[DevicePoll]] = {}
        self._build_links()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._changed: asyncio.Event | None = None  # set by driver callbacks: the table has news
        self._main: asyncio.Task | None = None
        self._summary = LinkSummary(down=len(self._devices))
        self.switches: list[tuple[float, str, SourcePath]] = []  # (time, device, new active path)

    # -- building ------------------------------------------------------------------------

    def _build_links(self) -> None:
        for device in self._devices.values():
            tags = [self.plan.tags[t] for t in device.tags]
            for path in PATHS:
                endpoint = device.endpoint(path)
                if endpoint is None:
                    continue
                settings = self.plan.endpoint_settings(endpoint)
                if isinstance(endpoint, ModbusEndpoint):
                    link = self._modbus.setdefault(endpoint.server, ModbusServerLink(endpoint, settings))
                    points = [(t.spec.id, parse_modbus_point(_address(t, path))) for t in tags]
                    poll = DevicePoll(endpoint.unit, plan_blocks(points), self._period_for(device, path),
                                      self._on_scan_ok(device, path), self._on_scan_failed(device, path))
                    link.polls.append(poll)
                    self._modbus_polls.setdefault((device.binding.name, path), []).append(poll)
                elif isinstance(endpoint, OpcUaEndpoint):
                    # one session per server and path, so a standby session stays independent
                    link = self._opcua.setdefault((endpoint.server, path), OpcUaServerLink(endpoint, settings))
                    link.items.extend(Monitored(t.spec.id, _address(t, path), t.spec.scan_period_s,
                                                self._on_data(device, path)) for t in tags)
                    self._opcua_devices.append((device, path, link))
                    self._opcua_links[(device.binding.name, path)] = link

    def _period_for(self, device: _Device, path: SourcePath) -> Callable[[], float]:
        def period() -> float:
            if device.redundancy.active is path:
                return device.scan_period
            return max(device.scan_period, device.binding.standby_probe_s)
        return period

    # -- driver callbacks (runtime loop) ---------------------------------------------------

    def _on_scan_ok(self, device: _Device, path: SourcePath):
        def on_ok(values: list[tuple[str, float]], source_ts: float) -> None:
            now = time.time()
            device.redundancy.health[path].good(now)
            latest = device.latest[path]
            for tag, raw in values:
                latest[tag] = (self.plan.tags[tag].to_engineering(raw), Quality.GOOD, source_ts)
            if device.redundancy.active is path:
                for tag, (value, quality, ts) in ((t, latest[t]) for t, _ in values):
                    self._table.accept(tag, value, quality, ts, path, now)
                self._wake()
        return on_ok

    def _on_scan_failed(self, device: _Device, path: SourcePath):
        def on_failed(quality: Quality, reason: str) -> None:
            device.redundancy.health[path].bad()
            if device.redundancy.active is path:
                self._table.fail(device.tags, quality, path, time.time())
                self._wake()
            log.debug("%s %s scan failed: %s", device.binding.name, path.value, reason)
        return on_failed

    def _on_data(self, device: _Device, path: SourcePath):
        def on_data(tag: str, raw: float, quality: Quality, source_ts: float) -> None:
            value = self.plan.tags[tag].to_engineering(raw)
            device.latest[path][tag] = (value, quality, source_ts)
            if device.redundancy.active is path:
                self._table.accept(tag, value, quality, source_ts, path, time.time())
                self._wake()
        return on_data

    def _wake(self) -> None:
        if self._changed is not None:
            self._changed.set()

    # -- periodic work -------------------------------------------------------------------

    def _tick(self, now: float) -> None:
        for device, path, link in self._opcua_devices:
            self._opcua_health(device, path, link, now)
        summary = LinkSummary()
        for device in self._devices.values():
            switched = device.redundancy.decide(now)
            if switched is not None:
                self._switch(device, switched, now)
            state = device.redundancy.link_state(now)
            setattr(summary, state, getattr(summary, state) + 1)
        self._summary = summary
        self._table.sweep(now)

    def _opcua_health(self, device: _Device, path: SourcePath, link: OpcUaServerLink, now: float) -> None:
        """An OPC UA path is healthy while its session is connected and the device's values are not all bad.

        A session that went silent and then resumed (same generation: a hung server that came
        back) kept its subscription, which only reports changes, so its cached values are
        current again and are re-delivered; a new session delivers initial values itself.
        """
        latest = device.latest[path]
        all_bad = bool(latest) and len(latest) == len(device.tags) and all(q in BAD for _, q, _ in latest.values())
        active = device.redundancy.active is path
        if link.connected and not all_bad:
            device.redundancy.health[path].good(now)
            resumed = device.silenced[path] == link.generation
            device.silenced[path] = None
            if active:
                if resumed:
                    self._redeliver(device, path, now)
                self._table.confirm((t for t in device.tags if t in latest and latest[t][1] not in BAD), now)
        else:
            device.redundancy.health[path].bad()
            if not link.connected and device.silenced[path] is None:
                device.silenced[path] = link.generation
            if active and not link.connected:
                self._table.fail(device.tags, Quality.BAD_COMM, path, now)

    def _switch(self, device: _Device, path: SourcePath, now: float) -> None:
        """Fail over (or return): the new path's cached values, then at once what the path can vouch for.

        A connected OPC UA session confirms its cached values (its subscription would have
        reported a change); a Modbus path is scanned at once instead of at its probe rhythm.
        """
        log.warning("%s: switched to %s path", device.binding.name, path.value)
        self.switches.append((now, device.binding.name, path))
        self._redeliver(device, path, now)
        link = self._opcua_links.get((device.binding.name, path))
        if link is not None and link.connected:
            latest = device.latest[path]
            self._table.confirm((t for t in device.tags if t in latest and latest[t][1] not in BAD), now)
        for poll in self._modbus_polls.get((device.binding.name, path), ()):
            poll.wake()

    def _redeliver(self, device: _Device, path: SourcePath, now: float) -> None:
        """Hand the table the values last read on `path` (it just became active, or resumed); they
        keep their source time and are never shown as fresh (`TagTable.take_over`)."""
        for tag in device.tags:
            cached = device.latest[path].get(tag)
            if cached is not None:
                value, quality, ts = cached
                self._table.take_over(tag, value, quality, ts, path, now)

    # -- running ---------------------------------------------------------------------------

    async def run(self) -> None:
        tasks = [asyncio.create_task(_supervised(server, lambda link=link: link.run(self._rng)))
                 for server, link in self._modbus.items()]
        tasks += [asyncio.create_task(_supervised(server, link.run)) for (server, _), link in self._opcua.items()]
        self._changed = changed = asyncio.Event()
        try:
            interval = self.plan.publish_interval_s
            next_health = time.monotonic()
            while True:
                if time.monotonic() >= next_health:
                    self._tick(time.time())
                    next_health = time.monotonic() + HEALTH_EVERY_S
                changed.clear()
                batch = self._table.take_changes()
                if batch:
                    self._sink(batch)
                await asyncio.sleep(RATE_CAP * interval)
                if not changed.is_set():
                    await _wait_for(changed, next_health - time.monotonic())
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    def start(self) -> None:
        """Run on a thread of its own; returns at once."""
        ready = threading.Event()

        def main() -> None:
            self._loop = asyncio.new_event_loop()
            self._main = self._loop.create_task(self.run())
            ready.set()
            try:
                self._loop.run_until_complete(self._main)
            except asyncio.CancelledError:
                pass
            except Exception:
                log.exception("acquisition runtime stopped")
            finally:
                self._loop.close()

        self._thread = threading.Thread(target=main, name="acquisition", daemon=True)
        self._thread.start()
        ready.wait()

    def stop(self, timeout: float = 5.0) -> None:
        if self._loop is None or self._thread is None:
            return
        main = self._main
        if main is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(main.cancel)
        self._thread.join(timeout)

    def link_summary(self) -> LinkSummary:
        """Field-link state; safe from any thread (a replaced snapshot, never mutated)."""
        return self._summary

    def opcua_sessions(self) -> dict[str, int]:
        """Sessions made so far per OPC UA server (and path): unchanged across a resumed silence."""
        return {f"{server} {path.value}": link.generation for (server, path), link in self._opcua.items()}

    def active_path(self, device: str) -> SourcePath:
        return self._devices[device].redundancy.active


async def _wait_for(event: asyncio.Event, timeout: float) -> None:
    """Until `event` is set or `timeout` s passed, whichever is first."""
    if timeout <= 0:
        return
    try:
        await asyncio.wait_for(event.wait(), timeout)
    except TimeoutError:
        pass


async def _supervised(name: str, run) -> None:
    """Keep a link running: a bug in one server's link must not stop the others."""
    while True:
        try:
            await run()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("%s: link failed; restarting in 1 s", name)
        await asyncio.sleep(1.0)


def _address(binding: TagBinding, path: SourcePath) -> str:
    address = binding.primary if path is SourcePath.PRIMARY else binding.secondary
    assert address is not None
    return address
