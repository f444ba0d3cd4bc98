"""Start the GUI: QApplication, language, theme, main window, then the services.

The window is shown first; services (acquisition, alarms, history, sync) are started after
its first paint by `console.startup.StagedStart`, from the functions in `SERVICE_STARTERS`;
each takes the `AppContext`, puts what it runs into `context.services` and returns a
function that stops it, called on quit (a starter with slow work yields it to a worker thread).
"""
from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from console import paths
from console.config import NodeConfig
from console.context import AppContext
from console.qt_runtime import ensure_application, has_display
from resources import resource_path

log = logging.getLogger(__name__)

# Started in this order after the window's first paint (`console.startup.StagedStart`); each
# "module:function" takes the AppContext, puts what it runs into `context.services` and returns
# the function that stops it (called on quit). The field first: the overview is built as soon
# as its catalogue is up (`PageSpec.needs`) and shows live values while the rest start. Then the
# store: a home that cannot be written stops the start-up there, in one line. Trends and alarms
# subscribe with the tag bus's latest values replayed, so a value that came before them counts;
# alarms use the store and the catalogue acquisition publishes.
SERVICE_STARTERS: list[str] = [
    "console.services.acquisition_bridge:start_acquisition",
    "console.services.sync_status:start_sync",
    "console.trends.service:start_trend_service",
    "console.clock_watch:start_clock_watch",
    "console.records.demo_seed:start_demo_records",
    "console.services.alarm_runtime:start_alarm_service",
    "console.services.drill_runtime:start_drill_service",
    "console.assessment.links:start_link_recorder",
    "console.video.service:start_video_service",
]

NO_DISPLAY_MESSAGE = (
    "duty-console: no display found (DISPLAY/WAYLAND_DISPLAY not set). "
    "Use `duty-console --screenshot OUT.png` to render offscreen, "
    "or run under a virtual display: `xvfb-run -a duty-console`."
)
SCREENSHOT_TIMEOUT_S = 60.0  # from the window shown: the services and the field start within it


def ui_settings():
    from PySide6.QtCore import QSettings

    return QSettings(str(paths.config_dir() / "ui.ini"), QSettings.Format.IniFormat)


def apply_theme(app, theme: str) -> None:
    app.setStyle("Fusion")
    qss = resource_path("themes", f"{theme}.qss")
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def build_window(args: argparse.Namespace, config: NodeConfig, offscreen: bool = False):
    """Create the application, the context and the main window, whose services start after its
    first paint; returns (app, window, staged start). Show the window to get going."""
    from console import i18n
    from console.main_window import MainWindow
    from console.startup import StagedStart

    app = ensure_application(offscreen=offscreen)
    settings = ui_settings()
    language = args.lang or settings.value("ui/language", config.ui.language)
    i18n.set_language(language if language in i18n.LANGUAGES else config.ui.language)
    apply_theme(app, config.ui.theme)
    context = AppContext(config)
    if config.is_demo:
        context.sign_in_demo()
    if config.runs_simulator and config.field.sites_file is None:
        from console.services.acquisition_bridge import launch_simulator

        launch_simulator(context)  # its servers start on the other core while the window is built
    staged = StagedStart(context, SERVICE_STARTERS, app)  # first: the window waits for services it starts
    window = MainWindow(context, settings, persist=not offscreen, starting=True)
    if args.page:
        window.show_page(args.page)
    window.first_painted.connect(staged.start)
    staged.progressed.connect(window.services_progressed)
    staged.finished.connect(window.services_started)
    staged.finished.connect(freeze_startup_objects)
    app.aboutToQuit.connect(staged.stop_all)
    return app, window, staged


def freeze_startup_objects() -> None:
    """Keep what start-up built (catalogue, divisions, boundaries, widgets) out of the cyclic GC.

    Those objects live as long as the console, yet every full collection walks them all;
    in an alarm burst (tens of thousands of new objects) that was a quarter of the GUI
    thread's time. `gc.freeze()` moves them to a generation the collector skips.
    """
    gc.collect()
    gc.freeze()


