"""OPC UA acquisition (asyncua 2.x): one session per server, subscriptions per scan period.

- Explicit `CreateSubscriptionParameters` (publishing interval, keep-alive and lifetime
  counts) and an explicit sampling interval: the library's defaults are a ~45 min
  keep-alive and 50 ms sampling, which would hammer 280 sites and never notice a loss.
- Notifications are consumed on asyncua's low-level path (`UaClient.create_subscription`
  with our own publish callback and client handles): each PublishResponse is walked once
  and each value goes straight to its tag, without the per-value event objects and queue
  of the high-level `Subscription` (a third of the client's CPU at 5,600 tags/s).
  Only source timestamps are requested, one datetime less to decode per value.
- Liveness is ours: keep-alives come every ~0.5 s, and a session silent for `watchdog_s`
  counts as down (its tags go BAD_COMM) while its socket, session and subscriptions are
  *kept*. A hung peer that comes back answers the publish request still pending and
  values flow again at once, with nothing re-created. asyncua's own watchdog probes only
  every `ABANDON_AFTER_S`; when that probe fails (a peer gone for good, a cut cable) the
  session is dropped and a fresh one made.
- Reconnecting: a retry loop for the first connect too (asyncua does not retry it), every
  0.25 s for the first 10 s of an outage (a restarted server is picked up at once), then
  every `session_reconnect_max_s`. A fresh session creates its monitored items in chunks
  sent concurrently, so a restarted server gets them in one pipelined burst.
- Security: Basic256Sha256 Sign / SignAndEncrypt with a client certificate, user name and
  password, and the server certificate *pinned* from the config — never `None`, which
  would trust whatever certificate the server presents.
"""
from __future__ import annotations

import asyncio
import logging
import math
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from asyncua import Client, ua
from asyncua.client.ua_client import UaClientState
from asyncua.crypto.security_policies import SecurityPolicyBasic256Sha256

from drivers.acq_config import EndpointSettings
from drivers.address import OpcUaEndpoint
from domain.values import Quality
from drivers.quality import from_opcua_status

log = logging.getLogger(__name__)

SUBSCRIBE_CHUNK = 700  # monitored items per CreateMonitoredItems request; the chunks go out together
KEEPALIVE_S = 0.5  # the server sends a keep-alive after this much silence
ABANDON_AFTER_S = 15.0  # asyncua's probe period: a silent session is dropped after one to two of these
FAST_RETRY_S = 0.25  # reconnect attempts during the first FAST_RETRY_FOR_S of an outage
FAST_RETRY_FOR_S = 10.0
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
    node: ua.NodeId = field(init=False)  # parsed once, not at every (re)subscription

    def __post_init__(self) -> None:
        self.node = ua.NodeId.from_string(self.node_id)


@dataclass
class OpcUaServerLink:
    endpoint: OpcUaEndpoint
    settings: EndpointSettings
    items: list[Monitored] = field(default_factory=list)
    client: Client | None = None
    last_error: str = ""
    heard_at: float = 0.0  # time.monotonic() of the last publish response (data or keep-alive)
    generation: int = 0  # sessions made so far: the same generation after a silence means resumed
    _subscribed: bool = False  # silence counts only once the subscriptions exist
    _subscription_lost: str = ""

    @property
    def connected(self) -> bool:
        """A session that is up and, once subscribed, has been heard from within `watchdog_s`."""
        return (self.client is not None and self.client.uaclient.state is UaClientState.CONNECTED
                and (not self._subscribed or time.monotonic() - self.heard_at <= self.settings.watchdog_s))

    async def run(self) -> None:
        """Connect, subscribe, consume; start over when the session is lost for good."""
        outage_since: float | None = None
        while True:
            client = await make_client(self.endpoint.url, self.settings)
            try:
                await client.connect()
                self.client, self._subscribed, self._subscription_lost = client, False, ""
                self.generation += 1
                outage_since = None
                await self._subscribe(client)
                self.heard_at, self._subscribed = time.monotonic(), True
                await self._until_lost(client)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.info("%s: %s; starting over", self.endpoint.url, self.last_error)
            finally:
                self.client = None
                await quiet_disconnect(client)
            now = time.monotonic()
            outage_since = outage_since if outage_since is not None else now
            fast = now - outage_since < FAST_RETRY_FOR_S
            await asyncio.sleep(FAST_RETRY_S if fast else self.settings.session_reconnect_max_s)

    async def _subscribe(self, client: Client) -> None:
        """One subscription per scan period; every monitored item's client handle is its index in `items`."""
        handles = dict(enumerate(self.items))
        requests = []
        for period_s, group in _by_period(handles).items():
            publishing_ms = min(self.settings.publishing_interval_ms, period_s * 1000)
            params = ua.CreateSubscriptionParameters(
                RequestedPublishingInterval=publishing_ms,
                RequestedLifetimeCount=max(30, int(30_000 / publishing_ms)),  # ~30 s before the server drops it
                RequestedMaxKeepAliveCount=max(3, int(KEEPALIVE_S * 1000 / publishing_ms)),
                MaxNotificationsPerPublish=0,
                Priority=0,
                PublishingEnabled=True,
            )
            created = await client.uaclient.create_subscription(params, self._publish_callback(handles))
            for start in range(0, len(group), SUBSCRIBE_CHUNK):
                requests.append(_create_items(client, created.SubscriptionId, group[start:start + SUBSCRIBE_CHUNK],
                                              period_s * 1000))
        for results in await asyncio.gather(*requests):
            for item, result in results:
                if not result.StatusCode.is_good():
                    item.on_data(item.tag, math.nan, from_opcua_status(result.StatusCode.value), time.time())

    def _publish_callback(self, handles: dict[int, Monitored]) -> Callable[[ua.PublishResult], None]:
        def on_publish(result: ua.PublishResult) -> None:
            self.heard_at = time.monotonic()
            for notification in result.NotificationMessage.NotificationData or ():
                if isinstance(notification, ua.DataChangeNotification):
                    for change in notification.MonitoredItems:
                        item = handles.get(change.ClientHandle)
                        if item is not None:
                            _deliver(item, change.Value)
                elif isinstance(notification, ua.StatusChangeNotification) and not notification.Status.is_good():
                    # the server dropped the subscription (its lifetime ran out): make a fresh session
                    code = notification.Status.value
                    self._subscription_lost = f"subscription {result.SubscriptionId}: status 0x{code:08X}"
        return on_publish

    async def _until_lost(self, client: Client) -> None:
        """Return by raising once the transport is gone, asyncua's probe gave up, or a subscription died."""
        while client.uaclient.state is UaClientState.CONNECTED and not self._subscription_lost:
            await asyncio.sleep(0.2)
        raise ConnectionError(self._subscription_lost or f"session lost ({client.uaclient.state.value})")


