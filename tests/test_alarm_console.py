"""The alarm console page and banner on a real engine and journal (offscreen)."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from console.alarms.model import AlarmState
from console.config import NodeConfig
from console.context import AppContext
from console.operators.permissions import Actor, Role
from domain.values import AlarmLevel, Quality
from tests.support.alarm_sites import small_catalogue, value
from console.services.alarm_runtime import AlarmService

TAG = "HC13010201.gas_lel"


@pytest.fixture()
def context(qapp, tmp_path):
    context = AppContext(NodeConfig())
    service = AlarmService(context, small_catalogue(), tmp_path / "store.sqlite")
    context.services["alarms"] = service
    yield context
    service.stop()


def test_acknowledge_from_the_page_is_stored_before_it_says_so(qtbot, context):
    from console.operators.accounts import Accounts
    from console.pages.alarms import AlarmsPage

    store = context.services["alarms"].journal.store
    Accounts(store).add(Actor("admin", "管理员", Role.ADMINISTRATOR, "130000"), "zhangwei", "张伟",
                        Role.DUTY_OFFICER, "zhangwei-pass")
    context.sign_in(Accounts(store).sign_in("zhangwei", "zhangwei-pass"))
    page = AlarmsPage(context)
    qtbot.addWidget(page)
    now = time.time()
    context.tag_bus.publish([value(TAG, 60.0, now), value("TP13010201.pond_level", 85.0, now)])
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)  # HH, H of the gas, H of the pond
    red = [rec for rec in page.visible_records() if rec.level is AlarmLevel.RED]
    assert page.acknowledge(red) == 0 and "note is required" in page.status.text()
    assert page.acknowledge(red, "通知企业") == 1
    qtbot.waitUntil(lambda: "stored" in page.status.text())
    assert red[0].state is AlarmState.ACKED
    journal = context.services["alarms"].journal
    assert [(e.operator, e.note) for e in journal.events(kinds=["ack"])] == [("zhangwei", "通知企业")]
    qtbot.waitUntil(lambda: "张伟" in {page.proxy.index(row, 2).data() for row in range(3)})
    assert [(row["username"], row["action"], row["site"]) for row in store.rows("audit_event")
            if row["action"] == "ack"] == [("zhangwei", "ack", "HC13010201")]


def test_filters_by_level_state_and_text(qtbot, context):
    from console.pages.alarms import AlarmsPage

    page = AlarmsPage(context)
    qtbot.addWidget(page)
    now = time.time()
    context.tag_bus.publish([value(TAG, 60.0, now), value("TP13010201.pond_level", 85.0, now)])
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [rec.level for rec in page.visible_records()] == [AlarmLevel.RED, AlarmLevel.ORANGE, AlarmLevel.ORANGE]
    page.table.selectRow(2)
    selected = page.selected_records()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.visible_records()[0].level is AlarmLevel.ORANGE
    assert page.selected_records() == selected  # the selection follows its row through a re-sort
    page.filters.level_boxes[AlarmLevel.ORANGE].setChecked(False)
    assert {rec.level for rec in page.visible_records()} == {AlarmLevel.RED}
    page.filters.level_boxes[AlarmLevel.ORANGE].setChecked(True)
    page.filters.text_edit.setText("库水位")
    assert [rec.tag for rec in page.visible_records()] == ["TP13010201.pond_level"]
    page.filters.text_edit.setText("")
    page.filters.escalated_box.setChecked(True)  # nothing has escalated to the province yet
    assert page.visible_records() == []
    page.filters.escalated_box.setChecked(False)
    page.shelve([page.visible_records()[0]], 30, "检修")
    qtbot.waitUntil(lambda: "stored" in page.status.text())
    page.filters.state_combo.setCurrentIndex(3)  # shelved
    assert [rec.state for rec in page.visible_records()] == [AlarmState.SHELVED]


def test_flood_groups_rows_by_site(qtbot, context):
    from console.pages.alarms import AlarmsPage

    page = AlarmsPage(context)
    qtbot.addWidget(page)
    now = time.time()
    context.tag_bus.publish([value(tag, 95.0, now) for tag in context.services["alarms"].catalogue.tags])
    context.tag_bus.publish([value(tag, 5.0, now + 1) for tag in context.services["alarms"].catalogue.tags])
    context.tag_bus.publish([value(tag, 95.0, now + 2) for tag in context.services["alarms"].catalogue.tags])
    assert context.services["alarms"].engine.flood.in_flood
    qtbot.waitUntil(lambda: page._grouped)
    assert page.proxy.rowCount() == 2  # two sites
    assert len(page.visible_records()) == len(page.model.records()) - sum(
        1 for rec in page.model.records() if not rec.annunciated)


def test_banner_counts_and_silence(qtbot, context):
    from widgets.alarm_banner import AlarmBanner

    banner = AlarmBanner(context)
    qtbot.addWidget(banner)
    banner.annunciator.enabled = False  # no sound device in tests; the logic still runs
    context.tag_bus.publish([value(TAG, 60.0, time.time())])
    banner.refresh()
    assert banner.chips[AlarmLevel.RED].text().endswith("1 / 1")
    assert banner.chips[AlarmLevel.ORANGE].text().endswith("1 / 1")
    assert banner.annunciator.level is AlarmLevel.RED
    assert "gas" in banner.oldest.full_text() or "可燃气体" in banner.oldest.full_text()


def test_annunciator_repeats_until_silenced_and_a_new_alarm_unsilences(qtbot, monkeypatch):
    from widgets import alarm_tone

    monkeypatch.setitem(alarm_tone.TONES, AlarmLevel.RED, (1000.0, 1, 0.05))
    tone = alarm_tone.Annunciator(enabled=True)
    tone._player = None  # QApplication.beep(): no sound device here
    tone.update(AlarmLevel.RED, new_alarm=True)
    qtbot.waitUntil(lambda: tone.played >= 3)
    tone.silence()
    played = tone.played
    tone.update(AlarmLevel.RED, new_alarm=False)
    assert not tone.sounding and tone.played == played
    tone.update(AlarmLevel.RED, new_alarm=True)
    assert tone.sounding
    tone.update(None, new_alarm=False)
    assert not tone.sounding


def test_history_search_kpi_export_and_linked_panel(qtbot, context, tmp_path):
    from console.pages.alarms import AlarmsPage

    page = AlarmsPage(context)
    qtbot.addWidget(page)
    now = time.time()
    context.tag_bus.publish([value(TAG, 30.0, now - 60), value(TAG, 5.0, now - 50), value(TAG, 30.0, now - 40)])
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    page.table.selectRow(0)
    text = page.linked.details.text() + page.linked.links.text()
    # no trend service and an empty registry here: both said plainly
    assert "测试储罐区" in text and "trend service is not running" in text
    assert "No enterprise registered for this site" in page.linked.enterprise.text()
    # the video page is built, so the camera is offered instead of listed as missing
    assert page.linked.camera_button.isVisibleTo(page) and "Site camera" not in text

    assert context.services["alarms"].journal.flush()
    page.history.history_text.setText("gas_lel")
    page.history.search_history()
    qtbot.waitUntil(lambda: page.history.history_model.rowCount() == 4)  # raise, clear, raise, the operator's first look
    assert page.history.history_status.text() == "4 events"

    page.kpi.compute_kpi()
    qtbot.waitUntil(lambda: page.kpi.kpi_report is not None)
    assert page.kpi.kpi_report.total == 2 and "Peak 10 min" in page.kpi.kpi_summary.text()
    page.kpi.kpi_node.setCurrentIndex(page.kpi.kpi_node.findData("130200"))  # Tangshan: none of these alarms
    page.kpi.kpi_report = None
    page.kpi.compute_kpi()
    qtbot.waitUntil(lambda: page.kpi.kpi_report is not None)
    assert page.kpi.kpi_report.total == 0
    out = tmp_path / "kpi.csv"
    page.kpi.export_kpi(out)
    assert "peak_10min" in out.read_text(encoding="utf-8-sig")



def test_out_of_service_and_site_maintenance_from_the_page(qtbot, context):
    from console.pages.alarms import AlarmsPage

    page = AlarmsPage(context)
    qtbot.addWidget(page)
    context.tag_bus.publish([value(TAG, 30.0, time.time()), value("TP13010201.pond_level", 85.0, time.time())])
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    gas = context.services["alarms"].engine.record(TAG, "H")
    pond = context.services["alarms"].engine.record("TP13010201.pond_level", "H")
    assert page.set_in_service([gas], False, "探头拆下送检") == 0  # the default seat: a duty officer
    assert "may not put alarms out of service" in page.status.text() and not gas.out_of_service
    assert not page.menu_actions["out_of_service"].isEnabled() and page.buttons["ack"].isEnabled()
    context.sign_in(Actor("wangfang", "王芳", Role.SHIFT_LEADER, context.node_code))
    assert page.menu_actions["out_of_service"].isEnabled()
    page.set_in_service([gas], False, "探头拆下送检")
    qtbot.waitUntil(lambda: gas.state is AlarmState.OUT_OF_SERVICE)
    page.set_maintenance("TP13010201", True, "坝体检修")
    qtbot.waitUntil(lambda: pond.state is AlarmState.SUPPRESSED)
    assert "stored" in page.status.text()
    page.set_maintenance("TP13010201", False)
    qtbot.waitUntil(lambda: pond.state is AlarmState.UNACKED)
    kinds = [e.kind.value for e in context.services["alarms"].journal.events(kinds=["out_of_service", "suppress"])]
    assert sorted(kinds) == ["out_of_service", "suppress"]
    assert {e.operator for e in context.services["alarms"].journal.events(kinds=["out_of_service"])} == {"wangfang"}


def test_show_site_filters_the_table_to_one_site(qtbot, context):
    from console.pages.alarms import AlarmsPage

    page = AlarmsPage(context)
    qtbot.addWidget(page)
    now = time.time()
    context.tag_bus.publish([value(TAG, 30.0, now - 60), value(TAG, 30.0, now - 40)])
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    page.show_site("NO-SUCH-SITE")
    assert page.filters.site_edit.text() == "NO-SUCH-SITE" and page.proxy.rowCount() == 0
    page.show_site(context.services["alarms"].catalogue.tags[TAG].site)
    assert page.proxy.rowCount() == 1


def test_main_window_shows_the_alarm_banner_when_the_alarm_service_runs(qtbot, context, tmp_path):
    from PySide6.QtCore import QSettings

    from console.main_window import MainWindow

    window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), persist=False)
    qtbot.addWidget(window)
    assert window.alarm_banner is not None and window.alarm_banner.parent() is window.banner_area
    now = time.time()
    context.tag_bus.publish([value(TAG, 30.0, now - 60), value(TAG, 30.0, now - 40)])
    qtbot.waitUntil(lambda: window.alarm_banner.chips[AlarmLevel.ORANGE].text().endswith("1 / 1"))


def test_alarm_texts_are_shown_in_the_console_language(qtbot, context):
    """Stored as code + arguments, rendered when shown: the zh_CN console reads Chinese."""
    from console import i18n
    from console.pages.alarms import AlarmsPage

    page = AlarmsPage(context)
    qtbot.addWidget(page)
    before = i18n.current_language()
    i18n.set_language("en")
    try:
        now = time.time()
        context.tag_bus.publish([value(tag, 15.0, now - 1) for tag in context.services["alarms"].catalogue.tags])
        context.tag_bus.publish([value(TAG, 60.0, now), value("TP13010201.pond_level", 0.0, now, Quality.BAD_COMM),
                                 value("TP13010201.pond_level", 0.0, now + 2, Quality.BAD_COMM)])
        engine = context.services["alarms"].engine
        engine.clock = lambda: now + 3600  # past the start-up grace
        engine.tick()
        qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)
        page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        def cells(column):
            return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]

        assert cells(5) == ["可燃气体 above high-high 50 %LEL", "可燃气体 above high 25 %LEL", "库水位 communication lost"]
        i18n.set_language("zh_CN")
        qtbot.waitUntil(lambda: cells(5)[2] == "库水位 通信中断")
        assert cells(5)[:2] == ["可燃气体 超高高限 50 %LEL", "可燃气体 超高限 25 %LEL"]
        assert cells(6) == ["高高限", "高限", "通信中断"]
        page.filters.text_edit.setText("通信")  # the text filter matches what the operator reads
        assert [rec.condition for rec in page.visible_records()] == ["COMM"]
    finally:
        i18n.set_language(before)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_banner_chips_flood_sign_and_silence_fit_the_window(qtbot, context, tmp_path, size, language):
    """In a flood, with a long oldest-alarm text: only that text gives way (elided, whole in its tooltip)."""
    from PySide6.QtCore import QSettings

    from console import i18n
    from console.main_window import MainWindow

    before = i18n.current_language()
    i18n.set_language(language)
    try:
        window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), persist=False)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        banner = window.alarm_banner
        banner.annunciator.enabled = False
        now = time.time()
        for step in range(3):  # 3 × 8 alarms within a minute: an ISA-18.2 flood
            context.tag_bus.publish([value(tag, 95.0 if step % 2 == 0 else 5.0, now + step)
                                     for tag in context.services["alarms"].catalogue.tags])
        banner.refresh()
        fixed = (*banner.chips.values(), banner.flood, banner.silence_button)

        def whole(widget) -> bool:
            return widget.width() >= widget.sizeHint().width() and \
                widget.geometry().right() <= banner.contentsRect().right()

        qtbot.waitUntil(lambda: bool(banner.flood.text()) and all(whole(widget) for widget in fixed))  # laid out
        assert banner.width() <= size[0]
        assert banner.oldest.full_text() and banner.oldest.toolTip() == banner.oldest.full_text()
        shown = banner.oldest.text()
        assert shown == banner.oldest.full_text() or shown.endswith("…")
        assert banner.oldest.fontMetrics().horizontalAdvance(shown) <= banner.oldest.width()
    finally:
        i18n.set_language(before)
