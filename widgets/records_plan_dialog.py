"""Create or edit an inspection plan: name, routine or special, the period, and the target
enterprises of a division (ticked in a list that can be narrowed by name)."""
from __future__ import annotations

from datetime import datetime, time as day_time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem)

from console.operators.permissions import PermissionDenied
from console.records import enforcement
from console.records.enforcement import PlanFields
from console.records.labels import PLAN_KIND_LABEL
from server_link.local_store import StoreError
from widgets.records_page import tr_records

ID_ROLE = Qt.ItemDataRole.UserRole


class PlanDialog(QDialog):
    def __init__(self, store, reader, actor, division_combo: QComboBox, plan: dict | None = None, parent=None):
        super().__init__(parent)
        self.store, self.reader, self.actor, self.plan = store, reader, actor, plan
        self.setWindowTitle(self.tr("Edit inspection plan") if plan else self.tr("New inspection plan"))
        self.division = division_combo
        self.division.setItemText(0, self.tr("(choose the division)"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        for code, label in PLAN_KIND_LABEL.items():
            self.kind.addItem(tr_records(label), code)
        today = QDate.currentDate()
        self.start = QDateEdit(today, displayFormat="yyyy-MM-dd", calendarPopup=True)
        self.end = QDateEdit(today.addMonths(3), displayFormat="yyyy-MM-dd", calendarPopup=True)
        self.search = QLineEdit(placeholderText=self.tr("Narrow the list by name"))
        self.search.textChanged.connect(self.narrow)
        self.targets = QListWidget()
        self.chosen = QLabel()
        self.error = QLabel(objectName="fieldError", wordWrap=True)
        self.error.setStyleSheet("color: #d32f2f")
        form = QFormLayout(self)
        form.addRow(self.tr("Division"), self.division)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Target enterprises"), self.search)
        form.addRow("", self.targets)
        form.addRow("", self.chosen)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.targets.itemChanged.connect(lambda _: self.count_chosen())
        self.division.currentIndexChanged.connect(lambda _: self.fill_targets())
        self.saved_id: str | None = None
        if plan is not None:
            self.division.setCurrentIndex(self.division.findData(plan["division"]))
            self.division.setEnabled(False)
            self.name.setText(plan["name"])
            self.kind.setCurrentIndex(max(0, self.kind.findData(plan.get("kind") or "routine")))
            for edit, stamp in ((self.start, plan.get("period_start")), (self.end, plan.get("period_end"))):
                if stamp is not None:
                    edit.setDate(QDate(datetime.fromtimestamp(stamp).date()))
        self.fill_targets()
        self.resize(640, 680)

    def fill_targets(self) -> None:
        self.targets.clear()
        division = self.division.currentData()
        ticked = set(enforcement.plan_targets(self.plan)) if self.plan else set()
        if division is not None:
            for row in self.reader.rows("enterprise", "name", where="division = ?", params=(division,), limit=2000):
                item = QListWidgetItem(row["name"])
                item.setData(ID_ROLE, row["id"])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row["id"] in ticked else Qt.CheckState.Unchecked)
                self.targets.addItem(item)
        self.count_chosen()

    def narrow(self, text: str) -> None:
        for index in range(self.targets.count()):
            item = self.targets.item(index)
            item.setHidden(bool(text) and text not in item.text())

    def chosen_ids(self) -> list[str]:
        return [self.targets.item(i).data(ID_ROLE) for i in range(self.targets.count())
                if self.targets.item(i).checkState() == Qt.CheckState.Checked]

    def count_chosen(self) -> None:
        self.chosen.setText(self.tr("%1 enterprises chosen").replace("%1", str(len(self.chosen_ids()))))

    def save(self) -> None:
        division = self.division.currentData()
        if division is None:
            self.error.setText(self.tr("Division: choose whose plan this is."))
            return
        start = datetime.combine(self.start.date().toPython(), day_time.min).timestamp()
        end = datetime.combine(self.end.date().toPython(), day_time.max).timestamp()
        fields = PlanFields(self.name.text(), self.kind.currentData(), start, end, self.chosen_ids())
        try:
            self.saved_id = enforcement.save_plan(self.store, self.reader, self.actor, division, fields,
                                                  self.plan["id"] if self.plan else None)
        except (StoreError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.accept()
