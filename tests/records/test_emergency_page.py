"""Emergency page on real SQLite stores: countdowns, who still has to report, recording a hop."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt

from console.pages.emergency import RELOAD_EVERY_TICKS, EmergencyPage
from console.records.incidents import open_incidents, register_incident
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
    assert hop_line.text(3).startswith(("OVERDUE -00:01:01", "超时 -00:01:01"))


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
    register_incident(page.store, "130102", "储罐泄漏", "leak", 3, time.time() - 60, None, actor=page.context.actor)
    for _ in range(RELOAD_EVERY_TICKS):
        page.tick()
    assert page.tree.topLevelItemCount() == 2


def test_incident_dialog_names_the_missing_division_then_saves(qtbot, open_page, county):
    from widgets.records_incident_dialog import IncidentDialog

    page = open_page(EmergencyPage, county)
    dialog = IncidentDialog(page.store, page.division_combo(), page, actor=page.context.actor)
    dialog.title.setText("车间火灾")
    dialog.save()
    assert dialog.saved_id is None and dialog.error.text()
    dialog.division.setCurrentIndex(dialog.division.findData("130102"))
    dialog.save()
    assert dialog.saved_id is not None and dialog.result() == dialog.DialogCode.Accepted
    page.refresh()
    assert page.tree.topLevelItemCount() == 2
