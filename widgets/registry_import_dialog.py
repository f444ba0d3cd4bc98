"""Import enterprises from xlsx/CSV: check the file off the GUI thread with a progress bar,
list every bad row (row, column, reason), then store all rows — or only the good ones when the
operator ticks that — also off the GUI thread. The dialog says "stored" only after the
store's transaction committed."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QVBoxLayout)

from domain.translatable import QT_TRANSLATE_NOOP
from console.records.registry_import import REASONS, Validation, store_rows, validate
from console.services.page_jobs import start_job
from widgets.records_page import tr_records
from widgets.records_table import Column, RecordsTable, RowsModel

ERROR_COLUMNS = (
    Column("row", QT_TRANSLATE_NOOP("records", "Row")),
    Column("column", QT_TRANSLATE_NOOP("records", "Column")),
    Column("reason", QT_TRANSLATE_NOOP("records", "Reason")),
)


class RegistryImportDialog(QDialog):
    stored = Signal()  # rows were committed: the page re-reads

    def __init__(self, store, reader, divisions, actor, parent=None):
        super().__init__(parent)
        self.store, self.reader, self.divisions, self.actor = store, reader, divisions, actor
        self.validation: Validation | None = None
        self._job = None
        self.setMinimumSize(760, 520)
        self.choose_button = QPushButton(clicked=self._choose)
        self.path_label = QLabel(wordWrap=True)
        self.progress = QProgressBar()
        self.summary = QLabel(wordWrap=True)
        self.errors = RecordsTable(RowsModel(ERROR_COLUMNS), empty_text=QT_TRANSLATE_NOOP("records", "No bad rows"))
        self.errors.set_column_widths(70, 150)
        self.errors.stretch_column(2)
        self.good_only = QCheckBox(toggled=lambda _: self._update_buttons())
        self.import_button = QPushButton(clicked=self.store_file)
        self.close_button = QPushButton(clicked=self.reject)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.path_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.good_only)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors, 1)
        layout.addLayout(buttons)
        self.setWindowTitle(self.tr("Import enterprises"))
        self.choose_button.setText(self.tr("Choose file…"))
        self.path_label.setText(self.tr("An xlsx or CSV (UTF-8 or GBK) file with the columns %1.")
                                .replace("%1", "统一社会信用代码, 企业名称, 行政区划代码, 行业类别, 监管层级, 地址, "
                                               "法定代表人, 联系电话, 经度, 纬度"))
        self.good_only.setText(self.tr("Import only the good rows"))
        self.import_button.setText(self.tr("Import"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()

    def is_busy(self) -> bool:
        return self._job is not None

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import enterprises"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path:
            self.check_file(Path(path))

    def check_file(self, path: Path) -> None:
        """Validate `path` on the thread pool; the result shows when it is done."""
        self.validation = None
        self.path_label.setText(str(path))
        self.summary.setText(self.tr("Checking…"))
        self.errors.model.set_rows([])
        self.progress.setRange(0, 0)
        node = self.reader.node
        self._job = start_job(lambda report: validate(path, self.divisions, node, report), self._checked,
                              self._show_progress)
        self._update_buttons()

    def store_file(self) -> None:
        """Store the checked rows on the thread pool."""
        validation = self.validation
        if validation is None or (validation.errors and not self.good_only.isChecked()):
            return
        self.summary.setText(self.tr("Storing…"))
        existing = self.reader.enterprise_ids_by_code()
        self._job = start_job(lambda report: store_rows(self.store, self.actor, self.divisions, validation,
                                                        existing, report), self._stored, self._show_progress)
        self._update_buttons()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _checked(self, result) -> None:
        self._job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if isinstance(result, Exception):
            self.summary.setText(str(result))
        else:
            self.validation = result
            self.errors.model.set_rows([{"row": e.row, "column": e.column,
                                         "reason": e.reason(tr_records(REASONS[e.kind]))} for e in result.errors])
            text = self.tr("%1 rows: %2 good, %3 bad.").replace("%1", f"{result.rows:,}") \
                .replace("%2", f"{len(result.good):,}").replace("%3", f"{result.bad_rows:,}")
            if result.errors:
                text += " " + self.tr("A file with bad rows is stored only if you choose to import only the good rows.")
            self.summary.setText(text)
        self._update_buttons()

    def _stored(self, result) -> None:
        self._job = None
        if isinstance(result, Exception):
            self.summary.setText(self.tr("Nothing stored: %1").replace("%1", str(result)))
        else:
            self.validation = None
            self.summary.setText(self.tr("Stored: %1 new, %2 updated (pending review), %3 unchanged.")
                                 .replace("%1", f"{result.created:,}").replace("%2", f"{result.updated:,}")
                                 .replace("%3", f"{result.unchanged:,}"))
            self.stored.emit()
        self._update_buttons()

    def _update_buttons(self) -> None:
        validation, busy = self.validation, self.is_busy()
        self.choose_button.setEnabled(not busy)
        ready = validation is not None and bool(validation.good) and (
            not validation.errors or self.good_only.isChecked())
        self.import_button.setEnabled(ready and not busy)
        self.good_only.setEnabled(validation is not None and bool(validation.errors) and not busy)
