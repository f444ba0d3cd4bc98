"""Registry page: the jurisdiction's enterprises (50,000+), searched and filtered in SQLite and
shown a block at a time; a detail panel with the history; add and edit with the credit code
checked; the audit queue (approve, return with a reason) with counts per audit state; import
from xlsx/CSV, export of the filtered list; completeness statistics per division."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTabWidget)

from console.operators.permissions import Action, Actor, PermissionDenied
from domain.translatable import QT_TRANSLATE_NOOP
from console.records import registry
from console.records.labels import AUDIT_STATE, INDUSTRY, SUPERVISION_LEVEL
from console.records.queries import ENTERPRISE_COLUMNS, EnterpriseFilter, RecordsReader
from console.records.registry_export import export_xlsx
from console.records.registry_stats import completeness
from server_link.local_store import StoreError
from console.services.page_jobs import start_job
from widgets.records_enterprise_detail import EnterpriseDetail
from widgets.records_enterprise_form import EnterpriseDialog
from widgets.records_page import RecordsPage, tr_records, translated
from widgets.records_table import Column, PagedModel, RecordsTable
from widgets.registry_completeness import CompletenessView
from widgets.registry_import_dialog import RegistryImportDialog

ERROR_STYLE = "color: #d32f2f"


def _with_reader(path: Path, node: str, work):
    """`work(reader)` on a reader of its own: a worker thread never shares the page's connection."""
    reader = RecordsReader(path, node)
    try:
        return work(reader)
    finally:
        reader.close()

SEARCH_DELAY_MS = 250
WALK_INDEX_ABOVE = 5_000  # rows; see RecordsReader.enterprises


