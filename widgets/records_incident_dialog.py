"""Register an incident as the enterprise's call comes in: the clock of Order No. 493 starts."""
from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit)

from console.operators.permissions import Actor, PermissionDenied
from console.records.incidents import register_incident
from console.records.labels import ACCIDENT_CLASS
from server_link.local_store import StoreError
from widgets.records_page import tr_records


class IncidentDialog(QDialog):
    def __init__(self, store, division_combo: QComboBox, parent=None, *, actor: Actor):
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Register incident"))
        self.title = QLineEdit()
        self.kind = QLineEdit()
        self.accident_class = QComboBox()
        for code in (4, 3, 2, 1):
            self.accident_class.addItem(tr_records(ACCIDENT_CLASS[code]), code)
        self.division = division_combo
        self.division.setItemText(0, self.tr("(choose the division)"))
        now = QDateTime.currentDateTime()
        self.occurred = QDateTimeEdit(now, displayFormat="yyyy-MM-dd HH:mm")
        self.received = QDateTimeEdit(now, displayFormat="yyyy-MM-dd HH:mm")
        self.received_known = QCheckBox(self.tr("The enterprise has reported to the county at"), checked=True)
        self.error = QLabel(objectName="fieldError", wordWrap=True)
        self.error.setStyleSheet("color: #d32f2f")
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Class"), self.accident_class)
        form.addRow(self.tr("Division"), self.division)
        form.addRow(self.tr("Occurred at"), self.occurred)
        form.addRow(self.received_known, self.received)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.saved_id: str | None = None

    def save(self) -> None:
        division = self.division.currentData()
        if division is None:
            self.error.setText(self.tr("Division: choose where the accident happened."))
            return
        received = self.received.dateTime().toSecsSinceEpoch() if self.received_known.isChecked() else None
        try:
            self.saved_id = register_incident(
                self.store, division, self.title.text(), self.kind.text().strip() or "other",
                self.accident_class.currentData(), float(self.occurred.dateTime().toSecsSinceEpoch()),
                None if received is None else float(received), actor=self.actor)
        except (StoreError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.accept()
