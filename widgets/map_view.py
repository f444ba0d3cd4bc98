"""The offline map of Hebei: boundaries, site markers, labels; pan, zoom, drill-down.

A QGraphicsView (no web view, no tiles). Boundaries are painted in the background, which
Qt caches as a pixmap, so a marker changing colour repaints only its few pixels over the
cached background; markers and labels are scene items of constant screen size. The
choropleth tints are translucent path items with a device cache above the background: a
region changing colour fills that one path again, instead of re-stroking every boundary
under it (≈ 25 ms at province zoom) as a background tint did. County
outlines and labels appear once the zoom makes them readable; labels are placed without
overlap after every zoom (see `map_labels`); when new counts widen a shown label, only
that label is checked against the others, and the full placement runs only on a clash.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsView

from domain.divisions import PROVINCE_CODE, DivisionRegistry
from console.overview import STATES, SiteStatus
from domain.tags import Site
from widgets import map_style as style
from widgets.map_geometry import load_regions, project
from widgets.map_incident import IncidentOverlay, MapResource
from widgets.map_items import RegionLabel, SiteMarker
from widgets.map_labels import overlaps, place

COUNTY_SCALE = 0.2  # pixels per scene unit (≈ 200 px per degree) before counties show
SITE_LABEL_SCALE = 1.2
MIN_SCALE, MAX_SCALE = 0.03, 12.0
TINT_DELAY_MS = 2000
_ALARM_STATES = ("red", "orange", "yellow", "blue")


class HebeiMapView(QGraphicsView):
    siteClicked = Signal(str)
    regionDoubleClicked = Signal(str)  # the division to drill into (one level below the focus)
    focusChanged = Signal(str)
    upRequested = Signal()  # Backspace: one level up the drill-down

    def __init__(self, divisions: DivisionRegistry, node_code: str = PROVINCE_CODE, parent=None,
                 *, label_px: int = 13, marker_size: float = style.MARKER_SIZE) -> None:
        super().__init__(parent)
        self.divisions = divisions
        self.node_code = node_code
        self.focus_code = node_code
        self._label_px = label_px
        self._marker_size = marker_size
        self.regions = load_regions(divisions)
        self._bounds = {code: shape.path.boundingRect() for code, shape in self.regions.items()}
        self._city_level = [c for c in self.regions if c != PROVINCE_CODE and divisions.node_level(c) == "city"]
        self._counties = [c for c, s in self.regions.items() if s.level == "county"]
        self._tints: dict[str, QGraphicsPathItem] = {}  # shown or hidden, by region
        self._tint_state: dict[str, str] = {}
        self._pending_tints: dict[str, str | None] = {}
        self.painted_codes: set[str] = set()
        self._fit_pending = True
        self._layout_timer = QTimer(self, singleShot=True, interval=0, timeout=self.layout_labels)

        scene = QGraphicsScene(self)
        province = self._bounds[PROVINCE_CODE]  # room to pan a border region to the centre
        scene.setSceneRect(province.adjusted(-province.width(), -province.height(), province.width(), province.height()))
        # a few hundred constant-size items: a linear scan is cheaper than keeping a BSP tree
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setBackgroundBrush(style.BACKGROUND)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.labels: dict[str, RegionLabel] = {}
        self._shown: dict[RegionLabel, tuple[float, float, float, float]] = {}  # screen rects of the last placement
        for code in self.regions:
            if code == PROVINCE_CODE:
                continue
            division = divisions[code]
            level = "county" if code in self._counties and code not in self._city_level else "city"
            label = RegionLabel(code, division.name, level, label_px + (1 if level == "city" else 0))
            label.setPos(project(division.lon, division.lat))
            scene.addItem(label)
            self.labels[code] = label
        self.markers: dict[str, SiteMarker] = {}
        self.incident: IncidentOverlay | None = None
        self.site_labels: dict[str, RegionLabel] = {}
        self._blinking: set[str] = set()
        self.blink_phase_off = False

        self._tint_timer = QTimer(self, singleShot=True, interval=TINT_DELAY_MS, timeout=self._apply_tints)
        self._blink_timer = QTimer(self, interval=500, timeout=self._blink)
        self._blink_timer.start()

    # -- building -------------------------------------------------------------------
    def set_sites(self, sites: Iterable[Site]) -> None:
        for marker in self.markers.values():
            self.scene().removeItem(marker)
        for label in self.site_labels.values():
            self.scene().removeItem(label)
        self.markers, self.site_labels, self._blinking = {}, {}, set()
        for site in sites:
            marker = SiteMarker(site, self._marker_size)
            marker.setPos(project(site.lon, site.lat))
            self.scene().addItem(marker)
            self.markers[site.code] = marker
            label = RegionLabel(site.code, site.name, "site", max(10, self._label_px - 2))
            label.setPos(project(site.lon, site.lat))
            label.setZValue(8)
            self.scene().addItem(label)
            self.site_labels[site.code] = label
        self._schedule_layout()

    # -- live updates ---------------------------------------------------------------
    def apply_statuses(self, changed: dict[str, SiteStatus]) -> None:
        """Recolour the markers of the sites that changed; nothing else is repainted."""
        for code, status in changed.items():
            marker = self.markers.get(code)
            if marker is None:
                continue
            marker.set_status(status)
            if status.unacknowledged:
                if code not in self._blinking:
                    marker.set_blink_off(self.blink_phase_off)
                self._blinking.add(code)
            else:
                self._blinking.discard(code)
                marker.set_blink_off(False)

    def set_region_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Badges and choropleth for the regions whose counts changed."""
        clash = False
        for code, region_counts in counts.items():
            label = self.labels.get(code)
            if label is not None and label.set_counts(region_counts) and label in self._shown:
                clash |= self._still_clear(label)
            worst = next((s for s in _ALARM_STATES if region_counts.get(s)), None)
            if self._tint_state.get(code) != worst:
                self._pending_tints[code] = worst
        if self._pending_tints and not self._tint_timer.isActive():
            self._tint_timer.start()
        if clash:
            self._schedule_layout()

    def _still_clear(self, label: RegionLabel) -> bool:
        """Re-measure a shown label that changed size; True if it now overlaps another
        or the edge."""
        rect = self._screen_rect(label)
        if not self._on_screen(rect) or any(overlaps(rect, other) for other_label, other in self._shown.items() if other_label is not label):
            return True
        self._shown[label] = rect
        return False

    def _apply_tints(self) -> None:
        """Choropleth changes are gathered for `TINT_DELAY_MS`, so the map's colour does
        not flicker with every value (markers and badges show each change at once)."""
        for code, state in self._pending_tints.items():
            if state is None or not style.tint(state).alpha():
                self._tint_state.pop(code, None)
            else:
                self._tint_state[code] = state
                self._tint_item(code).setBrush(QBrush(style.tint(state)))
        self._pending_tints = {}
        self._show_tints()

    def _tint_item(self, code: str) -> QGraphicsPathItem:
        item = self._tints.get(code)
        if item is None:
            item = self._tints[code] = QGraphicsPathItem(self.regions[code].path)
            item.setPen(Qt.PenStyle.NoPen)
            item.setZValue(1)  # over the boundaries, under labels and markers
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.scene().addItem(item)
        return item

    def _show_tints(self) -> None:
        """County tints once counties are drawn, city tints before."""
        level = set(self._counties) if self.counties_visible() else set(self._city_level)
        for code, item in self._tints.items():
            item.setVisible(code in level and code in self._tint_state)

    def show_incident(self, lon: float, lat: float, title: str, resources: list[MapResource]) -> IncidentOverlay:
        """Mark an incident and its nearest resources (replacing any shown before), centred."""
        self.clear_incident()
        self.incident = IncidentOverlay(lon, lat, title, resources)
        self.scene().addItem(self.incident)
        self._fit_pending = True
        self._fit_focus()
        return self.incident

    def clear_incident(self) -> None:
        if self.incident is not None:
            self.scene().removeItem(self.incident)
            self.incident = None

    def select_site(self, code: str | None) -> None:
        for marker in self.markers.values():
            if marker.selected != (marker.site.code == code):
                marker.selected = not marker.selected
                marker.update()

    def _blink(self) -> None:
        """All unacknowledged markers blink together (one phase for the map)."""
        self.blink_phase_off = not self.blink_phase_off
        for code in self._blinking:
            self.markers[code].set_blink_off(self.blink_phase_off)

    # -- navigation -----------------------------------------------------------------
    def current_scale(self) -> float:
        return self.transform().m11()

    def counties_visible(self) -> bool:
        return self.current_scale() >= COUNTY_SCALE

    def focus_on(self, code: str) -> None:
        """Frame a division and make it the drill-down focus."""
        self.focus_code = code
        self._fit_pending = True
        self._fit_focus()
        self.focusChanged.emit(code)

    def _fit_focus(self) -> None:
        rect = self._bounds[self.focus_code] if self.incident is None else self._incident_frame()
        margin = max(rect.width(), rect.height()) * 0.06
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
        self._after_zoom()

    def _incident_frame(self) -> QRectF:
        """The incident and its resources, at least a quarter of the focus's width across."""
        rect = self.incident.extent()
        least = self._bounds[self.focus_code].width() * 0.25
        grow_x, grow_y = max(0.0, least - rect.width()) / 2, max(0.0, least - rect.height()) / 2
        return rect.adjusted(-grow_x - least * 0.2, -grow_y, grow_x + least * 0.2, grow_y)

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.current_scale() * factor))
        factor = target / self.current_scale()
        if abs(factor - 1.0) > 1e-6:
            self.scale(factor, factor)
            self._fit_pending = False
            self._after_zoom()

    def visible_extent(self) -> QRectF:
        """The scene rectangle the view shows (a consultation shares it)."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def show_extent(self, rect: QRectF) -> None:
        """Show at least `rect` (another console's extent, whatever this window's size)."""
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fit_pending = False
        self._after_zoom()

    def pan_by(self, dx: int, dy: int) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
        self._fit_pending = False

    def _after_zoom(self) -> None:
        self._show_tints()
        self.painted_codes = set()
        self.resetCachedContent()
        self._schedule_layout()

    def division_at(self, scene_pos: QPointF) -> str | None:
        """The county (or county-level city) under a scene point."""
        for code in self._counties:
            if self._bounds[code].contains(scene_pos) and self.regions[code].path.contains(scene_pos):
                return code
        return None

    def drill_target(self, county: str) -> str | None:
        """What a double-click on `county` drills into, given the current focus."""
        chain = self.divisions.chain_up(county)
        if self.focus_code in chain:
            index = chain.index(self.focus_code)
            return chain[index - 1] if index > 0 else None
        if self.divisions.node_level(self.focus_code) == "county":
            return county
        return chain[-2]

    # -- labels ---------------------------------------------------------------------
    def _schedule_layout(self) -> None:
        self._layout_timer.start()

    def layout_labels(self) -> None:
        """Show the labels the zoom allows, by priority, none overlapping another."""
        scale = self.current_scale()
        ordered = [self.labels[c] for c in self._label_order()]
        counties_ok = scale >= COUNTY_SCALE
        candidates = [lab for lab in ordered if lab.level == "city" or counties_ok]
        if scale >= SITE_LABEL_SCALE:
            candidates += self._site_labels_by_urgency()
        inside = [(label, rect) for label, rect in ((lab, self._screen_rect(lab)) for lab in candidates)
                  if self._on_screen(rect)]  # a label cut by the edge is not shown
        shown = place([rect for _, rect in inside])
        self._shown = {label: rect for (label, rect), visible in zip(inside, shown) if visible}
        for label in list(self.labels.values()) + list(self.site_labels.values()):
            label.setVisible(label in self._shown)

    def _on_screen(self, rect: tuple[float, float, float, float]) -> bool:
        viewport = self.viewport()
        return rect[0] >= 0 and rect[1] >= 0 and rect[2] <= viewport.width() and rect[3] <= viewport.height()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._schedule_layout()  # labels that reach the edge hide, those that come in show

    def _screen_rect(self, label: RegionLabel) -> tuple[float, float, float, float]:
        p = self.mapFromScene(label.pos())
        br = label.boundingRect()
        return p.x() + br.left(), p.y() + br.top(), p.x() + br.right(), p.y() + br.bottom()

    def visible_label_rects(self) -> list[tuple[str, QRectF]]:
        """Screen rectangles of the labels shown now (for tests and screenshots)."""
        out = []
        for label in list(self.labels.values()) + list(self.site_labels.values()):
            if label.isVisible():
                out.append((label.code, label.boundingRect().translated(QPointF(self.mapFromScene(label.pos())))))
        return out

    def _label_order(self) -> list[str]:
        focus_chain = set(self.divisions.jurisdiction(self.focus_code))
        def key(code: str):
            label = self.labels[code]
            area = self._bounds[code].width() * self._bounds[code].height()
            return (label.level != "city", code not in focus_chain, -area)
        return sorted(self.labels, key=key)

    def _site_labels_by_urgency(self) -> list[RegionLabel]:
        rank = {state: i for i, state in enumerate(STATES)}
        def key(code: str):
            status = self.markers[code].status
            return rank[status.state] if status else len(rank)
        return [self.site_labels[c] for c in sorted(self.site_labels, key=key)]

    # -- painting -------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.BACKGROUND)
        province = self.regions[PROVINCE_CODE].path
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LAND)
        painter.drawPath(province)
        self.painted_codes.add(PROVINCE_CODE)
        counties = self.counties_visible()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if counties:
            self._outline(painter, rect, self._counties, style.COUNTY_PEN, 0.8)
        self._outline(painter, rect, self._city_level, style.CITY_PEN, 1.4)
        self._outline(painter, rect, [PROVINCE_CODE], style.PROVINCE_PEN, 2.2)
        # frames are background too: big outlines as items would be re-stroked under
        # every marker that changes colour
        self._outline(painter, rect, [self.node_code], style.JURISDICTION_PEN, 3.0)
        if self.focus_code != self.node_code:
            self._outline(painter, rect, [self.focus_code], style.FOCUS_PEN, 1.6, Qt.PenStyle.DashLine)

    def _outline(self, painter: QPainter, rect: QRectF, codes: Iterable[str], colour, width: float,
                 pen_style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> None:
        pen = QPen(colour, width, pen_style)
        pen.setCosmetic(True)
        painter.setPen(pen)
        for code in codes:
            if self._bounds[code].intersects(rect):
                painter.drawPath(self.regions[code].path)
                self.painted_codes.add(code)

    # -- input ----------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit_pending:
            self._fit_focus()
        else:
            self._schedule_layout()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps)
        event.accept()

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, SiteMarker) and event.button() == Qt.MouseButton.LeftButton:
            self.siteClicked.emit(item.site.code)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        county = self.division_at(self.mapToScene(event.position().toPoint()))
        target = self.drill_target(county) if county else None
        if target:
            self.regionDoubleClicked.emit(target)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = max(40, self.viewport().width() // 8)
        actions = {
            Qt.Key.Key_Plus: lambda: self.zoom_by(1.25),
            Qt.Key.Key_Equal: lambda: self.zoom_by(1.25),
            Qt.Key.Key_Minus: lambda: self.zoom_by(0.8),
            Qt.Key.Key_Left: lambda: self.pan_by(-step, 0),
            Qt.Key.Key_Right: lambda: self.pan_by(step, 0),
            Qt.Key.Key_Up: lambda: self.pan_by(0, -step),
            Qt.Key.Key_Down: lambda: self.pan_by(0, step),
            Qt.Key.Key_Home: lambda: self.focus_on(self.focus_code),
            Qt.Key.Key_Backspace: self.upRequested.emit,
        }
        action = actions.get(key)
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()
