"""From lon/lat to SVG units: the frame of a map, and where each municipality's label goes."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kotokartta.geo.features import Feature, _clean_polygon
from kotokartta.geo.geometry import XY, Point, Polygon, _interior_point, _polygon_area

logger = logging.getLogger(__name__)


DEFAULT_SIMPLIFY = 0.5
"""Simplification tolerance in SVG units: half a pixel at the nominal width."""

MARGIN_RATIO = 0.025
"""Margin around the features, as a share of the width (10 units at width 400)."""


# --------------------------------------------------------------------------- projection


@dataclass(frozen=True, slots=True)
class _Frame:
    """Lon/lat to SVG units: equirectangular, longitude scaled by cos(mean latitude)."""

    min_lon: float
    max_lat: float
    x_scale: float
    y_scale: float
    margin: float
    width: float
    height: float

    @classmethod
    def fit(cls, polygons: Iterable[Polygon], width: int) -> _Frame:
        points = [p for polygon in polygons for ring in polygon for p in ring]
        margin = width * MARGIN_RATIO
        if not points:
            return cls(0.0, 0.0, 1.0, 1.0, margin, width, 2 * margin)
        lons = [lon for lon, _ in points]
        lats = [lat for _, lat in points]
        min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
        k = math.cos(math.radians((min_lat + max_lat) / 2))
        extent_x = (max_lon - min_lon) * k
        extent_y = max_lat - min_lat
        inner = width - 2 * margin
        if extent_x > 0:
            scale = inner / extent_x
        elif extent_y > 0:
            scale = inner / extent_y
        else:
            scale = 1.0
        height = extent_y * scale + 2 * margin
        return cls(min_lon, max_lat, k * scale, scale, margin, width, height)

    def project(self, point: Point) -> XY:
        lon, lat = point
        return (
            (lon - self.min_lon) * self.x_scale + self.margin,
            (self.max_lat - lat) * self.y_scale + self.margin,
        )


def _usable_polygons(feature: Feature) -> list[Polygon]:
    """The feature's polygons, re-cleaned: a Feature built by hand may hold anything."""
    polygons = feature.rings if isinstance(feature.rings, Sequence) else ()
    return [p for p in (_clean_polygon(raw) for raw in polygons) if p is not None]


@dataclass(slots=True)
class _Prepared:
    feature: Feature
    polygons: list[list[list[XY]]]  # projected, unsimplified


def _prepare(features: Iterable[Feature], width: int) -> tuple[_Frame, list[_Prepared]]:
    cleaned: list[tuple[Feature, list[Polygon]]] = []
    codes: set[str] = set()
    for feature in features:
        if feature.code in codes:
            raise ValueError(f"municipality {feature.code} given twice")
        codes.add(feature.code)
        polygons = _usable_polygons(feature)
        if polygons:
            cleaned.append((feature, polygons))
        else:
            logger.warning("municipality %s has no usable geometry, not drawn", feature.code)
    frame = _Frame.fit((p for _, polygons in cleaned for p in polygons), width)
    prepared = [
        _Prepared(
            feature,
            [[[frame.project(p) for p in ring] for ring in polygon] for polygon in polygons],
        )
        for feature, polygons in cleaned
    ]
    return frame, prepared


def _label_points(prepared: Sequence[_Prepared]) -> dict[str, XY]:
    """Interior point of each municipality's largest polygon, in SVG units (unrounded)."""
    return {
        item.feature.code: _interior_point(max(item.polygons, key=_polygon_area))
        for item in prepared
    }


def municipality_points(
    features: Iterable[Feature], *, width: int = 400, precision: int = 1
) -> dict[str, tuple[float, float]]:
    """Label point of each municipality in SVG units, as `render_svg` places labels and arrows.

    The point is the pole of inaccessibility of the municipality's largest polygon (the
    interior point farthest from its border), rounded to `precision` decimals. Use the same
    `features`, `width` and `precision` as for `render_svg`: the projection depends on all
    features drawn. Municipalities without usable geometry are left out.
    """
    _check_options(width, precision, 0.0)
    _, prepared = _prepare(features, width)
    return {code: _round_point(p, precision) for code, p in _label_points(prepared).items()}


def _round_point(point: XY, precision: int) -> XY:
    return (round(point[0], precision), round(point[1], precision))


def _check_options(width: int, precision: int, simplify: float) -> None:
    if isinstance(width, bool) or not isinstance(width, int) or width <= 0:
        raise ValueError(f"width must be a positive integer, not {width!r}")
    if isinstance(precision, bool) or not isinstance(precision, int) or not 0 <= precision <= 6:
        raise ValueError(f"precision must be an integer from 0 to 6, not {precision!r}")
    if not (isinstance(simplify, int | float) and math.isfinite(simplify) and simplify >= 0):
        raise ValueError(f"simplify must be a finite number >= 0, not {simplify!r}")
