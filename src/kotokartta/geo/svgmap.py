"""Municipal borders as an inline SVG map, for embedding in the guide's HTML pages.

Plain Python, no Django and no third-party packages::

    from kotokartta.geo.svgmap import load_features, render_svg

    features = load_features(GEOJSON, codes=["105", "205", "290"])
    svg = render_svg(
        features,
        links={"205": "/fi/kunnat/kajaani/"},
        title="Kainuu-Koillismaan kunnat",
        description="Kartta: ...",
    )

The data (`data/geo/finland-municipalities.geojson`) is under CC BY 4.0: show `ATTRIBUTION`
next to every map drawn from it.

How a map is drawn:

- Projection: equirectangular, longitude scaled by cos(mean latitude of the features' extent),
  so shapes have the right proportions at Finnish latitudes. One SVG unit is one CSS pixel at
  the nominal `width`; the viewBox fits the features with a small margin.
- Borders: each ring is simplified (Douglas-Peucker, tolerance `simplify` in SVG units), then
  rounded to `precision` decimals; consecutive duplicate points are dropped. The simplification
  keeps shared borders shared: rings are cut into arcs at the points where the set of rings
  sharing the border changes, and each arc is simplified once, the same way from both sides,
  so neighbouring municipalities never gap or overlap.
- Styling: no colours in the SVG. Elements carry classes (`muni-map`, `muni`,
  `muni--highlight`, `muni-link`, `muni-label`, `muni-label--highlight`, `arrow`,
  `arrow-head`) for the page's CSS; `STYLESHEET` is a starting point.
- Accessibility: `<title>` and `<desc>` come first and name/describe the map; linked
  municipalities are `<a href>` elements with an `aria-label`, so they are reachable by keyboard
  and have a name. Labels are `text-anchor="middle"`, so they sit the same on right-to-left pages.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

logger = logging.getLogger(__name__)

__all__ = [
    "ATTRIBUTION",
    "DEFAULT_SIMPLIFY",
    "STYLESHEET",
    "Feature",
    "load_features",
    "municipality_points",
    "render_svg",
]

Point = tuple[float, float]
"""(longitude, latitude) in degrees, WGS84."""
Ring = tuple[Point, ...]
"""A ring, open: the closing point (equal to the first) is not repeated."""
Polygon = tuple[Ring, ...]
"""Outer ring first, then holes."""

XY = tuple[float, float]  # a point in SVG units (x right, y down)
_Grid = tuple[int, int]  # a point in SVG units times 10**precision, rounded

ATTRIBUTION = "© Maanmittauslaitos, CC BY 4.0"
"""Show this wherever a map drawn from the municipal borders is shown (CC BY 4.0)."""

DEFAULT_SIMPLIFY = 0.5
"""Simplification tolerance in SVG units: half a pixel at the nominal width."""

MARGIN_RATIO = 0.025
"""Margin around the features, as a share of the width (10 units at width 400)."""

STYLESHEET = """\
.muni-map { max-width: 100%; height: auto; }
.muni { fill: color-mix(in srgb, currentColor 8%, Canvas); stroke: currentColor;
  stroke-width: 0.75; stroke-linejoin: round; vector-effect: non-scaling-stroke; }
.muni--highlight { fill: color-mix(in srgb, currentColor 25%, Canvas); }
.muni-link:hover .muni, .muni-link:focus-visible .muni { stroke-width: 2.5; }
.muni-link:focus-visible { outline: none; }
.muni-label { font: 11px sans-serif; fill: currentColor; stroke: Canvas; stroke-width: 3px;
  paint-order: stroke; stroke-linejoin: round; }
