"""Scene items of the map whose size stays constant on screen: site markers and region
labels (name plus per-state count badges). Both ignore the view's zoom."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from console.overview import STATES, SiteStatus
from domain.tags import Site, SiteKind
from widgets import map_style as style


class SiteMarker(QGraphicsItem):
    """A site at its coordinates: triangle = tailings pond (a dam), diamond = hazchem.

    Fill: worst active alarm level, green when quiet, grey when stale or off-line (then
    a ring in the alarm colour keeps the level visible). Blinks while unacknowledged, by
    opacity: the cached pixmap is blitted fainter, not painted again.
    """

    def __init__(self, site: Site, size: float = style.MARKER_SIZE) -> None:
        super().__init__()
        self.site = site
        self.status: SiteStatus | None = None
        self.blink_off = False
        self.selected = False
        self._size = size
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        # a repaint of the map blits cached pixmaps instead of calling paint() 280 times
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(20)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(site.name)
        self._shape = self._outline(size)

    def _outline(self, size: float) -> QPolygonF:
        h = size / 2
        if self.site.kind is SiteKind.TAILINGS_POND:
            return QPolygonF([QPointF(0, -h), QPointF(h, h * 0.8), QPointF(-h, h * 0.8)])
        return QPolygonF([QPointF(0, -h), QPointF(h, 0), QPointF(0, h), QPointF(-h, 0)])

    def boundingRect(self) -> QRectF:
        h = self._size / 2 + 5
        return QRectF(-h, -h, 2 * h, 2 * h)

    @property
    def blinking(self) -> bool:
        return self.status is not None and self.status.unacknowledged

    def fill_colour(self) -> QColor:
        """The colour the marker shows (ignoring the blink phase)."""
        state = self.status.state if self.status else "offline"
        if state in ("stale", "offline"):
            return QColor(style.GREY)
        return QColor(style.STATE_COLOURS[state])

    def set_status(self, status: SiteStatus) -> None:
        self.status = status
        self.setZValue(_stacking(status))
        self.update()

    def set_blink_off(self, off: bool) -> None:
        if off != self.blink_off:
            self.blink_off = off
            self.setOpacity(style.BLINK_OFF_OPACITY if off else 1.0)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = self.fill_colour()
        status = self.status
        if status and status.connectivity != "online" and status.worst_level is not None:
            ring = QColor(style.STATE_COLOURS[_level_state(status)])
            painter.setPen(QPen(ring, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self._size / 2 + 2, self._size / 2 + 2)
        if self.selected:
            painter.setPen(QPen(style.FOCUS_PEN, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self._size / 2 + 3, self._size / 2 + 3)
        painter.setPen(QPen(QColor("#0b141d"), 1.2))
        painter.setBrush(QBrush(fill))
        painter.drawPolygon(self._shape)


def _stacking(status: SiteStatus) -> float:
    """Quiet sites sit under the region labels; alarmed and grey ones above everything,
    the worst level on top, so a label never hides a site that needs attention."""
    if status.worst_level is not None:
        return 30 + (5 - int(status.worst_level))
    if status.connectivity != "online":
        return 25
    return 9


def _level_state(status: SiteStatus) -> str:
    return status.worst_level.name.lower()


class RegionLabel(QGraphicsItem):
    """A division's name with a row of per-state site counts under it."""

    def __init__(self, code: str, name: str, level: str, font_px: int) -> None:
        super().__init__()
        self.code = code
        self.level = level
        self.name = name
        self.counts: dict[str, int] = {}
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(10 if level == "county" else 12)
        self._font = QFont()
        self._font.setPixelSize(font_px)
        self._font.setBold(level != "county")
        self._badge_font = QFont()
        self._badge_font.setPixelSize(max(9, font_px - 3))
        self._name_metrics = QFontMetricsF(self._font)
        self._badge_metrics = QFontMetricsF(self._badge_font)
        self._badge_h = self._badge_metrics.height() + 2
        self._rect = self._layout_rect()

    def set_counts(self, counts: dict[str, int]) -> bool:
        """Show new counts; returns whether the label changed size (the map then checks
        that it still overlaps no other label)."""
        if counts == self.counts:
            return False
        self.counts = dict(counts)
        rect = self._layout_rect()
        resized = rect != self._rect
        if resized:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()
        return resized

    def _badges(self) -> list[tuple[str, int]]:
        return [(state, self.counts[state]) for state in STATES if self.counts.get(state)]

    def _layout_rect(self) -> QRectF:
        name_metrics, badge_metrics = self._name_metrics, self._badge_metrics
        width = name_metrics.horizontalAdvance(self.name) + 8
        height = name_metrics.height() + 2
        badges = self._badges()
        if badges:
            badges_w = sum(badge_metrics.horizontalAdvance(str(n)) + 10 for _, n in badges) + 2 * (len(badges) - 1)
            width = max(width, badges_w + 6)
            height += self._badge_h + 2
        rect = QRectF(-width / 2, -height / 2, width, height)
        if self.level == "site":  # under its marker, not on it
            rect.translate(0, height / 2 + style.MARKER_SIZE / 2 + 3)
        return rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LABEL_BACK)
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setFont(self._font)
        painter.setPen(style.LABEL_TEXT)
        name_h = self._name_metrics.height() + 2
        painter.drawText(QRectF(self._rect.left(), self._rect.top(), self._rect.width(), name_h),
                         Qt.AlignmentFlag.AlignCenter, self.name)
        badges = self._badges()
        if not badges:
            return
        metrics = self._badge_metrics
        total = sum(metrics.horizontalAdvance(str(n)) + 10 for _, n in badges) + 2 * (len(badges) - 1)
        x = -total / 2
        y = self._rect.top() + name_h
        painter.setFont(self._badge_font)
        for state, n in badges:
            w = metrics.horizontalAdvance(str(n)) + 10
            rect = QRectF(x, y, w, self._badge_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.STATE_COLOURS[state]))
            painter.drawRoundedRect(rect, self._badge_h / 2, self._badge_h / 2)
            painter.setPen(QColor("#111111") if state in ("yellow", "normal") else QColor("#ffffff"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n))
            x += w + 2
