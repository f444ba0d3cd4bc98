"""The main window: navigation, page host, alarm banner area and status bar.

Pages are created the first time they are shown (see `console.pages`). Geometry, the
last page and the language are kept in QSettings and restored on restart.
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import QByteArray, QCoreApplication, QDateTime, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console import i18n
from console.context import AppContext
from console.link_state import LinkState
from domain.node_clock import BACKEND, OPCUA
from console.operators.labels import ROLE
from console.navigation import PAGES, PageSpec, page_spec
from console.pages.placeholder import NotAvailablePage, StartingPage
from widgets.demo_banner import demo_banner
from widgets.status_indicator import StatusIndicator
from widgets.retranslating import Retranslating

class MainWindow(Retranslating, QMainWindow):
    page_changed = Signal(str)
    first_painted = Signal()  # the window is on screen: start-up may go on (`console.startup`)

    def __init__(self, context: AppContext, settings: QSettings, parent=None, persist: bool = True,
                 starting: bool = False) -> None:
        """`starting`: the services start after the first paint; until `services_started()` a
        page whose services are not up yet (`PageSpec.needs`) is the `StartingPage`."""
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.persist = persist  # False for --screenshot: a check must not change the operator's layout
        self.starting = starting
        self.setObjectName("mainWindow")
        self.setMinimumSize(1280, 720)
        self._pages: dict[str, QWidget] = {}
        self._painted = False
        self._starting_page = StartingPage() if starting else None

        self.navigation = QListWidget(objectName="navigation")
        self.navigation.setFixedWidth(168)
        for spec in PAGES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
        self.stack = QStackedWidget(objectName="pageStack")

        self.banner_area = QWidget(objectName="bannerArea")
        self.banner_layout = QVBoxLayout(self.banner_area)
        self.banner_layout.setContentsMargins(0, 0, 0, 0)
        self.demo_banner = demo_banner(context.config, self.banner_area)
        if self.demo_banner is not None:
            self.banner_layout.addWidget(self.demo_banner)
        self.drill_banner = None
        self.alarm_banner = None
        context.services.when("drills", self._add_drill_banner)  # now, or when its service starts
        context.services.when("alarms", self._add_alarm_banner)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner_area)
        right_layout.addWidget(self.stack, 1)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_menus()
        self.navigation.currentRowChanged.connect(self._on_navigation)
        self.context.links.listen(lambda *_: self._show_link_states())
        self._retranslate()
        self._restore()

    # -- construction -------------------------------------------------------------------

    def _add_drill_banner(self, drills) -> None:
        from widgets.drill_banner import DrillBanner

        self.drill_banner = DrillBanner(drills, self.banner_area)
        self.banner_layout.insertWidget(1 if self.demo_banner is not None else 0, self.drill_banner)

    def _add_alarm_banner(self, _alarms) -> None:
        from widgets.alarm_banner import AlarmBanner

        self.alarm_banner = AlarmBanner(self.context, self.banner_area)
        self.banner_layout.addWidget(self.alarm_banner)

    def services_progressed(self) -> None:
        """A service came up: the page asked for may now be built (`PageSpec.needs`)."""
        if self.starting and self.stack.currentWidget() is self._starting_page:
            self._show(PAGES[self.navigation.currentRow()])

    def services_started(self) -> None:
        """Start-up finished: the page asked for so far, now real."""
        self.starting = False
        if self._starting_page is not None:
            self._show(PAGES[self.navigation.currentRow()])
            self.stack.removeWidget(self._starting_page)
            self._starting_page.deleteLater()
            self._starting_page = None
        self._show_seat()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after this paint reached the screen

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.node_label = QLabel(objectName="nodeIdentity")
        self.seat_label = QLabel(objectName="seatIdentity")
        self.backend_indicator = StatusIndicator()
        self.field_indicator = StatusIndicator()
        self.live_indicator = StatusIndicator()  # shown once backend-first live values run
        self.live_indicator.setVisible(False)
        self.clock_label = QLabel(objectName="clock")
        self.clock_offset_indicator = StatusIndicator()  # offset to the backend / OPC UA server time
        self.clock_offset_indicator.setVisible(False)
        bar.addWidget(self.node_label)
        bar.addWidget(self.seat_label)
        bar.addPermanentWidget(self.backend_indicator)
        bar.addPermanentWidget(self.field_indicator)
        bar.addPermanentWidget(self.live_indicator)
        bar.addPermanentWidget(self.clock_offset_indicator)
        bar.addPermanentWidget(self.clock_label)
        self._clock = QTimer(self, interval=1000, timeout=self._tick)
        self._clock.start()
        self._tick()

    def _build_menus(self) -> None:
        self.view_menu = self.menuBar().addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language, label in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.triggered.connect(lambda _=False, lang=language: self.set_language(lang))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[language] = action
        self.language_actions[i18n.current_language()].setChecked(True)
        self.fullscreen_action = QAction(self, checkable=True, shortcut=QKeySequence("F11"))
        self.fullscreen_action.toggled.connect(self._toggle_fullscreen)
        self.view_menu.addAction(self.fullscreen_action)
        self.operator_menu = self.menuBar().addMenu("")
        self.take_over_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+L"))
        self.take_over_action.triggered.connect(self.take_over_seat)
        self.lock_action = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_seat)
        self.operator_menu.addAction(self.take_over_action)
        self.operator_menu.addAction(self.lock_action)
        self.seat_guard = None  # a widgets.seat.SeatGuard once the console runs for real (not --screenshot)
        self.context.on_actor_changed(lambda _actor: self._show_seat())

    def take_over_seat(self) -> None:
        """Another officer signs in at this seat (shift change, or a leader stepping in)."""
        from widgets.seat import take_over

        take_over(self.context, self.node_identity(), self)

    def lock_seat(self) -> None:
        if self.seat_guard is not None:
            self.seat_guard.lock()

    def seat_text(self) -> str:
        actor = self.context.actor
        if self.context.services.get("demo_login"):
            return self.tr("Demo duty officer %1, signed in automatically").replace("%1", actor.display_name)
        role = QCoreApplication.translate("operators", ROLE[actor.role])
        return self.tr("On duty: %1 (%2)").replace("%1", actor.display_name).replace("%2", role)

    def _show_seat(self) -> None:
        self.seat_label.setText(self.seat_text())

    # -- pages ----------------------------------------------------------------------------

    def show_page(self, key: str) -> QWidget:
        """Go to a page; returns it (the `StartingPage` while the services start)."""
        spec = page_spec(key)
        self.navigation.setCurrentRow(PAGES.index(spec))
        return self._pages.get(key) or self._starting_page

    def current_page_key(self) -> str:
        item = self.navigation.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else PAGES[0].key

    def page(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def page_shown(self) -> bool:
        """A real page is on screen (not the `StartingPage`)."""
        return self.stack.currentWidget() not in (None, self._starting_page)

    def _on_navigation(self, row: int) -> None:
        spec = PAGES[row]
        self._show(spec)
        if self.persist:
            self.settings.setValue("window/page", spec.key)
        self.page_changed.emit(spec.key)

    def _show(self, spec: PageSpec) -> None:
        """The page, built on first use; the `StartingPage` while what it needs is still starting."""
        if spec.key not in self._pages and not self._can_build(spec):
            if self.stack.indexOf(self._starting_page) < 0:
                self.stack.addWidget(self._starting_page)
            self.stack.setCurrentWidget(self._starting_page)
            return
        if spec.key not in self._pages:
            self._pages[spec.key] = self._create_page(spec)
            self.stack.addWidget(self._pages[spec.key])
        self.stack.setCurrentWidget(self._pages[spec.key])

    def _can_build(self, spec: PageSpec) -> bool:
        if not self.starting:
            return True
        return spec.needs is not None and all(name in self.context.services for name in spec.needs)

    def _create_page(self, spec: PageSpec) -> QWidget:
        if spec.factory is None:
            return NotAvailablePage(spec.title)
        module_name, class_name = spec.factory.split(":")
        page_class = getattr(importlib.import_module(module_name), class_name)
        return page_class(self.context, self)

    def is_ready(self) -> bool:
        """True when the console has started and the current page has what it needs to be looked
        at (used by --screenshot)."""
        if self.starting:
            return False
        page = self.stack.currentWidget()
        ready = getattr(page, "is_ready", None)
        return ready() if callable(ready) else page is not None

    # -- status -----------------------------------------------------------------------------

    def _show_link_states(self) -> None:
        texts = {
            LinkState.UP: self.tr("connected"),
            LinkState.DEGRADED: self.tr("degraded"),
            LinkState.DOWN: self.tr("down"),
            LinkState.UNKNOWN: self.tr("not started"),
            LinkState.LOCAL: self.tr("local store"),
        }
        for link, indicator, caption in (
            ("backend", self.backend_indicator, self.tr("Backend")),
            ("field", self.field_indicator, self.tr("Field")),
        ):
            state, detail = self.context.links.state(link)
            indicator.show_state(caption, state, detail or texts[state])
        self._show_live_source()

    def _show_live_source(self) -> None:
        """Live values from the backend, or how many tags this console reads from the field itself."""
        state, _ = self.context.links.state("live")
        selector = self.context.services.get("live_source")
        running = state is not LinkState.UNKNOWN and selector is not None
        self.live_indicator.setVisible(running)
        if running:
            text = (self.tr("from the backend") if state is LinkState.UP
                    else self.tr("%n tag(s) read from the field", "", selector.on_field()))
            self.live_indicator.show_state(self.tr("Live values"), state, text)

    def _tick(self) -> None:
        self.clock_label.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm:ss"))
        self._show_live_source()  # the count of field-read tags changes without a state change
        self._show_clock_offset()

    def _show_clock_offset(self) -> None:
        """The largest measured offset of this node's clock, amber past `[node] clock_skew_warn_s`."""
        node_clock = self.context.services.get("node_clock")
        self.clock_offset_indicator.setVisible(node_clock is not None)
        if node_clock is None:
            return
        samples = sorted(node_clock.samples().values(), key=lambda sample: -abs(sample.offset_s))
        if not samples:
            self.clock_offset_indicator.show_state(self.tr("Clock"), LinkState.UNKNOWN, self.tr("not measured"))
            return
        references = {BACKEND: self.tr("%1 s to the backend"), OPCUA: self.tr("%1 s to the OPC UA server")}
        worst = samples[0]
        text = references[worst.source].replace("%1", f"{worst.offset_s:+.1f}")
        skewed = abs(worst.offset_s) > node_clock.warn_s
        if skewed:
            text = self.tr("%1, over %2 s: set this computer's clock").replace("%1", text).replace(
                "%2", f"{node_clock.warn_s:g}")
        self.clock_offset_indicator.show_state(self.tr("Clock"), LinkState.DEGRADED if skewed else LinkState.UP, text)

    def node_identity(self) -> str:
        division = self.context.divisions[self.context.node_code]
        name = division.name if i18n.current_language() == "zh_CN" else division.name_en
        level = {
            "province": self.tr("province node"),
            "city": self.tr("city node"),
            "county": self.tr("county node"),
        }[self.context.config.node.node_level]
        return f"{name} · {level}"

    # -- language, geometry -----------------------------------------------------------------

    def set_language(self, language: str) -> None:
        i18n.set_language(language)
        if self.persist:
            self.settings.setValue("ui/language", language)
        self.language_actions[language].setChecked(True)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Duty Console — Hebei Safety Production Supervision"))
        for row, spec in enumerate(PAGES):
            self.navigation.item(row).setText(QCoreApplication.translate("pages", spec.title))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("Language"))
        self.fullscreen_action.setText(self.tr("Full screen"))
        self.operator_menu.setTitle(self.tr("&Operator"))
        self.take_over_action.setText(self.tr("Take over the seat…"))
        self.lock_action.setText(self.tr("Lock the seat"))
        self._show_seat()
        self.node_label.setText(self.node_identity())
        self._show_link_states()

    def _toggle_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 900)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        start = self.context.config.ui.start_page
        if self.persist:
            start = self.settings.value("window/page", start)
        try:
            self.show_page(start)
        except KeyError:
            self.show_page(PAGES[0].key)

    def closeEvent(self, event) -> None:
        if self.persist:
            self.save_layout()
        super().closeEvent(event)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
