"""Duty page: the duty log (append-only, durable before shown; complaints with their follow-up
status), today's roster and the month's (editable), shift handover with its printed form."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QInputDialog, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from console.operators.accounts import SignInRefused
from console.operators.permissions import PermissionDenied
from domain.translatable import QT_TRANSLATE_NOOP
from console.records import duty
from console.records.labels import COMPLAINT_STATUS, LOG_KIND, clock
from console.records.store_access import accounts
from server_link.local_store import StoreError
from console.services.drill_runtime import current_drill_id
from widgets.handover_document import handover_html, item_text
from widgets.pdf_document import DocumentDialog
from widgets.records_page import RecordsPage, section_label, tr_records, translated
from widgets.records_roster import RosterDialog, shift_text
from widgets.records_table import Column, RecordsTable, RowsModel

LOG_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("records", "Time"), clock),
    Column("officer", QT_TRANSLATE_NOOP("records", "Officer")),
    Column("kind", QT_TRANSLATE_NOOP("records", "Category"), translated(LOG_KIND)),
    Column("follow_status", QT_TRANSLATE_NOOP("records", "Follow-up"), translated(COMPLAINT_STATUS)),
    Column("text", QT_TRANSLATE_NOOP("records", "Entry")),
)
ROSTER_COLUMNS = (
    Column("span", QT_TRANSLATE_NOOP("records", "Shift")),
    Column("officer", QT_TRANSLATE_NOOP("records", "Officer on duty")),
    Column("leader", QT_TRANSLATE_NOOP("records", "Leader on duty")),
)
HANDOVER_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("records", "Handed over"), clock),
    Column("from_officer", QT_TRANSLATE_NOOP("records", "Outgoing")),
    Column("to_officer", QT_TRANSLATE_NOOP("records", "Incoming")),
    Column("notes", QT_TRANSLATE_NOOP("records", "Open items and notes"), lambda v: (v or "").replace("\n", "  ")),
)


def _error_label() -> QLabel:
    label = QLabel(objectName="fieldError", wordWrap=True)
    label.setStyleSheet("color: #d32f2f")
    return label


class DutyPage(RecordsPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.log_label = section_label(self)
        self.log_table = RecordsTable(RowsModel(LOG_COLUMNS))
        self.log_table.set_column_widths(150, 90, 110, 80)
        self.follow_button = QPushButton(clicked=self.follow_up_selected)
        self.kind = QComboBox()
        for code in LOG_KIND:
            self.kind.addItem("", code)
        self.officer = QLabel()  # entries are the signed-in officer's
        self.entry = QLineEdit()
        self.entry.returnPressed.connect(self.add_entry)
        self.add_button = QPushButton(clicked=self.add_entry)
        self.log_error = _error_label()
        form = QHBoxLayout()
        form.addWidget(self.officer)
        form.addWidget(self.kind)
        form.addWidget(self.entry, 1)
        form.addWidget(self.add_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.log_label)
        left_layout.addWidget(self.log_table, 1)
        left_layout.addLayout(form)
        left_layout.addWidget(self.follow_button)
        left_layout.addWidget(self.log_error)

        self.roster_label = section_label(self)
        self.roster_table = RecordsTable(RowsModel(ROSTER_COLUMNS))
        self.roster_table.setMaximumHeight(150)
        self.handover_box = QGroupBox()
        self.outgoing = QLabel()
        self.incoming = QComboBox(editable=True)
        self.incoming_password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.items_list = QListWidget()
        self.items_list.setMaximumHeight(120)
        self.items_list.setWordWrap(True)
        self.items_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.confirmed = QCheckBox()
        self.handover_button = QPushButton(clicked=self.confirm_handover)
        self.handover_error = _error_label()
        self.handover_form = QFormLayout(self.handover_box)
        self.handover_captions = [QLabel() for _ in range(5)]
        for caption, field in zip(self.handover_captions, (self.outgoing, self.incoming, self.incoming_password,
                                                           self.items_list, self.notes)):
            self.handover_form.addRow(caption, field)
        self.handover_form.addRow(self.confirmed)
        self.handover_form.addRow(self.handover_button)
        self.handover_form.addRow(self.handover_error)
        self.handovers_table = RecordsTable(RowsModel(HANDOVER_COLUMNS))
        self.handovers_table.set_column_widths(130, 70, 70)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        roster_bar = QHBoxLayout()
        roster_bar.addWidget(self.roster_label)
        roster_bar.addStretch(1)
        self.roster_button = QPushButton(clicked=self.edit_roster)
        roster_bar.addWidget(self.roster_button)
        right_layout.addLayout(roster_bar)
        right_layout.addWidget(self.roster_table)
        right_layout.addWidget(self.handover_box)
        self.handovers_label = section_label(self)
        right_layout.addWidget(self.handovers_label)
        right_layout.addWidget(self.handovers_table, 1)
        self.print_button = QPushButton(clicked=self.print_handover)
        right_layout.addWidget(self.print_button)

        self.add_split(Qt.Orientation.Horizontal, left, right)
        self.destroyed.connect(context.on_actor_changed(lambda _actor: self._show_officer()))
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Duty"))
        self.log_label.setText(self.tr("Duty log"))
        for index, code in enumerate(LOG_KIND):
            self.kind.setItemText(index, tr_records(LOG_KIND[code]))
        self.entry.setPlaceholderText(self.tr("What happened, who called, what was instructed…"))
        self._show_officer()
        self.add_button.setText(self.tr("Add entry"))
        self.roster_label.setText(self.tr("On duty now and today"))
        self.roster_button.setText(self.tr("Roster…"))
        self.follow_button.setText(self.tr("Follow up the selected complaint…"))
        self.print_button.setText(self.tr("Print the selected handover…"))
        self.handover_box.setTitle(self.tr("Shift handover"))
        self.incoming_password.setPlaceholderText(self.tr("The incoming officer enters their password"))
        for caption, text in zip(self.handover_captions, (self.tr("Outgoing officer"), self.tr("Incoming officer"),
                                                          self.tr("Password"), self.tr("Open items"),
                                                          self.tr("Notes"))):
            caption.setText(text)
        self.handovers_label.setText(self.tr("Recent handovers"))
        self.confirmed.setText(self.tr("The incoming officer has read the open items and takes over"))
        self.handover_button.setText(self.tr("Confirm handover"))
        self.refresh_open_items()

    def refresh(self) -> None:
        log = duty.recent_log(self.reader)
        self.log_table.model.set_rows([dict(row, follow_status=duty.complaint_status(self.reader, row))
                                       if row["kind"] == "complaint" else row for row in log])
        now = time.time()
        roster = duty.shifts_between(self.reader, now - 12 * 3600, now + 24 * 3600)
        self.roster_table.model.set_rows([dict(row, span=shift_text(row)) for row in roster
                                          if duty.shift_span(row)[1] > now][:6])
        current = self.incoming.currentText()
        self.incoming.clear()
        self.incoming.addItems([""] + [account.username for account in accounts(self.context).list()
                                       if account.username != self.context.operator and not account.locked])
        self.incoming.setCurrentText(current)
        self.handovers_table.model.set_rows(duty.recent_handovers(self.reader))
        self.refresh_open_items()

    def refresh_open_items(self) -> None:
        self.items_list.clear()
        now = time.time()
        engine = self.context.services.get("alarm_engine")
        alarms = duty.alarm_summaries(engine.records(), now) if engine is not None else []
        links = {name: self.context.links.state(name) for name in ("backend", "field", "video")}
        for item in duty.open_items(self.reader, self.context.divisions, now, alarms, links):
            entry = QListWidgetItem(item_text(item, self.division_name))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.items_list.addItem(entry)
        if self.items_list.count() == 0:
            self.items_list.addItem(self.tr("No open items"))

    def _show_officer(self) -> None:
        actor = self.context.actor
        self.officer.setText(actor.display_name)
        self.outgoing.setText(f"{actor.display_name} ({actor.username})")

    def add_entry(self) -> None:
        try:
            duty.append_log(self.store, self.context.actor, self.kind.currentData(), self.entry.text(),
                            drill_id=current_drill_id(self.context))
        except (StoreError, PermissionDenied) as exc:
            self.log_error.setText(str(exc))
            return
        self.log_error.clear()
        self.entry.clear()
        self.refresh()

    def confirm_handover(self) -> None:
        checked = [self.items_list.item(i) for i in range(self.items_list.count())
                   if self.items_list.item(i).checkState() == Qt.CheckState.Checked
                   and self.items_list.item(i).data(Qt.ItemDataRole.UserRole) is not None]
        try:
            incoming = self._incoming_actor()
            duty.confirm_handover(self.store, self.context.actor, incoming, [e.text() for e in checked],
                                  self.notes.toPlainText(), self.confirmed.isChecked(),
                                  items=[e.data(Qt.ItemDataRole.UserRole) for e in checked])
        except (StoreError, PermissionDenied, SignInRefused) as exc:
            self.handover_error.setText(str(exc))
            return
        finally:
            self.incoming_password.clear()
        self.handover_error.clear()
        self.notes.clear()
        self.confirmed.setChecked(False)
        self.context.sign_in(incoming)  # the seat is the incoming officer's from now on
        self.incoming.setCurrentText("")
        self.refresh()

    def follow_up_selected(self) -> None:
        index = self.log_table.selected_row()
        row = None if index is None else self.log_table.model.rows[index]
        if row is None or row["kind"] != "complaint":
            self.log_error.setText(self.tr("Select a complaint in the duty log first."))
            return
        labels = [tr_records(COMPLAINT_STATUS[code]) for code in COMPLAINT_STATUS]
        label, ok = QInputDialog.getItem(self, self.tr("Follow up"), self.tr("New status"), labels, 1, False)
        if not ok:
            return
        text, ok = QInputDialog.getText(self, self.tr("Follow up"), self.tr("What was done"))
        if not ok:
            return
        try:
            duty.follow_up_complaint(self.store, self.reader, self.context.actor, row["id"],
                                     list(COMPLAINT_STATUS)[labels.index(label)], text)
        except (StoreError, PermissionDenied) as exc:
            self.log_error.setText(str(exc))
            return
        self.log_error.clear()
        self.refresh()

    def edit_roster(self) -> None:
        RosterDialog(self.store, self.reader, self.context.actor, self).exec()
        self.refresh()

    def handover_dialog(self) -> DocumentDialog | None:
        """The printable form of the selected handover (the latest when none is selected)."""
        rows, index = self.handovers_table.model.rows, self.handovers_table.selected_row()
        row = rows[index] if index is not None else next(iter(rows), None)
        if row is None:
            return None
        stamp = time.strftime("%Y%m%d-%H%M", time.localtime(row["at"]))
        return DocumentDialog(self.handover_document(row), self.tr("Shift handover"),
                              f"handover-{self.node}-{stamp}.pdf", self)

    def handover_document(self, row: dict) -> str:
        """The handover as HTML, the officers by their names (the row stores usernames)."""
        names = accounts(self.context).display_names()
        named = dict(row, from_officer=names.get(row["from_officer"], row["from_officer"]),
                     to_officer=names.get(row["to_officer"], row["to_officer"]))
        return handover_html(self.division_name(self.node), named, duty.handover_items(row), self.division_name)

    def print_handover(self) -> None:
        dialog = self.handover_dialog()
        if dialog is None:
            self.handover_error.setText(self.tr("No handover to print yet."))
            return
        dialog.exec()

    def _incoming_actor(self):
        """The incoming officer, verified by their password (None when no one is named or the
        handover is not confirmed yet: no sign-in is tried, nor counted, before that)."""
        username = self.incoming.currentText().strip()
        if not username or not self.confirmed.isChecked():
            return None
        return accounts(self.context).sign_in(username, self.incoming_password.text())