.muni-label--highlight { font-weight: bold; }
.arrow { stroke: currentColor; stroke-width: 1.5; }
.arrow-head { fill: currentColor; }
"""
"""Suggested CSS for the page that embeds the maps (the SVG itself carries no colours)."""

_SVG_NS = "http://www.w3.org/2000/svg"
_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
# Characters XML 1.0 does not allow at all; removed from any text before escaping.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Feature:
    """One municipality: its 3-digit code, its names, and its borders in lon/lat.

    `rings` holds the polygons (one for a Polygon, several for a MultiPolygon); each polygon
    is a tuple of rings, outer ring first, then holes; each ring a tuple of (lon, lat),
    open (the closing point is implied).
    """

    code: str
    name_fi: str
    name_sv: str
    rings: tuple[Polygon, ...]

    def name(self, lang: str = "fi") -> str:
        """The name in Swedish for `sv` (and `sv-FI`, ...), otherwise the Finnish name."""
        return self.name_sv if lang.split("-")[0].lower() == "sv" else self.name_fi


# --------------------------------------------------------------------------- loading


def load_features(path: Path, codes: Iterable[str] | None = None) -> list[Feature]:
    """The municipalities in a GeoJSON file, in the order of their codes.

    `codes` limits the result to those municipalities; a code the file does not hold raises
    `ValueError`. Features without a usable geometry (no rings, rings of fewer than three
    distinct points, non-finite coordinates, other geometry types) are skipped with a warning.

    Results are cached per (path, codes); the cache notices when the file changes.
    """
    if isinstance(codes, str):  # one code given bare: do not iterate over its digits
        codes = (codes,)
    wanted = None if codes is None else frozenset(_normalise_code(c) for c in codes)
    resolved = Path(path).resolve()
    stat = resolved.stat()
    return list(_load_cached(resolved, wanted, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=16)
def _load_cached(
    path: Path, wanted: frozenset[str] | None, _mtime_ns: int, _size: int
) -> tuple[Feature, ...]:
    with path.open(encoding="utf-8") as file:
        data = json.load(file)
    raw_features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(raw_features, list):
        raise ValueError(f"{path}: not a GeoJSON FeatureCollection")

    found: dict[str, Feature] = {}
    seen: set[str] = set()
    for index, raw in enumerate(raw_features):
        props = raw.get("properties") if isinstance(raw, dict) else None
        if not isinstance(props, dict) or props.get("NATCODE") in (None, ""):
            logger.warning("%s: feature %d has no NATCODE, skipped", path, index)
            continue
        code = _normalise_code(props["NATCODE"])
        seen.add(code)
        if wanted is not None and code not in wanted:
            continue
        polygons = _parse_geometry(raw.get("geometry"))
        if not polygons:
            logger.warning("%s: municipality %s has no usable geometry, skipped", path, code)
            continue
        if code in found:
            raise ValueError(f"{path}: municipality {code} appears twice")
        name_fi = str(props.get("NAMEFIN") or code)
        found[code] = Feature(
            code=code,
            name_fi=name_fi,
            name_sv=str(props.get("NAMESWE") or name_fi),
            rings=polygons,
        )
    if wanted is not None and (missing := wanted - seen):
        raise ValueError(f"{path}: no municipality with code {', '.join(sorted(missing))}")
    return tuple(found[code] for code in sorted(found))


def _normalise_code(code: object) -> str:
    text = str(code).strip()
    return text.zfill(3) if text.isdigit() else text


def _parse_geometry(geometry: Any) -> tuple[Polygon, ...]:
    if not isinstance(geometry, dict):
        return ()
    coordinates = geometry.get("coordinates")
    if geometry.get("type") == "Polygon":
        raw_polygons = [coordinates]
    elif geometry.get("type") == "MultiPolygon" and isinstance(coordinates, list):
        raw_polygons = coordinates
    else:
        return ()
    return tuple(p for p in (_clean_polygon(raw) for raw in raw_polygons) if p is not None)


def _clean_polygon(raw: Any) -> Polygon | None:
    """Outer ring and holes, each cleaned; None if the outer ring is not usable."""
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        return None
    outer = _clean_ring(raw[0])
    if outer is None:
        return None
    holes = (_clean_ring(ring) for ring in raw[1:])
    return (outer, *(hole for hole in holes if hole is not None))


def _clean_ring(raw: Any) -> Ring | None:
    """An open ring of finite (x, y) pairs without consecutive duplicates; None if degenerate."""
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return None
    points: list[Point] = []
    for item in raw:
        if not isinstance(item, Sequence) or isinstance(item, str) or len(item) < 2:
            return None
        x, y = item[0], item[1]
        if isinstance(x, bool) or isinstance(y, bool) or not isinstance(x, int | float):
            return None
        if not isinstance(y, int | float) or not (math.isfinite(x) and math.isfinite(y)):
            return None
        point = (float(x), float(y))
        if not points or points[-1] != point:
            points.append(point)
    while len(points) > 1 and points[-1] == points[0]:
        points.pop()
    if len(points) < 3 or _ring_area(points) == 0:
        return None
    return tuple(points)


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


# --------------------------------------------------------------------------- simplification


def _douglas_peucker(points: Sequence[XY], tolerance: float) -> list[XY]:
    """Douglas-Peucker, iterative; keeps both ends. A closed arc (first == last) works too."""
    n = len(points)
    if n <= 2 or tolerance <= 0:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        farthest, index = -1.0, first
        for k in range(first + 1, last):
            d = _segment_distance_sq(points[k], a, b)
            if d > farthest:
                farthest, index = d, k
        if farthest > limit:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


class _ArcSimplifier:
    """Simplifies rings arc by arc, so that a border shared by two rings is simplified once.

    A vertex is a node (never removed, an arc ends there) when the rings on each side of it
    differ: where a border between two municipalities meets a third one, or the outer edge of
    the map. Each arc is simplified in a canonical direction, so both rings that share it get
    exactly the same points.
    """

    def __init__(self, rings: Iterable[Sequence[XY]], tolerance: float) -> None:
        self.tolerance = tolerance
        self.owners: defaultdict[XY, set[int]] = defaultdict(set)
        self.count: Counter[XY] = Counter()
        for ring_id, ring in enumerate(rings):
            for point in ring:
                self.owners[point].add(ring_id)
                self.count[point] += 1
        self.cache: dict[tuple[XY, ...], list[XY]] = {}

    def _is_node(self, prev: XY, point: XY, nxt: XY) -> bool:
        owners = self.owners[point]
        if self.count[point] > 2 or self.count[point] > len(owners):
            return True  # three or more rings meet, or the ring touches itself here
        return (self.owners[prev] & owners) != (owners & self.owners[nxt])

    def _arc(self, arc: list[XY]) -> list[XY]:
        key = tuple(arc)
        reverse = key[::-1]
        if reverse < key:
            return self._arc(arc[::-1])[::-1]
        if key not in self.cache:
            self.cache[key] = _douglas_peucker(arc, self.tolerance)
        return self.cache[key]

    def ring(self, ring: Sequence[XY]) -> list[XY]:
        n = len(ring)
        if self.tolerance <= 0 or n <= 3:
            return list(ring)
        nodes = [i for i in range(n) if self._is_node(ring[i - 1], ring[i], ring[(i + 1) % n])]
        if not nodes:  # an island, or an enclave: anchor at the smallest point, both sides
            nodes = [min(range(n), key=ring.__getitem__)]
        result: list[XY] = []
        for start, end in zip(nodes, [*nodes[1:], nodes[0] + n], strict=True):
            arc = [ring[i % n] for i in range(start, end + 1)]
            result.extend(self._arc(arc)[:-1])
        return result


# --------------------------------------------------------------------------- output


def _clean_text(text: str) -> str:
    # str(): a lazy translation string (Django's gettext_lazy) works as well as a str
    return _XML_INVALID.sub("", str(text))


def _text(text: str) -> str:
    return escape(_clean_text(text))


def _attr(text: str) -> str:
    return quoteattr(_clean_text(text))


def _format_grid(value: int, precision: int) -> str:
    """An integer in units of 10**-precision as the shortest decimal text."""
    if precision == 0:
        return str(value)
    whole, fraction = divmod(abs(value), 10**precision)
    digits = f"{fraction:0{precision}d}".rstrip("0")
    text = f"{whole}.{digits}" if digits else str(whole)
    return f"-{text}" if value < 0 else text


def _num(value: float, precision: int) -> str:
    return _format_grid(round(value * 10**precision), precision)


def _round_point(point: XY, precision: int) -> XY:
    return (round(point[0], precision), round(point[1], precision))


def _grid_ring(ring: Sequence[XY], precision: int) -> list[_Grid] | None:
    """The ring rounded to the grid, consecutive duplicates dropped; None if degenerate."""
    q = 10**precision
    out: list[_Grid] = []
    for x, y in ring:
        point = (round(x * q), round(y * q))
        if not out or out[-1] != point:
            out.append(point)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out if len(set(out)) >= 3 else None


def _grid_polygons(
    polygons: Sequence[Sequence[Sequence[XY]]], precision: int
) -> list[list[list[_Grid]]]:
    result: list[list[list[_Grid]]] = []
    for polygon in polygons:
        outer = _grid_ring(polygon[0], precision) if polygon else None
        if outer is None:
            continue
        holes = (_grid_ring(hole, precision) for hole in polygon[1:])
        result.append([outer, *(hole for hole in holes if hole is not None)])
    return result


def _path_data(polygons: list[list[list[_Grid]]], precision: int) -> str:
    """Absolute move to each ring's start, then relative lines (exact on the grid), close."""
    parts: list[str] = []
    for polygon in polygons:
        for ring in polygon:
            (x0, y0), rest = ring[0], ring[1:]
            steps: list[str] = []
            px, py = x0, y0
            for x, y in rest:
                steps.append(_format_grid(x - px, precision))
                steps.append(_format_grid(y - py, precision))
                px, py = x, y
            start = f"M{_format_grid(x0, precision)} {_format_grid(y0, precision)}"
            parts.append(f"{start}l{' '.join(steps)}z")
    return "".join(parts)


