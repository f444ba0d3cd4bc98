"""Work off the GUI thread for pages and dialogs: a function on Qt's thread pool whose result
(or exception) and progress arrive on the GUI thread through the jobs' `GuiInbox`.

One inbox serves every job and lives as long as the application: a job's owner may drop
the job in its `on_done`, which must not delete the object delivering that very call."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRunnable, QThreadPool

from console.services.gui_inbox import GuiInbox

_inbox: GuiInbox | None = None


def jobs_inbox() -> GuiInbox:
    """The inbox of all page jobs (created on first use, on the GUI thread)."""
    global _inbox
    if _inbox is None:
        _inbox = GuiInbox("page jobs")
    return _inbox


class BackgroundJob(QRunnable):
    """Run a function on the thread pool; `on_done(result)` runs on the GUI thread (create the job there)."""

    def __init__(self, work: Callable[[], object], on_done: Callable[[object], None],
                 on_progress: Callable[[int, int], None] | None = None):
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.inbox = jobs_inbox()
        self._on_done, self._on_progress = on_done, on_progress

    def report(self, done: int, total: int) -> None:
        """Progress from the worker (any thread)."""
        if self._on_progress is not None:
            self.inbox.post(self._on_progress, done, total)

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported by the caller, never lost in the pool
            result = exc
        self.inbox.post(self._on_done, result)


def start_job(work: Callable[[Callable[[int, int], None]], object], on_done: Callable[[object], None],
              on_progress: Callable[[int, int], None] | None = None) -> BackgroundJob:
    """Start `work(report)` on the pool; keep the returned job referenced until `on_done` runs."""
    job = BackgroundJob(lambda: work(job.report), on_done, on_progress)
    QThreadPool.globalInstance().start(job)
    return job


class PageJobs:
    """The jobs a page or tab has running, each kept referenced until its result arrives."""

    def __init__(self) -> None:
        self._running: set[BackgroundJob] = set()

    def run(self, work: Callable[[], object], on_done: Callable[[object], None]) -> None:
        """`work()` on the pool; `on_done(result or exception)` on the GUI thread."""
        job = BackgroundJob(work, lambda result: (self._running.discard(job), on_done(result)))
        self._running.add(job)
        QThreadPool.globalInstance().start(job)
