"""Hazard status moves forward one step at a time; overdue hazards are red; plans and records show."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from console.pages.enforcement import EnforcementPage
from console.records import enforcement
from server_link.local_store import StoreError
from server_link.models import HAZARD_STATUSES
from tests.records.rooms import officer
from widgets.records_table import LATE_COLOUR

ACTOR = officer("130000")


def test_only_the_next_status_is_allowed():
    assert enforcement.next_statuses("reported") == ("assigned",)
    assert enforcement.next_statuses("rectified") == ("verified",)
    assert enforcement.next_statuses("verified") == ()
    with pytest.raises(StoreError, match="not one of"):
        enforcement.next_statuses("lost")


def test_overdue_only_while_not_rectified():
    hazard = {"status": "rectifying", "deadline": 100.0}
    assert enforcement.is_overdue(hazard, 101.0) and not enforcement.is_overdue(hazard, 99.0)
    assert not enforcement.is_overdue(dict(hazard, status="rectified"), 101.0)


def test_overdue_hazards_are_red_and_counted(qtbot, open_page, province):
    page = open_page(EnforcementPage, province)
    model = page.hazards.model
    now = time.time()
    overdue = [r for r, row in enumerate(model.rows) if row["deadline"] < now]
    assert overdue and overdue[0] == 0  # earliest deadline first
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == LATE_COLOUR
    later = overdue[-1] + 1
    assert model.data(model.index(later, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert str(len(overdue)) in page.overdue_label.text()
    assert all(row["status"] not in ("rectified", "verified") or enforcement.rectified_late(row) for row in model.rows)


def test_advancing_offers_only_the_next_state_and_is_stored(qtbot, open_page, province):
    page = open_page(EnforcementPage, province)
    row = next(r for r, h in enumerate(page.hazards.model.rows) if h["status"] == "reported")
    hazard_id = page.hazards.model.rows[row]["id"]
    page.hazards.view.selectRow(row)
    assert [page.next_status.itemData(i) for i in range(page.next_status.count())] == ["assigned"]
    qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
    assert page.store.get("hazard", hazard_id)["status"] == "assigned"
    assert any(op.row_id == hazard_id and op.fields == {"status": "assigned"} for op in page.store.pending_ops(100))
    with pytest.raises(StoreError, match="cannot move"):
        enforcement.advance(page.store, ACTOR, hazard_id, "verified")
    for status in HAZARD_STATUSES[2:]:
        enforcement.advance(page.store, ACTOR, hazard_id, status)
    page.open_only.setChecked(False)
    page.refresh()
    done = next(r for r, h in enumerate(page.hazards.model.rows) if h["id"] == hazard_id)
    page.hazards.view.selectRow(done)
    assert page.next_status.count() == 0 and not page.advance_button.isEnabled()


def test_plans_and_records_by_division_and_county_scope(qtbot, open_page, province, county):
    page = open_page(EnforcementPage, province)
    assert page.plans.model.rowCount() == 12
    assert page.records.model.rowCount() > 0 and page.records.model.rows[0]["enterprise"]
    page.division_filter.setCurrentIndex(page.division_filter.findData("130102"))
    assert page.plans.model.rowCount() == 1
    county_page = open_page(EnforcementPage, county)
    divisions = {row["division"] for row in county_page.hazards.model.rows + county_page.records.model.rows}
    assert divisions == {"130102"}


def test_empty_county_says_so(qtbot, open_page, empty_county):
    page = open_page(EnforcementPage, empty_county)
    assert page.hazards.is_empty() and page.plans.is_empty() and page.records.is_empty()
    assert page.overdue_label.text() == ""


def test_a_capped_list_says_how_many_there_are_in_all(qtbot, open_page, province, monkeypatch):
    from console.records import queries

    monkeypatch.setattr(queries, "ROW_LIMIT", 5)
    page = open_page(EnforcementPage, province)
    assert page.hazards.model.rowCount() == 5 and page.hazard_total > 5
    assert f"of {page.hazard_total}" in page.overdue_label.text() or f"共 {page.hazard_total}" in page.overdue_label.text()
    assert "Overdue hazards" in page.overdue_label.text() or "超期隐患" in page.overdue_label.text()


def test_inspection_form_stores_the_record_with_its_hazards_and_issues_a_document(qtbot, open_page, county):
    from widgets.records_inspection_dialog import InspectionDialog

    page = open_page(EnforcementPage, county)
    dialog = InspectionDialog(page.store, page.reader, county.actor, page.division_combo(), page)
    qtbot.addWidget(dialog)
    dialog.division.setCurrentIndex(dialog.division.findData("130102"))
    dialog.enterprise.setCurrentIndex(0)
    dialog.checklist.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.findings.setPlainText("安全管理人员不在岗")
    dialog.result.setText("责令限期整改")
    dialog.hazard_text.setText("安全管理人员不在岗")
    dialog.add_hazard()
    dialog.save()
    assert dialog.saved_id is not None, dialog.error.text()
    record = page.store.get("inspection_record", dialog.saved_id)
    assert [passed for _, passed in enforcement.checklist_of(record)][:2] == [True, False]
    (hazard,) = enforcement.hazards_of(page.reader, dialog.saved_id)
    assert hazard["description"] == "安全管理人员不在岗" and hazard["status"] == "reported"
    page.refresh()
    page.tabs.setCurrentIndex(2)
    row = next(i for i, r in enumerate(page.records.model.rows) if r["id"] == dialog.saved_id)
    page.records.view.selectRow(row)
    document = page.document_dialog()
    qtbot.addWidget(document)
    assert "责令限期整改指令书" in document.view.toPlainText() and "安全管理人员不在岗" in document.view.toPlainText()


def test_plan_form_creates_and_edits_a_plan_with_its_targets(qtbot, open_page, county):
    page = open_page(EnforcementPage, county)
    dialog = page.plan_dialog(None)
    qtbot.addWidget(dialog)
    dialog.division.setCurrentIndex(dialog.division.findData("130102"))
    dialog.name.setText("2026年冬季危化专项检查")
    dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
    dialog.save()
    assert dialog.saved_id is None and "targets" in dialog.error.text()
    for index in range(3):
        dialog.targets.item(index).setCheckState(Qt.CheckState.Checked)
    assert "3" in dialog.chosen.text()
    dialog.save()
    assert dialog.saved_id is not None, dialog.error.text()
    page.refresh()
    row = next(r for r in page.plans.model.rows if r["id"] == dialog.saved_id)
    assert (row["kind"], row["planned"], row["done"]) == ("special", 3, 0)
    editor = page.plan_dialog(row)
    qtbot.addWidget(editor)
    assert len(editor.chosen_ids()) == 3 and not editor.division.isEnabled()
    editor.targets.item(0).setCheckState(Qt.CheckState.Unchecked)
    editor.save()
    assert page.store.get("inspection_plan", row["id"])["planned_count"] == 2
