"""The drill banner, the drill page and the assessment page on a real store (offscreen Qt)."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.operators import audit
from console.operators.permissions import Actor, Role
from console.pages.assessment import AssessmentPage
from console.pages.drill import DrillPage
from tests.records.pdf_text import pdf_text
from tests.support.alarm_sites import small_catalogue
from widgets.drill_banner import DrillBanner
from console.services.drill_runtime import DrillRuntime
from widgets.pdf_document import write_pdf

LEADER = Actor("wangqiang", "王强", Role.SHIFT_LEADER, "130102")
OFFICER = Actor("zhangwei", "张伟", Role.DUTY_OFFICER, "130102")


def shown_banner(qtbot, runtime) -> DrillBanner:
    """The banner in a shown window, as the main window holds it above the pages."""
    host = QWidget()
    qtbot.addWidget(host)
    banner = DrillBanner(runtime, host)
    QVBoxLayout(host).addWidget(banner)
    host.show()
    banner.host = host  # kept alive with the banner
    return banner


@pytest.fixture()
def runtime(county):
    county.services["catalogue"] = small_catalogue()
    runtime = DrillRuntime(county)
    county.services["drills"] = runtime
    yield runtime
    runtime.stop()


def test_the_banner_shows_while_a_drill_runs_and_goes_after(qtbot, runtime):
    banner = shown_banner(qtbot, runtime)
    assert not banner.isVisible()
    drill = runtime.start_drill(LEADER, "hazchem_leak", ["HC13010201"], ["130102"])
    assert banner.isVisible() and drill.title in banner.text()
    runtime.stop_drill(LEADER, drill.id)
    assert not banner.isVisible()


def test_the_main_window_shows_the_drill_banner_once_the_drill_service_has_started(qtbot, county, tmp_path):
    """The services start after the window (`console.startup`): the banner comes with its service."""
    from PySide6.QtCore import QSettings

    from console.main_window import MainWindow
    from console.startup import StagedStart

    StagedStart(county, [])  # a start-up is running
    window = MainWindow(county, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        persist=False, starting=True)
    qtbot.addWidget(window)
    window.show()
    assert window.drill_banner is None
    county.services["catalogue"] = small_catalogue()
    runtime = DrillRuntime(county)
    try:
        county.services["drills"] = runtime
        drill = runtime.start_drill(LEADER, "hazchem_leak", ["HC13010201"], ["130102"])
        assert window.drill_banner.isVisible() and drill.title in window.drill_banner.text()
    finally:
        runtime.stop()


def test_a_drill_started_on_another_node_shows_once_the_book_rereads_it(qtbot, runtime, county):
    banner = shown_banner(qtbot, runtime)
    other = DrillRuntime(county)  # a second reader of the same store: as if sync brought the row
    other.start_drill(LEADER, "tailings_flood", ["TP13010201"], ["130102"])
    other.stop()
    qtbot.waitUntil(banner.isVisible, timeout=5000)  # the runtime's one-second re-read
    assert "尾矿库汛期水位上涨" in banner.text()


def test_only_a_shift_leader_starts_a_drill_and_the_report_scores_each_node(qtbot, open_page, runtime, county,
                                                                            tmp_path):
    county.actor = OFFICER
    page = open_page(DrillPage, county)
    page.scenario.setCurrentIndex(page.scenario.findData("hazchem_leak"))
    page.sites.item(0).setSelected(True)
    assert not page.start_button.isEnabled()
    page.start()
    assert "may not start drills" in page.status.text() and runtime.book.current() is None
    assert page.chosen_sites() == ["HC13010201"]  # the choice stays

    county.actor = LEADER
    page._show_permissions()
    page.start_button.click()
    drill = runtime.book.current()
    assert drill is not None and drill.sites == ("HC13010201",)
    assert page.drills.model.rows[0]["title"] == drill.title
    assert [row["node"] for row in page.scores.model.rows] == [page.division_name("130102")]
    page.stop_button.click()
    assert runtime.book.current() is None and not page.stop_button.isEnabled()
    html, title = page.report_document()
    path = write_pdf(html, tmp_path / "drill.pdf", title)
    text = pdf_text(path)
    assert "应急演练评估报告" in text and "危化品储罐泄漏" in text


def test_the_assessment_page_shows_the_figures_and_exports_them(qtbot, open_page, county, tmp_path):
    store = county.services.get("store")
    page = open_page(AssessmentPage, county)
    qtbot.waitUntil(page.is_ready, timeout=10000)
    store = page.store
    store.record_audit([audit.entry("zhangwei", "130102", "login", "130102", at=page.chosen_span()[0] + 60)])
    page.refresh()
    qtbot.waitUntil(lambda: page.is_ready() and page.figures[0].logins == 1, timeout=10000)
    row = page.table.model.rows[0]
    assert row["node"] == "130102" and row["logins"] == 1 and row["completeness"] is not None
    path = tmp_path / "assessment.xlsx"
    page.export_to(path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[2][0] == f"{page.division_name('130102')} (130102)" and rows[2][1] == 1