def run_until(condition: Callable[[], bool], timeout_s: float, poll_ms: int = 50) -> bool:
    """Run the event loop until `condition()` holds or the timeout passes; return it.

    A real event loop that sleeps between events (`processEvents(flags, maxtime)` would
    spin); `condition` is checked every `poll_ms` (benchmarks that time it ask for less).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    poll = QTimer(interval=poll_ms)
    poll.timeout.connect(lambda: (condition() or time.monotonic() > deadline) and loop.quit())
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    return condition()


def wait_until_ready(window, staged, timeout_s: float) -> bool:
    """Run the event loop until the window's page says it is ready, or the timeout passes;
    a start-up that failed is raised here."""
    ready = run_until(lambda: window.is_ready() or staged.error is not None, timeout_s)
    if staged.error is not None:
        raise staged.error
    return ready


def take_screenshot(app, window, staged, out: Path, size: tuple[int, int]) -> int:
    """Show the window offscreen, wait until its page is ready, save a PNG."""
    window.resize(*size)
    window.show()
    if not wait_until_ready(window, staged, SCREENSHOT_TIMEOUT_S):
        print(f"duty-console: page {window.current_page_key()!r} not ready after "
              f"{SCREENSHOT_TIMEOUT_S:.0f} s; screenshot not written", file=sys.stderr)
        return 1
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        print(f"duty-console: could not write {out}", file=sys.stderr)
        return 1
    print(f"duty-console: saved {out} ({size[0]}x{size[1]}, page {window.current_page_key()})")
    return 0


def store_ready_or_asked(config: NodeConfig, interactive: bool, language: str) -> bool:
    """Check the local store before anything opens it. A damaged store: on a desktop the
    administrator is asked to move it aside (kept; pending entries carried over; the next
    sync re-loads the jurisdiction); otherwise, or when declined, `StoreUnavailable` goes up
    to the one-line error of `console.cli`. Returns False when the console must not start."""
    from server_link import store_guard

    path = config.backend.resolved_store_path
    try:
        store_guard.inspect(path)
        return True
    except store_guard.StoreUnavailable as exc:
        if not interactive:
            raise
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from console import i18n

        ensure_application()
        i18n.set_language(language)
        title = QCoreApplication.translate("StartupCheck", "Local store")
        if not isinstance(exc, store_guard.StoreDamaged):
            QMessageBox.critical(None, title, str(exc))
            return False
        question = QCoreApplication.translate(
            "StartupCheck", "Move the damaged store aside now (the file is kept) and start with a fresh one?")
        answer = QMessageBox.question(None, title, f"{exc}\n\n{question}",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        moved = store_guard.set_aside(path)
        log.warning("damaged store moved to %s, %d pending entries carried over", moved.moved_to,
                    moved.pending_carried)
        return True


def run_gui(args: argparse.Namespace, config: NodeConfig) -> int:
    if args.screenshot is None and not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    if not store_ready_or_asked(config, args.screenshot is None, args.lang or config.ui.language):
        return 2
    offscreen = args.screenshot is not None or args.startup_report
    app, window, staged = build_window(args, config, offscreen=offscreen)
    if args.screenshot is not None:
        try:
            return take_screenshot(app, window, staged, args.screenshot, args.size)
        finally:
            staged.stop_all()
    if args.startup_report:
        from console.startup import MilestoneReport

        MilestoneReport(window, staged)
    elif not config.is_demo:
        from widgets.seat import SeatGuard, sign_in_at_start

        if not sign_in_at_start(window.context, window.node_identity()):
            return 0
        window.seat_guard = SeatGuard(window.context, window, config.operators.lock_after_min)
    staged.failed.connect(lambda: app.exit(2))
    window.show()
    status = app.exec()
    if staged.error is not None:
        raise staged.error
    return status
