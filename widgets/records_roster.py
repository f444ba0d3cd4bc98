"""The duty roster of a month: a calendar (days with shifts in bold), the chosen day's shifts,
and a form to add, move or remove a shift of any hours. Every change is stored before the
lists show it."""
from __future__ import annotations

import time
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import (QCalendarWidget, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout)

from console.operators.permissions import PermissionDenied
from domain.translatable import QT_TRANSLATE_NOOP
from console.records import duty
from server_link.local_store import StoreError
from widgets.records_table import Column, RecordsTable, RowsModel
from widgets.retranslating import Retranslating

SHIFT_COLUMNS = (
    Column("span", QT_TRANSLATE_NOOP("records", "Shift")),
    Column("officer", QT_TRANSLATE_NOOP("records", "Officer on duty")),
    Column("leader", QT_TRANSLATE_NOOP("records", "Leader on duty")),
)


def shift_text(row: dict) -> str:
    """"12-03 07:30 – 12-03 17:30 (10 h)"."""
    start, end = duty.shift_span(row)
    hours = (end - start) / 3600
    return (f"{time.strftime('%m-%d %H:%M', time.localtime(start))} – "
            f"{time.strftime('%m-%d %H:%M', time.localtime(end))} ({hours:g} h)")


class RosterDialog(Retranslating, QDialog):
    def __init__(self, store, reader, actor, parent=None):
        super().__init__(parent)
        self.store, self.reader, self.actor = store, reader, actor
        self.calendar = QCalendarWidget(gridVisible=True)
        self.calendar.selectionChanged.connect(self.show_day)
        self.calendar.currentPageChanged.connect(lambda *_: self.mark_month())
        self.shifts = RecordsTable(RowsModel(SHIFT_COLUMNS))
        self.shifts.set_column_widths(260, 110)
        self.shifts.view.clicked.connect(lambda _: self.load_selected())
        self.officer, self.leader = QLineEdit(), QLineEdit()
        self.starts = QDateTimeEdit(displayFormat="yyyy-MM-dd HH:mm")
        self.ends = QDateTimeEdit(displayFormat="yyyy-MM-dd HH:mm")
        self.error = QLabel(objectName="fieldError", wordWrap=True)
        self.error.setStyleSheet("color: #d32f2f")
        self.add_button = QPushButton(clicked=lambda: self.save(None))
        self.move_button = QPushButton(clicked=self.save_selected)
        self.remove_button = QPushButton(clicked=self.remove_selected)
        self.form = QFormLayout()
        self.captions = [QLabel() for _ in range(4)]
        for caption, field in zip(self.captions, (self.officer, self.leader, self.starts, self.ends)):
            self.form.addRow(caption, field)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.move_button, self.remove_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject)
        side = QVBoxLayout()
        side.addWidget(self.shifts, 1)
        side.addLayout(self.form)
        side.addLayout(buttons)
        side.addWidget(self.error)
        body = QHBoxLayout()
        body.addWidget(self.calendar, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(1100, 560)
        self._retranslate()
        self.mark_month()
        self.show_day()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Duty roster"))
        for caption, text in zip(self.captions, (self.tr("Officer"), self.tr("Leader"), self.tr("From"),
                                                 self.tr("To"))):
            caption.setText(text)
        self.add_button.setText(self.tr("Add shift"))
        self.move_button.setText(self.tr("Change selected"))
        self.remove_button.setText(self.tr("Remove selected"))

    def selected_day(self) -> date:
        return self.calendar.selectedDate().toPython()

    def mark_month(self) -> None:
        """Days of the shown month that have shifts in bold, with the officers as a tooltip."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setForeground(Qt.GlobalColor.darkBlue)
        month = duty.month_roster(self.reader, self.calendar.yearShown(), self.calendar.monthShown())
        for day, rows in month.items():
            if rows:
                mark = QTextCharFormat(bold)
                mark.setToolTip("\n".join(f"{shift_text(r)} {r['officer']}" for r in rows))
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), mark)

    def show_day(self) -> None:
        day = self.selected_day()
        rows = duty.month_roster(self.reader, day.year, day.month).get(day, [])
        self.shifts.model.set_rows([dict(row, span=shift_text(row)) for row in rows])
        start = datetime(day.year, day.month, day.day, duty.DAY_START_HOUR)
        self.starts.setDateTime(QDateTime(start))
        self.ends.setDateTime(QDateTime(start).addSecs(12 * 3600))

    def _selected(self) -> dict | None:
        index = self.shifts.selected_row()
        return None if index is None else self.shifts.model.rows[index]

    def load_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        start, end = duty.shift_span(row)
        self.officer.setText(row["officer"])
        self.leader.setText(row["leader"] or "")
        self.starts.setDateTime(QDateTime.fromSecsSinceEpoch(int(start)))
        self.ends.setDateTime(QDateTime.fromSecsSinceEpoch(int(end)))

    def save(self, shift_id: str | None) -> None:
        try:
            duty.save_shift(self.store, self.reader, self.actor, self.officer.text(), self.leader.text(),
                            float(self.starts.dateTime().toSecsSinceEpoch()),
                            float(self.ends.dateTime().toSecsSinceEpoch()), shift_id)
        except (StoreError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.mark_month()
        self.show_day()

    def save_selected(self) -> None:
        row = self._selected()
        if row is None:
            self.error.setText(self.tr("Select a shift first."))
            return
        self.save(row["id"])

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None:
            self.error.setText(self.tr("Select a shift first."))
            return
        try:
            duty.remove_shift(self.store, self.actor, row["id"])
        except (StoreError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.mark_month()
        self.show_day()
