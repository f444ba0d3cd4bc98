"""Cold start in stages: starters run in order on the GUI thread, their slow jobs off it, a
failure stops the start-up with its error, and the window shows the starting page until the
services are up."""
from __future__ import annotations

import sys
import time
import threading
import types

import pytest
from PySide6.QtCore import QSettings

from console.config import NodeConfig
from console.context import AppContext
from console.main_window import MainWindow
from console.pages.placeholder import StartingPage
from console.startup import StagedStart, run_now


@pytest.fixture()
def starters(monkeypatch):
    """A module of starters that record where and in which order they ran."""
    log: list[tuple[str, str]] = []
    module = types.ModuleType("startup_probe")

    def where() -> str:
        return "gui" if threading.current_thread() is threading.main_thread() else "worker"

    def plain(context):
        log.append(("plain", where()))
        return lambda: log.append(("stop plain", where()))

    def staged(context):
        log.append(("staged begins", where()))
        value = yield lambda: (log.append(("job", where())), 42)[1]
        log.append((f"staged got {value}", where()))
        context.services["staged"] = value
        return lambda: log.append(("stop staged", where()))

    def failing(context):
        yield lambda: 1 / 0
        return lambda: None

    module.plain, module.staged, module.failing = plain, staged, failing
    monkeypatch.setitem(sys.modules, "startup_probe", module)
    return log


def test_starters_run_in_order_with_their_jobs_off_the_gui_thread(qtbot, starters):
    context = AppContext(NodeConfig())
    staged = StagedStart(context, ["startup_probe:staged", "startup_probe:plain"])
    with qtbot.waitSignal(staged.finished, timeout=5000):
        staged.start()
    assert starters == [("staged begins", "gui"), ("job", "worker"), ("staged got 42", "gui"), ("plain", "gui")]
    assert context.services["staged"] == 42 and staged.error is None
    staged.stop_all()
    assert starters[-2:] == [("stop plain", "gui"), ("stop staged", "gui")]  # last started, first stopped


def test_a_failing_job_stops_the_start_up_with_its_error(qtbot, starters):
    staged = StagedStart(AppContext(NodeConfig()), ["startup_probe:plain", "startup_probe:failing",
                                                    "startup_probe:staged"])
    with qtbot.waitSignal(staged.failed, timeout=5000):
        staged.start()
    assert isinstance(staged.error, ZeroDivisionError)
    assert ("staged begins", "gui") not in starters, "nothing starts after the failure"


def test_run_now_drives_a_staged_starter_on_the_calling_thread(starters):
    context = AppContext(NodeConfig())
    stop = run_now(sys.modules["startup_probe"].staged, context)
    assert context.services["staged"] == 42 and ("job", "gui") in starters
    stop()
    with pytest.raises(ZeroDivisionError):
        run_now(sys.modules["startup_probe"].failing, context)


def test_the_window_shows_the_starting_page_until_the_services_are_up(qtbot, tmp_path):
    context = AppContext(NodeConfig())
    window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        persist=False, starting=True)
    qtbot.addWidget(window)
    window.show_page("audit")
    assert isinstance(window.stack.currentWidget(), StartingPage) and not window.is_ready()
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    window.services_started()
    assert not isinstance(window.stack.currentWidget(), StartingPage)
    assert window.current_page_key() == "audit" and window.page("audit") is window.stack.currentWidget()


def test_an_alarm_service_started_after_acquisition_raises_a_value_that_came_before_it(qtbot, tmp_path):
    """Acquisition starts first: a level already above its limit, and steady, must still alarm."""
    from console.services.alarm_runtime import AlarmService
    from domain.values import Quality, TagValue
    from tests.support.overview_sites import small_catalogue

    context = AppContext(NodeConfig())
    now = time.time()
    context.tag_bus.publish([TagValue("TP13028301.level", 28.0, Quality.GOOD, now, now)])
    service = AlarmService(context, small_catalogue(), tmp_path / "store.sqlite")
    try:
        qtbot.waitUntil(lambda: any(alarm.tag == "TP13028301.level" for alarm in service.engine.active_alarms()),
                        timeout=10000)
    finally:
        service.stop()


def test_the_overview_is_built_with_the_field_and_takes_the_alarm_engine_when_it_starts(qtbot, tmp_path):
    from console.alarms import AlarmEngine
    from domain.divisions import hebei
    from domain.values import Quality, TagValue
    from tests.support.overview_sites import small_catalogue

    context = AppContext(NodeConfig())
    StagedStart(context, [])  # a start-up is running: services arrive one by one
    window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        persist=False, starting=True)
    qtbot.addWidget(window)
    window.show_page("overview")
    window.services_progressed()
    assert isinstance(window.stack.currentWidget(), StartingPage), "no field yet: nothing to show"

    catalogue = small_catalogue()
    context.services["catalogue"] = catalogue
    window.services_progressed()
    overview = window.page("overview")
    assert overview is window.stack.currentWidget() and window.page_shown() and not window.is_ready()
    assert overview.alarm_feed is None and overview.no_alarm_engine.isHidden()
    window.show_page("alarms")
    assert isinstance(window.stack.currentWidget(), StartingPage), "the alarm page waits for its engine"
    window.show_page("overview")

    engine = AlarmEngine(catalogue, hebei(), context.node_code)
    context.tag_bus.subscribe(engine.evaluate)
    now = time.time()
    context.tag_bus.publish([TagValue("TP13028301.level", 28.0, Quality.GOOD, now, now)])
    engine.tick()
    context.services["alarm_engine"] = engine
    assert overview.alarm_feed is engine
    qtbot.waitUntil(lambda: overview.latest.count() == 2, timeout=5000)  # its red and blue limits, listed

    context.services.settle()
    window.services_started()
    assert window.page("overview") is overview and overview.no_alarm_engine.isHidden()


def test_a_start_up_that_ends_without_an_alarm_engine_says_so_on_the_overview(qtbot, tmp_path):
    from tests.support.overview_sites import small_catalogue

    context = AppContext(NodeConfig())
    StagedStart(context, [])
    window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        persist=False, starting=True)
    qtbot.addWidget(window)
    window.show_page("overview")
    context.services["catalogue"] = small_catalogue()
    window.services_progressed()
    overview = window.page("overview")
    assert overview.no_alarm_engine.isHidden()
    context.services.settle()
    assert not overview.no_alarm_engine.isHidden()


def test_quitting_during_a_job_waits_for_it_to_finish(qtbot, monkeypatch):
    """A console closed while its store is being migrated must not end the process mid-migration."""
    started, release, finished = threading.Event(), threading.Event(), []

    def migrating(context):
        yield lambda: (started.set(), release.wait(10), finished.append("migrated"))
        return lambda: None

    module = types.ModuleType("startup_slow")
    module.migrating = migrating
    monkeypatch.setitem(sys.modules, "startup_slow", module)
    staged = StagedStart(AppContext(NodeConfig()), ["startup_slow:migrating"])
    staged.start()
    qtbot.waitUntil(started.is_set, timeout=5000)
    threading.Timer(0.2, release.set).start()
    staged.stop_all()
    assert finished == ["migrated"]
