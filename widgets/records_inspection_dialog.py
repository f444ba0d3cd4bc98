"""The inspection form: enterprise, plan, inspector and time, the checklist, findings, and the
hazards found (each with its level and rectification deadline). The record and its hazards
are stored in one transaction."""
from __future__ import annotations


from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton)

from console.operators.permissions import PermissionDenied
from console.records import enforcement
from console.records.enforcement import CHECKLIST, InspectionFields
from console.records.labels import HAZARD_LEVEL, clock
from server_link.local_store import StoreError
from widgets.records_incident_dialog import fill_enterprise_combo
from widgets.records_page import tr_records

HAZARD_ROLE = Qt.ItemDataRole.UserRole


class InspectionDialog(QDialog):
    def __init__(self, store, reader, actor, division_combo: QComboBox, parent=None):
        super().__init__(parent)
        self.store, self.reader, self.actor = store, reader, actor
        self.setWindowTitle(self.tr("New inspection record"))
        self.division = division_combo
        self.division.setItemText(0, self.tr("(choose the division)"))
        self.division.currentIndexChanged.connect(lambda _: self.fill_enterprises())
        self.enterprise = QComboBox(editable=True)
        self.enterprise.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.plan = QComboBox()
        self.inspector = QLineEdit(actor.display_name)
        self.inspected = QDateTimeEdit(QDateTime.currentDateTime(), displayFormat="yyyy-MM-dd HH:mm")
        self.checklist = QListWidget()
        for text in CHECKLIST:
            item = QListWidgetItem(tr_records(text))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.checklist.addItem(item)
        self.checklist.setMaximumHeight(150)
        self.findings = QPlainTextEdit()
        self.findings.setMaximumHeight(80)
        self.result = QLineEdit()
        self.hazard_text = QLineEdit()
        self.hazard_level = QComboBox()
        for code, label in HAZARD_LEVEL.items():
            self.hazard_level.addItem(tr_records(label), code)
        self.hazard_deadline = QDateTimeEdit(QDateTime.currentDateTime().addDays(15), displayFormat="yyyy-MM-dd")
        self.add_hazard_button = QPushButton(self.tr("Add hazard"), clicked=self.add_hazard)
        self.hazards = QListWidget()
        self.hazards.setMaximumHeight(90)
        self.error = QLabel(objectName="fieldError", wordWrap=True)
        self.error.setStyleSheet("color: #d32f2f")
        hazard_row = QHBoxLayout()
        hazard_row.addWidget(self.hazard_text, 1)
        hazard_row.addWidget(self.hazard_level)
        hazard_row.addWidget(self.hazard_deadline)
        hazard_row.addWidget(self.add_hazard_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Division"), self.division)
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Inspection plan"), self.plan)
        form.addRow(self.tr("Inspectors"), self.inspector)
        form.addRow(self.tr("Inspected at"), self.inspected)
        form.addRow(self.tr("Checklist (ticked = complies)"), self.checklist)
        form.addRow(self.tr("Findings"), self.findings)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Hazard found"), hazard_row)
        form.addRow("", self.hazards)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(760, 720)
        self.saved_id: str | None = None
        self.fill_enterprises()

    def fill_enterprises(self) -> None:
        self.enterprise.clear()
        self.plan.clear()
        self.plan.addItem(self.tr("(no plan)"), None)
        division = self.division.currentData()
        fill_enterprise_combo(self.enterprise, self.reader, division)
        if division is None:
            return
        for plan in enforcement.plans(self.reader, division):
            self.plan.addItem(f"{plan['name']} ({plan['done']}/{plan['planned']})", plan["id"])

    def add_hazard(self) -> None:
        text = self.hazard_text.text().strip()
        if not text:
            self.error.setText(self.tr("Hazard: describe it first."))
            return
        deadline = float(self.hazard_deadline.dateTime().toSecsSinceEpoch())
        item = QListWidgetItem(f"{text} · {self.hazard_level.currentText()} · {clock(deadline)[:10]}")
        item.setData(HAZARD_ROLE, (text, self.hazard_level.currentData(), deadline))
        self.hazards.addItem(item)
        self.hazard_text.clear()
        self.error.clear()

    def fields(self) -> InspectionFields:
        checklist = [(self.checklist.item(i).text(), self.checklist.item(i).checkState() == Qt.CheckState.Checked)
                     for i in range(self.checklist.count())]
        return InspectionFields(enterprise_id=self.enterprise.currentData(), inspector=self.inspector.text(),
                                inspected_at=float(self.inspected.dateTime().toSecsSinceEpoch()),
                                checklist=checklist, findings=self.findings.toPlainText(),
                                result=self.result.text(), plan_id=self.plan.currentData())

    def save(self) -> None:
        try:
            with self.store.transaction():
                inspection_id = enforcement.save_inspection(self.store, self.reader, self.actor, self.fields())
                for index in range(self.hazards.count()):
                    text, level, deadline = self.hazards.item(index).data(HAZARD_ROLE)
                    enforcement.add_hazard(self.store, self.actor, inspection_id, text, level, deadline)
        except (StoreError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.saved_id = inspection_id
        self.accept()
