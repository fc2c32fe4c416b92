"""Municipalities from the borders file, and their grouping into employment areas."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kotokartta.devtools.synth.constants import (
    MAX_AREA_SIZE,
    NATIONAL_AREAS,
    NATIONAL_MUNICIPALITIES,
    SynthError,
)
from kotokartta.devtools.synth.words import slug
from kotokartta.geo.svgmap import Feature, load_features

# --------------------------------------------------------------------------- geography


@dataclass(frozen=True, slots=True)
class SourceMunicipality:
    """One municipality from the GeoJSON: code, names, and its centroid in km."""

    code: str
    id: str
    name_fi: str
    name_sv: str
    x: float
    y: float

    def distance(self, other: SourceMunicipality) -> float:
        return math.hypot(self.x - other.x, self.y - other.y)


def _centroid(feature: Feature) -> tuple[float, float]:
    """Area-weighted centroid (lon, lat) of the outer rings."""
    total = cx = cy = 0.0
    for polygon in feature.rings:
        ring = polygon[0]
        x0, y0 = ring[-1]
        for x1, y1 in ring:
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
            x0, y0 = x1, y1
    if total == 0:
        ring = feature.rings[0][0]
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * total), cy / (3 * total)


def read_municipalities(geojson: Path, count: int | None = None) -> list[SourceMunicipality]:
    """The municipalities of the GeoJSON in code order; the first `count` when given.

    Ids are slugs of the Finnish names (made unique with the code if two collide); a Swedish
    name that would name another municipality too is left out, so every name is unambiguous.
    """
    features = sorted(load_features(geojson), key=lambda f: f.code)
    if count is not None:
        if not 1 <= count <= len(features):
            raise SynthError(
                f"--municipalities must be 'all' or a number from 1 to {len(features)}, not {count}"
            )
        features = features[:count]
    cos_lat = math.cos(math.radians(64.0))
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for feature in features:
        mun_id = slug(feature.name_fi) or f"kunta-{feature.code}"
        if mun_id in ids:
            mun_id = f"{mun_id}-{feature.code}"
        ids[mun_id] = feature.code
        for key in (mun_id, feature.code, feature.name_fi):
            if names.setdefault(key.casefold(), feature.code) != feature.code:
                raise SynthError(f"municipality name {key!r} is not unique in {geojson}")
    result = []
    for feature, mun_id in zip(features, ids, strict=True):
        name_sv = feature.name_sv or feature.name_fi
        if names.setdefault(name_sv.casefold(), feature.code) != feature.code:
            name_sv = feature.name_fi  # would name another municipality too: leave it out
        lon, lat = _centroid(feature)
        result.append(
            SourceMunicipality(
                code=feature.code,
                id=mun_id,
                name_fi=feature.name_fi,
                name_sv=name_sv,
                x=lon * cos_lat * 111.32,
                y=lat * 110.57,
            )
        )
    return result


def _hilbert(order: int, x: int, y: int) -> int:
    """Position of cell (x, y) along the Hilbert curve filling a 2**order square."""
    d = 0
    s = 1 << (order - 1)
    while s > 0:
        rx = 1 if x & s else 0
        ry = 1 if y & s else 0
        d += s * s * ((3 * rx) ^ ry)
        if ry == 0:
            if rx == 1:
                x, y = s - 1 - x, s - 1 - y
            x, y = y, x
        s >>= 1
    return d


def default_area_count(municipalities: int) -> int:
    wanted = round(municipalities * NATIONAL_AREAS / NATIONAL_MUNICIPALITIES)
    return max(math.ceil(municipalities / MAX_AREA_SIZE), min(municipalities, max(1, wanted)))


def group_areas(
    municipalities: Sequence[SourceMunicipality], count: int
) -> list[list[SourceMunicipality]]:
    """Cut the municipalities into `count` areas of 1-20 neighbours, by geography only.

    The centroids are ordered along a Hilbert curve; the curve is cut where consecutive
    municipalities lie farthest apart (weighted against cutting off very small pieces),
    splitting oversized areas first.
    """
    n = len(municipalities)
    low = math.ceil(n / MAX_AREA_SIZE)
    if not low <= count <= n:
        raise SynthError(
            f"--areas must be from {low} to {n} for {n} municipalities "
            f"(an area has 1-{MAX_AREA_SIZE}), not {count}"
        )
    min_x = min(m.x for m in municipalities)
    min_y = min(m.y for m in municipalities)
    span = max(
        max(m.x for m in municipalities) - min_x, max(m.y for m in municipalities) - min_y, 1.0
    )
    cells = 1 << 10

    def cell(value: float) -> int:
        return min(cells - 1, int(value / span * cells))

    order = sorted(
        municipalities,
        key=lambda m: (_hilbert(10, cell(m.x - min_x), cell(m.y - min_y)), m.code),
    )
    gaps = [order[i].distance(order[i + 1]) for i in range(n - 1)]

    def best_cut(start: int, end: int) -> tuple[float, int]:
        best = (-1.0, start + 1)
        for i in range(start, end - 1):
            score = gaps[i] * math.sqrt(min(i + 1 - start, end - i - 1))
            if score > best[0]:
                best = (score, i + 1)
        return best

    chunks = [(0, n)]
    while len(chunks) < count:
        oversized = [c for c in chunks if c[1] - c[0] > MAX_AREA_SIZE]
        candidates = oversized or [c for c in chunks if c[1] - c[0] > 1]
        scored = [(best_cut(*c), c) for c in candidates]
        (_score, cut), chosen = max(scored, key=lambda item: (item[0][0], -item[1][0]))
        chunks.remove(chosen)
        chunks += [(chosen[0], cut), (cut, chosen[1])]
        chunks.sort()
    return [sorted(order[s:e], key=lambda m: m.code) for s, e in chunks]
