"""GeoJSON (RFC 7946) for the API: the loaded municipalities' borders, cut out of the shipped
national file `data/geo/finland-municipalities.geojson` by official code, and the places that have
coordinates as points. WGS84 longitude/latitude, as the file and the RFC have them."""

from __future__ import annotations

import json
import threading
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kotokartta.api.serializers import LocalisedField, absolute, localised_text
from kotokartta.core.borders import require_borders
from kotokartta.programme import models as m

ATTRIBUTION = "© Maanmittauslaitos, CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

_lock = threading.Lock()
_cache: dict[str, Any] = {}


def borders_by_code() -> dict[str, dict[str, Any]]:
    """Every municipality's geometry in the national file, by official code; read once per file
    version."""
    path = require_borders()
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _lock:
        if _cache.get("key") == key:
            return _cache["borders"]
    data = json.loads(path.read_text(encoding="utf-8"))
    borders = {
        str(feature["properties"]["NATCODE"]): feature["geometry"]
        for feature in data.get("features", [])
        if feature.get("geometry") and feature.get("properties", {}).get("NATCODE")
    }
    with _lock:
        _cache.update(key=key, borders=borders)
    return borders


def municipality_collection(request: Any, lang: str) -> dict[str, Any]:
    borders = borders_by_code()
    features = [
        {
            "type": "Feature",
            "id": municipality.code,
            "geometry": borders[municipality.code],
            "properties": {
                "code": municipality.code,
                "name": localised_text(municipality.name, lang),
                "url": absolute(request, "api:municipality-detail", code=municipality.code),
            },
        }
        for municipality in m.Municipality.objects.all()
        if municipality.code in borders
    ]
    return {
        "type": "FeatureCollection",
        "features": features,
        "attribution": ATTRIBUTION,
        "license": LICENSE_URL,
    }


def place_collection(request: Any, lang: str) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    unlocated: list[dict[str, Any]] = []
    for place in m.Place.objects.select_related("municipality"):
        properties = {
            "id": place.id,
            "name": localised_text(place.name, lang),
            "municipality": place.municipality.code,
            "url": absolute(request, "api:place-detail", id=place.id),
        }
        if place.latitude is None or place.longitude is None:
            unlocated.append(properties)
            continue
        features.append(
            {
                "type": "Feature",
                "id": place.id,
                "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated}


# Schema components (added by `schema.add_geojson_components`).
_POSITION = {
    "type": "array",
    "items": {"type": "number"},
    "minItems": 2,
    "maxItems": 3,
    "description": "Longitude, latitude (WGS84).",
}
_RING = {"type": "array", "items": _POSITION, "minItems": 4}


def _geometry(kind: str, coordinates: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type", "coordinates"],
        "properties": {
            "type": {"type": "string", "enum": [kind]},
            "coordinates": coordinates,
        },
    }


GEOJSON_COMPONENTS: dict[str, dict[str, Any]] = {
    "GeoJSONPoint": _geometry("Point", _POSITION),
    "GeoJSONPolygon": _geometry("Polygon", {"type": "array", "items": _RING}),
    "GeoJSONMultiPolygon": _geometry(
        "MultiPolygon", {"type": "array", "items": {"type": "array", "items": _RING}}
    ),
}
BORDER_REF = {
    "oneOf": [
        {"$ref": "#/components/schemas/GeoJSONPolygon"},
        {"$ref": "#/components/schemas/GeoJSONMultiPolygon"},
    ]
}


@extend_schema_field({"type": "string", "enum": ["Feature"]})
class FeatureTypeField(serializers.CharField):
    pass


@extend_schema_field({"type": "string", "enum": ["FeatureCollection"]})
class CollectionTypeField(serializers.CharField):
    pass


@extend_schema_field(BORDER_REF)
class BorderField(serializers.JSONField):
    pass


@extend_schema_field({"$ref": "#/components/schemas/GeoJSONPoint"})
class PointField(serializers.JSONField):
    pass


class MunicipalityFeaturePropertiesSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Official three-digit municipality code.")
    name = LocalisedField()
    url = serializers.URLField(help_text="The municipality in the API.")

    class Meta:
        ref_name = "MunicipalityFeatureProperties"


class MunicipalityFeatureSerializer(serializers.Serializer):
    type = FeatureTypeField()
    id = serializers.CharField(help_text="Official three-digit municipality code.")
    geometry = BorderField()
    properties = MunicipalityFeaturePropertiesSerializer()

    class Meta:
        ref_name = "MunicipalityFeature"


class MunicipalityCollectionSerializer(serializers.Serializer):
    type = CollectionTypeField()
    features = MunicipalityFeatureSerializer(many=True)
    attribution = serializers.CharField(
        help_text="To be shown wherever a map drawn from these borders is shown."
    )
    license = serializers.URLField(help_text="The borders' licence (CC BY 4.0).")

    class Meta:
        ref_name = "MunicipalityFeatureCollection"


class PlaceFeaturePropertiesSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()
    municipality = serializers.CharField(help_text="Official code of the place's municipality.")
    url = serializers.URLField(help_text="The place in the API.")

    class Meta:
        ref_name = "PlaceFeatureProperties"


class PlaceFeatureSerializer(serializers.Serializer):
    type = FeatureTypeField()
    id = serializers.CharField()
    geometry = PointField()
    properties = PlaceFeaturePropertiesSerializer()

    class Meta:
        ref_name = "PlaceFeature"


class PlaceCollectionSerializer(serializers.Serializer):
    type = CollectionTypeField()
    features = PlaceFeatureSerializer(
        many=True, help_text="Places with coordinates (currently none)."
    )
    unlocated = PlaceFeaturePropertiesSerializer(
        many=True,
        help_text="Places without coordinates (the document gives none), so that a map can list "
        "them beside it. A foreign member, as RFC 7946 allows.",
    )

    class Meta:
        ref_name = "PlaceFeatureCollection"
