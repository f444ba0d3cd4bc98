"""Audit page: who did what, where and when, filtered by person, action, site and time; CSV export.

Reads the replicated `audit_event` table of the node's store (`console.operators.audit`):
this node's own trail and what its jurisdiction's nodes wrote, as sync brings it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton

from console.operators import audit
from console.operators.labels import ACTION
from domain.translatable import QT_TRANSLATE_NOOP
from console.records.labels import clock
from console.records.store_access import accounts
from widgets.records_page import RecordsPage
from widgets.records_table import Column, RecordsTable, RowsModel

DAY_S = 86_400
COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("records", "Time"), clock),
    Column("who", QT_TRANSLATE_NOOP("records", "Person")),
    Column("node", QT_TRANSLATE_NOOP("records", "Node")),
    Column("action", QT_TRANSLATE_NOOP("records", "Action"),
           lambda code: QCoreApplication.translate("operators", ACTION[code]) if code in ACTION else code),
    Column("target", QT_TRANSLATE_NOOP("records", "Target")),
    Column("site", QT_TRANSLATE_NOOP("records", "Site")),
    Column("changes", QT_TRANSLATE_NOOP("records", "What changed")),
)


class AuditPage(RecordsPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.audit_reader = audit.AuditReader(self.store.path)
        self.person, self.action, self.site = QComboBox(), QComboBox(), QComboBox()
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now.addDays(-7), displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.end = QDateTimeEdit(now.addSecs(3600), displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.export_button = QPushButton(clicked=self.export)
        self.status = QLabel()
        self.captions = [QLabel() for _ in range(5)]
        filters = QHBoxLayout()
        for caption, widget in zip(self.captions, (self.person, self.action, self.site, self.start, self.end)):
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        self.layout_.addLayout(filters)
        self.table = RecordsTable(RowsModel(COLUMNS))
        self.table.set_column_widths(150, 130, 70, 120, 200, 150)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.status)
        for combo in (self.person, self.action, self.site):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.start, self.end):
            edit.dateTimeChanged.connect(self.refresh)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Audit trail"))
        for caption, text in zip(self.captions, (self.tr("Person"), self.tr("Action"), self.tr("Site"),
                                                 self.tr("From"), self.tr("To"))):
            caption.setText(text)
        self.export_button.setText(self.tr("Export CSV…"))
        self._fill_filters()

    def _fill_filters(self) -> None:
        """The filter choices: everyone, every action and every site present in the trail."""
        names = accounts(self.context).display_names()
        choices = (
            (self.person, [(f"{names.get(user, user)} ({user})", user) for user in self.audit_reader.distinct("username")]),
            (self.action, [(QCoreApplication.translate("operators", ACTION.get(code, code)), code)
                           for code in self.audit_reader.distinct("action")]),
            (self.site, [(self._site_name(code), code) for code in self.audit_reader.distinct("site")]),
        )
        for combo, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), "")
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _site_name(self, code: str) -> str:
        catalogue = self.context.services.get("catalogue")
        site = catalogue.sites.get(code) if catalogue is not None else None
        return f"{site.name} ({code})" if site else code

    def current_filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(self.person.currentData() or "", self.action.currentData() or "",
                                 self.site.currentData() or "", float(self.start.dateTime().toSecsSinceEpoch()),
                                 float(self.end.dateTime().toSecsSinceEpoch()))

    def rows(self) -> list[dict]:
        return self.audit_reader.rows(self.current_filter())

    def refresh(self) -> None:
        names = accounts(self.context).display_names()
        shown = []
        for row in self.rows():
            target = " ".join(part for part in (row["target_kind"], (row["target_id"] or "")[:8]) if part)
            shown.append(dict(row, who=f"{names.get(row['username'], row['username'])} ({row['username']})",
                              target=target, site=self._site_name(row["site"]) if row["site"] else "",
                              changes=audit.changes(row)))
        self.table.model.set_rows(shown)
        self.status.setText(self.tr("%1 entries").replace("%1", str(len(shown))))

    def showEvent(self, event) -> None:
        self._fill_filters()
        super().showEvent(event)

    def export(self, path: str | None = None) -> int:
        """Write what the filters show to a CSV file (asks where unless `path` is given)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"), "audit.csv", "CSV (*.csv)")
            if not path:
                return 0
        try:
            count = audit.export_csv(self.rows(), Path(path))
        except OSError as exc:
            self.status.setText(self.tr("Not exported: %1").replace("%1", exc.strerror or str(exc)))
            return 0
        self.status.setText(self.tr("Exported %1 entries to %2").replace("%1", str(count)).replace("%2", str(path)))
        return count
