"""Child process for the kill -9 test: the alarm console acknowledges an alarm, then hangs.

A real `AlarmsPage` (offscreen) on a real journal. The moment the page's status line says
the acknowledgment is stored — what the operator sees — it prints `CONFIRMED <occurrence>`
and keeps running until the parent kills it with SIGKILL.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from console.config import NodeConfig  # noqa: E402
from console.context import AppContext  # noqa: E402
from console.qt_runtime import ensure_application  # noqa: E402
from tests.support.alarm_sites import small_catalogue, value  # noqa: E402
from console.services.alarm_runtime import AlarmService  # noqa: E402

TAG = "HC13010201.gas_lel"


def main(store: str) -> None:
    app = ensure_application(offscreen=True)
    from console.pages.alarms import AlarmsPage

    context = AppContext(NodeConfig())
    service = AlarmService(context, small_catalogue(), Path(store))
    context.services["alarms"] = service
    page = AlarmsPage(context)
    context.tag_bus.publish([value(TAG, 60.0, time.time())])
    red = service.engine.record(TAG, "HH")
    page.acknowledge([red], "已电话通知企业")

    def watch() -> None:
        if "stored" in page.status.text():
            print("CONFIRMED", red.occurrence_id, flush=True)
            timer.stop()

    timer = QTimer(interval=1, timeout=watch)
    timer.start()
    app.exec()  # runs until killed


if __name__ == "__main__":
    main(sys.argv[1])
