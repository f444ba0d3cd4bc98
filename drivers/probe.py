"""One-shot and watch reads of single points, for administrators (`duty-console probe`). Qt-free.

Each line: `address value unit quality source-timestamp`. Failures raise `ProbeError`
with a reason an administrator can act on.
"""
from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from asyncua import ua
from asyncua.common.subscription import DataChangeEvent, StatusChangeEvent
from pymodbus.client import AsyncModbusTcpClient
from pymodbus.exceptions import ModbusException

from drivers.acq_config import EndpointSettings
from drivers.address import AddressError, ModbusEndpoint, parse_modbus_point, parse_point_url
from domain.values import Quality
from drivers.modbus_codec import BIT_TABLES, plan_blocks, values_of
from drivers.opcua_client import SECURITY_ERRORS, quiet_disconnect, connect_once
from drivers.quality import from_modbus_exception, from_opcua_status


class ProbeError(Exception):
    """A probe that could not read, with the reason."""


@dataclass(frozen=True)
class Reading:
    address: str
    value: float
    unit: str
    quality: Quality
    source_ts: float

    def line(self) -> str:
        stamp = datetime.fromtimestamp(self.source_ts, timezone.utc).isoformat(timespec="milliseconds")
        value = "nan" if math.isnan(self.value) else f"{self.value:g}"
        return f"{self.address} {value} {self.unit or '-'} {self.quality.name} {stamp}"


async def read_once(url: str, settings: EndpointSettings | None = None, timeout: float = 3.0) -> Reading:
    try:
        endpoint, address = parse_point_url(url)
    except AddressError as exc:
        raise ProbeError(str(exc)) from None
    if isinstance(endpoint, ModbusEndpoint):
        return await _modbus_read(url, endpoint, address, timeout)
    return await _opcua_read(url, endpoint.url, address, settings or EndpointSettings(url=endpoint.url), timeout)


async def _modbus_read(url: str, endpoint: ModbusEndpoint, address: str, timeout: float) -> Reading:
    point = parse_modbus_point(address)
    client = AsyncModbusTcpClient(endpoint.host, port=endpoint.port, timeout=timeout, retries=0, reconnect_delay=0)
    try:
        if not await client.connect():
            raise ProbeError(f"{url}: cannot connect to {endpoint.host}:{endpoint.port}")
        block = plan_blocks([(address, point)])[0]
        readers = {"hr": client.read_holding_registers, "ir": client.read_input_registers,
                   "co": client.read_coils, "di": client.read_discrete_inputs}
        try:
            response = await readers[block.table](block.start, count=block.count, device_id=endpoint.unit)
        except ModbusException as exc:
            raise ProbeError(f"{url}: no valid response ({exc})") from None
        if response.isError():
            code = response.exception_code
            raise ProbeError(f"{url}: Modbus exception {code} ({from_modbus_exception(code).name})")
        data = response.bits if block.table in BIT_TABLES else response.registers
        (_, value), = values_of(block, list(data))
        return Reading(url, value, "", Quality.GOOD, time.time())
    finally:
        client.close()


async def _opcua_read(url: str, server_url: str, node_id: str, settings: EndpointSettings,
                      timeout: float) -> Reading:
    try:
        client = await asyncio.wait_for(connect_once(server_url, settings), timeout + 2)
    except SECURITY_ERRORS as exc:
        raise ProbeError(f"{url}: refused by the server ({type(exc).__name__})") from None
    except Exception as exc:
        raise ProbeError(f"{url}: cannot connect ({type(exc).__name__}: {exc})") from None
    try:
        node = client.get_node(node_id)
        try:
            data_value = await node.read_data_value(raise_on_bad_status=False)
        except ua.UaStatusCodeError as exc:
            raise ProbeError(f"{url}: {type(exc).__name__}") from None
        if data_value.StatusCode is not None and data_value.StatusCode.value == ua.StatusCodes.BadNodeIdUnknown:
            raise ProbeError(f"{url}: no such node on the server (BadNodeIdUnknown)")
        return _reading(url, data_value, await _engineering_unit(node))
    finally:
        await client.disconnect()


def _reading(url: str, data_value: ua.DataValue, unit: str) -> Reading:
    status = data_value.StatusCode.value if data_value.StatusCode is not None else 0
    variant = data_value.Value
    value = float(variant.Value) if variant is not None and variant.Value is not None else math.nan
    source = data_value.SourceTimestamp or data_value.ServerTimestamp
    return Reading(url, value, unit, from_opcua_status(status), source.timestamp() if source else time.time())


async def _engineering_unit(node) -> str:
    try:
        prop = await node.get_child("0:EngineeringUnits")
        eu = await prop.read_value()
        return eu.DisplayName.Text or ""
    except Exception:  # the property is optional in OPC UA Part 8
        return ""


