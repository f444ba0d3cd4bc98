"""The one thread → GUI hand-over: posts from a worker thread run on the GUI thread, in order,
a failing handler is logged and the rest still run, nothing runs after close."""
from __future__ import annotations

import logging
import threading

from console.services.gui_inbox import GuiInbox


def broken_handler(_value):
    raise ValueError("bad batch")


def test_posts_from_a_worker_run_on_the_gui_thread_in_order_past_a_failing_handler(qtbot, caplog):
    inbox, seen = GuiInbox("test inbox"), []
    gui_thread = threading.get_ident()

    def record(value):
        seen.append((value, threading.get_ident() == gui_thread))

    def worker():
        for value in range(100):
            inbox.post(broken_handler if value == 50 else record, value)

    with caplog.at_level(logging.ERROR, logger="console.services.gui_inbox"):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(seen) == 99)
    assert [value for value, _ in seen] == [value for value in range(100) if value != 50]
    assert all(on_gui for _, on_gui in seen)
    assert [record.getMessage() for record in caplog.records] == [
        "test inbox: handler tests.test_gui_inbox.broken_handler failed"]


def test_nothing_is_delivered_after_close(qtbot):
    inbox, later, seen = GuiInbox("closed inbox"), GuiInbox("open inbox"), []
    inbox.post(seen.append, 1)
    inbox.close()
    inbox.post(seen.append, 2)
    later.post(seen.append, "after")  # queued behind the closed inbox's wake-up
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["after"]
