"""The sync page: sync status on the left, the conflict inbox on the right.

Needs the services `console.services.sync_status.start_sync` puts into the context (`store`, and
with a shared backend `sync` and `sync_bridge`); without a backend it says the node works
on its local store only.
"""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from widgets.sync_conflicts import ConflictInbox
from widgets.sync_status import SyncStatusWidget
from widgets.retranslating import Retranslating


class SyncPage(Retranslating, QWidget):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        store, service = context.services.get("store"), context.services.get("sync")
        bridge = context.services.get("sync_bridge")
        self.status_box, self.inbox_box = QGroupBox(), QGroupBox()
        self.status = SyncStatusWidget()
        self.note = QLabel()
        self.note.setWordWrap(True)
        left = QVBoxLayout(self.status_box)
        left.addWidget(self.status)
        left.addWidget(self.note)
        left.addStretch(1)
        self.inbox = None
        if store is not None:
            self.inbox = ConflictInbox(store, on_decided=service.wake if service else None,
                                       actor=lambda: context.actor)
            QVBoxLayout(self.inbox_box).addWidget(self.inbox)
        if service is not None and bridge is not None:
            self.status.show_status(service.status)
            self.status.attach(bridge)
            self.status.sync_now.connect(service.wake)
            if self.inbox is not None:
                bridge.changed.connect(lambda _status: self.inbox.reload())
        self.status.setVisible(service is not None)
        layout = QHBoxLayout(self)
        layout.addWidget(self.status_box, 1)
        layout.addWidget(self.inbox_box, 3)
        self._has_backend = service is not None
        self._blocked = context.services.get("sync_blocked")  # why a configured backend is not synced
        self._retranslate()

    def is_ready(self) -> bool:
        return True

    def _retranslate(self) -> None:
        self.status_box.setTitle(self.tr("Sync status"))
        self.inbox_box.setTitle(self.tr("Conflict inbox"))
        if self._blocked:
            self.note.setText(self.tr("Sync is off, this node works on its local store: {reason}")
                              .format(reason=self._blocked))
        else:
            self.note.setText("" if self._has_backend else
                              self.tr("No shared backend configured: this node works on its local store only."))
