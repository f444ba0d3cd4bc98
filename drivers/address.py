"""Endpoint URLs and point addresses, as written in configs and given to `probe`. Qt-free.

- OPC UA: `opc.tcp://HOST:PORT/PATH#NODEID`, e.g. `opc.tcp://127.0.0.1:4840/site#ns=2;s=Pond01.WaterLevel`
- Modbus: `modbus://HOST:PORT/UNIT/TABLE/ADDRESS?type=float32&order=ABCD`, TABLE one of
  hr, ir, co, di.

A device's endpoint is the URL up to the unit (`modbus://HOST:PORT/UNIT`) or the path
(`opc.tcp://HOST:PORT/PATH`); a tag's address on it is the rest (`hr/0?type=…`, or the node id).
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from drivers.modbus_codec import BIT_TABLES, DATA_TYPES, ORDERS, Point


class AddressError(ValueError):
    """An endpoint URL or point address that cannot be used, with the reason."""


@dataclass(frozen=True)
class ModbusEndpoint:
    host: str
    port: int
    unit: int

    @property
    def server(self) -> str:
        return f"modbus://{self.host}:{self.port}"


@dataclass(frozen=True)
class OpcUaEndpoint:
    url: str  # opc.tcp://HOST:PORT/PATH

    @property
    def server(self) -> str:
        return self.url


Endpoint = ModbusEndpoint | OpcUaEndpoint


def parse_endpoint(url: str) -> Endpoint:
    parts = urlsplit(url)
    if parts.scheme == "opc.tcp":
        if not parts.hostname:
            raise AddressError(f"{url}: no host")
        _port(url, parts, 4840)
        return OpcUaEndpoint(url.split("#", 1)[0])
    if parts.scheme == "modbus":
        segments = [s for s in parts.path.split("/") if s]
        if not parts.hostname or len(segments) != 1:
            raise AddressError(f"{url}: expected modbus://HOST:PORT/UNIT")
        return ModbusEndpoint(parts.hostname, _port(url, parts, 502), _unit(url, segments[0]))
    raise AddressError(f"{url}: unknown scheme {parts.scheme!r} (opc.tcp or modbus)")


def _port(url: str, parts, default: int) -> int:
    """The URL's port, 1..65535 (urlsplit raises a bare ValueError for a bad one)."""
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port == 0 or port == -1:
        raise AddressError(f"{url}: port must be a number 1..65535, got {parts.netloc.rpartition(':')[2]!r}")
    return port or default


def _unit(url: str, text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 247:
        raise AddressError(f"{url}: unit id must be 0..247, got {text!r}")
    return int(text)


def parse_modbus_point(text: str) -> Point:
    """`hr/100?type=float32&order=CDAB` → Point."""
    path, _, query = text.partition("?")
    segments = [s for s in path.split("/") if s]
    if len(segments) != 2:
        raise AddressError(f"{text}: expected TABLE/ADDRESS, e.g. hr/100")
    table, address = segments
    if table not in ("hr", "ir", "co", "di"):
        raise AddressError(f"{text}: table must be hr, ir, co or di, got {table!r}")
    if not address.isdigit() or int(address) > 65535:
        raise AddressError(f"{text}: address must be 0..65535, got {address!r}")
    options = {key: values[-1] for key, values in parse_qs(query).items()}
    unknown = set(options) - {"type", "order"}
    if unknown:
        raise AddressError(f"{text}: unknown option(s) {', '.join(sorted(unknown))} (type, order)")
    data_type = options.get("type", "bool" if table in BIT_TABLES else "float32")
    order = options.get("order", "ABCD").upper()
    if data_type not in DATA_TYPES:
        raise AddressError(f"{text}: type must be one of {', '.join(DATA_TYPES)}, got {data_type!r}")
    if order not in ORDERS:
        raise AddressError(f"{text}: order must be one of {', '.join(ORDERS)}, got {order!r}")
    return Point(table, int(address), data_type, order)  # type: ignore[arg-type]


_NODE_ID = re.compile(r"^(ns=\d+;)?(i=\d+|s=.+|g=[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}"
                      r"|b=[A-Za-z0-9+/=]+)$")


def parse_opcua_node(text: str) -> str:
    """An OPC UA node id in its string form (Part 6 §5.3.1.10), e.g. `ns=2;s=Pond01.WaterLevel`."""
    if not _NODE_ID.match(text):
        raise AddressError(f"{text}: not an OPC UA node id (e.g. ns=2;s=Pond01.WaterLevel or ns=3;i=1001)")
    return text


def parse_point_url(url: str) -> tuple[Endpoint, str]:
    """A full probe URL → (endpoint, address on it)."""
    if url.startswith("opc.tcp://"):
        base, sep, node_id = url.partition("#")
        if not sep or not node_id:
            raise AddressError(f"{url}: missing #NODEID (e.g. #ns=2;s=Pond01.WaterLevel)")
        try:
            return parse_endpoint(base), parse_opcua_node(node_id)
        except AddressError as exc:
            raise AddressError(f"{base}#{exc}" if str(exc).startswith(node_id) else str(exc)) from None
    if url.startswith("modbus://"):
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) != 3:
            raise AddressError(f"{url}: expected modbus://HOST:PORT/UNIT/TABLE/ADDRESS")
        endpoint = ModbusEndpoint(parts.hostname or "", _port(url, parts, 502), _unit(url, segments[0]))
        address = f"{segments[1]}/{segments[2]}" + (f"?{parts.query}" if parts.query else "")
        parse_modbus_point(address)
        return endpoint, address
    raise AddressError(f"{url}: unknown scheme (opc.tcp:// or modbus://)")
