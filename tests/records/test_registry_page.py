"""Registry page on real SQLite stores: paging, search, filters, detail, add/edit with code checks."""
from __future__ import annotations


from console.pages.registry import RegistryPage
from server_link import credit_code


def _page(open_page, context):
    page = open_page(RegistryPage, context)
    page.resize(1400, 800)
    page.show()
    return page


def test_rows_are_paged_from_sqlite_not_loaded_whole(qtbot, open_page, province):
    page = _page(open_page, province)
    model = page.model
    assert model.rowCount() == 600
    assert model.cached_rows() <= model.BLOCK * 2  # only what the view painted
    page.table.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.cached_rows() > 0 and 599 // model.BLOCK in model._blocks)
    assert model.row_dict(599)["credit_code"] >= model.row_dict(0)["credit_code"]


def test_search_by_name_and_by_credit_code(qtbot, open_page, province):
    page = _page(open_page, province)
    first = page.model.row_dict(0)
    page.search.setText(first["name"][2:])  # a fragment of the name, unique thanks to its serial
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.search.setText(first["credit_code"].lower())
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_dict(0)["id"] == first["id"]
    page.search.setText("no such enterprise %_")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.table.is_empty()


def test_filters_by_division_industry_and_level(qtbot, open_page, province):
    page = _page(open_page, province)
    page.division_filter.setCurrentIndex(page.division_filter.findData("130100"))  # a city: its counties
    in_city = page.model.rowCount()
    assert 0 < in_city < 600
    divisions = {page.model.row_dict(r)["division"] for r in range(in_city)}
    assert divisions <= province.divisions.jurisdiction("130100")
    page.industry_filter.setCurrentIndex(page.industry_filter.findData("coal_mine"))
    page.level_filter.setCurrentIndex(page.level_filter.findData("county"))
    rows = [page.model.row_dict(r) for r in range(page.model.rowCount())]
    assert rows and all(r["industry"] == "coal_mine" and r["supervision_level"] == "county" for r in rows)


def test_detail_shows_hazard_sources_with_r_and_grade(qtbot, open_page, province):
    page = _page(open_page, province)
    source = page.store.rows("hazard_source")[0]
    page.search.setText(page.store.get("enterprise", source["enterprise_id"])["credit_code"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.view.selectRow(0)
    assert page.detail.body.isVisibleTo(page)
    model = page.detail.sources.model
    assert model.rowCount() >= 1
    assert model.data(model.index(0, 1)) == f"{source['r_value']:.1f}"
    assert model.data(model.index(0, 2)) == str(source["grade"])


def test_wrong_check_character_is_shown_next_to_the_field_and_nothing_is_stored(qtbot, open_page, province):
    page = _page(open_page, province)
    dialog = page.enterprise_dialog(None)
    good = credit_code.make("130102", "12345678")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    dialog.fields["name"].setText("石家庄测试化工有限公司")
    qtbot.keyClicks(dialog.fields["credit_code"], bad.lower())
    assert dialog.fields["credit_code"].text() == bad
    assert not dialog.errors["credit_code"].isHidden()
    assert "check character" in dialog.errors["credit_code"].text()
    dialog.fields["division"].setCurrentIndex(dialog.fields["division"].findData("130102"))
    before = page.store.count("enterprise")
    dialog.save()
    assert dialog.result() == 0 and page.store.count("enterprise") == before
    dialog.fields["credit_code"].setText(good)
    dialog.save()
    assert dialog.saved_id is not None
    assert page.store.get("enterprise", dialog.saved_id)["credit_code"] == good
    assert any(op.row_id == dialog.saved_id for op in page.store.pending_ops(1000))


def test_edit_sends_only_the_changed_field(qtbot, open_page, province):
    page = _page(open_page, province)
    page.table.view.selectRow(0)
    enterprise = page.reader.enterprise(page.selected_id())
    dialog = page.enterprise_dialog(enterprise)
    dialog.fields["phone"].setText("0311-12345678")
    dialog.save()
    (op,) = [op for op in page.store.pending_ops(1000) if op.row_id == enterprise["id"]]
    assert op.fields == {"phone": "0311-12345678"}


def test_county_node_sees_only_its_county(qtbot, open_page, county):
    page = _page(open_page, county)
    assert page.model.rowCount() == 40
    assert {page.model.row_dict(r)["division"] for r in range(40)} == {"130102"}
    dialog = page.enterprise_dialog(None)
    assert dialog.fields["division"].findData("130104") == -1  # a neighbour county is not offered


def test_empty_county_says_so(qtbot, open_page, empty_county):
    page = _page(open_page, empty_county)
    assert page.table.is_empty() and page.table.empty_label.isVisible()