class RegistryPage(RecordsPage):
    refresh_on_show = False  # keep the operator's scroll position; filters re-query
    @property
    def actor(self) -> Actor:
        """Whoever holds the seat now (the seat can change hands while the page is open)."""
        return self.context.actor

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        # Until the operators work provides context.actor, the console's operator reviews too.
        columns = (
            Column("credit_code", QT_TRANSLATE_NOOP("records", "Credit code")),
            Column("name", QT_TRANSLATE_NOOP("records", "Name")),
            Column("division", QT_TRANSLATE_NOOP("records", "Division"), self.division_name),
            Column("industry", QT_TRANSLATE_NOOP("records", "Industry"), translated(INDUSTRY)),
            Column("supervision_level", QT_TRANSLATE_NOOP("records", "Supervised by"),
                   translated(SUPERVISION_LEVEL)),
            Column("audit_state", QT_TRANSLATE_NOOP("records", "Audit"), translated(AUDIT_STATE)),
        )
        self.model = PagedModel(columns, ENTERPRISE_COLUMNS)
        self.table = RecordsTable(self.model)
        self.table.set_column_widths(175, 300, 90, 110, 80, 90)
        self.table.stretch_column(1)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.division_filter = self.division_combo()
        self.industry_filter = QComboBox()
        self.level_filter = QComboBox()
        self.audit_filter = QComboBox()
        for combo, mapping in ((self.industry_filter, INDUSTRY), (self.level_filter, SUPERVISION_LEVEL),
                               (self.audit_filter, AUDIT_STATE)):
            combo.addItem("", None)
            for code in mapping:
                combo.addItem("", code)
        self.count_label = QLabel()
        self.audit_counts = QLabel()
        self.add_button = QPushButton(clicked=self.add_enterprise)
        self.edit_button = QPushButton(clicked=self.edit_enterprise, enabled=False)
        self.approve_button = QPushButton(clicked=self.approve_selected, enabled=False)
        self.return_button = QPushButton(clicked=self._ask_return, enabled=False)
        self.import_button = QPushButton(clicked=lambda: self.import_dialog().exec())
        self.export_button = QPushButton(clicked=self._ask_export)
        self.message = QLabel(wordWrap=True)
        self.refusals = QLabel(wordWrap=True)
        self.refusals.setStyleSheet(ERROR_STYLE)
        self._export_job = self._stats_job = None
        self._stats_stale = False
        self._counts: dict[str, int] = {}
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        for combo in (self.division_filter, self.industry_filter, self.level_filter, self.audit_filter):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for combo in (self.division_filter, self.industry_filter, self.level_filter, self.audit_filter):
            bar.addWidget(combo, 1)
        bar.addWidget(self.count_label)
        self.layout_.addLayout(bar)
        actions = QHBoxLayout()
        actions.addWidget(self.audit_counts)
        actions.addWidget(self.message, 1)
        for button in (self.add_button, self.edit_button, self.approve_button, self.return_button,
                       self.import_button, self.export_button):
            actions.addWidget(button)
        self.layout_.addLayout(actions)
        self.layout_.addWidget(self.refusals)
        self.detail = EnterpriseDetail(self.reader, self.division_name)
        self.tabs = QTabWidget()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.completeness = CompletenessView(self.division_name)
        self.tabs.addTab(split, "")
        self.tabs.addTab(self.completeness, "")
        self.tabs.currentChanged.connect(lambda _: self._refresh_completeness())
        self.layout_.addWidget(self.tabs, 1)
        self.table.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.view.doubleClicked.connect(lambda _: self.edit_enterprise())
        self._retranslate()
        self.refresh()

    def current_filter(self) -> EnterpriseFilter:
        return EnterpriseFilter(self.search.text(), self.division_filter.currentData(),
                                self.industry_filter.currentData(), self.level_filter.currentData(),
                                self.audit_filter.currentData())

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Registry"))
        self.search.setPlaceholderText(self.tr("Search name or credit code"))
        self.retranslate_division_combo(self.division_filter)
        self.industry_filter.setItemText(0, self.tr("All industries"))
        self.level_filter.setItemText(0, self.tr("All supervision levels"))
        self.audit_filter.setItemText(0, self.tr("All audit states"))
        for combo, mapping in ((self.industry_filter, INDUSTRY), (self.level_filter, SUPERVISION_LEVEL),
                               (self.audit_filter, AUDIT_STATE)):
            for index, code in enumerate(mapping, start=1):
                combo.setItemText(index, tr_records(mapping[code]))
        self.add_button.setText(self.tr("Add enterprise…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return…"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.tabs.setTabText(0, self.tr("Enterprises"))
        self.tabs.setTabText(1, self.tr("Completeness"))
        self.detail.retranslate()
        self.completeness.retranslate()
        self._show_count()
        self._show_audit_counts()
        self._show_refusals()

    def refresh(self) -> None:
        """Count and show the first block of the current filter (later blocks load on scroll)."""
        flt = self.current_filter()
        self._counts = self.reader.audit_counts(flt)  # one pass gives the row count too
        count = self._counts.get(flt.audit_state, 0) if flt.audit_state else sum(self._counts.values())
        walk_index = count > WALK_INDEX_ABOVE
        self.model.set_query(count, lambda limit, offset: self.reader.enterprises(flt, limit, offset, walk_index))
        self._show_count()
        self._show_audit_counts()
        self._show_refusals()
        self._selection_changed()
        self._refresh_completeness()

    def _show_audit_counts(self) -> None:
        self.audit_counts.setText("  ·  ".join(f"{tr_records(label)} {self._counts.get(state, 0):,}"
                                               for state, label in AUDIT_STATE.items()))

    def _show_refusals(self) -> None:
        """Enterprise entries the backend refused (a code another county holds): say so here."""
        refused = registry.refused_entries(self.store)
        self.refusals.setVisible(bool(refused))
        if refused:
            lines = [self.tr("Refused by the backend: %1 %2 — %3").replace("%1", r.credit_code)
                     .replace("%2", r.name).replace("%3", r.reason) for r in refused[:3]]
            if len(refused) > 3:
                lines.append(self.tr("… and %1 more").replace("%1", str(len(refused) - 3)))
            self.refusals.setText("\n".join(lines))

    def _refresh_completeness(self) -> None:
        """Recompute the statistics on the thread pool (a scan of every enterprise: 0.3 s at 50,000)."""
        if self.tabs.currentWidget() is not self.completeness:
            return
        if self._stats_job is not None:
            self._stats_stale = True
            return
        path, node, divisions = self.store.path, self.node, self.context.divisions
        self._stats_stale = False
        self._stats_job = start_job(lambda _report: _with_reader(path, node, lambda reader: completeness(
            reader, divisions, node)), self._stats_done)

    def is_computing(self) -> bool:
        return self._stats_job is not None

    def _stats_done(self, result) -> None:
        self._stats_job = None
        if isinstance(result, Exception):
            self._say(str(result), error=True)
        else:
            self.completeness.show_stats(*result)
        if self._stats_stale:
            self._refresh_completeness()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Enterprises: %1").replace("%1", f"{self.model.rowCount():,}"))

    def selected_id(self) -> str | None:
        row = self.table.selected_row()
        return None if row is None else self.model.row_dict(row)["id"]

    def _selection_changed(self) -> None:
        enterprise_id = self.selected_id()
        self.edit_button.setEnabled(enterprise_id is not None)
        self.detail.show_enterprise(enterprise_id)
        enterprise = self.detail.enterprise
        reviewable = (enterprise is not None and enterprise["audit_state"] == "pending"
                      and self.actor.may(Action.APPROVE_REGISTRY)
                      and registry.reviews(self.context.divisions, self.actor.node, enterprise["division"]))
        self.approve_button.setEnabled(reviewable)
        self.return_button.setEnabled(reviewable)

    def approve_selected(self) -> None:
        self._review(lambda enterprise_id: registry.approve(self.store, self.actor, self.context.divisions,
                                                           enterprise_id))

    def return_selected(self, reason: str) -> None:
        self._review(lambda enterprise_id: registry.return_for_correction(
            self.store, self.actor, self.context.divisions, enterprise_id, reason))

    def _ask_return(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Return for correction"),
                                          self.tr("Why does the entry go back?"))
        if ok:
            self.return_selected(reason)

    def _review(self, decide) -> None:
        """Approve or return the selected enterprise; the queue re-reads once it is stored."""
        enterprise_id = self.selected_id()
        if enterprise_id is None:
            return
        try:
            decide(enterprise_id)
        except (StoreError, PermissionDenied) as exc:
            self._say(str(exc), error=True)
            return
        self._say("")
        row = self.table.selected_row()
        self.refresh()
        if self.model.rowCount():
            self.table.view.selectRow(min(row, self.model.rowCount() - 1))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def import_dialog(self) -> RegistryImportDialog:
        dialog = RegistryImportDialog(self.store, self.reader, self.context.divisions, self.actor, self)
        dialog.stored.connect(self.refresh)
        return dialog

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export enterprises"), "企业档案.xlsx",
                                              self.tr("Spreadsheets (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the filtered list to xlsx on the thread pool; the page says when it is written."""
        flt = self.current_filter()
        self.export_button.setEnabled(False)
        self._say(self.tr("Exporting…"))
        store_path, node = self.store.path, self.node
        self._export_job = start_job(lambda _report: _with_reader(store_path, node, lambda reader: export_xlsx(
            reader, flt, path)), lambda result: self._exported(path, result))

    def is_exporting(self) -> bool:
        return self._export_job is not None

    def _exported(self, path: Path, result) -> None:
        self._export_job = None
        self.export_button.setEnabled(True)
        if isinstance(result, Exception):
            self._say(self.tr("Export failed: %1").replace("%1", str(result)), error=True)
        else:
            self._say(self.tr("Exported %1 enterprises to %2").replace("%1", f"{result:,}").replace("%2", str(path)))

    def show_enterprise(self, enterprise_id: str) -> bool:
        """Find one enterprise by its credit code and select it (the alarm console's "open in
        registry"); False when it is not in this node's jurisdiction."""
        enterprise = self.reader.enterprise(enterprise_id)
        if enterprise is None:
            return False
        for combo in (self.division_filter, self.industry_filter, self.level_filter, self.audit_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.setText(enterprise["credit_code"])
        self.search.blockSignals(False)
        self.refresh()
        self.table.view.selectRow(0)
        return True

    def add_enterprise(self) -> None:
        self._open_dialog(None)

    def edit_enterprise(self) -> None:
        enterprise_id = self.selected_id()
        if enterprise_id is not None:
            self._open_dialog(self.reader.enterprise(enterprise_id))

    def _open_dialog(self, enterprise: dict | None) -> None:
        dialog = self.enterprise_dialog(enterprise)
        if dialog.exec():
            self.refresh()
            self.detail.show_enterprise(dialog.saved_id)

    def enterprise_dialog(self, enterprise: dict | None) -> EnterpriseDialog:
        return EnterpriseDialog(self.store, self.reader, self.context.divisions, self.actor, self.division_combo(),
                                enterprise, self)
