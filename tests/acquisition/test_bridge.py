"""The Qt bridge: batches from the runtime thread reach the tag bus on the GUI thread,
and the field link state reaches the LinkBoard."""
from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from console.startup import run_now
from console.services.acquisition_bridge import AcquisitionBridge, start_acquisition
from console.config import NodeConfig
from console.context import AppContext
from console.link_state import LinkState
from domain.values import Quality, SourcePath, TagValue


def test_batches_cross_to_the_gui_thread_through_the_queued_connection(qtbot):
    context = AppContext(NodeConfig())
    bridge = AcquisitionBridge(context)
    seen_on = []
    context.tag_bus.subscribe(lambda batch: seen_on.append((QThread.currentThread(), len(batch))))
    batch = [TagValue("TP13028301.pond_level", 1.0, Quality.GOOD, 0.0, 0.0, SourcePath.PRIMARY)]
    worker = threading.Thread(target=bridge.sink, args=(batch,))
    worker.start()
    worker.join()
    assert seen_on == []  # queued, not called on the worker thread
    qtbot.waitUntil(lambda: bool(seen_on), timeout=5000)
    assert seen_on == [(bridge.thread(), 1)]
    assert context.tag_bus.latest("TP13028301.pond_level").value == 1.0


def test_embedded_default_starts_simulator_and_runtime_and_reports_the_link(qtbot, duty_home, monkeypatch):
    from drivers.simulator import process

    # three sites instead of 280 keep the test quick; everything else is the embedded default
    monkeypatch.setattr(process, "EMBEDDED_SITES", 3)
    context = AppContext(NodeConfig())
    stop = run_now(start_acquisition, context)
    simulator = context.services["simulator"]
    try:
        assert isinstance(simulator, process.EmbeddedSimulator)
        assert simulator.process.proc.poll() is None, "the simulator runs in a child process"
        assert len(context.services["catalogue"].sites) == 3
        qtbot.waitUntil(lambda: sum(1 for t in context.services["catalogue"].tags
                                    if context.tag_bus.latest(t) is not None
                                    and context.tag_bus.latest(t).quality is Quality.GOOD) == 60, timeout=60_000)
        qtbot.waitUntil(lambda: context.links.state("field")[0] is LinkState.UP, timeout=10_000)
    finally:
        stop()
    assert simulator.process.proc.poll() is not None, "stopping the console stops its simulator"
