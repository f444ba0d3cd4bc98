"""Cold start in stages: the window is painted first, the services start after it, one at a time,
with their slow parts (opening and migrating the store, building the field plan, starting the
simulator) on a worker thread, so the window stays interactive while the console comes up.

An operator restarting a console during an incident must see it at once; everything that
used to run before the first paint (seven services, the simulator, migrations) took seconds.

A service starter (`console.app.SERVICE_STARTERS`) is a function `starter(context)` that
returns its stop function. A starter with slow work is a generator instead: it yields a
zero-argument callable, which runs on the worker thread, and receives its result (or its
exception, raised at the `yield`) back on the GUI thread; it may yield again, and finally
returns its stop function. `run_now` drives a starter on the calling thread (tests, tools).
"""
from __future__ import annotations

import importlib
import inspect
import logging
import threading
import time
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from console.services.gui_inbox import GuiInbox

log = logging.getLogger(__name__)

JOB_FINISH_S = 60.0  # how long quitting waits for a start-up job (a store migration) to finish

Stop = Callable[[], None]
Job = Callable[[], Any]
Starter = Callable[[Any], "Stop | Generator[Job, Any, Stop]"]


def load_starter(dotted: str) -> Starter:
    module_name, function_name = dotted.split(":")
    return getattr(importlib.import_module(module_name), function_name)


def run_now(starter: Starter, context) -> Stop:
    """Start a service on the calling thread, its slow parts included; returns its stop function."""
    started = starter(context)
    if not inspect.isgenerator(started):
        return started
    result: Any = None
    error: BaseException | None = None
    try:
        while True:
            job = started.throw(error) if error is not None else started.send(result)
            result, error = None, None
            try:
                result = job()
            except Exception as exc:  # handed back to the starter, as on the worker thread
                error = exc
    except StopIteration as done:
        return done.value


class StagedStart(QObject):
    """Runs the starters in order after the window's first paint; `finished` when all ran.

    Starters run on the GUI thread one per event-loop turn; a yielded job runs on a worker
    thread and its result comes back through the start-up's `GuiInbox`, so no stage blocks the window
    for longer than its own GUI part. A starter that raises stops the start-up: `error` holds
    the exception and `failed` is emitted; the caller re-raises it after the event loop, where
    `console.cli` turns what a user can reach (a store that cannot be opened) into one line.
    """

    progressed = Signal()  # a starter finished: a page waiting for its services may be built
    finished = Signal()
    failed = Signal()

    def __init__(self, context, starters: list[str], parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.stoppers: list[Stop] = []
        self.timings: list[tuple[str, float]] = []  # (starter, seconds from its start to its stop function)
        self._queue = list(starters)
        self._current: tuple[str, Generator, float] | None = None
        self._job_thread: threading.Thread | None = None
        self.error: BaseException | None = None
        self.inbox = GuiInbox("start-up", self)
        context.services.settled = False  # pages shown meanwhile wait for what is not up yet

    def start(self) -> None:
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if not self._queue:
            log.info("start-up: services up (%s)", ", ".join(f"{name.split(':')[1]} {seconds:.2f} s"
                                                             for name, seconds in self.timings))
            self.context.services.settle()
            self.finished.emit()
            return
        dotted = self._queue.pop(0)
        began = time.perf_counter()
        try:
            started = load_starter(dotted)(self.context)
        except Exception as exc:
            self._fail(dotted, exc)
            return
        if inspect.isgenerator(started):
            self._current = (dotted, started, began)
            self._step(None, None)
        else:
            self._stopped_by(dotted, started, began)

    def _step(self, result: Any, error: BaseException | None) -> None:
        dotted, started, began = self._current
        try:
            job = started.throw(error) if error is not None else started.send(result)
        except StopIteration as done:
            self._current = None
            self._stopped_by(dotted, done.value, began)
            return
        except Exception as exc:
            self._current = None
            self._fail(dotted, exc)
            return
        self._job_thread = threading.Thread(target=self._run_job, args=(job,), name=f"start {dotted}", daemon=True)
        self._job_thread.start()

    def _run_job(self, job: Job) -> None:
        try:
            result = job()
        except Exception as exc:
            self.inbox.post(self._step, None, exc)
            return
        self.inbox.post(self._step, result, None)

    def _stopped_by(self, dotted: str, stop: Stop, began: float) -> None:
        self.stoppers.append(stop)
        self.timings.append((dotted, time.perf_counter() - began))
        self.progressed.emit()
        QTimer.singleShot(0, self._next)

    def _fail(self, dotted: str, exc: BaseException) -> None:
        log.info("start-up stopped at %s: %s: %s", dotted, type(exc).__name__, exc)  # the caller says it in one line
        self.error = exc
        self.failed.emit()

    def stop_all(self) -> None:
        """Stop what started, last first (called on quit). A job still running is waited for
        first: the process must not end in the middle of creating or migrating the store."""
        job = self._job_thread
        if job is not None and job.is_alive():
            log.info("start-up: quitting; waiting for %s to finish", job.name)
            job.join(JOB_FINISH_S)
            if job.is_alive():
                log.warning("start-up: %s still running after %.0f s; quitting without it", job.name, JOB_FINISH_S)
        for stop in reversed(self.stoppers):
            stop()
        self.stoppers.clear()


MILESTONE_TIMEOUT_S = 60.0


class MilestoneReport(QObject):
    """`--startup-report`: prints `startup window-shown` at the window's first paint and
    `startup first-live-value` at the first paint of a real page after a GOOD live value reached
    the tag bus and the page drew it, then quits. `bench/startup.py` times the lines as they arrive."""

    def __init__(self, window, staged: StagedStart):
        super().__init__(window)
        self.window = window
        self._value_seen = False
        window.first_painted.connect(lambda: self._say("window-shown"))
        staged.failed.connect(lambda: self._say(f"failed {staged.error}"))
        self._unsubscribe = window.context.tag_bus.subscribe(self._on_batch)
        QTimer.singleShot(round(MILESTONE_TIMEOUT_S * 1000), lambda: self._done("timeout"))

    def _on_batch(self, batch) -> None:
        if not self._value_seen and any(value.quality.is_good for value in batch):
            self._value_seen = True
            QCoreApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.window.page_shown() \
                and self.window.stack.isAncestorOf(watched) and self._page_shows_values():
            QCoreApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, lambda: self._done("first-live-value"))
        return False

    def _page_shows_values(self) -> bool:
        """The page says whether it has drawn a live value yet (the overview does); else the
        first paint after the value reached the tag bus counts."""
        shows = getattr(self.window.stack.currentWidget(), "shows_live_values", None)
        return shows() if callable(shows) else True

    def _done(self, milestone: str) -> None:
        self._say(milestone)
        QCoreApplication.instance().quit()

    @staticmethod
    def _say(milestone: str) -> None:
        print(f"startup {milestone}", flush=True)

