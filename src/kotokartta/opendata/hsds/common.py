"""HSDS constants and small helpers shared by the builder's steps."""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import Any

from kotokartta.programme.vocabulary import (
    Status,
)

HSDS_VERSION = "3.0"

# Fixed for ever: changing it changes every identifier of every export.
NAMESPACE = uuid.UUID("2f5d549a-8108-40f5-9247-e0dd3403cc24")

LANGUAGES: tuple[str, ...] = ("fi", "en")

# Table name (file `<table>.json`, API path) → the HSDS schema file of one object.
TABLES: dict[str, str] = {
    "organizations": "organization.json",
    "programs": "program.json",
    "services": "service.json",
    "locations": "location.json",
    "addresses": "address.json",
    "service_at_locations": "service_at_location.json",
    "contacts": "contact.json",
    "phones": "phone.json",
    "languages": "language.json",
    "service_areas": "service_area.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
    "attributes": "attribute.json",
}

GEOJSON_FILE = "finland-municipalities.geojson"
GEO_ATTRIBUTION = "© Maanmittauslaitos, CC BY 4.0"
COUNTRY = "FI"

STATUS_TO_HSDS: dict[str, str] = {
    Status.AVAILABLE: "active",
    Status.ON_NEED: "active",
    Status.PLANNED: "inactive",
    Status.NOT_ORGANISED: "inactive",
    Status.UNDETERMINED: "inactive",
}

Record = dict[str, Any]


def hsds_id(kind: str, *parts: str) -> str:
    """The stable UUID of a record: uuid5 of "<kind>:<part>:<part>…" in our namespace."""
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *parts))))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def _clean(record: Mapping[str, Any]) -> Record:
    """Leave out fields without a value (HSDS: absent rather than null or empty)."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def page_count(total: int, size: int) -> int:
    return max(1, math.ceil(total / size)) if size > 0 else 1