def _check_options(width: int, precision: int, simplify: float) -> None:
    if isinstance(width, bool) or not isinstance(width, int) or width <= 0:
        raise ValueError(f"width must be a positive integer, not {width!r}")
    if isinstance(precision, bool) or not isinstance(precision, int) or not 0 <= precision <= 6:
        raise ValueError(f"precision must be an integer from 0 to 6, not {precision!r}")
    if not (isinstance(simplify, int | float) and math.isfinite(simplify) and simplify >= 0):
        raise ValueError(f"simplify must be a finite number >= 0, not {simplify!r}")


def _arrow_path(start: XY, end: XY, width: int, precision: int) -> str | None:
    """A gently curved line from near `start` to near `end`, clear of the labels there."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return None
    ux, uy = dx / length, dy / length
    gap = min(length * 0.3, width * 0.035)  # keep the line off the labels at both ends
    sx, sy = start[0] + ux * gap, start[1] + uy * gap
    ex, ey = end[0] - ux * gap, end[1] - uy * gap
    # Bend to the left of the direction of travel, so A → B and B → A do not overlap.
    bend = 0.15 * (length - 2 * gap)
    cx, cy = (sx + ex) / 2 + uy * bend, (sy + ey) / 2 - ux * bend
    n = _num
    p = precision
    return f"M{n(sx, p)} {n(sy, p)}Q{n(cx, p)} {n(cy, p)} {n(ex, p)} {n(ey, p)}"


def render_svg(
    features: Iterable[Feature],
    *,
    links: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    highlight: Iterable[str] = (),
    arrows: Sequence[tuple[str, str]] = (),
    width: int = 400,
    title: str,
    description: str,
    lang: str = "fi",
    precision: int = 1,
    simplify: float = DEFAULT_SIMPLIFY,
    label_codes: Iterable[str] | None = None,
    id_prefix: str | None = None,
) -> str:
    """An inline SVG map of the municipalities (no XML declaration), for embedding in HTML.

    - `links`: code → URL; those municipalities become `<a href>` links named by their label.
    - `labels`: code → label text; otherwise the name in `lang` (Swedish for `sv`, else Finnish).
    - `highlight`: codes drawn with the extra classes `muni--highlight`, `muni-label--highlight`.
    - `arrows`: (from code, to code) pairs, drawn between the label points with an arrowhead and
      a `<title>` "A → B". Codes not among `features` raise `ValueError`; arrows touching a
      municipality without usable geometry are left out.
    - `width`: nominal width in CSS pixels (= SVG units); the height follows from the shape.
    - `title`, `description`: the map's text alternative (`<title>`, `<desc>`). With
      `role="img"` the elements inside the map are hidden from assistive technology, so the
      description should say what the arrows and highlights show.
    - `precision`: decimals of the coordinates; `simplify`: tolerance in SVG units (0: none).
    - `label_codes`: the municipalities that get a text label (default: all), for maps too
      dense to label every municipality.
    - `id_prefix`: prefix of the ids inside the SVG; by default derived from the content, so
      the same call gives the same SVG. Give distinct prefixes to distinct maps on one page.

    Municipalities without usable geometry are not drawn (logged, no exception).
    """
    _check_options(width, precision, simplify)
    title, description = str(title), str(description)  # also accepts lazy translations
    if not title.strip():
        raise ValueError("a map needs a title: it is its accessible name")
    links = dict(links or {})
    labels = dict(labels or {})
    highlighted = {highlight} if isinstance(highlight, str) else set(highlight)
    features = list(features)
    known = {feature.code for feature in features}
    label_set = None if label_codes is None else set(label_codes)
    for a, b in arrows:
        if a not in known or b not in known:
            raise ValueError(f"arrow {a} → {b}: municipality not among the features")
        if a == b:
            raise ValueError(f"arrow {a} → {b}: an arrow needs two municipalities")

    frame, prepared = _prepare(features, width)
    points = {c: _round_point(p, precision) for c, p in _label_points(prepared).items()}

    simplifier = _ArcSimplifier(
        (ring for item in prepared for polygon in item.polygons for ring in polygon), simplify
    )
    shapes: list[tuple[Feature, str]] = []
    for item in prepared:
        simplified = [[simplifier.ring(ring) for ring in polygon] for polygon in item.polygons]
        grid = _grid_polygons(simplified, precision)
        if not grid:  # too small for the tolerance: draw it unsimplified rather than not at all
            grid = _grid_polygons(item.polygons, precision)
        if not grid:
            logger.warning("municipality %s is too small to draw", item.feature.code)
            points.pop(item.feature.code, None)
            continue
        shapes.append((item.feature, _path_data(grid, precision)))

    if id_prefix is None:
        digest = hashlib.sha1(
            json.dumps([title, description, sorted(known), list(arrows), width]).encode(),
            usedforsecurity=False,
        )
        id_prefix = f"muni-map-{digest.hexdigest()[:8]}"
    elif not _ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix must be letters, digits, '-' or '_': {id_prefix!r}")
    title_id, desc_id, marker_id = (f"{id_prefix}-{s}" for s in ("title", "desc", "arrowhead"))

    def label_of(feature: Feature) -> str:
        return labels.get(feature.code) or feature.name(lang)

    by_code = {feature.code: feature for feature, _ in shapes}
    drawn_links = any(feature.code in links for feature, _ in shapes)
    # role="img" makes everything inside the SVG presentational: assistive technology would
    # not see the links. So a map with links is a named group (role="group" labelled by the
    # title) whose links stay reachable; a map without links is one image with a text
    # alternative (title + desc), and its labels are not read out one by one.
    role = "group" if drawn_links else "img"
    h = _num(frame.height, precision)
    out = [
        f'<svg xmlns="{_SVG_NS}" class="muni-map" viewBox="0 0 {width} {h}" width="{width}"'
        f' height="{h}" role="{role}" aria-labelledby="{title_id}"'
        f' aria-describedby="{desc_id}" lang={_attr(lang)}>',
        f'<title id="{title_id}">{_text(title)}</title>',
        f'<desc id="{desc_id}">{_text(description)}</desc>',
    ]
    arrow_parts: list[str] = []
    for a, b in arrows:
        if a not in points or b not in points:
            logger.warning("arrow %s → %s: a municipality is not drawn, arrow left out", a, b)
            continue
        d = _arrow_path(points[a], points[b], width, precision)
        if d is None:
            continue
        name = f"{label_of(by_code[a])} → {label_of(by_code[b])}"
        arrow_parts.append(
            f'<path class="arrow" data-from={_attr(a)} data-to={_attr(b)} d="{d}" fill="none"'
            f' marker-end="url(#{marker_id})"><title>{_text(name)}</title></path>'
        )
    if arrow_parts:
        out.append(
            f'<defs><marker id="{marker_id}" class="arrow-marker" viewBox="0 0 10 10"'
            ' refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto">'
            '<path class="arrow-head" d="M0 0L10 5L0 10z"/></marker></defs>'
        )

    out.append('<g class="munis">')
    for feature, d in shapes:
        classes = "muni muni--highlight" if feature.code in highlighted else "muni"
        path = (
            f'<path class="{classes}" data-code={_attr(feature.code)} fill-rule="evenodd" d="{d}"/>'
        )
        if feature.code in links:
            path = (
                f'<a class="muni-link" href={_attr(links[feature.code])}'
                f" aria-label={_attr(label_of(feature))}>{path}</a>"
            )
        out.append(path)
    out.append("</g>")
    if arrow_parts:
        out.extend(['<g class="arrows">', *arrow_parts, "</g>"])

    # Labels come last so that no border is drawn over them. They let clicks through to the
    # links underneath and are hidden from assistive technology: the links carry the names.
    out.append('<g class="muni-labels" aria-hidden="true" pointer-events="none">')
    for feature, _ in shapes:
        if label_set is not None and feature.code not in label_set:
            continue
        x, y = points[feature.code]
        classes = "muni-label"
        if feature.code in highlighted:
            classes += " muni-label--highlight"
        # text-anchor="middle" centres the label on its point in either writing direction.
        out.append(
            f'<text class="{classes}" data-code={_attr(feature.code)} x="{_num(x, precision)}"'
            f' y="{_num(y, precision)}" text-anchor="middle" dominant-baseline="central">'
            f"{_text(label_of(feature))}</text>"
        )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
