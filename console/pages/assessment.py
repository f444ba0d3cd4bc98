"""Assessment page (考核统计): per node and per period, how the platform was used — sign-ins and
time on duty, alarms acknowledged and response times, records entered and approved, reporting
timeliness, data completeness, link availability — as a table and charts, exported to xlsx.

The figures come from `console.assessment.stats` on the thread pool (`widgets/background.py`),
on a `RecordsReader` of their own, so the GUI thread never waits for the queries; drill rows
are left out there.
"""
from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter

from console.assessment.export import export_xlsx
from console.assessment.periods import period
from console.assessment.stats import NodeFigures, assess
from domain.translatable import QT_TRANSLATE_NOOP
from console.records.queries import RecordsReader
from console.services.page_jobs import start_job
from widgets.records_page import RecordsPage, tr_records
from widgets.records_table import Column, RecordsTable, RowsModel
from widgets.share_bars import ShareBars

PERIODS = (("day", QT_TRANSLATE_NOOP("records", "Today")), ("week", QT_TRANSLATE_NOOP("records", "This week")),
           ("month", QT_TRANSLATE_NOOP("records", "This month")), ("custom", QT_TRANSLATE_NOOP("records", "Custom")))
CHART_SERIES = (("timeliness", QT_TRANSLATE_NOOP("records", "Reports on time (%)"), "#1565c0"),
                ("completeness", QT_TRANSLATE_NOOP("records", "Data complete (%)"), "#2e7d32"),
                ("backend", QT_TRANSLATE_NOOP("records", "Backend link up (%)"), "#ef6c00"))


def _share(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f} %"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("records", "Node")),
    Column("logins", QT_TRANSLATE_NOOP("records", "Sign-ins")),
    Column("duty_hours", QT_TRANSLATE_NOOP("records", "Hours on duty")),
    Column("acknowledged", QT_TRANSLATE_NOOP("records", "Alarms acknowledged")),
    Column("response_mean_s", QT_TRANSLATE_NOOP("records", "Mean response (s)"), _seconds),
    Column("response_max_s", QT_TRANSLATE_NOOP("records", "Longest response (s)"), _seconds),
    Column("records_entered", QT_TRANSLATE_NOOP("records", "Records entered")),
    Column("records_approved", QT_TRANSLATE_NOOP("records", "Records approved")),
    Column("reports", QT_TRANSLATE_NOOP("records", "Reports on time")),
    Column("completeness", QT_TRANSLATE_NOOP("records", "Data complete"), _share),
    Column("backend", QT_TRANSLATE_NOOP("records", "Backend link"), _share),
    Column("field", QT_TRANSLATE_NOOP("records", "Field link"), _share),
    Column("video", QT_TRANSLATE_NOOP("records", "Video link"), _share),
)


class AssessmentPage(RecordsPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.period = QComboBox()
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now.addDays(-7), displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.end = QDateTimeEdit(now, displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.export_button = QPushButton(clicked=self.export)
        self.captions = [QLabel() for _ in range(3)]
        self.status = QLabel()
        bar = QHBoxLayout()
        for caption, widget in zip(self.captions, (self.period, self.start, self.end)):
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.layout_.addLayout(bar)
        self.table = RecordsTable(RowsModel(COLUMNS))
        self.table.set_column_widths(170, 80, 120, 110, 120, 120, 110, 110, 100, 110, 100, 100, 100)
        self.plot = ShareBars(len(CHART_SERIES))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.plot)
        self.layout_.addWidget(splitter, 1)
        self.layout_.addWidget(self.status)
        self.figures: list[NodeFigures] = []
        self.span: tuple[float, float] = (0.0, 0.0)
        self._job = None
        self._pending = False
        self.period.currentIndexChanged.connect(self._period_chosen)
        for edit in (self.start, self.end):
            edit.dateTimeChanged.connect(self.refresh)
        self._retranslate()
        self.period.setCurrentIndex(1)

    def _period_chosen(self) -> None:
        kind = self.period.currentData()
        custom = kind == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            start, end = period(kind, datetime.now())
            for edit, at in ((self.start, start), (self.end, end)):
                edit.blockSignals(True)
                edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(at)))
                edit.blockSignals(False)
        self.refresh()

    def chosen_span(self) -> tuple[float, float]:
        return float(self.start.dateTime().toSecsSinceEpoch()), float(self.end.dateTime().toSecsSinceEpoch())

    def refresh(self) -> None:
        if self._job is not None:
            self._pending = True
            return
        start, end = self.chosen_span()
        if end <= start:
            self.status.setText(self.tr("The period must end after it starts."))
            return
        self.status.setText(self.tr("Computing…"))
        path, node, divisions = self.store.path, self.node, self.context.divisions

        def work(_report):
            reader = RecordsReader(path, node)
            try:
                return (start, end), assess(reader, divisions, start, end, time.time())
            finally:
                reader.close()

        self._job = start_job(work, self._computed)

    def _computed(self, result) -> None:
        self._job = None
        if isinstance(result, Exception):
            self.status.setText(self.tr("Assessment not computed: %1").replace("%1", str(result)))
        else:
            self.span, self.figures = result
            self._show()
            self.status.setText(self.tr("%1 nodes · drills left out").replace("%1", str(len(self.figures))))
        if self._pending:
            self._pending = False
            self.refresh()

    def is_ready(self) -> bool:
        return self._job is None and bool(self.figures)

    def _show(self) -> None:
        rows = []
        for item in self.figures:
            rows.append(dict(vars(item), name=self.division_name(item.node), reports=f"{item.reports_on_time}/"
                             f"{item.reports_counted}", backend=item.links.get("backend"),
                             field=item.links.get("field"), video=item.links.get("video")))
        self.table.model.set_rows(rows)
        self._draw()

    def _draw(self) -> None:
        values = {"timeliness": lambda f: f.timeliness, "completeness": lambda f: f.completeness,
                  "backend": lambda f: f.links.get("backend")}
        self.plot.draw([self.division_name(item.node) for item in self.figures], [
            (tr_records(label), colour, [100 * (values[key](item) or 0.0) for item in self.figures])
            for key, label, colour in CHART_SERIES])

    def export(self) -> None:
        if not self.figures:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export assessment"), "考核统计.xlsx", "Excel (*.xlsx)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        names = {item.node: self.division_name(item.node) for item in self.figures}
        try:
            export_xlsx(self.figures, names, *self.span, path)
        except OSError as exc:
            self.status.setText(self.tr("Not exported: %1").replace("%1", f"{path}: {exc.strerror or exc}"))
            return
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Assessment"))
        for caption, text in zip(self.captions, (self.tr("Period"), self.tr("From"), self.tr("To"))):
            caption.setText(text)
        self.export_button.setText(self.tr("Export xlsx…"))
        current = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        for key, label in PERIODS:
            self.period.addItem(tr_records(label), key)
        self.period.setCurrentIndex(max(current, 0))
        self.period.blockSignals(False)
        self.plot.setLabel("left", "%")
        if self.figures:
            self._show()
