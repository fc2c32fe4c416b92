"""Municipalities from the borders file (GeoJSON): codes, names and rings in lon/lat."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kotokartta.geo.geometry import Point, Polygon, Ring, _ring_area

logger = logging.getLogger(__name__)


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
