"""The node's clock offset to an OPC UA server: the server's `CurrentTime` read over a round trip.

`Server_ServerStatus_CurrentTime` (ns=0;i=2258) is every server's own clock; the midpoint
of the request's round trip is when it was read (NTP's estimate, shortest trip kept).
asyncua servers refresh `CurrentTime` once a second, so against them the offset is good to
about a second: enough for a warning at `[node] clock_skew_warn_s` (5 s).
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import timezone

from asyncua import ua

from domain.node_clock import OPCUA, OffsetSample, midpoint_offset
from drivers.acq_config import AcquisitionPlan, EndpointSettings
from drivers.address import OpcUaEndpoint
from drivers.opcua_client import connect_once, quiet_disconnect

CURRENT_TIME = ua.NodeId(ua.ObjectIds.Server_ServerStatus_CurrentTime)


async def opcua_offset(url: str, settings: EndpointSettings | None = None, wall: Callable[[], float] = time.time,
                       samples: int = 3, timeout: float = 5.0) -> OffsetSample:
    """Offset of the server's clock to `wall`; raises on a server that cannot be reached."""
    client = await asyncio.wait_for(connect_once(url, settings or EndpointSettings(url=url)), timeout)
    try:
        node = client.get_node(CURRENT_TIME)
        best: tuple[float, float] | None = None
        for _ in range(samples):
            sent = wall()
            server_time = await asyncio.wait_for(node.read_value(), timeout)
            received = wall()
            if server_time.tzinfo is None:  # OPC UA DateTime is UTC
                server_time = server_time.replace(tzinfo=timezone.utc)
            trip = received - sent
            if best is None or trip < best[0]:
                best = (trip, midpoint_offset(sent, server_time.timestamp(), received))
    finally:
        await quiet_disconnect(client)
    return OffsetSample(OPCUA, best[1], best[0], url)


def opcua_servers(plan: AcquisitionPlan) -> list[tuple[str, EndpointSettings]]:
    """The OPC UA servers a plan reads (primary paths first), each once."""
    found: dict[str, EndpointSettings] = {}
    for device in plan.devices.values():
        for endpoint in (device.primary, device.secondary):
            if isinstance(endpoint, OpcUaEndpoint) and endpoint.server not in found:
                found[endpoint.server] = plan.endpoint_settings(endpoint)
    return list(found.items())