class _Changes:
    """Emits a reading when its value or quality differs from the last one emitted for its URL."""

    def __init__(self, emit: Callable[[Reading], None], count: int | None):
        self._emit = emit
        self._count = count
        self._last: dict[str, tuple[float, Quality]] = {}
        self.printed = 0
        self.done = asyncio.Event()

    def offer(self, reading: Reading) -> None:
        previous = self._last.get(reading.address)
        if previous is not None and previous[1] == reading.quality and (
                previous[0] == reading.value or (math.isnan(previous[0]) and math.isnan(reading.value))):
            return
        if self.done.is_set():
            return
        self._last[reading.address] = (reading.value, reading.quality)
        self._emit(reading)
        self.printed += 1
        if self._count is not None and self.printed >= self._count:
            self.done.set()

    def failed(self, url: str, reason: str) -> None:
        if self._last.get(url, (0.0, None))[1] is not Quality.BAD_COMM:
            print(f"# {reason}", flush=True)
        self.offer(Reading(url, math.nan, "", Quality.BAD_COMM, time.time()))


async def watch(urls: list[str], interval: float, emit: Callable[[Reading], None], count: int | None = None,
                settings: EndpointSettings | None = None) -> int:
    """Print each point whenever its value or quality changes; stop after `count` lines.

    OPC UA points are *subscribed* (one session per server, sampled every `interval`), so a
    change shows as soon as the server reports it; Modbus has no subscriptions and is polled
    every `interval`. A lost server is reported once (BAD_COMM) and reconnected.
    """
    changes = _Changes(emit, count)
    by_server: dict[str, list[tuple[str, str]]] = {}
    tasks = []
    for url in urls:
        try:
            endpoint, address = parse_point_url(url)
        except AddressError as exc:
            raise ProbeError(str(exc)) from None
        if isinstance(endpoint, ModbusEndpoint):
            tasks.append(asyncio.create_task(_poll(url, interval, changes)))
        else:
            by_server.setdefault(endpoint.url, []).append((url, address))
    for server_url, points in by_server.items():
        tasks.append(asyncio.create_task(_subscribe(server_url, points, interval, changes,
                                                    settings or EndpointSettings(url=server_url))))
    enough = asyncio.create_task(changes.done.wait())
    try:
        # the readers loop for ever: one that ends has failed, and must not leave the watch silent
        finished, _ = await asyncio.wait([enough, *tasks], return_when=asyncio.FIRST_COMPLETED)
        if enough not in finished:
            ended = next(iter(finished))
            error = None if ended.cancelled() else ended.exception()
            raise ProbeError(f"watch stopped: {type(error).__name__}: {error}" if error is not None
                             else "watch stopped: a reader ended") from error
    finally:
        for task in (enough, *tasks):
            task.cancel()
        await asyncio.gather(enough, *tasks, return_exceptions=True)
    return changes.printed


async def _poll(url: str, interval: float, changes: _Changes) -> None:
    while True:
        try:
            changes.offer(await read_once(url))
        except ProbeError as exc:
            changes.failed(url, str(exc))
        await asyncio.sleep(interval)


async def _subscribe(server_url: str, points: list[tuple[str, str]], interval: float, changes: _Changes,
                     settings: EndpointSettings) -> None:
    """One session for the server's points; on any loss say so and start over after `interval`."""
    while True:
        client = None
        try:
            client = await asyncio.wait_for(connect_once(server_url, settings), interval + 5)
            await _consume(client, points, interval, changes)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            for url, _ in points:
                changes.failed(url, f"{url}: {type(exc).__name__}: {exc}")
        finally:
            if client is not None:
                await quiet_disconnect(client)
        await asyncio.sleep(interval)


async def _consume(client, points: list[tuple[str, str]], interval: float, changes: _Changes) -> None:
    nodes = [client.get_node(node_id) for _, node_id in points]
    urls = {node.nodeid: url for node, (url, _) in zip(nodes, points)}
    units = {node.nodeid: await _engineering_unit(node) for node in nodes}
    params = ua.CreateSubscriptionParameters(RequestedPublishingInterval=interval * 1000,
                                             RequestedLifetimeCount=30, RequestedMaxKeepAliveCount=3,
                                             MaxNotificationsPerPublish=0, Priority=0, PublishingEnabled=True)
    subscription = await client.create_subscription(params, None)
    results = await subscription.subscribe_data_change(nodes, sampling_interval=interval * 1000)
    for node, result in zip(nodes, results):
        if isinstance(result, ua.StatusCode):
            changes.failed(urls[node.nodeid], f"{urls[node.nodeid]}: cannot subscribe ({result.name})")
    async for event in subscription:
        if isinstance(event, StatusChangeEvent) and not event.notification.Status.is_good():
            raise ConnectionError(f"subscription ended (status 0x{event.notification.Status.value:08X})")
        if isinstance(event, DataChangeEvent):
            nodeid = event.node.nodeid
            changes.offer(_reading(urls[nodeid], event.data.monitored_item.Value, units[nodeid]))
