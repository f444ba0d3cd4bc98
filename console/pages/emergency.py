"""Emergency page: open incidents with their Order No. 493 reporting countdowns (register,
follow up, close), the resources nearest the selected incident with its dispatch log, the
experts pool, and the rescue resources (supplies, equipment, teams, plans) by division."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from console.operators.permissions import PermissionDenied
from domain.translatable import QT_TRANSLATE_NOOP
from console.records import incidents
from console.records.incidents import may_record, open_incidents, record_report
from console.records.labels import clock
from console.records.site_context import resources_near
from server_link.local_store import StoreError
from console.services.drill_runtime import current_drill_id
from widgets.map_incident import MapResource
from widgets.records_incident_dialog import FollowUpDialog, IncidentDialog
from widgets.records_incidents import IncidentTree
from widgets.records_page import RecordsPage, section_label, tr_records
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


EXPERT_COLUMNS = (Column("name", QT_TRANSLATE_NOOP("records", "Expert")),
                  Column("specialty", QT_TRANSLATE_NOOP("records", "Specialty")),
                  Column("phone", QT_TRANSLATE_NOOP("records", "Phone")),
                  Column("employer", QT_TRANSLATE_NOOP("records", "Pool")))
NEAR_COLUMNS = (Column("what", QT_TRANSLATE_NOOP("records", "Resource")),
                Column("name", QT_TRANSLATE_NOOP("records", "Name")),
                Column("detail", QT_TRANSLATE_NOOP("records", "Detail")),
                Column("km", QT_TRANSLATE_NOOP("records", "Distance (km)"), lambda v: f"{v:.1f}"))
DISPATCH_COLUMNS = (Column("at", QT_TRANSLATE_NOOP("records", "Time"), clock),
                    Column("resource_name", QT_TRANSLATE_NOOP("records", "Resource")),
                    Column("amount", QT_TRANSLATE_NOOP("records", "Quantity"), lambda v: "" if v is None else f"{v:g}"),
                    Column("officer", QT_TRANSLATE_NOOP("records", "Officer")),
                    Column("note", QT_TRANSLATE_NOOP("records", "Note")))
NEAR_KIND = {"rescue_team": QT_TRANSLATE_NOOP("records", "Rescue team"),
             "supply": QT_TRANSLATE_NOOP("records", "Supply"),
             "equipment": QT_TRANSLATE_NOOP("records", "Equipment")}


class EmergencyPage(RecordsPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.incidents_label = section_label(self)
        self.tree = IncidentTree(context.divisions, self.division_name)
        self.no_incidents = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="emptyState")
        self.register_button = QPushButton(clicked=self.register_incident)
        self.report_button = QPushButton(clicked=self.record_selected_report)
        self.report_hint = QLabel()
        self.followup_button = QPushButton(clicked=self.follow_up_selected)
        self.close_button = QPushButton(clicked=self.close_selected)
        self.dispatch_button = QPushButton(clicked=self.dispatch_selected)
        self.map_button = QPushButton(clicked=self.show_on_map)
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())

        top = QWidget()
        top_layout = QVBoxLayout(top)
        actions = QHBoxLayout()
        actions.addWidget(self.incidents_label)
        actions.addStretch(1)
        actions.addWidget(self.report_hint)
        actions.addWidget(self.report_button)
        actions.addWidget(self.followup_button)
        actions.addWidget(self.close_button)
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
        self.near = RecordsTable(RowsModel(NEAR_COLUMNS), empty_text=QT_TRANSLATE_NOOP(
            "records", "No rescue resources within 100 km of the selected incident"))
        self.near.set_column_widths(90, 260, 200)
        self.dispatched = RecordsTable(RowsModel(DISPATCH_COLUMNS), empty_text=QT_TRANSLATE_NOOP(
            "records", "Nothing dispatched to the selected incident yet"))
        self.dispatched.set_column_widths(150, 220, 70, 80)
        self.experts = RecordsTable(RowsModel((division_column, *EXPERT_COLUMNS)))
        near_tab = QWidget()
        near_layout = QHBoxLayout(near_tab)
        near_layout.addWidget(self.near, 3)
        near_side = QVBoxLayout()
        near_side.addWidget(self.dispatch_button)
        near_side.addWidget(self.map_button)
        near_side.addWidget(self.dispatched, 1)
        near_layout.addLayout(near_side, 2)
        self.tabs.insertTab(0, near_tab, "")
        self.tabs.addTab(self.experts, "")
        self.tabs.setCurrentIndex(0)
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
        self.followup_button.setText(self.tr("Follow-up report…"))
        self.close_button.setText(self.tr("Close incident…"))
        self.dispatch_button.setText(self.tr("Dispatch the selected resource"))
        self.map_button.setText(self.tr("Show on the map"))
        for index, title in enumerate((self.tr("Near the selected incident"), self.tr("Supplies"),
                                       self.tr("Equipment"), self.tr("Rescue teams"), self.tr("Emergency plans"),
                                       self.tr("Experts"))):
            self.tabs.setTabText(index, title)
        self.tree.retranslate()
        self._update_report_button()

    def refresh(self) -> None:
        self.tree.show_incidents(open_incidents(self.reader))
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))  # the newest: its nearby resources show
        self.tree.setVisible(bool(self.tree.items))
        self.no_incidents.setVisible(not self.tree.items)
        self.refresh_resources()
        self._selection_changed()

    def refresh_resources(self) -> None:
        division = self.division_filter.currentData()
        for table, (order, _) in RESOURCES.items():
            self.resource_tables[table].model.set_rows(self.reader.rows(table, order, division=division))
        self.experts.model.set_rows(self.reader.rows("expert", "specialty, name", division=division))

    def selected_incident(self) -> dict | None:
        selected = self.tree.selected()
        if selected is None:
            return None
        return next(i.incident for i in self.tree.items if i.incident["id"] == selected[0])

    def _selection_changed(self) -> None:
        """Resources near the selected incident, nearest first, and what was sent to it."""
        incident = self.selected_incident()
        self.followup_button.setEnabled(incident is not None)
        self.close_button.setEnabled(incident is not None)
        self.dispatch_button.setEnabled(incident is not None)
        rows, log = [], []
        place = incidents.position(self.reader, incident) if incident else None
        self.map_button.setEnabled(place is not None)
        if place is not None:
            near = resources_near(self.reader, *place)
            rows = [dict(team, table="rescue_team", what=tr_records(NEAR_KIND["rescue_team"]), km=km,
                         detail=f"{team['members']} · {team['phone'] or ''}") for team, km in near.teams]
            rows += [dict(item, table="supply", what=tr_records(NEAR_KIND["supply"]), km=depot.km,
                          detail=f"{item['quantity']:g} {item['unit']} · {depot.location}")
                     for depot in near.depots for item in depot.items]
            rows += [dict(item, table="equipment", what=tr_records(NEAR_KIND["equipment"]), km=km,
                          detail=f"{item['count']} · {item['location'] or ''}") for item, km in near.equipment]
        if incident is not None:
            log = incidents.dispatch_log(self.reader, incident["id"])
        self.near.model.set_rows(sorted(rows, key=lambda row: row["km"]))
        self.dispatched.model.set_rows(log)
        self._update_report_button()

    def show_on_map(self) -> None:
        """The overview map, framed on the incident's county, with the resources listed here."""
        incident, window = self.selected_incident(), self.window()
        place = incidents.position(self.reader, incident) if incident else None
        if place is None or not hasattr(window, "show_page"):
            return
        resources = [MapResource(row["table"], row["lon"], row["lat"], f"{row['name']} · {row['km']:.1f} km")
                     for row in self.near.model.rows if row.get("lon") is not None and row.get("lat") is not None]
        window.show_page("overview").show_incident(incident["division"], *place, incident["title"], resources)

    def _act(self, title: str, action) -> bool:
        """Run an operation; its refusal is shown in one line, nothing stored."""
        try:
            action()
        except (StoreError, PermissionDenied) as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        self.refresh()
        return True

    def follow_up_selected(self) -> None:
        incident = self.selected_incident()
        if incident is None:
            return
        dialog = FollowUpDialog(incident, self)
        if dialog.exec():
            self._act(self.tr("Follow-up not recorded"), lambda: incidents.follow_up(
                self.store, self.context.actor, incident["id"], dialog.casualties(), time.time(),
                dialog.note.text()))

    def close_selected(self) -> None:
        incident = self.selected_incident()
        if incident is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Close incident"),
                                          self.tr("Why is %1 closed?").replace("%1", incident["title"]))
        if ok:
            self._act(self.tr("Incident not closed"), lambda: incidents.close_incident(
                self.store, self.context.actor, incident["id"], reason, time.time()))

    def dispatch_selected(self) -> None:
        incident, index = self.selected_incident(), self.near.selected_row()
        if incident is None or index is None:
            QMessageBox.information(self, self.tr("Dispatch"), self.tr("Select an incident and a resource near it."))
            return
        row = self.near.model.rows[index]
        amount = None
        if row["table"] == "supply":
            amount, ok = QInputDialog.getDouble(self, self.tr("Dispatch"), self.tr("Quantity of %1 to send")
                                                .replace("%1", row["name"]), 1.0, 0.0, row["quantity"], 1)
            if not ok:
                return
        self._act(self.tr("Not dispatched"), lambda: incidents.dispatch(
            self.store, self.context.actor, incident["id"], row["table"], row["id"], amount))

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
        dialog = IncidentDialog(self.store, self.reader, self.context.actor, self.division_combo(), self,
                                drill_id=current_drill_id(self.context))
        if dialog.exec():
            self.refresh()
