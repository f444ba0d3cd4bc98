"""Field acquisition as a GUI service: the runtime's batches into the tag bus, link state
into the status bar.

The runtime calls `sink` on its own thread; the bridge re-emits the batch through a
signal connected with an explicit `Qt.QueuedConnection`, so `TagBus.publish` always runs
on the GUI thread, once per batch (every ~100–250 ms), and the GUI never waits on a driver.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from console.context import AppContext
from console.link_state import LinkState
from drivers.acq_config import AcquisitionPlan, load_acquisition_config
from drivers.runtime import AcquisitionRuntime

log = logging.getLogger(__name__)
LINK = "field"
LINK_POLL_MS = 500
_STATES = {"up": LinkState.UP, "degraded": LinkState.DEGRADED, "down": LinkState.DOWN}


class AcquisitionBridge(QObject):
    batch_ready = Signal(object)  # list[TagValue], emitted from the runtime thread

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self.runtime: AcquisitionRuntime | None = None
        self.batches = 0
        self.batch_ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._link_timer = QTimer(self)
        self._link_timer.setInterval(LINK_POLL_MS)
        self._link_timer.timeout.connect(self._report_link)

    def sink(self, batch) -> None:
        """Runtime thread → queued signal."""
        self.batch_ready.emit(batch)

    def attach(self, runtime: AcquisitionRuntime) -> None:
        self.runtime = runtime
        self._link_timer.start()

    @Slot(object)
    def _deliver(self, batch) -> None:
        self.batches += 1
        self._context.tag_bus.publish(batch)

    @Slot()
    def _report_link(self) -> None:
        if self.runtime is None:
            return
        summary = self.runtime.link_summary()
        detail = self.tr("%n device(s) off-line", "", summary.down) if summary.down else (
            self.tr("%n device(s) on a backup path", "", summary.degraded) if summary.degraded else "")
        self._context.links.report(LINK, _STATES[summary.state], detail)


def field_plan(context: AppContext) -> tuple[AcquisitionPlan, Callable[[], None]]:
    """The node's field: its acquisition file, or the built-in simulator started in-process."""
    field = context.config.field
    if field.sites_file is not None:
        return load_acquisition_config(field.sites_file).to_plan(), lambda: None
    from drivers.simulator.embedded import start_embedded_simulator

    simulator, plan = start_embedded_simulator(field.simulator_seed, wait=False,
                                                 incidents=field.simulator_incidents)
    context.services["simulator"] = simulator
    return plan, simulator.stop


def start_acquisition(context: AppContext) -> Callable[[], None]:
    """Service starter (see console.app.SERVICE_STARTERS); returns the stop function."""
    if context.config.field.sites_file is None and not context.config.field.simulator:
        context.links.report(LINK, LinkState.DOWN, "")
        return lambda: None
    try:
        plan, stop_field = field_plan(context)
    except Exception as exc:  # the console must start without its field; the status bar says why
        log.exception("field acquisition not started")
        context.links.report(LINK, LinkState.DOWN, f"{type(exc).__name__}: {exc}")
        return lambda: None
    bridge = AcquisitionBridge(context)
    runtime = AcquisitionRuntime(plan, bridge.sink)
    bridge.attach(runtime)
    runtime.start()
    context.services.update(acquisition=runtime, acquisition_bridge=bridge, catalogue=plan.catalogue)
    log.info("acquisition: %d tags of %d sites", len(plan.tags), len(plan.catalogue.sites))

    def stop() -> None:
        runtime.stop()
        stop_field()

    return stop
