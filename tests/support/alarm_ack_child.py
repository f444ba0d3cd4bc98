"""Child process for the kill -9 test: raise an alarm, acknowledge it, say so, then hang.

It prints `CONFIRMED <occurrence>` from the acknowledgment's completion callback — the
moment the console tells the operator "done" — and then waits to be killed.
"""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from console.alarms import AlarmEngine
from console.divisions import hebei
from server_link.alarm_journal import AlarmJournal
from tests.support.alarm_sites import small_catalogue, value

TAG = "HC13010201.gas_lel"


def main(store: str) -> None:
    journal = AlarmJournal(Path(store))
    engine = AlarmEngine(small_catalogue(), hebei(), "130000", journal=journal)
    engine.evaluate([value(TAG, 60.0, time.time())])
    confirmed = threading.Event()

    def done(error):
        assert error is None, error
        print("CONFIRMED", engine.record(TAG, "HH").occurrence_id, flush=True)
        confirmed.set()

    engine.acknowledge([engine.record(TAG, "HH")], "张三", "已电话通知企业", on_done=done)
    while not confirmed.is_set():
        engine.poll()
        confirmed.wait(0.005)
    threading.Event().wait()  # hang until killed


if __name__ == "__main__":
    main(sys.argv[1])
