"""OPC UA acquisition (asyncua 2.x): one session per server, subscriptions per scan period.

- Explicit `CreateSubscriptionParameters` (publishing interval, keep-alive and lifetime
  counts) and an explicit sampling interval: the library's defaults are a ~45 min
  keep-alive and 50 ms sampling, which would hammer 280 sites and never notice a loss.
- Iterator-style consumption (`create_subscription(params, None)` + `async for`), cheaper
  than a handler object; nothing blocking is ever called from it.
- Reconnecting is ours: a retry loop for the first connect (asyncua does not retry it) and,
  after a loss detected by asyncua's watchdog, a fresh session with fresh subscriptions.
- Security: Basic256Sha256 Sign / SignAndEncrypt with a client certificate, user name and
  password, and the server certificate *pinned* from the config — never `None`, which
  would trust whatever certificate the server presents.
"""
from __future__ import annotations

import asyncio
import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from asyncua import Client, ua
from asyncua.client.ua_client import UaClientState
from asyncua.common.subscription import DataChangeEvent
from asyncua.crypto.security_policies import SecurityPolicyBasic256Sha256

from drivers.acq_config import EndpointSettings
from drivers.address import OpcUaEndpoint
from drivers.model import Quality
from drivers.quality import from_opcua_status

log = logging.getLogger(__name__)

SUBSCRIBE_CHUNK = 500
CLIENT_APPLICATION_URI = "urn:hebei-duty:console"
OnData = Callable[[str, float, Quality, float], None]  # tag, value, quality, source_ts


SECURITY_ERRORS = (ua.uaerrors.BadUserAccessDenied, ua.uaerrors.BadIdentityTokenRejected,
                   ua.uaerrors.BadIdentityTokenInvalid, ua.uaerrors.BadCertificateInvalid,
                   ua.uaerrors.BadCertificateUntrusted, ua.uaerrors.BadSecurityChecksFailed)


class SecurityRefused(Exception):
    """The server refused our credentials or presented a certificate other than the pinned one."""


@dataclass
class Monitored:
    tag: str
    node_id: str
    period_s: float
    on_data: OnData


@dataclass
class OpcUaServerLink:
    endpoint: OpcUaEndpoint
    settings: EndpointSettings
    items: list[Monitored] = field(default_factory=list)
    client: Client | None = None
    last_error: str = ""

    @property
    def connected(self) -> bool:
        return self.client is not None and self.client.uaclient.state is UaClientState.CONNECTED

    async def run(self) -> None:
        """Connect (retrying: asyncua does not retry a first connect), subscribe, consume; on a
        failure asyncua's auto-reconnect cannot repair (e.g. subscribing timed out), start over."""
        delay = 0.25
        while True:
            client = await make_client(self.endpoint.url, self.settings)
            try:
                await client.connect()
                self.client = client
                delay = 0.25
                consumers = [asyncio.create_task(self._consume(period, group))
                             for period, group in _by_period(self.items).items()]
                consumers.append(asyncio.create_task(_session_lost(client)))
                try:
                    await asyncio.gather(*consumers)
                finally:
                    for task in consumers:
                        task.cancel()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.info("%s: %s; starting over in %.1fs", self.endpoint.url, self.last_error, delay)
            finally:
                self.client = None
                await _quiet_disconnect(client)
            await asyncio.sleep(delay)
            delay = min(delay * 1.5, self.settings.session_reconnect_max_s)

    async def _consume(self, period_s: float, group: list[Monitored]) -> None:
        client = self.client
        assert client is not None
        publishing_ms = min(self.settings.publishing_interval_ms, period_s * 1000)
        params = ua.CreateSubscriptionParameters(
            RequestedPublishingInterval=publishing_ms,
            RequestedLifetimeCount=max(30, int(30_000 / publishing_ms)),  # ~30 s before the server drops it
            RequestedMaxKeepAliveCount=max(3, int(1000 / publishing_ms)),  # keep-alive every ~1 s
            MaxNotificationsPerPublish=0,
            Priority=0,
            PublishingEnabled=True,
        )
        subscription = await client.create_subscription(params, None, queue_maxsize=4 * len(group) + 1000)
        by_node = {}
        for item in group:
            by_node[ua.NodeId.from_string(item.node_id)] = item
        nodes = [client.get_node(node_id) for node_id in by_node]
        results = []
        for start in range(0, len(nodes), SUBSCRIBE_CHUNK):  # a few hundred per request keeps each one short
            results += await subscription.subscribe_data_change(nodes[start:start + SUBSCRIBE_CHUNK],
                                                                sampling_interval=period_s * 1000)
        for node, result in zip(nodes, results):
            if isinstance(result, ua.StatusCode):
                item = by_node[node.nodeid]
                item.on_data(item.tag, float("nan"), from_opcua_status(result.value), time.time())
        async for event in subscription:
            if isinstance(event, DataChangeEvent):
                item = by_node.get(event.node.nodeid)
                if item is not None:
                    _deliver(item, event.data.monitored_item.Value)


