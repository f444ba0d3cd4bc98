"""Registry page workflows on real SQLite stores: the audit queue with counts, import dialog
(bad rows listed, good rows only), export, completeness statistics, refusals shown."""
from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from console.operators.permissions import Actor, Role
from console.pages.registry import RegistryPage
from console.records import registry
from console.records.labels import AUDIT_STATE
from tests.records.conftest import _close, make_context
from tests.records.test_registry_import import good_row, write_csv, write_xlsx
from widgets.records_page import tr_records

COUNTY_OFFICER = Actor("zhang", "张三", Role.DUTY_OFFICER, "130102")


@pytest.fixture()
def city(tmp_path):
    context = make_context(tmp_path, "130100")
    yield context
    _close(context)


def _page(open_page, context):
    page = open_page(RegistryPage, context)
    page.resize(1600, 900)
    page.show()
    return page


def _enter(page, serial: int, division: str = "130102") -> str:
    row = good_row(serial, division)
    return registry.create(page.store, COUNTY_OFFICER, page.context.divisions, {
        "credit_code": row["统一社会信用代码"], "name": row["企业名称"], "division": division,
        "industry": "hazardous_chemicals", "supervision_level": "county", "address": row["地址"]})


def test_audit_queue_counts_filters_approves_and_returns(qtbot, open_page, city):
    page = _page(open_page, city)
    for serial in range(1, 4):
        _enter(page, serial)
    page.audit_filter.setCurrentIndex(page.audit_filter.findData("pending"))
    assert page.model.rowCount() == 3
    assert page._counts == {"pending": 3}
    page.table.view.selectRow(0)
    first = page.selected_id()
    assert page.approve_button.isEnabled() and page.return_button.isEnabled()
    assert [page.detail.history.model.rows[0]["action"]] == ["created"]
    page.approve_selected()
    assert page.store.get("enterprise", first)["audit_state"] == "approved"
    assert page.model.rowCount() == 2 and page._counts == {"pending": 2, "approved": 1}
    assert f"{tr_records(AUDIT_STATE['approved'])} 1" in page.audit_counts.text()
    page.table.view.selectRow(0)
    returned = page.selected_id()
    page.return_selected("")
    assert "reason" in page.message.text() and page.store.get("enterprise", returned)["audit_state"] == "pending"
    page.return_selected("缺少法定代表人")
    assert page.store.get("enterprise", returned)["audit_note"] == "缺少法定代表人"
    page.audit_filter.setCurrentIndex(page.audit_filter.findData("returned"))
    page.table.view.selectRow(0)
    assert page.detail.values["audit_note"].text() == "缺少法定代表人"
    assert [r["action"] for r in page.detail.history.model.rows] == ["returned", "created"]


def test_a_county_node_cannot_approve_its_own_entries(qtbot, open_page, county):
    page = _page(open_page, county)
    _enter(page, 1)
    page.audit_filter.setCurrentIndex(page.audit_filter.findData("pending"))
    page.table.view.selectRow(0)
    assert page.selected_id() is not None and not page.approve_button.isEnabled()


def test_import_dialog_lists_bad_rows_and_stores_only_the_good_ones_when_asked(qtbot, open_page, county, tmp_path):
    page = _page(open_page, county)
    before = page.model.rowCount()
    path = write_xlsx(tmp_path / "import.xlsx", [good_row(1), good_row(2, 行业类别="养殖业"),
                                                 good_row(3, 经度=100.0, 纬度=30.0), good_row(4)])
    dialog = page.import_dialog()
    qtbot.addWidget(dialog)
    dialog.check_file(path)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.validation is not None, timeout=10_000)
    rows = dialog.errors.model.rows
    assert [(r["row"], r["column"]) for r in rows] == [(3, "行业类别"), (4, "经度")]
    assert not dialog.import_button.isEnabled()  # bad rows: nothing stored unless chosen
    dialog.good_only.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.store_file()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)
    assert page.model.rowCount() == before + 2
    assert page._counts.get("pending") == 2


def test_import_dialog_reads_gbk_csv(qtbot, open_page, county, tmp_path):
    page = _page(open_page, county)
    dialog = page.import_dialog()
    qtbot.addWidget(dialog)
    dialog.check_file(write_csv(tmp_path / "gbk.csv", [good_row(5), good_row(6)], "gbk"))
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.validation is not None, timeout=10_000)
    assert len(dialog.validation.good) == 2 and dialog.import_button.isEnabled()


def test_export_writes_the_filtered_list(qtbot, open_page, county, tmp_path):
    page = _page(open_page, county)
    page.industry_filter.setCurrentIndex(page.industry_filter.findData("coal_mine"))
    expected = page.model.rowCount()
    assert 0 < expected < 40
    page.export_to(tmp_path / "out.xlsx")
    qtbot.waitUntil(lambda: not page.is_exporting(), timeout=10_000)
    sheet = load_workbook(tmp_path / "out.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("统一社会信用代码", "企业名称") and len(rows) == expected + 1
    assert {row[3] for row in rows[1:]} == {"煤矿"}


def test_completeness_tab_shows_shares_per_division(qtbot, open_page, province):
    page = _page(open_page, province)
    page.tabs.setCurrentWidget(page.completeness)
    qtbot.waitUntil(lambda: not page.is_computing() and page.completeness.whole is not None, timeout=10_000)
    entries, whole = page.completeness.entries, page.completeness.whole
    assert whole.total == 600 and sum(e.total for e in entries) == 600
    assert {e.division for e in entries} <= set(province.divisions.children("130000"))
    last = page.completeness.table.model.rows[-1]
    assert last["total"] == "600" and last["phone"] == f"{whole.share('phone') * 100:.1f} %"
    assert len(page.completeness.plot.getPlotItem().items) == 5  # one bar series per key field + approved


def test_a_refused_entry_is_shown_on_the_page(qtbot, open_page, county):
    page = _page(open_page, county)
    _enter(page, 7)
    (op,) = [op for op in page.store.pending_ops(10) if op.table == "enterprise"]
    page.store.acknowledge({op.op_id: "rejected: credit code X is already registered by another jurisdiction"})
    page.refresh()
    assert page.refusals.isVisible()
    assert "already registered by another jurisdiction" in page.refusals.text()
    assert json.loads(page.store.rejected()[0]["fields"])["name"] in page.refusals.text()
