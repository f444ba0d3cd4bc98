"""An incident on the map with the rescue resources nearest to it: the incident as a red
cross, each team, depot or piece of equipment as a coloured dot joined to it by a dashed line,
so a duty officer sees at a glance what is close and from which side it comes."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsItemGroup, QGraphicsLineItem, QGraphicsSimpleTextItem

from widgets.map_geometry import project

RESOURCE_COLOURS = {"rescue_team": "#1e88e5", "supply": "#43a047", "equipment": "#8e24aa"}
INCIDENT_COLOUR = "#e53935"


@dataclass(frozen=True)
class MapResource:
    kind: str  # "rescue_team", "supply" or "equipment"
    lon: float
    lat: float
    label: str  # name and distance, shown as the tooltip


class _Dot(QGraphicsItem):
    """A marker of constant screen size."""

    def __init__(self, colour: str, radius: float, cross: bool = False) -> None:
        super().__init__()
        self.colour, self.radius, self.cross = QColor(colour), radius, cross
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def boundingRect(self) -> QRectF:
        r = self.radius + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(self.colour))
        painter.drawEllipse(QPointF(0, 0), self.radius, self.radius)
        if self.cross:
            painter.setPen(QPen(QColor("white"), 2.5))
            d = self.radius * 0.55
            painter.drawLine(QLineF(-d, -d, d, d))
            painter.drawLine(QLineF(-d, d, d, -d))


class IncidentOverlay(QGraphicsItemGroup):
    """What `HebeiMapView.show_incident` adds to the scene; removed as one item."""

    def __init__(self, lon: float, lat: float, title: str, resources: list[MapResource]) -> None:
        super().__init__()
        self.setZValue(30)
        centre = project(lon, lat)
        self.resources = resources
        for (lon, lat), here in _by_place(resources).items():
            at = project(lon, lat)
            colour = RESOURCE_COLOURS[here[0].kind]
            line = QGraphicsLineItem(QLineF(centre, at))
            pen = QPen(QColor(colour), 0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            line.setPen(pen)
            self.addToGroup(line)
            dot = _Dot(colour, 5)
            dot.setPos(at)
            dot.setToolTip("\n".join(resource.label for resource in here))
            _label(_place_label(here), dot, colour)
            self.addToGroup(dot)
        incident = _Dot(INCIDENT_COLOUR, 9, cross=True)
        incident.setPos(centre)
        incident.setToolTip(title)
        _label(title, incident, INCIDENT_COLOUR)
        self.addToGroup(incident)
        self.centre = centre
        self.points = [centre] + [project(resource.lon, resource.lat) for resource in resources]

    def extent(self) -> QRectF:
        """The scene rectangle holding the incident and every resource."""
        xs, ys = [point.x() for point in self.points], [point.y() for point in self.points]
        return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))


def _by_place(resources: list[MapResource]) -> dict[tuple[float, float], list[MapResource]]:
    """Resources stored at one place (a depot's supplies and equipment) share one marker."""
    places: dict[tuple[float, float], list[MapResource]] = {}
    for resource in resources:
        places.setdefault((resource.lon, resource.lat), []).append(resource)
    return places


def _place_label(here: list[MapResource]) -> str:
    """The first resource's label, and how many more wait at the same place."""
    return here[0].label if len(here) == 1 else f"{here[0].label} (+{len(here) - 1})"


def _label(text: str, marker: _Dot, colour: str) -> None:
    """A label beside a marker: a child of it, so in screen pixels like the marker."""
    label = QGraphicsSimpleTextItem(text, marker)
    label.setBrush(QBrush(QColor(colour).lighter(150)))
    label.setPos(marker.radius + 4, -label.boundingRect().height() / 2)
