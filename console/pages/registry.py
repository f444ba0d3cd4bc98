"""Registry page: the jurisdiction's enterprises (50,000+), searched and filtered in SQLite and
shown a block at a time; a detail panel; add and edit with the credit code checked."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from console.pages import QT_TRANSLATE_NOOP
from console.records.labels import INDUSTRY, SUPERVISION_LEVEL
from console.records.queries import ENTERPRISE_COLUMNS, EnterpriseFilter
from widgets.records_enterprise_detail import EnterpriseDetail
from widgets.records_enterprise_form import EnterpriseDialog
from widgets.records_page import RecordsPage, tr_records, translated
from widgets.records_table import Column, PagedModel, RecordsTable

SEARCH_DELAY_MS = 250
WALK_INDEX_ABOVE = 5_000  # rows; see RecordsReader.enterprises


class RegistryPage(RecordsPage):
    refresh_on_show = False  # keep the operator's scroll position; filters re-query
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        columns = (
            Column("credit_code", QT_TRANSLATE_NOOP("records", "Credit code")),
            Column("name", QT_TRANSLATE_NOOP("records", "Name")),
            Column("division", QT_TRANSLATE_NOOP("records", "Division"), self.division_name),
            Column("industry", QT_TRANSLATE_NOOP("records", "Industry"), translated(INDUSTRY)),
            Column("supervision_level", QT_TRANSLATE_NOOP("records", "Supervised by"),
                   translated(SUPERVISION_LEVEL)),
        )
        self.model = PagedModel(columns, ENTERPRISE_COLUMNS)
        self.table = RecordsTable(self.model)
        self.table.set_column_widths(175, 300, 90, 110, 80)
        self.table.stretch_column(1)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.division_filter = self.division_combo()
        self.industry_filter = QComboBox()
        self.level_filter = QComboBox()
        for combo, mapping in ((self.industry_filter, INDUSTRY), (self.level_filter, SUPERVISION_LEVEL)):
            combo.addItem("", None)
            for code in mapping:
                combo.addItem("", code)
        self.count_label = QLabel()
        self.add_button = QPushButton(clicked=self.add_enterprise)
        self.edit_button = QPushButton(clicked=self.edit_enterprise, enabled=False)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        for combo in (self.division_filter, self.industry_filter, self.level_filter):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.division_filter, 1)
        bar.addWidget(self.industry_filter, 1)
        bar.addWidget(self.level_filter, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        self.layout_.addLayout(bar)
        self.detail = EnterpriseDetail(self.reader, self.division_name)
        self.add_split(Qt.Orientation.Horizontal, self.table, self.detail, (3, 1))
        self.table.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.view.doubleClicked.connect(lambda _: self.edit_enterprise())
        self._retranslate()
        self.refresh()

    def current_filter(self) -> EnterpriseFilter:
        return EnterpriseFilter(self.search.text(), self.division_filter.currentData(),
                                self.industry_filter.currentData(), self.level_filter.currentData())

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Registry"))
        self.search.setPlaceholderText(self.tr("Search name or credit code"))
        self.retranslate_division_combo(self.division_filter)
        self.industry_filter.setItemText(0, self.tr("All industries"))
        self.level_filter.setItemText(0, self.tr("All supervision levels"))
        for combo, mapping in ((self.industry_filter, INDUSTRY), (self.level_filter, SUPERVISION_LEVEL)):
            for index, code in enumerate(mapping, start=1):
                combo.setItemText(index, tr_records(mapping[code]))
        self.add_button.setText(self.tr("Add enterprise…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.detail.retranslate()
        self._show_count()

    def refresh(self) -> None:
        """Count and show the first block of the current filter (later blocks load on scroll)."""
        flt = self.current_filter()
        count = self.reader.count_enterprises(flt)
        walk_index = count > WALK_INDEX_ABOVE
        self.model.set_query(count, lambda limit, offset: self.reader.enterprises(flt, limit, offset, walk_index))
        self._show_count()
        self._selection_changed()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Enterprises: %1").replace("%1", f"{self.model.rowCount():,}"))

    def selected_id(self) -> str | None:
        row = self.table.selected_row()
        return None if row is None else self.model.row_dict(row)["id"]

    def _selection_changed(self) -> None:
        enterprise_id = self.selected_id()
        self.edit_button.setEnabled(enterprise_id is not None)
        self.detail.show_enterprise(enterprise_id)

    def show_enterprise(self, enterprise_id: str) -> bool:
        """Find one enterprise by its credit code and select it (the alarm console's "open in
        registry"); False when it is not in this node's jurisdiction."""
        enterprise = self.reader.enterprise(enterprise_id)
        if enterprise is None:
            return False
        for combo in (self.division_filter, self.industry_filter, self.level_filter):
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
        return EnterpriseDialog(self.store, self.reader, self.context.divisions, self.division_combo(),
                                enterprise, self, actor=self.context.actor)
