"""The selected enterprise: identity and contacts, its audit state (which fields wait for
review, why it was returned), its history (who changed what, when), its major hazard sources
(R and grade) and tailings ponds."""
from __future__ import annotations

import json

from PySide6.QtWidgets import QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from domain.translatable import QT_TRANSLATE_NOOP
from console.records.labels import AUDIT_STATE, ENTERPRISE_FIELD, HISTORY_ACTION, INDUSTRY, SUPERVISION_LEVEL, clock
from widgets.records_page import tr_records, translated
from widgets.records_table import Column, RecordsTable, RowsModel

HAZARD_SOURCE_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("records", "Major hazard source")),
    Column("r_value", QT_TRANSLATE_NOOP("records", "R"), lambda v: f"{v:.1f}"),
    Column("grade", QT_TRANSLATE_NOOP("records", "Grade")),
)
POND_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("records", "Tailings pond")),
    Column("grade", QT_TRANSLATE_NOOP("records", "Grade")),
)
FIELDS = ("name", "credit_code", "division", "industry", "supervision_level", "address", "legal_representative",
          "contact", "phone", "audit_state", "pending_fields", "audit_note")


def field_names(keys) -> str:
    """Translated field names, comma separated."""
    return "、".join(tr_records(ENTERPRISE_FIELD.get(key, key)) for key in keys)


def _changes(text: str | None) -> str:
    changes = json.loads(text or "{}")
    return "; ".join(f"{tr_records(ENTERPRISE_FIELD.get(key, key))}: {old if old is not None else '—'} → {new}"
                     for key, (old, new) in changes.items())


def _what(entry: dict) -> str:
    """A history entry's changes, the fields an approval accepted, or a return's reason."""
    if entry["changes"]:
        return _changes(entry["changes"])
    if entry["action"] == "approved" and entry["note"]:
        return field_names(entry["note"].split(", "))
    return entry["note"] or ""


HISTORY_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("records", "Time"), clock),
    Column("who", QT_TRANSLATE_NOOP("records", "Who")),
    Column("action", QT_TRANSLATE_NOOP("records", "Action"), translated(HISTORY_ACTION)),
    Column("what", QT_TRANSLATE_NOOP("records", "What")),
)


class EnterpriseDetail(QWidget):
    def __init__(self, reader, division_name, parent=None):
        super().__init__(parent)
        self.reader, self.division_name = reader, division_name
        self.placeholder = QLabel(wordWrap=True)
        self.captions = {key: QLabel() for key in FIELDS}
        self.values = {key: QLabel(wordWrap=True) for key in FIELDS}
        form = QFormLayout()
        for key in FIELDS:
            form.addRow(self.captions[key], self.values[key])
        none = QT_TRANSLATE_NOOP("records", "None recorded")
        self.sources = RecordsTable(RowsModel(HAZARD_SOURCE_COLUMNS), empty_text=none)
        self.ponds = RecordsTable(RowsModel(POND_COLUMNS), empty_text=none)
        for table in (self.sources, self.ponds):
            table.stretch_column(0)
        self.history = RecordsTable(RowsModel(HISTORY_COLUMNS), empty_text=none)
        self.history.set_column_widths(140, 135, 70)
        self.history.stretch_column(3)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(form)
        self.tabs = QTabWidget()  # one pane below the fields: a short screen still shows a few rows
        for table in (self.history, self.sources, self.ponds):
            self.tabs.addTab(table, "")
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body, 1)
        self.enterprise: dict | None = None
        self.show_enterprise(None)

    def retranslate(self) -> None:
        captions = (self.tr("Name"), self.tr("Credit code"), self.tr("Division"), self.tr("Industry"),
                    self.tr("Supervised by"), self.tr("Address"), self.tr("Legal representative"),
                    self.tr("Contact"), self.tr("Phone"), self.tr("Audit"), self.tr("Awaiting review"),
                    self.tr("Returned because"))
        for key, text in zip(FIELDS, captions):
            self.captions[key].setText(text)
        self.placeholder.setText(self.tr("Select an enterprise to see its contacts, hazard sources and ponds."))
        for index, text in enumerate((self.tr("History"), self.tr("Major hazard sources"), self.tr("Tailings ponds"))):
            self.tabs.setTabText(index, text)
        self.show_enterprise(self.enterprise["id"] if self.enterprise else None)

    def show_enterprise(self, enterprise_id: str | None) -> None:
        self.enterprise = self.reader.enterprise(enterprise_id) if enterprise_id else None
        self.placeholder.setVisible(self.enterprise is None)
        self.body.setVisible(self.enterprise is not None)
        if self.enterprise is None:
            return
        shows = {"division": self.division_name, "industry": translated(INDUSTRY),
                 "supervision_level": translated(SUPERVISION_LEVEL), "audit_state": translated(AUDIT_STATE),
                 "pending_fields": lambda value: field_names(json.loads(value)) if value else "—"}
        for key in FIELDS:
            value = self.enterprise.get(key)
            self.values[key].setText(shows[key](value) if key in shows else (value or "—"))
        self.history.model.set_rows([
            dict(row, who=f"{row['actor']} ({self.division_name(row['node'])})", what=_what(row))
            for row in reversed(self.reader.enterprise_rows("enterprise_history", enterprise_id, "at, rowid"))])
        self.sources.model.set_rows(self.reader.children_of("hazard_source", enterprise_id))
        self.ponds.model.set_rows(self.reader.children_of("tailings_pond", enterprise_id))
