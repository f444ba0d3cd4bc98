"""Field acquisition as a GUI service: the runtime's batches into the tag bus, link state
into the status bar.

The runtime calls `sink` on its own thread; the bridge posts the batch to its `GuiInbox`,
so `TagBus.publish` always runs on the GUI thread, once per batch (every ~100–250 ms), and
the GUI never waits on a driver.
Every live value reaches the tag bus through the bridge's `FreshnessGuard`
(`console.freshness`), swept by a timer, so none older than its stale limit is shown GOOD.

With a PostgreSQL backend (and `field.backend_first`), `LiveSourceBridge` puts a
`LiveSourceSelector` between the sources and the tag bus: the collector's values
(`BackendLiveFeed`, its own thread, also through a `GuiInbox`) while its heartbeat is
fresh, this node's own field connections (kept running as a hot standby) otherwise.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from console.context import AppContext
from console.freshness import SWEEP_S, FreshnessGuard
from console.link_state import LinkState
from console.live_source import LiveSourceSelector
from console.services.gui_inbox import GuiInbox
from drivers.acq_config import AcquisitionPlan, load_acquisition_config
from domain.values import TagValue

if TYPE_CHECKING:  # the runtime pulls asyncua in: imported by the start-up job, off the GUI thread
    from drivers.runtime import AcquisitionRuntime

log = logging.getLogger(__name__)
LINK = "field"
LINK_POLL_MS = 500
_STATES = {"up": LinkState.UP, "degraded": LinkState.DEGRADED, "down": LinkState.DOWN}
SELECT_EVERY_MS = 500


class AcquisitionBridge(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self.runtime: AcquisitionRuntime | None = None
        self.batches = 0
        self.freshness = FreshnessGuard(context.tag_bus.publish)  # in front of the tag bus for every live source
        self.route: Callable[[Sequence[TagValue]], None] = self.freshness.publish  # or LiveSourceBridge.field
        self.inbox = GuiInbox("field batches", self)
        self._link_timer = QTimer(self)
        self._link_timer.setInterval(LINK_POLL_MS)
        self._link_timer.timeout.connect(self._report_link)
        self._sweep_timer = QTimer(self)
        self._sweep_timer.setInterval(round(SWEEP_S * 1000))
        self._sweep_timer.timeout.connect(self.freshness.sweep)

    def sink(self, batch) -> None:
        """Runtime thread → GUI inbox."""
        self.inbox.post(self._deliver, batch)

    def attach(self, runtime: AcquisitionRuntime) -> None:
        self.runtime = runtime
        self.freshness.stale_limits.update(stale_limits(runtime.plan))
        self._link_timer.start()
        self._sweep_timer.start()

    def close(self) -> None:
        """After the runtime stopped: no more emissions or timer ticks (a late thread must not reach Qt)."""
        self.inbox.close()
        self._link_timer.stop()
        self._sweep_timer.stop()

    def _deliver(self, batch) -> None:
        self.batches += 1
        self.route(batch)

    def _report_link(self) -> None:
        if self.runtime is None:
            return
        summary = self.runtime.link_summary()
        detail = self.tr("%n device(s) off-line", "", summary.down) if summary.down else (
            self.tr("%n device(s) on a backup path", "", summary.degraded) if summary.degraded else "")
        self._context.links.report(LINK, _STATES[summary.state], detail)


LIVE_LINK = "live"  # where live values come from: the backend (UP) or partly the field (DEGRADED)


class LiveSourceBridge(QObject):
    """Backend first, field as fallback, decided per tag on the GUI thread (see console.live_source)."""

    def __init__(self, context: AppContext, selector: LiveSourceSelector,
                 publish: Callable[[Sequence[TagValue]], None], parent: QObject | None = None):
        """`publish`: where chosen values go (the acquisition bridge's freshness guard)."""
        super().__init__(parent)
        self._context = context
        self.selector = selector
        self._publish_to = publish
        self.inbox = GuiInbox("backend live values", self)
        self._timer = QTimer(self)
        self._timer.setInterval(SELECT_EVERY_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def backend_sink(self, values: list[TagValue], heartbeat_age_s: float | None) -> None:
        """Feed thread → GUI inbox."""
        self.inbox.post(self._on_backend, values, heartbeat_age_s)

    def close(self) -> None:
        self.inbox.close()
        self._timer.stop()

    def field(self, batch: Sequence[TagValue]) -> None:
        self._publish(self.selector.field(batch, time.time()))

    def _on_backend(self, values: list[TagValue], heartbeat_age_s: float | None) -> None:
        self._publish(self.selector.backend(values, heartbeat_age_s, time.time()))

    def _tick(self) -> None:
        self._publish(self.selector.tick(time.time()))
        # the status bar's "live values" indicator: all from the backend, or some from the field
        state = LinkState.UP if self.selector.on_field() == 0 else LinkState.DEGRADED
        if self.selector.known() and self._context.links.state(LIVE_LINK)[0] is not state:
            self._context.links.report(LIVE_LINK, state)

    def _publish(self, values: list[TagValue]) -> None:
        if values:
            self._publish_to(values)


def start_backend_first(context: AppContext, bridge: AcquisitionBridge, plan: AcquisitionPlan) -> Callable[[], None]:
    """Route field batches through a selector fed by the collector's values; returns the stop function."""
    from server_link.credentials import backend_dsn
    from server_link.live_feed import BackendLiveFeed

    config = context.config
    try:
        dsn = backend_dsn(config.backend)
    except Exception as exc:  # no password: the console still runs on its own field connections
        log.warning("backend-first live values off: %s", exc)
        return lambda: None
    selector = LiveSourceSelector(config.backend.stale_after_s, config.field.backend_return_s, stale_limits(plan))
    live = LiveSourceBridge(context, selector, bridge.freshness.publish)
    feed = BackendLiveFeed(dsn, live.backend_sink, plan.tags.keys())
    bridge.route = live.field
    feed.start()
    context.services.update(live_source=live.selector, live_source_bridge=live)

    def stop() -> None:
        feed.stop()
        live.close()

    return stop


def stale_limits(plan: AcquisitionPlan) -> dict[str, float]:
    """Tag → how old its value may be and still be GOOD."""
    return {tag: binding.spec.stale_after for tag, binding in plan.tags.items()}


def field_plan(context: AppContext) -> tuple[AcquisitionPlan, Callable[[], None]]:
    """The node's field: the sites of its jurisdiction in its acquisition file, or in the
    built-in simulator (a child process, serving every site as the real field would)."""
    field = context.config.field
    jurisdiction = context.divisions.jurisdiction(context.node_code)
    if field.sites_file is not None:
        return load_acquisition_config(field.sites_file).to_plan().within(jurisdiction), lambda: None
    simulator = context.services.get("simulator") or launch_simulator(context)
    return simulator.plan().within(jurisdiction), simulator.stop


def launch_simulator(context: AppContext):
    """The embedded default's simulator, launched (a child process) into `context.services`;
    the console calls it before building its window so the servers start meanwhile."""
    from console import paths
    from drivers.simulator.process import spawn_embedded_simulator

    field = context.config.field
    simulator = spawn_embedded_simulator(field.simulator_seed, paths.data_dir() / "simulator",
                                         field.simulator_incidents)
    context.services["simulator"] = simulator
    return simulator


def start_acquisition(context: AppContext):
    """Service starter (see console.app.SERVICE_STARTERS; a staged one, `console.startup`): the
    field plan, the simulator and the runtime are built on the start-up worker thread."""
    if context.config.field.sites_file is None and not context.config.runs_simulator:
        context.links.report(LINK, LinkState.DOWN, "")
        return lambda: None
    bridge = AcquisitionBridge(context)
    try:
        plan, stop_field, runtime = yield lambda: _prepare_field(context, bridge)
    except Exception as exc:  # the console must start without its field; the status bar says why
        log.exception("field acquisition not started")
        context.links.report(LINK, LinkState.DOWN, f"{type(exc).__name__}: {exc}")
        return lambda: None
    backend_first = context.config.backend.kind == "postgresql" and context.config.field.backend_first
    stop_feed = start_backend_first(context, bridge, plan) if backend_first else (lambda: None)
    bridge.attach(runtime)
    runtime.start()
    context.services.update(acquisition=runtime, acquisition_bridge=bridge, catalogue=plan.catalogue)
    log.info("acquisition: %d tags of %d sites", len(plan.tags), len(plan.catalogue.sites))

    def stop() -> None:
        stop_feed()
        runtime.stop()
        bridge.close()
        stop_field()

    return stop


def _prepare_field(context: AppContext, bridge: AcquisitionBridge):
    """Worker thread: the plan (and the simulator's servers starting), and the runtime over it."""
    from drivers.runtime import AcquisitionRuntime

    plan, stop_field = field_plan(context)
    return plan, stop_field, AcquisitionRuntime(plan, bridge.sink)
