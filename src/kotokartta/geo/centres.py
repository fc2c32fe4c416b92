"""Municipality centres from the shipped borders (the orientation planner's distances).

The centre is the area-weighted centroid of the municipality's outer rings, computed on longitude
scaled by cos(latitude) so that it is a true planar centroid at Finnish latitudes; distances
between centres are great-circle distances (the planner's `haversine_km`). A centroid is the
centre of the land area, not of where people live: good enough to tell Paltamo (20 km from
Kajaani) from Kuusamo (200 km), which is the decision the planner makes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from kotokartta.core.borders import BORDERS_FILE
from kotokartta.geo.svgmap import Feature, load_features

__all__ = ["BORDERS_FILE", "centre", "centres"]


def centre(feature: Feature) -> tuple[float, float]:
    """(lat, lon) of the area-weighted centroid of the feature's outer rings."""
    lats = [lat for polygon in feature.rings for _, lat in polygon[0]]
    scale = math.cos(math.radians(sum(lats) / len(lats)))
    total = cx = cy = 0.0
    for polygon in feature.rings:
        ring = polygon[0]
        x0, y0 = ring[-1][0] * scale, ring[-1][1]
        for lon, lat in ring:
            x1, y1 = lon * scale, lat
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
            x0, y0 = x1, y1
    if total == 0:
        ring = feature.rings[0][0]
        return sum(p[1] for p in ring) / len(ring), sum(p[0] for p in ring) / len(ring)
    return cy / (3 * total), cx / (3 * total) / scale


def centres(geo_dir: Path, codes: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
    """Centre (lat, lon) of each municipality by code."""
    return {f.code: centre(f) for f in load_features(Path(geo_dir) / BORDERS_FILE, codes)}
