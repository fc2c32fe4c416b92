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
import json
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from kotokartta.geo.features import Feature, load_features
from kotokartta.geo.geometry import XY, _Grid
from kotokartta.geo.projection import (
    DEFAULT_SIMPLIFY,
    _check_options,
    _label_points,
    _prepare,
    _round_point,
    municipality_points,
)
from kotokartta.geo.simplify import _ArcSimplifier

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


ATTRIBUTION = "© Maanmittauslaitos, CC BY 4.0"
"""Show this wherever a map drawn from the municipal borders is shown (CC BY 4.0)."""


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
