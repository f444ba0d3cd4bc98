"""Emergency page on real SQLite stores: countdowns, who still has to report, recording a hop."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt

from console.pages.emergency import RELOAD_EVERY_TICKS, EmergencyPage
from console.records.accident_class import Casualties
from console.records.incidents import Location, open_incidents, register_incident
from console.records.reporting import HopState
from widgets.records_table import LATE_COLOUR


def test_province_sees_every_open_incident_and_its_chain(qtbot, open_page, province):
    page = open_page(EmergencyPage, province)
    assert page.tree.topLevelItemCount() == 3
    first = page.tree.topLevelItem(0)
    assert first.childCount() >= 2
    # the enterprise reported, so the county is the one still to report
    assert "Chang" in first.text(4) or "长安" in first.text(4)


def test_overdue_hop_turns_red_when_the_clock_passes_its_deadline(qtbot, open_page, province):
    page = open_page(EmergencyPage, province)
    item = page.tree.items[0]
    chain = item.chain(province.divisions, time.time())
    due = next(h for h in chain if h.state is HopState.DUE)
    hop_line = page.tree.topLevelItem(0).child(chain.index(due))
    assert hop_line.foreground(3).color() != LATE_COLOUR
    page.tree.tick(now=due.due_at + 61)
    assert hop_line.foreground(3).color() == LATE_COLOUR
    assert hop_line.text(3) in ("overdue 0 h 1 min", "超时 0 小时 1 分")
    page.tree.tick(now=due.due_at + 9914 * 3600 + 41 * 60 + 40)
    assert hop_line.text(3) in ("overdue 9914 h 41 min", "超时 9914 小时 41 分")


def test_county_records_its_report_and_the_city_becomes_next(qtbot, open_page, county):
    page = open_page(EmergencyPage, county)
    assert page.tree.topLevelItemCount() == 1
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    assert page.report_button.isEnabled()
    pending_before = page.store.pending_count()
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    assert page.store.pending_count() == pending_before + 2  # report and its audit row, in the outbox before the UI changed
    (item,) = open_incidents(page.reader)
    chain = item.chain(county.divisions, time.time())
    assert chain[1].state is HopState.REPORTED
    # the county has nothing left to do: the city's clock runs now
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    assert not page.report_button.isEnabled()


def test_resources_filter_by_division(qtbot, open_page, province):
    page = open_page(EmergencyPage, province)
    supplies = page.resource_tables["supply"].model
    everything = supplies.rowCount()
    assert everything == 12
    index = page.division_filter.findData("130102")
    page.division_filter.setCurrentIndex(index)
    assert supplies.rowCount() == 1
    assert {row["division"] for row in supplies.rows} == {"130102"}


def test_empty_county_says_so(qtbot, open_page, empty_county):
    page = open_page(EmergencyPage, empty_county)
    assert page.no_incidents.isVisibleTo(page) and not page.tree.isVisibleTo(page)
    assert page.resource_tables["supply"].is_empty()


def test_incident_written_elsewhere_appears_on_the_next_reload(qtbot, open_page, county):
    page = open_page(EmergencyPage, county)
    assert page.tree.topLevelItemCount() == 1
    register_incident(page.store, page.reader, county.actor, "130102", "储罐泄漏", "leak",
                      Location(lon=114.5, lat=38.0), Casualties(deaths=3), time.time() - 60)
    for _ in range(RELOAD_EVERY_TICKS):
        page.tick()
    assert page.tree.topLevelItemCount() == 2


def test_incident_dialog_names_the_missing_division_then_saves(qtbot, open_page, county):
    from widgets.records_incident_dialog import IncidentDialog

    page = open_page(EmergencyPage, county)
    dialog = IncidentDialog(page.store, page.reader, county.actor, page.division_combo(), page)
    qtbot.addWidget(dialog)
    dialog.title.setText("车间火灾")
    dialog.save()
    assert dialog.saved_id is None and dialog.error.text()
    dialog.division.setCurrentIndex(dialog.division.findData("130102"))
    assert dialog.enterprise.count() > 1  # the county's enterprises to pick from
    dialog.enterprise.setCurrentIndex(1)
    dialog.deaths.setValue(9)
    assert dialog.accident_class.text() in ("Larger", "较大")
    dialog.injuries.setValue(50)
    assert dialog.accident_class.text() in ("Major", "重大")
    dialog.save()
    assert dialog.saved_id is not None and dialog.result() == dialog.DialogCode.Accepted
    row = page.store.get("incident", dialog.saved_id)
    assert (row["level"], row["deaths"], row["serious_injuries"]) == (2, 9, 50)
    assert row["enterprise_id"] == dialog.enterprise.itemData(1)
    page.refresh()
    assert page.tree.topLevelItemCount() == 2


def test_selected_incident_shows_nearby_resources_and_dispatches(qtbot, open_page, county):
    page = open_page(EmergencyPage, county)
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    rows = page.near.model.rows
    assert rows and [row["km"] for row in rows] == sorted(row["km"] for row in rows)
    assert {row["table"] for row in rows} == {"rescue_team", "supply", "equipment"}
    team = next(index for index, row in enumerate(rows) if row["table"] == "rescue_team")
    page.near.view.selectRow(team)
    page.dispatch_selected()
    assert [row["resource_name"] for row in page.dispatched.model.rows] == [rows[team]["name"]]
    assert page.experts.model.rowCount() >= 1


def test_show_on_the_map_marks_the_incident_and_its_nearest_resources(qtbot, county, tmp_path):
    import shiboken6
    from PySide6.QtCore import QSettings

    from console.main_window import MainWindow

    window = MainWindow(county, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), persist=False)
    try:
        page = window.show_page("emergency")
        page.tree.setCurrentItem(page.tree.topLevelItem(0))
        located = [row for row in page.near.model.rows if row.get("lon") is not None]
        assert page.map_button.isEnabled() and located
        page.map_button.click()
        assert window.current_page_key() == "overview"
        overlay = window.page("overview").map.incident
        assert [resource.kind for resource in overlay.resources] == [row["table"] for row in located]
        assert overlay.resources[0].label.endswith(f"{located[0]['km']:.1f} km")
    finally:  # the pages' timers must not outlive the store the fixture closes
        shiboken6.delete(window)
