"""The overview page end to end (offscreen): boundaries drawn, marker colours, drill-down,
breadcrumb, the site card against the tag bus, acknowledge, jurisdiction framing."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

from console.alarms import AlarmEngine
from console.config import NodeConfig, NodeSection
from console.context import AppContext
from domain.divisions import hebei
from domain.values import LEVEL_COLOURS, AlarmLevel, Quality, SourcePath, TagValue
from tests.support.overview_sites import good_batch, small_catalogue
from widgets import map_style as style
from widgets.map_geometry import project
from widgets.map_site_panel import format_value

QIANAN = "TP13028301"


@pytest.fixture()
def english(qapp):
    """These tests read English source texts; other tests may have installed Chinese."""
    from console import i18n

    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture()
def setup(qtbot, english):
    def build(node: str = "130000", size=(1366, 768)):
        from console.pages.overview import OverviewPage

        catalogue = small_catalogue()
        context = AppContext(config=NodeConfig(node=NodeSection(division=node)))
        engine = AlarmEngine(catalogue, hebei(), node)
        context.tag_bus.subscribe(engine.evaluate)
        context.services.update(catalogue=catalogue, alarm_engine=engine)
        context.tag_bus.publish(good_batch(catalogue, time.time()))
        page = OverviewPage(context)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        qtbot.waitExposed(page)
        page.refresh_now()
        return page, context, engine, catalogue

    return build


def _painted_after_grab(view):
    view.painted_codes = set()
    view.resetCachedContent()
    view.grab()
    return set(view.painted_codes)


def test_every_division_is_drawn(setup):
    page, *_ = setup()
    view = page.map
    painted = _painted_after_grab(view)
    city_level = {c for c in hebei().by_code if c != "130000" and hebei().node_level(c) == "city"}
    assert {"130000"} | city_level <= painted
    for city in sorted(city_level):
        page.drill_to(city)
        painted |= _painted_after_grab(view)
    assert painted == set(hebei().by_code)
    assert len(painted) == 180


def test_xiongan_is_the_union_of_its_three_counties(setup):
    page, *_ = setup()
    shape = page.map.regions["133100"]
    assert shape.composed_of == ("130629", "130632", "130638")
    for county in shape.composed_of:
        division = hebei()[county]
        assert shape.path.contains(project(division.lon, division.lat))
    baoding_seat = hebei()["130602"]
    assert not shape.path.contains(project(baoding_seat.lon, baoding_seat.lat))


def _pixel_at_marker(page, code) -> QColor:
    view = page.map
    image = view.viewport().grab().toImage()
    point = view.mapFromScene(view.markers[code].pos())
    return image.pixelColor(point)


def _close(a: QColor, b: QColor, tolerance=40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def _level(context, value: float) -> float:
    """Publish the level of QIANAN with every other tag fresh at the same moment, so a slow
    machine never lets the rest go stale between steps; returns that moment."""
    now = time.time()
    level = f"{QIANAN}.level"
    others = [v for v in good_batch(context.services["catalogue"], now) if v.tag != level]
    context.tag_bus.publish(others + [TagValue(level, value, Quality.GOOD, now, now)])
    return now


def test_marker_colour_follows_worst_level_and_goes_grey_on_stale(setup):
    page, context, engine, catalogue = setup()
    marker = page.map.markers[QIANAN]
    assert marker.fill_colour() == QColor(style.STATE_COLOURS["normal"])
    page.refresh_now(_level(context, 16.0))  # above the blue limit
    assert marker.fill_colour() == QColor(LEVEL_COLOURS[AlarmLevel.BLUE])
    at = _level(context, 26.0)  # above red too: the worst wins
    page.refresh_now(at)
    assert marker.fill_colour() == QColor(LEVEL_COLOURS[AlarmLevel.RED])
    engine.acknowledge(engine.active_alarms(), "tester", "checked on site")
    page.refresh_now(at)
    assert not marker.blinking
    assert _close(_pixel_at_marker(page, QIANAN), QColor(LEVEL_COLOURS[AlarmLevel.RED]))
    at = _level(context, 20.0)  # red clears (acknowledged, so it leaves); blue stays
    page.refresh_now(at)
    assert marker.fill_colour() == QColor(LEVEL_COLOURS[AlarmLevel.BLUE])
    # no new values for 10 s: key tags (1 s scan) are stale
    page.refresh_now(at + 10)
    assert marker.status.state == "stale" and marker.status.worst_level is AlarmLevel.BLUE
    assert marker.fill_colour() == style.GREY
    assert _close(_pixel_at_marker(page, QIANAN), style.GREY)


def test_unacknowledged_alarm_blinks_until_acknowledged_from_the_card(setup, qtbot):
    page, context, engine, catalogue = setup()
    _level(context, 26.0)
    page.refresh_now()
    marker = page.map.markers[QIANAN]
    assert marker.blinking
    qtbot.waitUntil(lambda: marker.blink_off, timeout=2000)
    qtbot.waitUntil(lambda: not marker.blink_off, timeout=2000)
    page.open_site(QIANAN)
    panel = page.site_panel
    red = next(i for i in range(panel.alarm_table.rowCount()) if panel.alarm_table.item(i, 0).text() == "Red")
    qtbot.mouseClick(panel.alarm_table.cellWidget(red, 3), Qt.MouseButton.LeftButton)
    assert "note" in panel.message.text()  # the engine refuses a red ack without a note
    page.refresh_now()
    assert marker.blinking
    panel.note.setText("dam inspected, pumps running")
    qtbot.mouseClick(panel.alarm_buttons()[0], Qt.MouseButton.LeftButton)  # one of the two
    page.refresh_now()
    assert len(panel.alarm_buttons()) == 1 and marker.blinking
    qtbot.mouseClick(panel.alarm_buttons()[0], Qt.MouseButton.LeftButton)
    page.refresh_now()
    assert all(rec.acknowledged and rec.acked_by == context.operator for rec in engine.active_alarms())
    assert not marker.blinking and panel.alarm_buttons() == []
    assert panel.message.text() == "Acknowledged."


def test_double_click_drills_into_a_city_and_the_breadcrumb_goes_back(setup, qtbot):
    page, *_ = setup()
    view = page.map
    tangshan_seat = hebei()["130203"]  # Lubei district, inside Tangshan city
    point = view.mapFromScene(project(tangshan_seat.lon, tangshan_seat.lat))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.focus_code == "130200"
    assert page.breadcrumb.codes == ["130000", "130200"]
    listed = {page.drill.regions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.drill.regions.count())}
    assert listed == set(hebei().children("130200"))
    sites = {page.drill.sites.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.drill.sites.count())}
    assert sites == {"TP13028301", "TP13028302"}
    assert view.counties_visible()
    # the next double-click goes one level down: the county
    qianan = hebei()["130283"]
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      pos=view.mapFromScene(project(qianan.lon, qianan.lat)))
    assert view.focus_code == "130283"
    assert page.breadcrumb.codes == ["130000", "130200", "130283"]
    qtbot.mouseClick(page.breadcrumb.button_for("130200"), Qt.MouseButton.LeftButton)
    assert view.focus_code == "130200"
    qtbot.mouseClick(page.breadcrumb.button_for("130000"), Qt.MouseButton.LeftButton)
    assert view.focus_code == "130000" and page.breadcrumb.codes == ["130000"]


def test_double_click_on_xiongan_drills_into_xiongan_not_baoding(setup, qtbot):
    page, *_ = setup()
    rongcheng = hebei()["130629"]
    view = page.map
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      pos=view.mapFromScene(project(rongcheng.lon, rongcheng.lat)))
    assert view.focus_code == "133100"


def test_site_card_values_match_the_tag_bus(setup, qtbot):
    page, context, engine, catalogue = setup()
    view = page.map
    page.drill_to("130283")  # at province zoom the two Qian'an ponds share a spot
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(view.markers[QIANAN].pos()))
    assert page.open_site_code == QIANAN
    panel = page.site_panel

    def shown():
        return {panel.values.item(r, 0).text(): tuple(panel.values.item(r, c).text() for c in (1, 2, 3))
                for r in range(panel.values.rowCount())}

    def expected():
        out = {}
        for spec in catalogue.tags_of(QIANAN):
            if spec.key:
                value = context.tag_bus.latest(spec.id)
                out[spec.name] = format_value(spec, value)
        return out

    assert {k: v[0] for k, v in shown().items()} == expected()
    now = time.time()
    context.tag_bus.publish([TagValue(f"{QIANAN}.level", 23.456, Quality.GOOD, now, now, SourcePath.BACKEND),
                             TagValue(f"{QIANAN}.pressure", 1.5, Quality.BAD_OUT_OF_RANGE, now, now,
                                      SourcePath.SECONDARY)])
    page.refresh_now()
    values = shown()
    assert {k: v[0] for k, v in values.items()} == expected()
    assert values["液位"] == ("23.46 m", "good", "backend")  # the path each value came by
    assert values["压力"][1:] == ("out of range", "field, standby")
    assert "迁安市" in panel.info.text() and "唐山市" in panel.info.text()
    assert all(button.isEnabled() for button in panel.page_buttons.values())  # every page is built
    assert panel.pages_note.text() == ""


def test_county_node_opens_on_its_county_with_only_its_sites(setup):
    page, *_ = setup(node="130283")
    view = page.map
    assert view.focus_code == "130283"
    assert set(view.markers) == {"TP13028301", "TP13028302"}
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    county = view.regions["130283"].path.boundingRect()
    assert visible.contains(county)
    assert visible.width() * visible.height() < 6 * county.width() * county.height()
    assert page.model.summary(page.node_code).sites == 2
    page.drill_to("130200")  # outside the jurisdiction: refused
    assert view.focus_code == "130283"


def test_keyboard_zoom_and_pan(setup, qtbot):
    page, *_ = setup()
    view = page.map
    view.setFocus()
    before = view.current_scale()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.current_scale() > before
    centre = view.mapToScene(view.viewport().rect().center())
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.mapToScene(view.viewport().rect().center()).x() > centre.x()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_scale() == pytest.approx(before)


@pytest.mark.parametrize("zoom_steps", [0, 2, 5, 9])
def test_labels_never_overlap_at_any_zoom(setup, zoom_steps):
    page, *_ = setup(size=(1920, 1080))
    view = page.map
    for _ in range(zoom_steps):
        view.zoom_by(1.6)
    view.layout_labels()
    rects = [r for _, r in view.visible_label_rects()]
    assert rects
    assert all(QRectF(view.viewport().rect()).contains(r) for r in rects)  # none cut by the edge
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)


def test_big_screen_toggles_with_f11(setup, qtbot):
    page, context, engine, catalogue = setup()
    _level(context, 26.0)
    page.refresh_now()
    page.activateWindow()
    page.map.setFocus()
    qtbot.waitUntil(lambda: page.map.hasFocus())
    qtbot.keyClick(page.map, Qt.Key.Key_F11)
    big = page.big_screen
    assert big is not None and big.isVisible()
    assert big.map.markers[QIANAN].fill_colour() == QColor(LEVEL_COLOURS[AlarmLevel.RED])
    assert big.latest.count() == len(engine.active_alarms()) == 2
    qtbot.keyClick(big, Qt.Key.Key_F11)
    assert page.big_screen is None


def test_acknowledge_all_of_a_site_at_once(setup, qtbot):
    page, context, engine, catalogue = setup()
    _level(context, 26.0)  # red and blue on the level tag
    page.refresh_now()
    page.open_site(QIANAN)
    panel = page.site_panel
    assert panel.ack_all.isVisibleTo(panel) and len(panel.alarm_buttons()) == 2
    panel.note.setText("pumps started")
    qtbot.mouseClick(panel.ack_all, Qt.MouseButton.LeftButton)
    page.refresh_now()
    assert all(rec.acknowledged and rec.note == "pumps started" for rec in engine.active_alarms())
    assert not page.map.markers[QIANAN].blinking and not panel.ack_all.isVisibleTo(panel)


def test_main_window_f11_big_screen_and_page_buttons(qtbot, tmp_path, english):
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from console.main_window import MainWindow

    context = AppContext(config=NodeConfig())
    context.services["catalogue"] = small_catalogue()
    window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), persist=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("overview")
    page.map.setFocus()
    qtbot.waitUntil(page.map.hasFocus)
    QTest.keyClick(page.map, Qt.Key.Key_F11)
    assert page.big_screen is not None and not window.isFullScreen()
    page.big_screen.close()
    assert page.big_screen is None
    page.open_site("TP13028301")
    for key in ("alarms", "monitoring"):  # no services here: the pages say so, nothing breaks
        page.open_page_for_site(key, "TP13028301")
        assert window.current_page_key() == key


def test_self_test_checks_the_map_boundaries():
    from console.self_test import check_map_boundaries

    result = check_map_boundaries(NodeConfig())
    assert result.ok and result.detail.startswith("180 division shapes")


def test_map_config_section_is_validated(tmp_path):
    from console.config import load_config
    from domain.config_files import ConfigError

    path = tmp_path / "node.toml"
    path.write_text("[map]\noffline_after_s = 120\n", encoding="utf-8")
    assert load_config(path).map.offline_after_s == 120
    path.write_text("[map]\noffline_after_s = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"node.toml:2: map.offline_after_s"):
        load_config(path)


def test_site_card_trend_is_read_from_the_shared_trend_store(qtbot, english):
    from console.pages.overview import OverviewPage
    from console.trends.service import TrendService
    from console.trends.store import TrendStore

    catalogue = small_catalogue()
    context = AppContext(config=NodeConfig())
    store = TrendStore(live_depth=600, deep_depth=600)
    store.attach(context.tag_bus)
    context.services.update(catalogue=catalogue, trends=TrendService(store, history_factory=lambda: None))
    now = time.time()
    for step in range(30, -1, -1):  # half a minute of values, one a second
        context.tag_bus.publish(good_batch(catalogue, now - step, value=10.0 + step % 4))
    page = OverviewPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.open_site(QIANAN)
    trend = page.site_panel.trend
    assert [t.spec.id for t in trend.traces] == [f"{QIANAN}.level", f"{QIANAN}.pressure"]
    level = trend.traces[0]
    assert level.path.elementCount() == len(store.window(f"{QIANAN}.level", now - 300, now + 1)) == 31
    assert (level.low, level.high) == (10.0, 13.0)
    later = now + 1
    context.tag_bus.publish([TagValue(f"{QIANAN}.level", 20.0, Quality.GOOD, later, later)])
    page.refresh_now(later)
    assert level.path.elementCount() == 32 and level.high == 20.0


def test_a_label_widened_by_new_counts_never_overlaps_another(qtbot):
    from widgets.map_view import HebeiMapView

    view = HebeiMapView(hebei(), "130000")
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._layout_timer.isActive())  # the first placement is done
    before = {code for code, _ in view.visible_label_rects()}
    wide = {state: 1000 + i for i, state in enumerate(("offline", "stale", "red", "orange", "yellow", "blue", "normal"))}
    view.set_region_counts({code: wide for code in before})  # every shown city label grows a lot

    def rects():
        return [r for _, r in view.visible_label_rects()]

    qtbot.waitUntil(lambda: all(not a.intersects(b) for i, a in enumerate(rects()) for b in rects()[i + 1:]))
    after = {code for code, _ in view.visible_label_rects()}
    assert after and after < before  # the clash was resolved by hiding lower-priority labels


def test_blinking_dims_the_cached_marker_instead_of_repainting_it(setup, qtbot):
    page, context, engine, catalogue = setup()
    _level(context, 26.0)
    page.refresh_now()
    marker = page.map.markers[QIANAN]
    qtbot.waitUntil(lambda: marker.blink_off, timeout=2000)
    assert marker.opacity() == style.BLINK_OFF_OPACITY
    qtbot.waitUntil(lambda: not marker.blink_off, timeout=2000)
    assert marker.opacity() == 1.0


def test_on_a_short_screen_an_open_site_card_takes_the_summary_and_latest_alarms_room(setup, qtbot):
    page, *_ = setup()
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.latest.isVisible()
    page.open_site(QIANAN)
    assert not page.latest.isVisible() and not page.latest_title.isVisible() and not page.summary.isVisible()
    page.close_site()
    assert page.latest.isVisible() and page.summary.isVisible()
    page.resize(1920, 1040)
    page.open_site(QIANAN)
    qtbot.waitUntil(lambda: page.height() >= page.SHORT_SCREEN_PX)
    assert page.latest.isVisible()
