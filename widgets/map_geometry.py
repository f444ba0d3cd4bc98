"""Hebei boundaries as Qt painter paths in map (scene) coordinates.

Projection: equirectangular with x scaled by cos(39°N), the middle of Hebei, so shapes
keep their proportions; y grows southwards as Qt's does. One scene unit is 1/1000 of a
degree of latitude. No projection library is needed for a province-sized map.

Xiong'an New Area (node 133100) has no boundary of its own in the source data; it is
drawn honestly as the union of the three counties it supervises.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from domain.divisions import DivisionRegistry
from resources import resource_path

SCALE = 1000.0
_COS_MID = math.cos(math.radians(39.0))


def project(lon: float, lat: float) -> QPointF:
    return QPointF(lon * _COS_MID * SCALE, -lat * SCALE)


@dataclass(frozen=True)
class RegionShape:
    code: str
    level: str  # "province" | "city" | "county" (Xiong'an: "city", composed)
    path: QPainterPath
    composed_of: tuple[str, ...] = ()  # counties whose union this is (Xiong'an)


def _ring_polygon(ring: list[list[float]]) -> QPolygonF:
    return QPolygonF([project(lon, lat) for lon, lat, *_ in ring])


def _geometry_path(geometry: dict) -> QPainterPath:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    elif geometry["type"] != "MultiPolygon":
        raise ValueError(f"boundaries.geojson: unsupported geometry type {geometry['type']!r}")
    path = QPainterPath()
    path.setFillRule(path.fillRule().OddEvenFill)
    for polygon in polygons:
        for ring in polygon:  # outer ring then holes; odd-even fill cuts the holes
            path.addPolygon(_ring_polygon(ring))
            path.closeSubpath()
    return path


@lru_cache(maxsize=1)
def _features() -> tuple[dict, ...]:
    raw = json.loads(resource_path("hebei", "boundaries.geojson").read_text(encoding="utf-8"))
    return tuple(raw["features"])


def load_regions(divisions: DivisionRegistry) -> dict[str, RegionShape]:
    """One shape per division: the 179 boundary features plus composed Xiong'an."""
    shapes: dict[str, RegionShape] = {}
    for feature in _features():
        props = feature["properties"]
        code = props["code"]
        if code not in divisions:
            raise ValueError(f"boundaries.geojson: feature {code} is not a known division")
        shapes[code] = RegionShape(code, props["level"], _geometry_path(feature["geometry"]))
    for code, division in divisions.by_code.items():
        if code in shapes:
            continue
        parts = tuple(c for c in divisions.children(code) if c in shapes)
        if not parts:
            raise ValueError(f"division {code} ({division.name}) has no boundary and no drawn counties")
        union = QPainterPath()
        for part in parts:
            union = union.united(shapes[part].path)
        shapes[code] = RegionShape(code, division.level, union.simplified(), composed_of=parts)
    return shapes
