"""The alarm console's KPI tab: EEMUA 191 / ISA-18.2 figures over a time range, computed on the
thread pool from the journal, with CSV export."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDateTimeEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.alarms.kpi import compute_kpis
from console.context import AppContext
from console.pages.alarm_filter_bar import region_combo
from console.services.page_jobs import PageJobs
from server_link.alarm_journal import AlarmJournal
from widgets.alarm_text import format_time

STANDING_LOOKBACK_S = 2 * 86400.0


class AlarmKpiTab(QWidget):
    def __init__(self, context: AppContext, journal: AlarmJournal, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.journal = journal
        self._jobs = PageJobs()
        self._build()

    def _build(self) -> None:
        now = QDateTime.currentDateTime()
        self.kpi_from = QDateTimeEdit(now.addDays(-1), calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        self.kpi_to = QDateTimeEdit(now, calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        compute = QPushButton(self.tr("Compute"))
        compute.clicked.connect(self.compute_kpi)
        self.kpi_export = QPushButton(self.tr("Export CSV…"), enabled=False)
        self.kpi_export.clicked.connect(self._export_kpi)
        bar = QHBoxLayout()
        self.kpi_node = region_combo(self.context, self.tr("This node"))
        for widget in (QLabel(self.tr("From")), self.kpi_from, QLabel(self.tr("to")), self.kpi_to, self.kpi_node,
                       compute, self.kpi_export):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.kpi_summary = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.kpi_summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.kpi_summary, 1)
        self.kpi_report = None

    def compute_kpi(self) -> None:
        start = float(self.kpi_from.dateTime().toSecsSinceEpoch())
        end = float(self.kpi_to.dateTime().toSecsSinceEpoch())
        journal = self.journal
        node = self.kpi_node.currentData()
        divisions = self.context.divisions.jurisdiction(node) if node else None
        self.kpi_summary.setText(self.tr("Computing…"))

        def work():
            events = journal.events(start - STANDING_LOOKBACK_S, end, kinds=("raise", "clear"))
            if divisions is not None:
                events = [event for event in events if event.division in divisions]
            return compute_kpis(events, start, end)

        self._jobs.run(work, self._show_kpi)

    def _show_kpi(self, report) -> None:
        if isinstance(report, Exception):
            self.kpi_summary.setText(self.tr("KPI failed: {error}").format(error=report))
            return
        self.kpi_report = report
        self.kpi_export.setEnabled(True)
        line = lambda label, value: f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"  # noqa: E731
        top = "".join(f"<li>{tag} {cond}: {count}</li>" for tag, cond, count in report.top10)
        chatter = ", ".join(f"{tag} {cond} ({n}/min)" for tag, cond, n in report.chattering[:10]) or "—"
        most_frequent = self.tr("10 most frequent")
        standing = ", ".join(f"{tag} {cond} ({h:.0f} h)" for tag, cond, h in report.standing[:10]) or "—"
        self.kpi_summary.setText(
            "<table>"
            + line(self.tr("Alarms"), report.total)
            + line(self.tr("Average per 10 min (target ≈ 1, ≤ 10)"), f"{report.average_per_10min:.2f}")
            + line(self.tr("Peak 10 min"), f"{report.peak_10min} ({format_time(report.peak_at)})")
            + line(self.tr("Time in flood (target < 1 %)"), f"{report.flood_percent:.2f} %")
            + line(self.tr("Chattering (3+ in 1 min)"), chatter)
            + line(self.tr("Standing (> 24 h)"), standing)
            + "</table>" + f"<p><b>{most_frequent}</b></p><ol>{top}</ol>")

    def _export_kpi(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export KPIs"), "alarm_kpi.csv", "CSV (*.csv)")
        if path:
            self.export_kpi(Path(path))

    def export_kpi(self, path: Path) -> None:
        path.write_text(self.kpi_report.to_csv(), encoding="utf-8-sig")  # BOM: Excel opens Chinese right
