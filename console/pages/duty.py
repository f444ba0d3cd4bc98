"""Duty page: the duty log (append-only, durable before shown), today's roster, shift handover."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from console.operators.accounts import SignInRefused
from console.operators.permissions import PermissionDenied
from console.pages import QT_TRANSLATE_NOOP
from console.records import duty
from console.records.store_access import accounts
from console.records.labels import LOG_KIND, SHIFT, clock
from server_link.local_store import StoreError
from widgets.records_page import RecordsPage, section_label, tr_records, translated
from widgets.records_table import Column, RecordsTable, RowsModel

LOG_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("records", "Time"), clock),
    Column("officer", QT_TRANSLATE_NOOP("records", "Officer")),
    Column("kind", QT_TRANSLATE_NOOP("records", "Category"), translated(LOG_KIND)),
    Column("text", QT_TRANSLATE_NOOP("records", "Entry")),
)
ROSTER_COLUMNS = (
    Column("shift", QT_TRANSLATE_NOOP("records", "Shift"), translated(SHIFT)),
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
        self.log_table.set_column_widths(150, 90, 110)
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
        right_layout.addWidget(self.roster_label)
        right_layout.addWidget(self.roster_table)
        right_layout.addWidget(self.handover_box)
        self.handovers_label = section_label(self)
        right_layout.addWidget(self.handovers_label)
        right_layout.addWidget(self.handovers_table, 1)

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
        self.roster_label.setText(self.tr("Today's roster"))
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
        self.log_table.model.set_rows(duty.recent_log(self.reader))
        self.roster_table.model.set_rows(duty.roster_for(self.reader, time.strftime("%Y-%m-%d")))
        current = self.incoming.currentText()
        self.incoming.clear()
        self.incoming.addItems([""] + [account.username for account in accounts(self.context).list()
                                       if account.username != self.context.operator and not account.locked])
        self.incoming.setCurrentText(current)
        self.handovers_table.model.set_rows(duty.recent_handovers(self.reader))
        self.refresh_open_items()

    def refresh_open_items(self) -> None:
        self.items_list.clear()
        for item in duty.open_items(self.reader, self.context.divisions, time.time()):
            entry = QListWidgetItem(self._item_text(item))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.items_list.addItem(entry)
        if self.items_list.count() == 0:
            self.items_list.addItem(self.tr("No open items"))

    def _item_text(self, item: duty.OpenItem) -> str:
        if item.kind == "overdue_hazards":
            return self.tr("Hazards past their rectification deadline: %1").replace("%1", str(item.count))
        def party(code):
            return tr_records("Enterprise") if code == "" else self.division_name(code)
        return self.tr("%1: report %2 → %3 still running").replace("%1", item.title) \
            .replace("%2", party(item.reporter)).replace("%3", party(item.receiver))

    def _show_officer(self) -> None:
        actor = self.context.actor
        self.officer.setText(actor.display_name)
        self.outgoing.setText(f"{actor.display_name} ({actor.username})")

    def add_entry(self) -> None:
        try:
            duty.append_log(self.store, self.context.actor, self.kind.currentData(), self.entry.text())
        except (StoreError, PermissionDenied) as exc:
            self.log_error.setText(str(exc))
            return
        self.log_error.clear()
        self.entry.clear()
        self.refresh()

    def confirm_handover(self) -> None:
        items = [self.items_list.item(i).text() for i in range(self.items_list.count())
                 if self.items_list.item(i).checkState() == Qt.CheckState.Checked]
        try:
            incoming = self._incoming_actor()
            duty.confirm_handover(self.store, self.context.actor, incoming, items,
                                  self.notes.toPlainText(), self.confirmed.isChecked())
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

    def _incoming_actor(self):
        """The incoming officer, verified by their password (None when no one is named or the
        handover is not confirmed yet: no sign-in is tried, nor counted, before that)."""
        username = self.incoming.currentText().strip()
        if not username or not self.confirmed.isChecked():
            return None
        return accounts(self.context).sign_in(username, self.incoming_password.text())
