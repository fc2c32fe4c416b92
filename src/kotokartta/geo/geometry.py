"""Plane geometry on rings and polygons: areas, distances, centroids, interior points."""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

Point = tuple[float, float]
"""(longitude, latitude) in degrees, WGS84."""
Ring = tuple[Point, ...]
"""A ring, open: the closing point (equal to the first) is not repeated."""
Polygon = tuple[Ring, ...]
"""Outer ring first, then holes."""

XY = tuple[float, float]  # a point in SVG units (x right, y down)
_Grid = tuple[int, int]  # a point in SVG units times 10**precision, rounded


# --------------------------------------------------------------------------- geometry


def _ring_area(ring: Sequence[XY]) -> float:
    """Signed area (shoelace)."""
    total = 0.0
    x0, y0 = ring[-1]
    for x1, y1 in ring:
        total += x0 * y1 - x1 * y0
        x0, y0 = x1, y1
    return total / 2


def _polygon_area(polygon: Sequence[Sequence[XY]]) -> float:
    return abs(_ring_area(polygon[0])) - sum(abs(_ring_area(hole)) for hole in polygon[1:])


def _segment_distance_sq(p: XY, a: XY, b: XY) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    px, py = p[0] - ax, p[1] - ay
    length_sq = dx * dx + dy * dy
    if length_sq > 0:
        t = max(0.0, min(1.0, (px * dx + py * dy) / length_sq))
        px -= t * dx
        py -= t * dy
    return px * px + py * py


def _signed_distance(p: XY, polygon: Sequence[Sequence[XY]]) -> float:
    """Distance from p to the polygon's border: positive inside (even-odd), negative outside."""
    inside = False
    best = math.inf
    x, y = p
    for ring in polygon:
        ax, ay = ring[-1]
        for bx, by in ring:
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            # squared distance to the segment a-b, inlined: this is the hot loop
            dx, dy = bx - ax, by - ay
            px, py = x - ax, y - ay
            length_sq = dx * dx + dy * dy
            if length_sq > 0:
                t = (px * dx + py * dy) / length_sq
                if t >= 1:
                    px, py = x - bx, y - by
                elif t > 0:
                    px -= t * dx
                    py -= t * dy
            d = px * px + py * py
            if d < best:
                best = d
            ax, ay = bx, by
    return math.sqrt(best) if inside else -math.sqrt(best)


def _centroid(ring: Sequence[XY]) -> XY:
    area = cx = cy = 0.0
    x0, y0 = ring[-1]
    for x1, y1 in ring:
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
        x0, y0 = x1, y1
    if area == 0:
        return ring[0]
    return cx / (3 * area), cy / (3 * area)


def _interior_point(polygon: Sequence[Sequence[XY]], tolerance: float = 0.5) -> XY:
    """The pole of inaccessibility: the interior point farthest from the border.

    The "polylabel" algorithm (Mapbox, 2016): a quadtree search over square cells, best
    first, pruning cells that cannot beat the best point by more than `tolerance`. Starts
    from the centroid, so it returns the centroid when nothing better exists.
    """
    outer = polygon[0]
    xs = [x for x, _ in outer]
    ys = [y for _, y in outer]
    min_x, min_y, max_x, max_y = min(xs), min(ys), max(xs), max(ys)
    cell_size = min(max_x - min_x, max_y - min_y)
    if cell_size <= 0:
        return _centroid(outer)

    best = _centroid(outer)
    best_d = _signed_distance(best, polygon)
    centre = ((min_x + max_x) / 2, (min_y + max_y) / 2)
    if (centre_d := _signed_distance(centre, polygon)) > best_d:
        best, best_d = centre, centre_d

    heap: list[tuple[float, float, float, float, float]] = []

    def push(x: float, y: float, half: float) -> None:
        d = _signed_distance((x, y), polygon)
        heapq.heappush(heap, (-(d + half * math.sqrt(2)), d, x, y, half))

    half = cell_size / 2
    x = min_x
    while x < max_x:
        y = min_y
        while y < max_y:
            push(x + half, y + half, half)
            y += cell_size
        x += cell_size

    for _ in range(20_000):  # a bound, never reached by municipal shapes
        if not heap:
            break
        neg_potential, d, x, y, half = heapq.heappop(heap)
        if d > best_d:
            best, best_d = (x, y), d
        if -neg_potential - best_d <= tolerance:
            continue
        half /= 2
        for sx in (-half, half):
            for sy in (-half, half):
                push(x + sx, y + sy, half)
    return best
