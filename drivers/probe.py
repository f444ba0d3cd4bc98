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
from pymodbus.client import AsyncModbusTcpClient
from pymodbus.exceptions import ModbusException

from drivers.acq_config import EndpointSettings
from drivers.address import AddressError, ModbusEndpoint, parse_modbus_point, parse_point_url
from drivers.model import Quality
from drivers.modbus_codec import BIT_TABLES, plan_blocks, values_of
from drivers.opcua_client import SECURITY_ERRORS, connect_once
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
        unit = await _engineering_unit(node)
        status = data_value.StatusCode.value if data_value.StatusCode is not None else 0
        variant = data_value.Value
        value = float(variant.Value) if variant is not None and variant.Value is not None else math.nan
        source = data_value.SourceTimestamp or data_value.ServerTimestamp
        return Reading(url, value, unit, from_opcua_status(status), source.timestamp() if source else time.time())
    finally:
        await client.disconnect()


async def _engineering_unit(node) -> str:
    try:
        prop = await node.get_child("0:EngineeringUnits")
        eu = await prop.read_value()
        return eu.DisplayName.Text or ""
    except Exception:  # the property is optional in OPC UA Part 8
        return ""


async def watch(urls: list[str], interval: float, emit: Callable[[Reading], None], count: int | None = None,
                settings: EndpointSettings | None = None) -> int:
    """Print each point whenever its value or quality changes; stop after `count` lines.

    Polls every `interval` s for both protocols: simple, and a watch is a diagnostic, not
    the acquisition path (which subscribes).
    """
    last: dict[str, tuple[float, Quality]] = {}
    printed = 0
    while count is None or printed < count:
        for url in urls:
            try:
                reading = await read_once(url, settings)
            except ProbeError as exc:
                reading = Reading(url, math.nan, "", Quality.BAD_COMM, time.time())
                if last.get(url, (0, None))[1] is not Quality.BAD_COMM:
                    print(f"# {exc}", flush=True)
            key = (reading.value, reading.quality)
            previous = last.get(url)
            if previous is None or previous[1] != key[1] or not (
                    previous[0] == key[0] or (math.isnan(previous[0]) and math.isnan(key[0]))):
                emit(reading)
                printed += 1
                last[url] = key
                if count is not None and printed >= count:
                    break
        await asyncio.sleep(interval)
    return printed
