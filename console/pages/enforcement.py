"""Enforcement page: hazards with rectification deadlines (overdue and late rectifications in
red, status forward only), inspection plans with their progress, inspection records with
where they were written (console or mobile terminal, and the node), the inspection form and
the enforcement documents issued on a record."""
from __future__ import annotations

import time

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from console.operators.permissions import PermissionDenied
from domain.translatable import QT_TRANSLATE_NOOP
from console.records import enforcement
from console.records.documents import document_html
from console.records.labels import DOCUMENT_KIND, HAZARD_LEVEL, HAZARD_STATUS, PLAN_KIND_LABEL, RECORD_SOURCE, clock
from server_link.local_store import StoreError
from widgets.pdf_document import DocumentDialog
from widgets.records_inspection_dialog import InspectionDialog
from widgets.records_plan_dialog import PlanDialog
from widgets.records_page import RecordsPage, tr_records, translated
from widgets.records_table import Column, RecordsTable, RowsModel

PLAN_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("records", "Inspection plan")),
    Column("kind", QT_TRANSLATE_NOOP("records", "Kind"), translated(PLAN_KIND_LABEL)),
    Column("year", QT_TRANSLATE_NOOP("records", "Year")),
    Column("planned", QT_TRANSLATE_NOOP("records", "Planned inspections")),
    Column("done", QT_TRANSLATE_NOOP("records", "Done")),
)


def _tab(table: QWidget, *actions) -> QWidget:
    """A tab: the table, and a row of actions under it (a widget, or (widget, stretch))."""
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.addWidget(table, 1)
    row = QHBoxLayout()
    for action in actions:
        widget, stretch = action if isinstance(action, tuple) else (action, 0)
        row.addWidget(widget, stretch)
    layout.addLayout(row)
    return tab


