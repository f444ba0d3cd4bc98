"""The overview page (一张图): the map of the node's jurisdiction with live site status.

Wiring only: the status logic is `console.overview` (Qt-free), the drawing is
`widgets.map_*`. Tag batches and alarm changes only mark the page dirty; a timer
refreshes the model and hands the views just the sites and regions that changed, so the
data rate never drives the redraw rate. The side summary is recomputed only when a
status or the alarm list changed (otherwise only the oldest alarm's age moves), and the
card's small trend reads the shared trend store (`context.services["trends"]`).
The page is built as soon as the field is read (`PageSpec.needs`), so it takes the alarm
engine and the trend store when they have started.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from console.context import AppContext
from console.overview import OverviewModel, SiteStatus
from console.operators.permissions import PermissionDenied
from console.navigation import PAGES
from domain.tags import Catalogue
from widgets.map_bigscreen import BigScreenWindow
from widgets.map_drill import Breadcrumb, DrillList
from widgets.map_site_panel import SitePanel
from widgets.map_summary import LatestAlarms, SummaryPanel
from widgets.map_style import PAGE_QSS
from widgets.map_view import HebeiMapView

REFRESH_MS = 250  # dirty check; values alone refresh at most once a second
FULL_REFRESH_S = 1.0
# how each target page is asked to show one site (monitoring: issue 4, video: issue 6)
SITE_FOCUS = {"monitoring": "open_site", "alarms": "show_site", "video": "show_site_camera"}


class OverviewPage(QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.setStyleSheet(PAGE_QSS)
        self.context = context
        self.divisions = context.divisions
        self.node_code = context.node_code
        self.catalogue: Catalogue = context.services.get("catalogue") or Catalogue()
        self.alarm_feed = None  # the alarm engine, once started (`_attach_alarms`)
        self.model = OverviewModel(self.catalogue, self.divisions, context.tag_bus.latest,
                                   offline_after_s=context.config.map.offline_after_s)
        self.open_site_code: str | None = None
        self._side_revision = -1
        self._side = None  # (summary, alarms) of the node's jurisdiction at `_side_revision`
        self._changed_alarms: dict[int, object] = {}  # records the engine reported, by id()
        self._drill_stale = False  # a status changed since the site list was last written
        self.big_screen: BigScreenWindow | None = None

        self.map = HebeiMapView(self.divisions, self.node_code)
        self.map.set_sites(self._own_sites())
        self.breadcrumb = Breadcrumb()
        self.summary = SummaryPanel()
        self.drill = DrillList()
        self.site_panel = SitePanel()
        self.site_panel.set_available_pages(self._available_pages())
        self.latest = LatestAlarms(limit=8)
        self.side_stack = QStackedWidget()
        self.side_stack.addWidget(self.drill)
        self.side_stack.addWidget(self.site_panel)
        self._build_layout()
        self._dirty = True
        self._alarms_dirty = False
        self._last_full = 0.0
        self._connect()
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self._tick)
        self._timer.start()
        self._push_all(self.map)
        self.map.focus_on(self.node_code)

    def is_ready(self) -> bool:
        """For `--screenshot`: statuses are applied at construction; the map fits its
        focus as soon as it is shown."""
        return self.map.isVisible()

    def shows_live_values(self) -> bool:
        """A site is drawn with a live value (`--startup-report`'s first-live-value)."""
        return any(status.connectivity == "online" for status in self.model.statuses().values())

    # -- construction ---------------------------------------------------------------
    def _own_sites(self):
        return self.model.sites_in(self.node_code)

    def _available_pages(self) -> set[str]:
        return {page.key for page in PAGES if page.factory}

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.breadcrumb, 1)
        legend = QLabel(self.tr("▲ tailings pond  ◆ hazardous-chemical source  · grey = stale/off-line · "
                                "blinking = unacknowledged · F11 big screen"))
        legend.setObjectName("mapLegend")
        top.addWidget(legend)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.summary)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.side_stack)
        side_layout.addWidget(scroller, 1)
        self.latest_title = QLabel(self.tr("Latest alarms"))
        side_layout.addWidget(self.latest_title)
        self.latest.setMaximumHeight(130)
        side_layout.addWidget(self.latest)
        self.no_alarm_engine = QLabel(self.tr("Alarm engine not running: no alarms are shown."))
        self.no_alarm_engine.hide()
        side_layout.addWidget(self.no_alarm_engine)
        if not self.catalogue.sites:
            side_layout.addWidget(QLabel(self.tr("No site catalogue loaded: the map shows no sites.")))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.map)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        side.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        services = self.context.services
        self._unsubscribe = [self.context.tag_bus.subscribe(self._on_batch)]
        self._unsubscribe.append(services.when("alarm_engine", self._attach_alarms, absent=self.no_alarm_engine.show))
        self._unsubscribe.append(services.when("trends", lambda trends: self.site_panel.trend.set_store(trends.store)))
        self.map.siteClicked.connect(self.open_site)
        self.map.regionDoubleClicked.connect(self.drill_to)
        self.map.focusChanged.connect(self._on_focus)
        self.breadcrumb.activated.connect(self.drill_to)
        self.drill.regionActivated.connect(self.drill_to)
        self.drill.siteActivated.connect(self.open_site)
        self.site_panel.closeRequested.connect(self.close_site)
        self.site_panel.acknowledgeRequested.connect(self._acknowledge)
        self.site_panel.openPageRequested.connect(self.open_page_for_site)
        self.latest.itemClicked.connect(lambda item: self.open_site(item.data(Qt.ItemDataRole.UserRole)))
        self.map.upRequested.connect(self.drill_up)

    def event(self, event) -> bool:
        # On this page F11 is big-screen mode, not the main window's full screen: claim
        # the key before the window's shortcut sees it; keyPressEvent then handles it.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_F11:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.toggle_big_screen()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- inputs ---------------------------------------------------------------------
    def _attach_alarms(self, engine) -> None:
        self.alarm_feed = engine
        self._unsubscribe.append(engine.subscribe(self._on_alarms_changed))
        self.model.set_alarms(engine.active_alarms())
        self._alarms_dirty = True

    def _on_batch(self, _batch) -> None:
        self._dirty = True
        if not self._last_full:  # the page's first values: drawn now, not at the next tick
            QTimer.singleShot(0, self._tick)

    def _on_alarms_changed(self, changed) -> None:
        """Keep the changed records for the next tick: it shows them without waiting
        for the once-a-second connectivity pass."""
        for record in changed:
            self._changed_alarms[id(record)] = record
        self._alarms_dirty = True

    def _acknowledge(self, alarms: list, note: str) -> None:
        """Ask the engine; the card says done only when the engine reports it stored."""
        self.site_panel.show_message(self.tr("Acknowledging…"))
        try:
            self.alarm_feed.acknowledge(alarms, self.context.operator, note, on_done=self._acknowledged)
        except (ValueError, PermissionDenied) as exc:  # ActionRefused (a red alarm needs a note), or the role
            self.site_panel.show_message(str(exc), error=True)

    def _acknowledged(self, error: Exception | None) -> None:
        if error is not None:
            self.site_panel.show_message(self.tr("Not stored: %1").replace("%1", str(error)), error=True)
        else:
            self.site_panel.show_message(self.tr("Acknowledged."))

    # -- refresh --------------------------------------------------------------------
    def _tick(self) -> None:
        now = time.time()
        if self._dirty and now - self._last_full >= FULL_REFRESH_S or now - self._last_full >= 2 * FULL_REFRESH_S:
            self.refresh_now(now)
        elif self._alarms_dirty:
            self.refresh_now(now, connectivity=False)

    def refresh_now(self, now: float | None = None, *, connectivity: bool = True) -> dict[str, SiteStatus]:
        """Recompute statuses and push only the changes to the views; without
        `connectivity` only the sites whose alarms changed are looked at."""
        now = time.time() if now is None else now
        if connectivity:
            self._dirty = False
            self._last_full = now
        if self._alarms_dirty:
            self._alarms_dirty = False
            self.model.update_alarms(self._changed_alarms.values())
            self._changed_alarms = {}
        changed = self.model.refresh(now, connectivity=connectivity)
        regions = {r for code in changed for r in self.divisions.chain_up(self.catalogue.sites[code].division)}
        counts = {r: self.model.region_counts(r) for r in regions}
        for view in self._maps():
            view.apply_statuses(changed)
            view.set_region_counts(counts)
        self._update_side(now, changed, list_too=connectivity)
        return changed

    def _push_all(self, view: HebeiMapView) -> None:
        """Give a new view every site's status and every region's counts."""
        view.apply_statuses(self.model.statuses())
        view.set_region_counts({code: self.model.region_counts(code) for code in self.divisions.by_code})

    def _maps(self) -> list[HebeiMapView]:
        return [self.map] + ([self.big_screen.map] if self.big_screen else [])

    def _update_side(self, now: float, changed: dict, list_too: bool = True) -> None:
        """Summary, latest alarms, and the open card or (`list_too`: the once-a-second
        pass, not every alarm change) the region's site list."""
        if self._side_revision != self.model.revision:
            self._side_revision = self.model.revision
            self._side = (self.model.summary(self.node_code), self.model.alarms_in(self.node_code))
        summary, alarms = self._side
        title = self.tr("Jurisdiction: %1").replace("%1", self.divisions[self.node_code].name)
        self.summary.show_summary(title, summary, self._site_name, now)
        self.latest.show_alarms(alarms, self._describe)
        if self.big_screen:
            self.big_screen.summary.show_summary(title, summary, self._site_name, now)
            self.big_screen.latest.show_alarms(alarms, self._describe)
            describe = self.context.services.get("consultation_banner")
            self.big_screen.show_session(describe() if describe else None)
        if self.open_site_code:
            self._update_site_panel(now)
        elif self.side_stack.currentWidget() is self.drill:
            self._drill_stale |= bool(changed)
            if self._drill_stale and list_too:
                self._update_drill_list()

    def _site_name(self, code: str) -> str:
        return self.catalogue.sites[code].name

    def _describe(self, alarm) -> str:
        return f"{self._site_name(alarm.site)} {self._tag_name(alarm.tag)}"

    # -- drill-down -----------------------------------------------------------------
    def drill_to(self, code: str) -> None:
        """Zoom to a division inside the jurisdiction; the breadcrumb follows."""
        if not self.divisions.in_jurisdiction(self.node_code, code):
            return
        self.close_site()
        self.map.focus_on(code)

    def drill_up(self) -> None:
        chain = self.divisions.chain_up(self.map.focus_code)
        if self.map.focus_code != self.node_code:
            self.drill_to(chain[1])

    def _on_focus(self, code: str) -> None:
        chain = self.divisions.chain_up(code)
        path = list(reversed(chain[: chain.index(self.node_code) + 1]))
        self.breadcrumb.set_path([(c, self.divisions[c].name) for c in path])
        self._update_drill_list()

    def _update_drill_list(self) -> None:
        self._drill_stale = False
        code = self.map.focus_code
        children = sorted(self.divisions.children(code))
        regions = [(c, self.divisions[c].name, self.model.region_counts(c)) for c in children]
        sites = [(s, self.model.status(s.code)) for s in self.model.sites_in(code)]
        rank = {"offline": 1, "stale": 2, "red": 0, "orange": 0, "yellow": 0, "blue": 0, "normal": 3}
        sites.sort(key=lambda pair: (rank[pair[1].state], pair[1].worst_level or 9, pair[0].name))
        self.drill.show_region(regions, sites)

    # -- site card ------------------------------------------------------------------
    def open_site(self, code: str) -> None:
        if code not in self.catalogue.sites:
            return
        site = self.catalogue.sites[code]
        self.open_site_code = code
        for view in self._maps():
            view.select_site(code)
        names = [self.divisions[c].name for c in reversed(self.divisions.chain_up(site.division))]
        self.site_panel.show_site(site, " › ".join(names), [spec for spec, _ in self.model.key_values(code)])
        self.site_panel.show_message("")
        self._update_site_panel()
        self.side_stack.setCurrentWidget(self.site_panel)
        self._fit_side()

    def close_site(self) -> None:
        self.open_site_code = None
        for view in self._maps():
            view.select_site(None)
        self.side_stack.setCurrentWidget(self.drill)
        self._update_drill_list()
        self._fit_side()

    SHORT_SCREEN_PX = 900

    def _fit_side(self) -> None:
        """On a short screen an open site card takes the room of the jurisdiction summary and
        the latest-alarms list (the alarm banner above keeps the counts), so the whole card,
        trend and page buttons included, shows without scrolling; closing it brings them back."""
        short = self.height() < self.SHORT_SCREEN_PX and self.open_site_code is not None
        for widget in (self.summary, self.latest_title, self.latest):
            widget.setVisible(not short)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_side()

    def _update_site_panel(self, now: float | None = None) -> None:
        code = self.open_site_code
        self.site_panel.update_values(self.model.status(code), self.model.key_values(code),
                                      self.model.alarms_of(code), self._tag_name)
        self.site_panel.trend.refresh(time.time() if now is None else now)

    def _tag_name(self, tag_id: str) -> str:
        spec = self.catalogue.tags.get(tag_id)
        return spec.name if spec else tag_id

    def show_incident(self, division: str, lon: float, lat: float, title: str, resources) -> None:
        """Frame the incident's county and mark the incident with its nearest resources."""
        self.map.focus_on(division if division in self.divisions else self.node_code)
        self.map.show_incident(lon, lat, title, resources)

    def open_page_for_site(self, key: str, site_code: str) -> None:
        """Switch the main window to the trend / alarm / video page, focused on the site
        when that page offers it (`SITE_FOCUS`); otherwise say so on the card."""
        window = self.window()
        if not hasattr(window, "show_page"):
            return
        page = window.show_page(key)
        focus = getattr(page, SITE_FOCUS[key], None)
        if focus is None:
            self.site_panel.show_message(self.tr("That page cannot be filtered to one site yet."))
        elif focus(site_code) is False:
            self.site_panel.show_message(self.tr("No camera is registered for this site."))

    # -- consultation view (widgets/view_following.py) ------------------------------
    def capture_view(self) -> dict:
        rect = self.map.visible_extent()
        return {"f": self.map.focus_code, "s": self.open_site_code,
                "x": [round(value, 4) for value in (rect.x(), rect.y(), rect.width(), rect.height())]}

    def apply_view(self, view: dict) -> None:
        """Frame what the leader frames: the drill-down focus (within this node's jurisdiction),
        the extent, the open site card."""
        focus = view.get("f")
        if focus in self.divisions and focus != self.map.focus_code:
            self.drill_to(focus if self.divisions.in_jurisdiction(self.node_code, focus) else self.node_code)
        if view.get("x"):
            self.map.show_extent(QRectF(*view["x"]))
        site = view.get("s")
        if site != self.open_site_code:
            self.open_site(site) if site else self.close_site()

    # -- big screen -----------------------------------------------------------------
    def toggle_big_screen(self) -> None:
        if self.big_screen is not None:
            self.big_screen.close()
            return
        division = self.divisions[self.node_code]
        title = self.tr("%1 safety production monitoring — one map").replace("%1", division.name)
        self.big_screen = BigScreenWindow(self.divisions, self.node_code, title)
        self.big_screen.map.set_sites(self._own_sites())
        self._push_all(self.big_screen.map)
        self.big_screen.closed.connect(self._big_screen_closed)
        # the geometry too: without a window manager (kiosk X sessions) the full-screen
        # state alone does not resize the window
        self.big_screen.setGeometry(self.screen().geometry())
        self.big_screen.showFullScreen()
        self.big_screen.map.focus_on(self.node_code)
        self._update_side(time.time(), {})

    def _big_screen_closed(self) -> None:
        self.big_screen = None

    def closeEvent(self, event) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        super().closeEvent(event)
