"""One console's part in a consultation's live view: it follows the pointer holder's view, or,
holding the pointer, publishes its own.

The follower and publisher threads (`console.consultation.live`) hand each message, link change
and refusal to the GUI thread through the service's `GuiInbox`; views are applied through `widgets.view_following`. While this
console holds the pointer, a timer captures the view every `capture_ms` and gives a changed one
to the publisher thread, which coalesces and sends it. Network calls of the leader (pointer,
requests, end) run on the thread pool, never on the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.consultation import live
from console.consultation.live import LiveMessage, ViewFollower, ViewPublisher
from widgets import view_following
from console.services.gui_inbox import GuiInbox
from console.services.page_jobs import start_job

CAPTURE_MS = 50


class ConsultationLive(QObject):
    holderChanged = Signal(str)  # the holder key ("user@node") now publishing
    pointerAsked = Signal(str)  # who asks for the pointer
    ended = Signal()
    linkChanged = Signal(bool)
    viewApplied = Signal(int)  # sequence number of a view applied here
    failed = Signal(str)  # one line for the page's status

    def __init__(self, window, dsn: str, session_id: str, division: str, me: str, holder: str,
                 capture_ms: int = CAPTURE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.dsn, self.session_id, self.division = window, dsn, session_id, division
        self.me, self.holder = me, holder
        self.applied_seq = 0
        self.publisher: ViewPublisher | None = None
        self._last_sent = ""
        self._jobs: set = set()
        self.inbox = GuiInbox("consultation", self)
        self.connected = False  # listening: requests and the end are heard only while connected
        self._capture = QTimer(self, interval=capture_ms, timeout=self._capture_view)
        self.follower = ViewFollower(dsn, session_id, lambda message: self.inbox.post(self._on_message, message),
                                     lambda up: self.inbox.post(self._on_link, up)).start()
        self._holder_is(holder)

    @property
    def holding(self) -> bool:
        return self.holder == self.me

    def stop(self) -> None:
        """Stop following and publishing without waiting for the threads (no I/O on the GUI thread)."""
        self.inbox.close()
        self._capture.stop()
        self.follower.stop(wait=False)
        if self.publisher is not None:
            self.publisher.stop(wait=False)
            self.publisher = None

    # -- the leader's and participants' calls -------------------------------------------
    def pass_pointer(self, holder: str) -> None:
        """After the session record names the new holder: tell every console (thread pool)."""
        self._run(lambda _report: live.grant_pointer(self.dsn, self.session_id, self.division, holder))

    def ask_pointer(self) -> None:
        self._run(lambda _report: live.notify(self.dsn, self.session_id, {"k": "ask", "h": self.me}))

    def announce_end(self) -> None:
        self._run(lambda _report: live.notify(self.dsn, self.session_id, {"k": "end"}))

    def _run(self, work) -> None:
        job = start_job(work, lambda result: self._done(job, result))
        self._jobs.add(job)

    def _done(self, job, result) -> None:
        self._jobs.discard(job)
        if isinstance(result, Exception):
            self.failed.emit(str(result).strip().splitlines()[0] if str(result).strip() else type(result).__name__)

    # -- live messages (GUI thread) -------------------------------------------------------
    def _on_message(self, message: LiveMessage) -> None:
        if message.kind == "view":
            self._holder_is(message.holder)
            if not self.holding:
                view_following.apply(self.window, message.state)
                self.applied_seq = message.seq
                self.viewApplied.emit(message.seq)
        elif message.kind == "pointer":
            self._holder_is(message.holder)
        elif message.kind == "ask":
            self.pointerAsked.emit(message.holder)
        elif message.kind == "end":
            self.ended.emit()

    def _holder_is(self, holder: str) -> None:
        if not holder:
            return
        changed = holder != self.holder
        self.holder = holder
        if self.holding and self.publisher is None:
            self._last_sent = ""
            self.publisher = ViewPublisher(self.dsn, self.session_id, self.division, self.me,
                                           on_refused=lambda: self.inbox.post(self._on_refused)).start()
            self._capture.start()
        elif not self.holding and self.publisher is not None:
            self._capture.stop()
            self.publisher.stop(wait=False)
            self.publisher = None
        if changed:
            self.holderChanged.emit(holder)

    def _on_link(self, up: bool) -> None:
        self.connected = up
        self.linkChanged.emit(up)

    def _on_refused(self) -> None:
        """The backend says someone else holds the pointer now; their view will follow."""
        self._capture.stop()

    def _capture_view(self) -> None:
        state = view_following.capture(self.window)
        encoded = state.encode()
        if encoded != self._last_sent and self.publisher is not None:
            self._last_sent = encoded
            self.publisher.publish(state)
