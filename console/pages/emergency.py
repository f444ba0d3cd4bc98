"""Emergency page: open incidents with their Order No. 493 reporting countdowns, and the
rescue resources (supplies, equipment, teams, plans) of the jurisdiction by division."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from console.operators.permissions import PermissionDenied
from console.pages import QT_TRANSLATE_NOOP
from console.records.incidents import may_record, open_incidents, record_report
from console.records.labels import clock
from server_link.local_store import StoreError
from widgets.records_incident_dialog import IncidentDialog
from widgets.records_incidents import IncidentTree
from widgets.records_page import RecordsPage, section_label
from widgets.records_table import Column, RecordsTable, RowsModel

RELOAD_EVERY_TICKS = 15  # seconds between re-reads of incidents and resources

RESOURCES = {
    "supply": ("name", (Column("name", QT_TRANSLATE_NOOP("records", "Supply")),
                        Column("quantity", QT_TRANSLATE_NOOP("records", "Quantity"), lambda v: f"{v:g}"),
                        Column("unit", QT_TRANSLATE_NOOP("records", "Unit")),
                        Column("location", QT_TRANSLATE_NOOP("records", "Location")))),
    "equipment": ("name", (Column("name", QT_TRANSLATE_NOOP("records", "Equipment")),
                           Column("count", QT_TRANSLATE_NOOP("records", "Count")),
                           Column("location", QT_TRANSLATE_NOOP("records", "Location")))),
    "rescue_team": ("name", (Column("name", QT_TRANSLATE_NOOP("records", "Rescue team")),
                             Column("members", QT_TRANSLATE_NOOP("records", "Members")),
                             Column("phone", QT_TRANSLATE_NOOP("records", "Phone")))),
    "emergency_plan": ("name", (Column("name", QT_TRANSLATE_NOOP("records", "Emergency plan")),
                                Column("kind", QT_TRANSLATE_NOOP("records", "Kind")),
                                Column("approved_at", QT_TRANSLATE_NOOP("records", "Approved"), clock))),
}


class EmergencyPage(RecordsPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.incidents_label = section_label(self)
        self.tree = IncidentTree(context.divisions, self.division_name)
        self.no_incidents = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="emptyState")
        self.register_button = QPushButton(clicked=self.register_incident)
        self.report_button = QPushButton(clicked=self.record_selected_report)
        self.report_hint = QLabel()
        self.tree.currentItemChanged.connect(lambda *_: self._update_report_button())

        top = QWidget()
        top_layout = QVBoxLayout(top)
        actions = QHBoxLayout()
        actions.addWidget(self.incidents_label)
        actions.addStretch(1)
        actions.addWidget(self.report_hint)
        actions.addWidget(self.report_button)
        actions.addWidget(self.register_button)
        top_layout.addLayout(actions)
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.no_incidents, 1)

        self.resources_label = section_label(self)
        self.division_filter = self.division_combo()
        self.division_filter.currentIndexChanged.connect(lambda _: self.refresh_resources())
        self.tabs = QTabWidget()
        self.resource_tables: dict[str, RecordsTable] = {}
        division_column = Column("division", QT_TRANSLATE_NOOP("records", "Division"), self.division_name)
        for table, (_, columns) in RESOURCES.items():
            self.resource_tables[table] = RecordsTable(RowsModel((division_column, *columns)))
            self.tabs.addTab(self.resource_tables[table], "")
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        filters = QHBoxLayout()
        filters.addWidget(self.resources_label)
        filters.addStretch(1)
        self.division_caption = QLabel()
        filters.addWidget(self.division_caption)
        filters.addWidget(self.division_filter)
        bottom_layout.addLayout(filters)
        bottom_layout.addWidget(self.tabs, 1)

        self.add_split(Qt.Orientation.Vertical, top, bottom)

        self._ticks = 0
        self.clock = QTimer(self, interval=1000, timeout=self.tick)
        self.clock.start()
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Emergency"))
        self.incidents_label.setText(self.tr("Open incidents and accident reports (Order No. 493)"))
        self.no_incidents.setText(self.tr("No open incidents in this jurisdiction"))
        self.register_button.setText(self.tr("Register incident…"))
        self.report_button.setText(self.tr("Record report sent"))
        self.resources_label.setText(self.tr("Rescue resources"))
        self.division_caption.setText(self.tr("Division"))
        self.retranslate_division_combo(self.division_filter)
        for index, title in enumerate((self.tr("Supplies"), self.tr("Equipment"), self.tr("Rescue teams"),
                                       self.tr("Emergency plans"))):
            self.tabs.setTabText(index, title)
        self.tree.retranslate()
        self._update_report_button()

    def refresh(self) -> None:
        self.tree.show_incidents(open_incidents(self.reader))
        self.tree.setVisible(bool(self.tree.items))
        self.no_incidents.setVisible(not self.tree.items)
        self.refresh_resources()
        self._update_report_button()

    def refresh_resources(self) -> None:
        division = self.division_filter.currentData()
        for table, (order, _) in RESOURCES.items():
            self.resource_tables[table].model.set_rows(self.reader.rows(table, order, division=division))

    def tick(self) -> None:
        self._ticks += 1
        if self._ticks % RELOAD_EVERY_TICKS == 0:
            self.refresh()  # incidents and reports other nodes sent through the sync
        self.tree.tick()
        self._update_report_button()

    def _selected_hop(self):
        """The hop this node may record for the selected incident, or None (with the reason)."""
        selected = self.tree.selected()
        if selected is None:
            return None, self.tr("Select an incident.")
        item = next(i for i in self.tree.items if i.incident["id"] == selected[0])
        chain = item.chain(self.context.divisions, time.time())
        for hop in chain:
            if may_record(self.node, hop):
                return (item, hop), ""
        return None, self.tr("Nothing for this duty room to record on this incident now.")

    def _update_report_button(self) -> None:
        choice, reason = self._selected_hop()
        self.report_button.setEnabled(choice is not None)
        if choice is None:
            self.report_hint.setText(reason)
        else:
            _, hop = choice
            self.report_hint.setText(self.tr("%1 → %2").replace("%1", self.tree.party(hop.reporter))
                                     .replace("%2", self.tree.party(hop.receiver)))

    def record_selected_report(self) -> None:
        choice, _ = self._selected_hop()
        if choice is None:
            return
        item, hop = choice
        try:
            record_report(self.store, self.reader, item, hop, time.time(), actor=self.context.actor)
        except (StoreError, PermissionDenied) as exc:
            QMessageBox.warning(self, self.tr("Report not recorded"), str(exc))
            return
        self.refresh()

    def register_incident(self) -> None:
        dialog = IncidentDialog(self.store, self.division_combo(), self, actor=self.context.actor)
        if dialog.exec():
            self.refresh()
