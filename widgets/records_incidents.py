"""Open incidents as a tree: each incident, then one line per reporting hop with its countdown.

The tree is rebuilt when the data changes and only its countdown texts and colours are
rewritten every second, so a selection survives the clock.
"""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from console.records.incidents import OpenIncident
from console.records.labels import ACCIDENT_CLASS, ENTERPRISE_HOP, MINISTRY_HOP, clock
from console.records.reporting import ENTERPRISE, MINISTRY, HopState, format_remaining, still_to_report
from widgets.handover_document import overdue_text
from widgets.records_page import tr_records
from widgets.records_table import LATE_COLOUR

HOP_ROLE = Qt.ItemDataRole.UserRole + 1


class IncidentTree(QTreeWidget):
    def __init__(self, divisions, division_name, parent=None):
        super().__init__(parent)
        self.divisions, self.division_name = divisions, division_name
        self.items: list[OpenIncident] = []
        self.setColumnCount(5)
        self.setAlternatingRowColors(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Incident / report"), self.tr("Class"), self.tr("Deadline"),
                              self.tr("Time left"), self.tr("Still to report")])
        self.tick()

    def party(self, code: str) -> str:
        if code == ENTERPRISE:
            return tr_records(ENTERPRISE_HOP)
        if code == MINISTRY:
            return tr_records(MINISTRY_HOP)
        return self.division_name(code)

    def show_incidents(self, items: list[OpenIncident]) -> None:
        selected = self.selected()
        self.items = items
        self.clear()
        for index, item in enumerate(items):
            top = QTreeWidgetItem(self)
            top.setData(0, Qt.ItemDataRole.UserRole, index)
            for hop_index in range(len(item.chain(self.divisions, time.time()))):
                child = QTreeWidgetItem(top)
                child.setData(0, Qt.ItemDataRole.UserRole, index)
                child.setData(0, HOP_ROLE, hop_index)
            top.setExpanded(True)
            if selected and selected[0] == item.incident["id"]:
                self.setCurrentItem(top)
        self.tick()

    def selected(self) -> tuple[str, int | None] | None:
        """(incident id, hop index or None) of the current line."""
        current = self.currentItem()
        if current is None:
            return None
        item = self.items[current.data(0, Qt.ItemDataRole.UserRole)]
        return item.incident["id"], current.data(0, HOP_ROLE)

    def tick(self, now: float | None = None) -> None:
        """Rewrite countdowns and colours for `now`."""
        now = time.time() if now is None else now
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            item = self.items[index]
            chain = item.chain(self.divisions, now)
            row = item.incident
            casualties = "" if row.get("deaths") is None else "  ·  " + self.tr("%1 dead, %2 seriously injured") \
                .replace("%1", str(row["deaths"])).replace("%2", str(row.get("serious_injuries") or 0))
            drill = self.tr("[Drill]") + " " if row.get("drill_id") else ""
            top.setText(0, f"{drill}{row['title']}  ·  {self.division_name(row['division'])}  ·  "
                           f"{clock(row['occurred_at'])}{casualties}")
            top.setText(1, tr_records(ACCIDENT_CLASS.get(row["level"], str(row["level"]))))
            waiting = still_to_report(chain)
            top.setText(4, "、".join(self.party(code) for code in waiting) if waiting else self.tr("complete"))
            late = any(hop.state is HopState.OVERDUE for hop in chain)
            _paint(top, late)
            for hop_index, hop in enumerate(chain):
                child = top.child(hop_index)
                child.setText(0, f"{self.party(hop.reporter)} → {self.party(hop.receiver)}")
                child.setText(2, clock(hop.due_at))
                child.setText(3, self._state_text(hop))
                child.setText(4, "")
                _paint(child, hop.state is HopState.OVERDUE or hop.late)

    def _state_text(self, hop) -> str:
        if hop.state is HopState.REPORTED:
            text = self.tr("reported %1").replace("%1", clock(hop.reported_at))
            return text + (" " + self.tr("(late)") if hop.late else "")
        if hop.state is HopState.WAITING:
            return self.tr("waiting for the level below")
        if hop.state is HopState.OVERDUE:
            return overdue_text(hop.remaining_s)
        return format_remaining(hop.remaining_s)


def _paint(item: QTreeWidgetItem, late: bool) -> None:
    brush = QBrush(LATE_COLOUR) if late else QBrush()
    for column in range(5):
        item.setForeground(column, brush)
