"""Work off the GUI thread: a function on Qt's thread pool whose result (or exception) and
progress arrive on the GUI thread through queued signals."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class BackgroundJob(QObject, QRunnable):
    """Run a function on the thread pool; `done` delivers its result on the GUI thread."""

    done = Signal(object)
    progress = Signal(int, int)

    def __init__(self, work: Callable[[], object], on_done: Callable[[object], None],
                 on_progress: Callable[[int, int], None] | None = None):
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self.work = work
        self.done.connect(on_done, Qt.ConnectionType.QueuedConnection)
        if on_progress is not None:
            self.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)

    def report(self, done: int, total: int) -> None:
        """Progress from the worker (any thread)."""
        self.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported by the caller, never lost in the pool
            result = exc
        self.done.emit(result)


def start_job(work: Callable[[Callable[[int, int], None]], object], on_done: Callable[[object], None],
              on_progress: Callable[[int, int], None] | None = None) -> BackgroundJob:
    """Start `work(report)` on the pool; keep the returned job referenced until `on_done` runs."""
    job = BackgroundJob(lambda: work(job.report), on_done, on_progress)
    QThreadPool.globalInstance().start(job)
    return job