async def _create_items(client: Client, subscription_id: int, items: list[tuple[int, Monitored]],
                        sampling_ms: float) -> list[tuple[Monitored, ua.MonitoredItemCreateResult]]:
    params = ua.CreateMonitoredItemsParameters(SubscriptionId=subscription_id,
                                               TimestampsToReturn=ua.TimestampsToReturn.Source)
    for handle, item in items:
        params.ItemsToCreate.append(ua.MonitoredItemCreateRequest(
            ItemToMonitor=ua.ReadValueId(NodeId=item.node, AttributeId=ua.AttributeIds.Value),
            MonitoringMode=ua.MonitoringMode.Reporting,
            RequestedParameters=ua.MonitoringParameters(ClientHandle=handle, SamplingInterval=sampling_ms,
                                                        QueueSize=1, DiscardOldest=True)))
    results = await client.uaclient.create_monitored_items(params)
    return [(item, result) for (_, item), result in zip(items, results)]


def _deliver(item: Monitored, data_value: ua.DataValue) -> None:
    status = data_value.StatusCode
    quality = from_opcua_status(status.value) if status is not None else Quality.GOOD
    variant = data_value.Value
    try:
        value = float(variant.Value) if variant is not None and variant.Value is not None else math.nan
    except (TypeError, ValueError):
        value, quality = math.nan, Quality.BAD_CONFIG
    source = data_value.SourceTimestamp or data_value.ServerTimestamp
    item.on_data(item.tag, value, quality, source.timestamp() if source else time.time())


def _by_period(handles: dict[int, Monitored]) -> dict[float, list[tuple[int, Monitored]]]:
    groups: dict[float, list[tuple[int, Monitored]]] = defaultdict(list)
    for handle, item in handles.items():
        groups[item.period_s].append((handle, item))
    return groups


async def make_client(url: str, settings: EndpointSettings) -> Client:
    # Requests get 10 s: a busy server creating thousands of monitored items must not be
    # cut off half-way (each retry would leave it more work); loss detection is ours (keep-alives).
    # asyncua's auto-reconnect is off: after a loss we start a fresh session with fresh
    # subscriptions ourselves, because a re-creation that fails half-way (a timeout under load)
    # would leave a connected session that delivers nothing.
    client = Client(url, timeout=max(10.0, settings.timeout_s * 2), watchdog_intervall=ABANDON_AFTER_S,
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
        await quiet_disconnect(client)
        raise SecurityRefused(f"{url}: {type(exc).__name__}") from None
    return client


async def quiet_disconnect(client: Client) -> None:
    try:
        await asyncio.wait_for(client.disconnect(), timeout=2)
    except Exception:  # already gone: nothing to release
        log.debug("disconnect of %s failed", client.server_url.geturl(), exc_info=True)
