"""A store that cannot be written (read-only here; disk full in tests/test_error_paths.py) is
shown to the operator by every records form, the entry stays on screen, nothing half-stored."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from console.pages.duty import DutyPage
from console.pages.emergency import EmergencyPage
from console.pages.enforcement import EnforcementPage
from console.pages.registry import RegistryPage
from server_link import credit_code
from server_link.local_store import StoreWriteFailed

NOT_STORED = "cannot be written"


def _read_only(store) -> int:
    """Make the store refuse writes the way a read-only file does; returns the outbox size."""
    store._db.execute("PRAGMA query_only = ON")
    return store.pending_count()


def test_the_store_reports_a_failed_write_as_one_line_and_stores_nothing(province):
    from console.records.store_access import records_services

    store, _ = records_services(province)
    pending, logs = _read_only(store), store.count("duty_log")
    with pytest.raises(StoreWriteFailed) as caught:
        store.insert("duty_log", "130000", officer="王芳", kind="call", text="县局来电", at=1.0)
    assert str(store.path) in str(caught.value) and "\n" not in str(caught.value)
    assert store.pending_count() == pending and store.count("duty_log") == logs


def test_duty_log_entry_stays_in_the_form_with_the_reason(qtbot, open_page, province):
    page = open_page(DutyPage, province)
    pending = _read_only(page.store)
    page.entry.setText("县局来电：道路结冰")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert NOT_STORED in page.log_error.text()
    assert page.entry.text() == "县局来电：道路结冰" and page.store.pending_count() == pending


def test_handover_stays_in_the_form_with_the_reason(qtbot, open_page, province):
    page = open_page(DutyPage, province)
    pending = _read_only(page.store)
    page.incoming.setCurrentText("值班员乙")
    page.notes.setPlainText("夜间注意降雨")
    page.confirmed.setChecked(True)
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    assert NOT_STORED in page.handover_error.text()
    assert page.notes.toPlainText() == "夜间注意降雨" and page.confirmed.isChecked()
    assert page.store.pending_count() == pending


def test_enterprise_form_stays_open_with_the_reason(qtbot, open_page, province):
    page = open_page(RegistryPage, province)
    dialog = page.enterprise_dialog(None)
    dialog.fields["name"].setText("石家庄恒泰化工有限公司")
    dialog.fields["credit_code"].setText(credit_code.make("130102", "87654321"))
    dialog.fields["division"].setCurrentIndex(dialog.fields["division"].findData("130102"))
    pending = _read_only(page.store)
    dialog.save()
    assert NOT_STORED in dialog.save_error.text() and dialog.saved_id is None
    assert dialog.result() == 0 and dialog.fields["name"].text() == "石家庄恒泰化工有限公司"
    assert page.store.pending_count() == pending


def test_incident_dialog_stays_open_with_the_reason(qtbot, open_page, county):
    from widgets.records_incident_dialog import IncidentDialog

    page = open_page(EmergencyPage, county)
    dialog = IncidentDialog(page.store, page.reader, page.context.actor, page.division_combo(), page)
    dialog.title.setText("车间火灾")
    dialog.division.setCurrentIndex(dialog.division.findData("130102"))
    pending = _read_only(page.store)
    dialog.save()
    assert NOT_STORED in dialog.error.text() and dialog.saved_id is None and dialog.title.text() == "车间火灾"
    assert page.store.pending_count() == pending


def test_emergency_report_says_it_was_not_recorded(qtbot, open_page, county):
    page = open_page(EmergencyPage, county)
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    pending = _read_only(page.store)
    shown = []

    def answer_the_warning():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, answer_the_warning)

    QTimer.singleShot(0, answer_the_warning)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and NOT_STORED in shown[0]
    assert page.store.pending_count() == pending


def test_hazard_advance_shows_the_reason(qtbot, open_page, province):
    page = open_page(EnforcementPage, province)
    row = next(r for r, h in enumerate(page.hazards.model.rows) if h["status"] == "reported")
    hazard_id = page.hazards.model.rows[row]["id"]
    page.hazards.view.selectRow(row)
    pending = _read_only(page.store)
    qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
    assert NOT_STORED in page.advance_error.text()
    assert page.store.get("hazard", hazard_id)["status"] == "reported" and page.store.pending_count() == pending
