"""Sync status for the operator: link state, last successful sync, pending operations,
conflicts waiting, and a progress bar while an initial sync runs.

`console.services.sync_status.SyncStatusBridge` brings `SyncStatus` snapshots to the GUI
thread; the widget keeps only the latest and repaints on a timer (4 Hz), so a fast
snapshot progress never floods the GUI.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QPushButton, QWidget

from console.services.sync_status import SyncStatusBridge
from server_link.sync_service import SyncStatus
from widgets.retranslating import Retranslating

COLOURS = {"up": "#2fbf4f", "down": "#e02020", "connecting": "#8a8f98"}


class SyncStatusWidget(Retranslating, QWidget):
    """Shows the latest `SyncStatus`; `open_inbox` fires when the operator asks for conflicts."""

    open_inbox = Signal()
    sync_now = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.status = SyncStatus()
        self._dirty = True
        self.link = QLabel()
        self.last_success = QLabel()
        self.pending = QLabel()
        self.conflicts = QPushButton()
        self.conflicts.clicked.connect(self.open_inbox)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = QProgressBar()
        self.captions = [QLabel() for _ in range(3)]
        layout = QGridLayout(self)
        for row, (caption, value) in enumerate(zip(self.captions, (self.link, self.last_success, self.pending))):
            layout.addWidget(caption, row, 0)
            layout.addWidget(value, row, 1)
        layout.addWidget(self.conflicts, 3, 0, 1, 2)
        layout.addWidget(self.progress, 4, 0, 1, 2)
        layout.addWidget(self.sync_button, 5, 0, 1, 2)
        layout.setColumnStretch(1, 1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._refresh)
        self._timer.start(250)
        self._retranslate()

    def _retranslate(self) -> None:
        self.sync_button.setText(self.tr("Sync now"))
        self.progress.setFormat(self.tr("Initial sync %p% (%v of %m rows)"))
        self._dirty = True
        self._refresh()

    def attach(self, bridge: SyncStatusBridge) -> None:
        bridge.changed.connect(self.show_status)

    def show_status(self, status: SyncStatus) -> None:
        self.status, self._dirty = status, True

    def _refresh(self) -> None:
        if not self._dirty and self.status.last_success is None:
            return
        self._dirty = False
        status = self.status
        for label, text in zip(self.captions, (self.tr("Backend link"), self.tr("Last successful sync"),
                                                self.tr("Pending operations"))):
            label.setText(text)
        link_text = {"up": self.tr("connected"), "down": self.tr("offline, working locally"),
                     "connecting": self.tr("connecting")}[status.link]
        detail = f" — {status.message}" if status.message else ""
        self.link.setText(f'<span style="color:{COLOURS[status.link]}">●</span> {link_text}{detail}')
        self.last_success.setText(self._ago(status.last_success))
        pending = str(status.pending)
        if status.rejected:
            pending += self.tr(" (%n refused by the server)", "", status.rejected)
        self.pending.setText(pending)
        self.conflicts.setText(self.tr("Conflicts waiting: %n", "", status.conflicts))
        self.conflicts.setEnabled(status.conflicts > 0)
        self.progress.setVisible(status.snapshot_total > 0)
        if status.snapshot_total:
            self.progress.setRange(0, status.snapshot_total)
            self.progress.setValue(status.snapshot_done)

    def _ago(self, at: float | None) -> str:
        if at is None:
            return self.tr("never")
        seconds = max(0, int(time.time() - at))
        clock = time.strftime("%H:%M:%S", time.localtime(at))
        if seconds < 60:
            return self.tr("%1 (%2 s ago)").replace("%1", clock).replace("%2", str(seconds))
        return self.tr("%1 (%2 min ago)").replace("%1", clock).replace("%2", str(seconds // 60))