class EnforcementPage(RecordsPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        division = Column("division", QT_TRANSLATE_NOOP("records", "Division"), self.division_name)
        hazard_columns = (
            Column("deadline", QT_TRANSLATE_NOOP("records", "Rectification deadline"), clock),
            Column("status", QT_TRANSLATE_NOOP("records", "Status"), translated(HAZARD_STATUS)),
            Column("level", QT_TRANSLATE_NOOP("records", "Level"), translated(HAZARD_LEVEL)),
            Column("enterprise", QT_TRANSLATE_NOOP("records", "Enterprise")),
            division,
            Column("source", QT_TRANSLATE_NOOP("records", "Written on"), translated(RECORD_SOURCE)),
            Column("description", QT_TRANSLATE_NOOP("records", "Hazard")),
        )
        record_columns = (
            Column("inspected_at", QT_TRANSLATE_NOOP("records", "Inspected"), clock),
            Column("enterprise", QT_TRANSLATE_NOOP("records", "Enterprise")),
            division,
            Column("inspector", QT_TRANSLATE_NOOP("records", "Inspector")),
            Column("result", QT_TRANSLATE_NOOP("records", "Result")),
            Column("source", QT_TRANSLATE_NOOP("records", "Written on"), translated(RECORD_SOURCE)),
            Column("origin_node", QT_TRANSLATE_NOOP("records", "By node"), self.division_name),
        )
        self.hazards = RecordsTable(RowsModel(hazard_columns, lambda row: enforcement.is_late(row, time.time())))
        self.hazards.set_column_widths(150, 90, 100, 330, 100, 100)
        self.plans = RecordsTable(RowsModel((division, *PLAN_COLUMNS)))
        self.plans.set_column_widths(110, 360, 80)
        self.records = RecordsTable(RowsModel(record_columns))
        self.records.set_column_widths(150, 330, 100, 90)

        self.division_filter = self.division_combo()
        self.division_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.open_only = QCheckBox(checked=True, toggled=lambda _: self.refresh())
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #d32f2f; font-weight: bold")
        bar = QHBoxLayout()
        self.division_caption = QLabel()
        bar.addWidget(self.division_caption)
        bar.addWidget(self.division_filter)
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        bar.addWidget(self.overdue_label)
        self.layout_.addLayout(bar)

        self.next_status = QComboBox()
        self.advance_button = QPushButton(clicked=self.advance_selected)
        self.advance_hint = QLabel()
        self.advance_error = QLabel()
        self.advance_error.setStyleSheet("color: #d32f2f")
        hazards_tab = _tab(self.hazards, self.advance_hint, self.next_status, self.advance_button,
                           (self.advance_error, 1))
        self.tabs = QTabWidget()
        self.new_inspection_button = QPushButton(clicked=self.new_inspection)
        self.document_kind = QComboBox()
        for code in DOCUMENT_KIND:
            self.document_kind.addItem("", code)
        self.document_button = QPushButton(clicked=self.issue_document)
        self.records_error = QLabel()
        self.records_error.setStyleSheet("color: #d32f2f")
        records_tab = _tab(self.records, self.new_inspection_button, self.document_kind, self.document_button,
                           (self.records_error, 1))
        self.new_plan_button = QPushButton(clicked=lambda: self.edit_plan(None))
        self.edit_plan_button = QPushButton(clicked=self.edit_selected_plan)
        plans_tab = _tab(self.plans, self.new_plan_button, self.edit_plan_button, (QWidget(), 1))
        for widget in (hazards_tab, plans_tab, records_tab):
            self.tabs.addTab(widget, "")
        self.layout_.addWidget(self.tabs, 1)
        self.hazards.view.selectionModel().selectionChanged.connect(lambda *_: self._offer_next_statuses())
        self.hazard_total = 0
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Enforcement"))
        self.division_caption.setText(self.tr("Division"))
        self.retranslate_division_combo(self.division_filter)
        self.open_only.setText(self.tr("Only hazards not yet rectified, or rectified late"))
        self.new_inspection_button.setText(self.tr("New inspection…"))
        self.new_plan_button.setText(self.tr("New plan…"))
        self.edit_plan_button.setText(self.tr("Edit the selected plan…"))
        self.document_button.setText(self.tr("Issue for the selected record…"))
        for index, code in enumerate(DOCUMENT_KIND):
            self.document_kind.setItemText(index, tr_records(DOCUMENT_KIND[code]))
        for index, title in enumerate((self.tr("Hazards"), self.tr("Inspection plans"),
                                       self.tr("Inspection records"))):
            self.tabs.setTabText(index, title)
        self.advance_hint.setText(self.tr("Move selected hazard to"))
        self.advance_button.setText(self.tr("Apply"))
        self._show_overdue()
        self._offer_next_statuses()

    def refresh(self) -> None:
        division = self.division_filter.currentData()
        rows, self.hazard_total = enforcement.hazards(self.reader, division, self.open_only.isChecked())
        self.hazards.model.set_rows(rows)
        self.plans.model.set_rows(enforcement.plans(self.reader, division))
        self.records.model.set_rows(enforcement.inspection_records(self.reader, division))
        self._show_overdue()
        self._offer_next_statuses()

    def _show_overdue(self) -> None:
        overdue = enforcement.overdue_count(self.reader, self.division_filter.currentData(), time.time())
        text = self.tr("Overdue hazards: %1").replace("%1", str(overdue)) if overdue else ""
        shown = self.hazards.model.rowCount()
        if shown < self.hazard_total:
            text = self.tr("Showing the %1 earliest deadlines of %2").replace("%1", str(shown)) \
                .replace("%2", str(self.hazard_total)) + ("  ·  " + text if text else "")
        self.overdue_label.setText(text)

    def selected_hazard(self) -> dict | None:
        row = self.hazards.selected_row()
        return None if row is None else self.hazards.model.rows[row]

    def _offer_next_statuses(self) -> None:
        hazard = self.selected_hazard()
        self.next_status.clear()
        for status in enforcement.next_statuses(hazard["status"]) if hazard else ():
            self.next_status.addItem(tr_records(HAZARD_STATUS[status]), status)
        self.next_status.setEnabled(self.next_status.count() > 0)
        self.advance_button.setEnabled(self.next_status.count() > 0)

    def advance_selected(self) -> None:
        hazard = self.selected_hazard()
        if hazard is None or self.next_status.currentData() is None:
            return
        try:
            enforcement.advance(self.store, self.context.actor, hazard["id"], self.next_status.currentData())
        except (StoreError, PermissionDenied) as exc:
            self.advance_error.setText(str(exc))
            return
        self.advance_error.clear()
        row = self.hazards.selected_row()
        self.refresh()
        if row is not None and row < self.hazards.model.rowCount():
            self.hazards.view.selectRow(row)

    def new_inspection(self) -> None:
        dialog = InspectionDialog(self.store, self.reader, self.context.actor, self.division_combo(), self)
        if dialog.exec():
            self.refresh()

    def document_dialog(self) -> DocumentDialog | None:
        """Number and store a document of the chosen kind on the selected record, then show it."""
        index = self.records.selected_row()
        if index is None:
            self.records_error.setText(self.tr("Select an inspection record first."))
            return None
        try:
            document_id = enforcement.issue_document(self.store, self.reader, self.context.actor,
                                                     self.records.model.rows[index]["id"],
                                                     self.document_kind.currentData())
        except (StoreError, PermissionDenied) as exc:
            self.records_error.setText(str(exc))
            return None
        self.records_error.clear()
        document = self.store.get("enforcement_document", document_id)
        html = document_html(self.reader, self.context.divisions, document)
        return DocumentDialog(html, document["number"], f"{document['number']}.pdf", self)

    def issue_document(self) -> None:
        dialog = self.document_dialog()
        if dialog is not None:
            dialog.exec()

    def plan_dialog(self, plan: dict | None) -> PlanDialog:
        return PlanDialog(self.store, self.reader, self.context.actor, self.division_combo(), plan, self)

    def edit_plan(self, plan: dict | None) -> None:
        if self.plan_dialog(plan).exec():
            self.refresh()

    def edit_selected_plan(self) -> None:
        index = self.plans.selected_row()
        if index is not None:
            self.edit_plan(self.plans.model.rows[index])
