"""The conflict inbox: same-field edits on two nodes where neither owns the row.

Each entry shows the record, the field, the value kept for now and the competing value,
and who wrote each. The operator keeps the current value or takes the other one; the
decision is written to the local store with its outbox op (durable) before the entry
leaves the list, and the sync service is woken to push it.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from domain.divisions import hebei
from console.operators import audit
from console.operators.permissions import Action, Actor, PermissionDenied, require
from server_link.local_store import LocalStore, StoreError
from widgets.retranslating import Retranslating

TABLE_LABELS = {
    "enterprise": QT_TRANSLATE_NOOP("ConflictInbox", "Enterprise"),
    "hazard_source": QT_TRANSLATE_NOOP("ConflictInbox", "Major hazard source"),
    "tailings_pond": QT_TRANSLATE_NOOP("ConflictInbox", "Tailings pond"),
    "rescue_team": QT_TRANSLATE_NOOP("ConflictInbox", "Rescue team"),
    "supply": QT_TRANSLATE_NOOP("ConflictInbox", "Supply"),
}
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ConflictInbox", "Name"),
    "address": QT_TRANSLATE_NOOP("ConflictInbox", "Address"),
    "contact": QT_TRANSLATE_NOOP("ConflictInbox", "Contact"),
    "phone": QT_TRANSLATE_NOOP("ConflictInbox", "Phone"),
    "status": QT_TRANSLATE_NOOP("ConflictInbox", "Status"),
    "industry": QT_TRANSLATE_NOOP("ConflictInbox", "Industry"),
    "division": QT_TRANSLATE_NOOP("ConflictInbox", "Division"),
}


class ConflictInbox(Retranslating, QWidget):
    def __init__(self, store: LocalStore, on_decided: Callable[[], None] | None = None, parent=None, *,
                 actor: Callable[[], Actor]):
        """`actor()`: who is deciding (the signed-in officer); deciding is editing records."""
        super().__init__(parent)
        self.store, self._on_decided, self.actor = store, on_decided, actor
        self.conflicts: list[dict] = []
        self.heading = QLabel()
        self.table = QTableWidget(0, 7)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.keep = QPushButton()
        self.take = QPushButton()
        self.keep.clicked.connect(lambda: self.decide("server"))
        self.take.clicked.connect(lambda: self.decide("incoming"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep)
        buttons.addWidget(self.take)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.keep.setText(self.tr("Keep current value"))
        self.take.setText(self.tr("Take the other value"))
        self.reload()

    def reload(self) -> None:
        """Re-read the open conflicts from the local store (call when the sync status changes)."""
        self.conflicts = self.store.open_conflicts()
        self.heading.setText(self.tr("Conflicts waiting for a decision: %n", "", len(self.conflicts)))
        self.table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("Current value"), self.tr("Written by"),
            self.tr("Other value"), self.tr("Written by"), self.tr("When")])
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            cells = (self._record(conflict), self._field(conflict["field"]), self._value(conflict["server_value"]),
                     self._node(conflict["server_origin"]), self._value(conflict["incoming_value"]),
                     self._node(conflict["incoming_origin"]),
                     time.strftime("%Y-%m-%d %H:%M", time.localtime(conflict["created_at"])))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.conflicts:
            self.table.selectRow(0)
        self.keep.setEnabled(bool(self.conflicts))
        self.take.setEnabled(bool(self.conflicts))

    def decide(self, choice: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict, actor = self.conflicts[row], self.actor()
        server, incoming = (json.loads(conflict[key] or "null") for key in ("server_value", "incoming_value"))
        try:
            require(actor, Action.EDIT_RECORDS)
            self.store.resolve_conflict(conflict["id"], choice, audit=[audit.entry(
                actor, self.store.node, "record_edit", conflict["division"], target_kind=conflict["table_name"],
                target_id=conflict["row_id"], before={conflict["field"]: server},
                after={conflict["field"]: server if choice == "server" else incoming})])
        except (StoreError, PermissionDenied) as exc:
            QMessageBox.warning(self, self.tr("Conflict"), str(exc))
            return
        self.reload()
        if self._on_decided:
            self._on_decided()

    def _record(self, conflict: dict) -> str:
        row = self.store.get(conflict["table_name"], conflict["row_id"])
        name = (row or {}).get("name") or conflict["row_id"][:8]
        table = QCoreApplication.translate("ConflictInbox", TABLE_LABELS.get(conflict["table_name"], conflict["table_name"]))
        return f"{table}：{name}"

    @staticmethod
    def _field(name: str) -> str:
        return QCoreApplication.translate("ConflictInbox", FIELD_LABELS.get(name, name))

    @staticmethod
    def _value(text: str | None) -> str:
        value = json.loads(text) if text else None
        return "" if value is None else str(value)

    @staticmethod
    def _node(code: str | None) -> str:
        divisions = hebei()
        return f"{divisions[code].name} ({code})" if code in divisions else (code or "")
