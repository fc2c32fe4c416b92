"""Municipal borders for HSDS service areas, from the GeoJSON file shipped in data/geo."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from kotokartta.core.borders import BordersMissing
from kotokartta.opendata.hsds.common import (
    GEOJSON_FILE,
)

# --------------------------------------------------------------------------------------------
# Municipal borders


def _geo_path() -> Path:
    return Path(settings.GEO_DIR) / GEOJSON_FILE


def municipal_borders(codes: Iterable[str]) -> dict[str, str]:
    """GeoJSON geometry (compact JSON text) of each municipality code the file holds."""
    path = _geo_path()
    try:
        stat = path.stat()
    except OSError as error:  # no silent loss of the service areas' borders
        raise BordersMissing(f"the municipal borders file {path} is missing") from error
    borders = _borders_cached(str(path), stat.st_mtime_ns, stat.st_size)
    return {code: borders[code] for code in codes if code in borders}


@lru_cache(maxsize=4)
def _borders_cached(path: str, _mtime_ns: int, _size: int) -> dict[str, str]:
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    borders: dict[str, str] = {}
    for feature in data.get("features", []) if isinstance(data, dict) else []:
        props = feature.get("properties") or {}
        geometry = feature.get("geometry")
        code = str(props.get("NATCODE", "")).strip().zfill(3)
        if geometry and geometry.get("type") in ("Polygon", "MultiPolygon"):
            borders[code] = json.dumps(geometry, separators=(",", ":"), ensure_ascii=False)
    return borders
