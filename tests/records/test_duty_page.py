"""Duty page on real SQLite stores: durable log entries, handover with confirmation, roster."""
from __future__ import annotations

from PySide6.QtCore import Qt

from console.operators.permissions import Actor, Role
from console.pages.duty import DutyPage
from console.records import duty
from console.records.store_access import accounts
from server_link.local_store import LocalStore
from domain.divisions import hebei

ADMIN = Actor("admin", "管理员", Role.ADMINISTRATOR, "130000")


def sign_in_wangfang(context):
    accounts(context).add(ADMIN, "wangfang", "王芳", Role.DUTY_OFFICER, "wangfang-pass")
    context.sign_in(accounts(context).sign_in("wangfang", "wangfang-pass"))


def test_log_entry_is_in_the_store_and_outbox_before_it_is_shown(qtbot, open_page, province):
    sign_in_wangfang(province)
    page = open_page(DutyPage, province)
    assert page.officer.text() == "王芳"
    shown_before = page.log_table.model.rowCount()
    shown_at_reset = []
    page.log_table.model.modelReset.connect(
        lambda: shown_at_reset.append(any(r["text"] == "县局来电：道路结冰" for r in page.store.rows("duty_log"))))
    page.kind.setCurrentIndex(page.kind.findData("call"))
    page.entry.setText("县局来电：道路结冰")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert shown_at_reset == [True]
    assert page.log_table.model.rowCount() == shown_before + 1
    assert page.log_table.model.rows[0]["text"] == "县局来电：道路结冰"
    assert page.entry.text() == ""
    ops = page.store.pending_ops(100)
    assert [op.kind for op in ops if op.table == "duty_log"] == ["append"]
    # a second connection (as after a restart) sees it
    reopened = LocalStore(page.store.path, "130000", hebei())
    assert any(row["officer"] == "wangfang" for row in reopened.rows("duty_log"))
    assert [(row["username"], row["action"]) for row in reopened.rows("audit_event")
            if row["action"] == "duty_log"] == [("wangfang", "duty_log")]
    reopened.close()


def test_empty_entry_is_refused_with_the_reason_and_nothing_is_stored(qtbot, open_page, province):
    page = open_page(DutyPage, province)
    count = page.store.count("duty_log")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "text" in page.log_error.text()
    assert page.store.count("duty_log") == count


def test_handover_needs_the_incoming_officer_signed_in_and_confirmation(qtbot, open_page, province):
    sign_in_wangfang(province)
    accounts(province).add(ADMIN, "zhangwei", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    page = open_page(DutyPage, province)
    assert page.roster_table.model.rowCount() >= 1
    assert page.outgoing.text() == "王芳 (wangfang)"
    assert page.items_list.count() >= 3  # three running reports and the overdue hazards
    page.confirmed.setChecked(True)
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    assert "incoming officer" in page.handover_error.text()
    page.confirmed.setChecked(False)
    page.incoming.setCurrentText("zhangwei")
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    assert "not confirmed" in page.handover_error.text()
    page.confirmed.setChecked(True)
    page.incoming_password.setText("wrong-password")
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    assert "wrong password" in page.handover_error.text() and page.incoming_password.text() == ""
    assert page.store.count("shift_handover") == 0 and accounts(province).find("zhangwei").failed_attempts == 1
    page.notes.setPlainText("夜间注意降雨")
    page.incoming.setCurrentText("zhangwei")
    page.incoming_password.setText("zhangwei-pass")
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    (row,) = page.store.rows("shift_handover")
    assert (row["from_officer"], row["to_officer"]) == ("wangfang", "zhangwei")
    assert row["notes"].startswith("• ") and row["notes"].endswith("夜间注意降雨")
    assert page.handovers_table.model.rowCount() == 1
    assert province.operator == "zhangwei" and page.outgoing.text() == "张伟 (zhangwei)"
    assert not page.confirmed.isChecked()
    (handover,) = [row for row in page.store.rows("audit_event") if row["action"] == "handover"]
    assert handover["username"] == "wangfang" and '"to": "zhangwei"' in handover["after"]
    assert len(duty.handover_items(row)) == row["notes"].count("• ")
    dialog = page.handover_dialog()
    qtbot.addWidget(dialog)
    printed = dialog.view.toPlainText()
    assert "王芳" in printed and "张伟" in printed and "夜间注意降雨" in printed
    assert all(item.title in printed for item in duty.handover_items(row))


def test_roster_dialog_adds_a_shift_of_any_hours(qtbot, open_page, province):
    from PySide6.QtCore import QDateTime
    from widgets.records_roster import RosterDialog

    page = open_page(DutyPage, province)
    dialog = RosterDialog(page.store, page.reader, page.context.actor, page)
    qtbot.addWidget(dialog)
    before = dialog.shifts.model.rowCount()
    start = dialog.starts.dateTime()
    dialog.officer.setText("李娜")
    dialog.ends.setDateTime(QDateTime(start).addSecs(6 * 3600))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == ""
    assert dialog.shifts.model.rowCount() == before + 1
    assert any(row["officer"] == "李娜" and row["ends_at"] - row["starts_at"] == 6 * 3600
               for row in page.store.rows("duty_roster"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "already on duty" in dialog.error.text()


def test_empty_county_says_so(qtbot, open_page, empty_county):
    page = open_page(DutyPage, empty_county)
    assert page.log_table.is_empty() and page.roster_table.is_empty()
    assert page.log_table.empty_label.text() in ("No records in this jurisdiction", "本辖区暂无记录")
