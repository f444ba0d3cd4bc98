"""Drill page (演练): start a scenario at chosen sites for chosen nodes, end it, and read each
node's scored response with the drill report as PDF.

Starting and ending go through `DrillRuntime` (`console.drill`: `Action.START_DRILL` checked
there, the `drill_run` row durable with its audit row before the page says so); a refusal or
a bad choice is one line in the status, the choices stay as they were.
"""
from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget)

from console.drill.report import drill_scores, report_html
from console.drill.scenarios import SCENARIOS
from console.operators.permissions import Action, PermissionDenied
from domain.translatable import QT_TRANSLATE_NOOP
from console.records.labels import clock
from console.records.store_access import accounts
from server_link.local_store import StoreError
from widgets.records_page import RecordsPage
from widgets.records_table import Column, RecordsTable, RowsModel

SITES_LISTED = 400


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}:{rest:02d}"


def _points(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


DRILL_COLUMNS = (
    Column("title", QT_TRANSLATE_NOOP("records", "Scenario")),
    Column("started_at", QT_TRANSLATE_NOOP("records", "Started"), clock),
    Column("ended_at", QT_TRANSLATE_NOOP("records", "Ended"), clock),
    Column("started_by", QT_TRANSLATE_NOOP("records", "Started by")),
    Column("sites", QT_TRANSLATE_NOOP("records", "Sites")),
    Column("nodes", QT_TRANSLATE_NOOP("records", "Nodes")),
)
SCORE_COLUMNS = (
    Column("node", QT_TRANSLATE_NOOP("records", "Node")),
    Column("look_s", QT_TRANSLATE_NOOP("records", "First look (min:s)"), _duration),
    Column("ack_s", QT_TRANSLATE_NOOP("records", "Acknowledged (min:s)"), _duration),
    Column("report_s", QT_TRANSLATE_NOOP("records", "First report (min:s)"), _duration),
    Column("chain", QT_TRANSLATE_NOOP("records", "Reports on time")),
    Column("look", QT_TRANSLATE_NOOP("records", "Look points"), _points),
    Column("ack", QT_TRANSLATE_NOOP("records", "Acknowledgment points"), _points),
    Column("report", QT_TRANSLATE_NOOP("records", "Report points"), _points),
    Column("chain_points", QT_TRANSLATE_NOOP("records", "Chain points"), _points),
    Column("total", QT_TRANSLATE_NOOP("records", "Score"), _points),
)


class DrillPage(RecordsPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.runtime = context.services.get("drills")
        self.scenario = QComboBox()
        for scenario in SCENARIOS.values():
            self.scenario.addItem(scenario.title, scenario.key)
        self.sites = QListWidget(selectionMode=QAbstractItemView.SelectionMode.MultiSelection)
        self.nodes = QListWidget()
        self.start_button = QPushButton(clicked=self.start)
        self.stop_button = QPushButton(clicked=self.stop)
        self.report_button = QPushButton(clicked=self.open_report)
        self.status = QLabel(wordWrap=True)
        self.captions = [QLabel() for _ in range(3)]
        choose = QGridLayout()
        for column, (caption, widget) in enumerate(zip(self.captions, (self.scenario, self.sites, self.nodes))):
            choose.addWidget(caption, 0, column)
            choose.addWidget(widget, 1, column, Qt.AlignmentFlag.AlignTop if widget is self.scenario else
                             Qt.AlignmentFlag(0))
        buttons = QVBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        choose.addLayout(buttons, 1, 3)
        choose.setColumnStretch(1, 2)
        choose.setColumnStretch(2, 1)
        top = QWidget()
        top.setLayout(choose)
        top.setMaximumHeight(230)
        self.drills = RecordsTable(RowsModel(DRILL_COLUMNS))
        self.drills.set_column_widths(260, 150, 150, 110, 220)
        self.scores = RecordsTable(RowsModel(SCORE_COLUMNS))
        self.scores.set_column_widths(160, 130, 130, 130, 110, 100, 100, 100, 100)
        self.report_caption = QLabel(objectName="sectionHeading")
        report_head = QHBoxLayout()
        report_head.addWidget(self.report_caption, 1)
        report_head.addWidget(self.report_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(report_head)
        lower_layout.addWidget(self.scores, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.drills)
        splitter.addWidget(lower)
        self.layout_.addWidget(top)
        self.layout_.addWidget(splitter, 1)
        self.layout_.addWidget(self.status)
        self.scenario.currentIndexChanged.connect(self._fill_sites)
        self.drills.view.selectionModel().selectionChanged.connect(self._show_scores)
        if self.runtime is not None:
            self.runtime.changed.connect(self.refresh)
        self.destroyed.connect(self.context.on_actor_changed(lambda _actor: self._show_permissions()))
        self._fill_nodes()
        self._fill_sites()
        self._retranslate()
        self.refresh()

    # ---- choices ---------------------------------------------------------------------
    def _catalogue(self):
        return self.runtime.service.catalogue if self.runtime is not None else None

    def _fill_sites(self) -> None:
        self.sites.clear()
        catalogue = self._catalogue()
        if catalogue is None:
            return
        scenario = SCENARIOS[self.scenario.currentData()]
        area = self.context.divisions.jurisdiction(self.node)
        listed = [site for site in catalogue.sites.values() if site.division in area
                  and (scenario.site_kind is None or site.kind is scenario.site_kind)]
        for site in sorted(listed, key=lambda s: s.code)[:SITES_LISTED]:
            item = QListWidgetItem(f"{site.name} ({site.code})")
            item.setData(Qt.ItemDataRole.UserRole, site.code)
            self.sites.addItem(item)

    def _fill_nodes(self) -> None:
        """This node, the one it reports to and those that report to it."""
        divisions = self.context.divisions
        above = divisions.chain_up(self.node)[1:2]
        for code in [self.node] + above + divisions.children(self.node):
            item = QListWidgetItem(self.division_name(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code == self.node else Qt.CheckState.Unchecked)
            self.nodes.addItem(item)

    def chosen_sites(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.sites.selectedItems()]

    def chosen_nodes(self) -> list[str]:
        return [self.nodes.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.nodes.count())
                if self.nodes.item(row).checkState() is Qt.CheckState.Checked]

    def _show_permissions(self) -> None:
        actor = self.context.actor
        allowed = actor is not None and actor.may(Action.START_DRILL)
        running = self.runtime is not None and self.runtime.book.current() is not None
        self.start_button.setEnabled(allowed and self.runtime is not None and not running)
        self.stop_button.setEnabled(allowed and running)

    # ---- actions ---------------------------------------------------------------------
    def start(self) -> None:
        try:
            drill = self.runtime.start_drill(self.context.actor, self.scenario.currentData(), self.chosen_sites(),
                                             self.chosen_nodes())
        except (PermissionDenied, StoreError) as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Drill started: %1").replace("%1", drill.title))

    def stop(self) -> None:
        drill = self.runtime.book.current()
        if drill is None:
            return
        try:
            self.runtime.stop_drill(self.context.actor, drill.id)
        except (PermissionDenied, StoreError) as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Drill ended: %1").replace("%1", drill.title))

    # ---- reading ---------------------------------------------------------------------
    def refresh(self) -> None:
        if self.runtime is None:
            self.status.setText(self.tr("The drill service is not running on this console."))
            return
        self.runtime.book.refresh()
        people = accounts(self.context).display_names()
        rows = [dict(id=d.id, title=d.title, started_at=d.started_at, ended_at=d.ended_at,
                     started_by=people.get(d.started_by, d.started_by),
                     sites=", ".join(d.sites), nodes=", ".join(self.division_name(n) for n in d.nodes))
                for d in reversed(self.runtime.book.drills)]
        selected = self.selected_drill()
        self.drills.model.set_rows(rows)
        index = next((row for row, item in enumerate(rows) if selected and item["id"] == selected.id), 0 if rows else None)
        if index is not None:
            self.drills.view.selectRow(index)
        self._show_permissions()

    def selected_drill(self):
        rows = self.drills.view.selectionModel().selectedRows()
        if not rows or self.runtime is None:
            return None
        return self.runtime.book.get(self.drills.model.rows[rows[0].row()]["id"])

    def _scores(self, drill):
        return drill_scores(self.reader, self.context.divisions, drill, time.time())

    def _show_scores(self, *_args) -> None:
        drill = self.selected_drill()
        self.report_button.setEnabled(drill is not None)
        if drill is None:
            self.scores.model.set_rows([])
            return
        self.report_caption.setText(self.tr("Response of each node · %1").replace("%1", drill.title))
        self.scores.model.set_rows([dict(node=self.division_name(s.node), look_s=s.look_s, ack_s=s.ack_s,
                                         report_s=s.report_s, chain=f"{s.hops_on_time}/{s.hops_counted}",
                                         look=s.points["look"], ack=s.points["ack"], report=s.points["report"],
                                         chain_points=s.points["chain"], total=s.total)
                                    for s in self._scores(drill)])

    def report_document(self) -> tuple[str, str] | None:
        drill = self.selected_drill()
        if drill is None:
            return None
        names = {code: self.context.divisions.by_code[code].name for code in drill.nodes
                 if code in self.context.divisions.by_code}
        leader = accounts(self.context).display_names().get(drill.started_by, drill.started_by)
        return report_html(replace(drill, started_by=leader), self._scores(drill), names), drill.title

    def open_report(self) -> None:
        from widgets.pdf_document import DocumentDialog

        document = self.report_document()
        if document is None:
            return
        html, title = document
        self.dialog = DocumentDialog(html, self.tr("Drill report"), f"演练评估-{title}.pdf", self)
        self.dialog.open()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Drills"))
        for caption, text in zip(self.captions, (self.tr("Scenario"), self.tr("Sites (select)"),
                                                 self.tr("Nodes taking part"))):
            caption.setText(text)
        self.start_button.setText(self.tr("Start drill"))
        self.stop_button.setText(self.tr("End drill"))
        self.report_button.setText(self.tr("Drill report (PDF)…"))
        if self.selected_drill() is None:
            self.report_caption.setText(self.tr("Response of each node"))
