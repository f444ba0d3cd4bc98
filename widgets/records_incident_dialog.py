"""Register an incident as the call comes in: where (an enterprise or coordinates), when it
happened and when the enterprise's leader learned of it, casualties and loss. The class is
computed from the figures as they are typed (Order No. 493), never picked."""
from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QLabel, QLineEdit, QSpinBox)

from console.operators.permissions import PermissionDenied
from console.records.accident_class import Casualties, accident_class
from console.records.incidents import HEBEI_LAT, HEBEI_LON, Location, register_incident
from console.records.labels import ACCIDENT_CLASS, INCIDENT_KIND
from server_link.local_store import StoreError
from widgets.records_page import tr_records

MAX_LOSS_10K = 10_000_000.0  # 10,000 CNY units: 100 billion CNY


class CasualtyFields:
    """Deaths, serious injuries and direct loss (in 10,000 CNY), and the class they give,
    recomputed as they are typed."""

    def __init__(self) -> None:
        self.deaths, self.injuries = QSpinBox(maximum=100000), QSpinBox(maximum=100000)
        self.loss = QDoubleSpinBox(maximum=MAX_LOSS_10K, decimals=1, suffix=" 万元")
        self.accident_class = QLabel(objectName="computedClass")
        self.accident_class.setStyleSheet("font-weight: bold")
        for field in (self.deaths, self.injuries, self.loss):
            field.valueChanged.connect(lambda _: self.show_class())

    def casualties(self) -> Casualties:
        return Casualties(self.deaths.value(), self.injuries.value(), self.loss.value() * 10_000)

    def show_class(self) -> None:
        self.accident_class.setText(tr_records(ACCIDENT_CLASS[accident_class(self.casualties())]))


def fill_enterprise_combo(combo: QComboBox, reader, division: str | None, limit: int = 500) -> None:
    """The enterprises of a division by name (the first `limit`), data = id."""
    if division is None:
        return
    for row in reader.rows("enterprise", "name", where="division = ?", params=(division,), limit=limit):
        combo.addItem(row["name"], row["id"])


class IncidentDialog(CasualtyFields, QDialog):
    def __init__(self, store, reader, actor, division_combo: QComboBox, parent=None, drill_id: str | None = None):
        """`drill_id`: a drill this node takes part in runs, so the incident is registered as the drill's."""
        QDialog.__init__(self, parent)
        CasualtyFields.__init__(self)
        self.store, self.reader, self.actor, self.drill_id = store, reader, actor, drill_id
        self.setWindowTitle(self.tr("Register drill incident") if drill_id else self.tr("Register incident"))
        self.title = QLineEdit()
        self.kind = QComboBox()
        for code, label in INCIDENT_KIND.items():
            self.kind.addItem(tr_records(label), code)
        self.division = division_combo
        self.division.setItemText(0, self.tr("(choose the division)"))
        self.division.currentIndexChanged.connect(lambda _: self.fill_enterprises())
        self.enterprise = QComboBox(editable=True)
        self.enterprise.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lon = QDoubleSpinBox(minimum=HEBEI_LON[0], maximum=HEBEI_LON[1], decimals=5, value=114.5)
        self.lat = QDoubleSpinBox(minimum=HEBEI_LAT[0], maximum=HEBEI_LAT[1], decimals=5, value=38.04)
        self.address = QLineEdit()
        now = QDateTime.currentDateTime()
        self.occurred = QDateTimeEdit(now, displayFormat="yyyy-MM-dd HH:mm")
        self.learned_known = QCheckBox(self.tr("The enterprise's leader learned of it at"), checked=True)
        self.learned = QDateTimeEdit(now, displayFormat="yyyy-MM-dd HH:mm")
        self.received = QDateTimeEdit(now, displayFormat="yyyy-MM-dd HH:mm")
        self.received_known = QCheckBox(self.tr("The enterprise has reported to the county at"), checked=True)
        self.error = QLabel(objectName="fieldError", wordWrap=True)
        self.error.setStyleSheet("color: #d32f2f")
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Division"), self.division)
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Or longitude"), self.lon)
        form.addRow(self.tr("and latitude"), self.lat)
        form.addRow(self.tr("Place"), self.address)
        form.addRow(self.tr("Deaths"), self.deaths)
        form.addRow(self.tr("Serious injuries"), self.injuries)
        form.addRow(self.tr("Direct loss"), self.loss)
        form.addRow(self.tr("Class (Order No. 493)"), self.accident_class)
        form.addRow(self.tr("Occurred at"), self.occurred)
        form.addRow(self.learned_known, self.learned)
        form.addRow(self.received_known, self.received)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.saved_id: str | None = None
        self.fill_enterprises()
        self.show_class()

    def fill_enterprises(self) -> None:
        self.enterprise.clear()
        self.enterprise.addItem(self.tr("(none: use the coordinates)"), None)
        fill_enterprise_combo(self.enterprise, self.reader, self.division.currentData())

    def save(self) -> None:
        division = self.division.currentData()
        if division is None:
            self.error.setText(self.tr("Division: choose where the accident happened."))
            return

        def stamp(edit: QDateTimeEdit, known: QCheckBox) -> float | None:
            return float(edit.dateTime().toSecsSinceEpoch()) if known.isChecked() else None
        enterprise_id = self.enterprise.currentData()
        where = Location(enterprise_id, None if enterprise_id else self.lon.value(),
                         None if enterprise_id else self.lat.value(), self.address.text())
        try:
            self.saved_id = register_incident(
                self.store, self.reader, self.actor, division, self.title.text(), self.kind.currentData(), where,
                self.casualties(), float(self.occurred.dateTime().toSecsSinceEpoch()),
                stamp(self.learned, self.learned_known), stamp(self.received, self.received_known),
                drill_id=self.drill_id)
        except (StoreError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class FollowUpDialog(CasualtyFields, QDialog):
    """A follow-up report: the casualties and loss as now known; the new class shows as typed."""

    def __init__(self, incident: dict, parent=None):
        QDialog.__init__(self, parent)
        CasualtyFields.__init__(self)
        self.setWindowTitle(self.tr("Follow-up report: %1").replace("%1", incident["title"]))
        self.deaths.setValue(incident.get("deaths") or 0)
        self.injuries.setValue(incident.get("serious_injuries") or 0)
        self.loss.setValue((incident.get("direct_loss") or 0.0) / 10_000)
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Deaths"), self.deaths)
        form.addRow(self.tr("Serious injuries"), self.injuries)
        form.addRow(self.tr("Direct loss"), self.loss)
        form.addRow(self.tr("Class (Order No. 493)"), self.accident_class)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.show_class()
