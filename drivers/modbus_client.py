"""Modbus TCP acquisition (pymodbus ~=3.16): one connection per server, block reads per device.

Polls are spread with a random phase so 280 devices do not all ask at once. One request
at a time per connection (pymodbus serialises them); timeouts and retries are bounded and
a connection is re-opened with a capped back-off of our own — pymodbus' own reconnect is
disabled (`reconnect_delay=0`) because it does not retry a first connect and defaults to
a 300 s cap. A hung host still accepts TCP connects, so health comes from the last good
read, never from "connected". A device that keeps failing is taken off-scan for a while.
"""
from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from pymodbus.client import AsyncModbusTcpClient
from pymodbus.exceptions import ModbusException

from drivers.acq_config import EndpointSettings
from drivers.address import ModbusEndpoint
from domain.values import Quality
from drivers.modbus_codec import BIT_TABLES, Block, values_of
from drivers.quality import from_modbus_exception

log = logging.getLogger(__name__)

ScanOk = Callable[[list[tuple[str, float]], float], None]
ScanFailed = Callable[[Quality, str], None]


@dataclass
class DevicePoll:
    """One device on one path: its blocks and where results go."""

    unit: int
    blocks: list[Block]
    period: Callable[[], float]  # the scan period now (full rate when active, probe rate on standby)
    on_ok: ScanOk
    on_failed: ScanFailed
    failures: int = 0
    off_scan_until: float = 0.0
    _pause: asyncio.Future | None = None

    async def pause(self, delay: float) -> bool:
        """Sleep until the next scan is due; True when `wake` cut the sleep short.

        A future and a timer, as `asyncio.sleep` itself is made: no task per pause, and
        hundreds of devices pause every second.
        """
        loop = asyncio.get_running_loop()
        future = self._pause = loop.create_future()
        timer = loop.call_later(delay, _settle, future, False)
        try:
            return await future
        finally:
            timer.cancel()
            self._pause = None

    def wake(self) -> None:
        """Scan now (this path just became active); call on the runtime's loop."""
        _settle(self._pause, True)


@dataclass
class ModbusServerLink:
    """One TCP connection to one server, shared by every device (unit) behind it."""

    endpoint: ModbusEndpoint
    settings: EndpointSettings
    polls: list[DevicePoll] = field(default_factory=list)
    _client: AsyncModbusTcpClient | None = None
    _next_connect: float = 0.0
    _backoff: float = 0.25
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def run(self, rng: random.Random) -> None:
        tasks = [asyncio.create_task(self._poll_loop(poll, rng.uniform(0, poll.period()))) for poll in self.polls]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            if self._client is not None:
                self._client.close()

    async def _poll_loop(self, poll: DevicePoll, phase: float) -> None:
        await asyncio.sleep(phase)
        next_at = time.monotonic()
        while True:
            if time.monotonic() >= poll.off_scan_until:
                await self.scan(poll)
            next_at += poll.period()
            now = time.monotonic()
            if next_at < now:  # fell behind (e.g. a timeout): skip, don't burst
                next_at = now + poll.period()
            if await poll.pause(next_at - now):
                next_at = time.monotonic()

    async def scan(self, poll: DevicePoll) -> None:
        """Read every block of one device once; report values or one failure."""
        results: list[tuple[str, float]] = []
        try:
            async with self._lock:
                client = await self._connected()
                for block in poll.blocks:
                    response = await _read(client, block, poll.unit)
                    if response.isError():
                        code = getattr(response, "exception_code", 4) or 4
                        self._failed(poll, from_modbus_exception(code), f"exception code {code}")
                        return
                    data = response.bits if block.table in BIT_TABLES else response.registers
                    results.extend(values_of(block, list(data)))
        except (ModbusException, OSError, asyncio.TimeoutError, ValueError) as exc:
            self._drop()
            self._failed(poll, Quality.BAD_COMM, f"{type(exc).__name__}: {exc}")
            return
        poll.failures = 0
        poll.on_ok(results, time.time())

    async def _connected(self) -> AsyncModbusTcpClient:
        if self._client is not None and self._client.connected:
            return self._client
        now = time.monotonic()
        if now < self._next_connect:
            raise ConnectionError(f"{self.endpoint.server}: waiting {self._next_connect - now:.1f}s to reconnect")
        s = self.settings
        self._client = AsyncModbusTcpClient(self.endpoint.host, port=self.endpoint.port, timeout=s.timeout_s,
                                            retries=s.retries, reconnect_delay=0)
        if not await self._client.connect():
            self._next_connect = now + self._backoff
            self._backoff = min(self._backoff * 1.3, s.reconnect_max_s)  # slow growth: quick return after short outages
            raise ConnectionError(f"{self.endpoint.server}: connection refused or timed out")
        self._backoff = 0.25
        return self._client

    def _drop(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _failed(self, poll: DevicePoll, quality: Quality, reason: str) -> None:
        poll.failures += 1
        if poll.failures >= self.settings.demote_after:
            poll.off_scan_until = time.monotonic() + self.settings.demote_s
            poll.failures = 0
            log.warning("%s unit %d demoted off-scan for %.0fs after repeated failures (%s)",
                        self.endpoint.server, poll.unit, self.settings.demote_s, reason)
        poll.on_failed(quality, reason)


def _settle(future: asyncio.Future | None, woken: bool) -> None:
    if future is not None and not future.done():
        future.set_result(woken)


def _read(client: AsyncModbusTcpClient, block: Block, unit: int) -> Awaitable:
    readers = {"hr": client.read_holding_registers, "ir": client.read_input_registers,
               "co": client.read_coils, "di": client.read_discrete_inputs}
    return readers[block.table](block.start, count=block.count, device_id=unit)