async def _session_lost(client: Client) -> None:
    """Raise once asyncua's watchdog has declared the session lost (it probes every watchdog_s)."""
    while client.uaclient.state is UaClientState.CONNECTED:
        await asyncio.sleep(0.2)
    raise ConnectionError(f"session lost ({client.uaclient.state.value})")


def _deliver(item: Monitored, data_value: ua.DataValue) -> None:
    status = data_value.StatusCode.value if data_value.StatusCode is not None else 0
    quality = from_opcua_status(status)
    variant = data_value.Value
    try:
        value = float(variant.Value) if variant is not None and variant.Value is not None else float("nan")
    except (TypeError, ValueError):
        value, quality = float("nan"), Quality.BAD_CONFIG
    source = data_value.SourceTimestamp or data_value.ServerTimestamp
    item.on_data(item.tag, value, quality, source.timestamp() if source else time.time())


def _by_period(items: list[Monitored]) -> dict[float, list[Monitored]]:
    groups: dict[float, list[Monitored]] = defaultdict(list)
    for item in items:
        groups[item.period_s].append(item)
    return groups


async def make_client(url: str, settings: EndpointSettings) -> Client:
    # Requests get 10 s: a busy server creating thousands of monitored items must not be
    # cut off half-way (each retry would leave it more work); loss detection is the watchdog's.
    # asyncua's auto-reconnect is off: after a loss we start a fresh session with fresh
    # subscriptions ourselves, because a re-creation that fails half-way (a timeout under load)
    # would leave a connected session that delivers nothing.
    client = Client(url, timeout=max(10.0, settings.timeout_s * 2), watchdog_intervall=settings.watchdog_s,
                    auto_reconnect=False)
    client.session_timeout = 60_000
    if settings.security_policy == "Basic256Sha256":
        client.application_uri = CLIENT_APPLICATION_URI  # must match the client certificate's URI
        mode = getattr(ua.MessageSecurityMode, settings.security_mode)
        await client.set_security(SecurityPolicyBasic256Sha256, str(settings.certificate),
                                  str(settings.private_key), server_certificate=str(settings.server_certificate),
                                  mode=mode)
    if settings.username:
        client.set_user(settings.username)
        password = os.environ.get(settings.password_env or "", "")
        client.set_password(password)
    return client


async def connect_once(url: str, settings: EndpointSettings) -> Client:
    """Connect for a one-shot use (probe); raises SecurityRefused on a certificate/identity refusal."""
    client = await make_client(url, settings)
    try:
        await client.connect()
    except SECURITY_ERRORS as exc:
        await _quiet_disconnect(client)
        raise SecurityRefused(f"{url}: {type(exc).__name__}") from None
    return client


async def _quiet_disconnect(client: Client) -> None:
    try:
        await asyncio.wait_for(client.disconnect(), timeout=2)
    except Exception:  # already gone: nothing to release
        log.debug("disconnect of %s failed", client.server_url.geturl(), exc_info=True)
