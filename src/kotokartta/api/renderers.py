"""The API's two representations: JSON, and GeoJSON for the map endpoints."""

from __future__ import annotations

from rest_framework.renderers import JSONRenderer

JSON = "application/json"
GEOJSON = "application/geo+json"


class UTF8JSONRenderer(JSONRenderer):
    """JSON with the charset stated, so that no client has to guess."""

    charset = "utf-8"


class GeoJSONRenderer(UTF8JSONRenderer):
    media_type = GEOJSON
    format = "geojson"
