"""The municipal borders file (data/geo/, © Maanmittauslaitos, CC BY 4.0): maps, the GeoJSON
API and the HSDS service areas need it. A missing file is an error, found at start-up by a
system check (`kotokartta check`, `serve`, `migrate` and the other commands run it) and again
wherever the file is read — never a map or an export that silently lacks the borders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

BORDERS_FILE = "finland-municipalities.geojson"


class BordersMissing(ImproperlyConfigured):
    """The borders file is not where the settings say (KOTOKARTTA_GEO_DIR)."""


def borders_path() -> Path:
    return Path(settings.GEO_DIR) / BORDERS_FILE


def _missing_message(path: Path) -> str:
    return (
        f"the municipal borders file {path} is missing: maps, the GeoJSON API and the HSDS "
        "service areas need it (restore data/geo/ or set KOTOKARTTA_GEO_DIR)"
    )


def require_borders() -> Path:
    """The borders file's path; `BordersMissing` when it is not a readable file."""
    path = borders_path()
    if not path.is_file():
        raise BordersMissing(_missing_message(path))
    return path


def check_borders_file(**kwargs: Any) -> list[checks.CheckMessage]:
    path = borders_path()
    if path.is_file():
        return []
    return [checks.Error(_missing_message(path), id="kotokartta.E001")]
