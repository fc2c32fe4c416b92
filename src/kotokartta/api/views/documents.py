"""The endpoints that answer with a whole document built by shared code: a person's path (the
path engine, as `kotokartta path --json`), search (as `kotokartta search --json`), the coverage
matrix (as the coverage page's JSON download), the GeoJSON maps, and the API's index."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone, translation
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kotokartta.api import documents as d
from kotokartta.api import geo
from kotokartta.api.filters import (
    MUNICIPALITY_NOT_FOUND,
    CoverageParams,
    PathParams,
    QueryParams,
    SearchParams,
    find_municipality,
    municipality_parameter,
)
from kotokartta.api.views.base import GEOJSON, ApiView, GeoJSONRenderer, responses
from kotokartta.coverage.formats import coverage_document
from kotokartta.coverage.selectors import Cell
from kotokartta.paths.engine import Profile
from kotokartta.paths.selectors import path_for
from kotokartta.programme.vocabulary import ClientGroup, ResidenceBasis
from kotokartta.search.selectors import search

SEARCH_KEYS = ("phase", "municipality", "title", "url", "lang")


@extend_schema(
    tags=["path"],
    summary="A person's path through the programme",
    description="Who serves this person, phase by phase: who is responsible, who provides the "
    "service (and whether it is bought), where, how and with whom, with the document's words for "
    "each. Every phase appears; one the document leaves open for this person is an "
    "`undetermined` step that says so. The same document as `kotokartta path MUNICIPALITY "
    "--client CLIENT --json` (the same code builds both). Nothing asked is stored.",
    parameters=[PathParams, municipality_parameter(PathParams)],
    responses=responses(
        d.PathDocumentSerializer,
        "The path.",
        not_found=MUNICIPALITY_NOT_FOUND,
        unavailable=True,
    ),
)
class PathView(ApiView):
    params_class = PathParams
    documents = True

    def get(self, request: Request) -> Response:
        params = self.params
        municipality = find_municipality(params["municipality"])
        uses_finnish = params.get("uses_finnish")
        basis = params.get("residence_basis")
        profile = Profile(
            client=ClientGroup(params["client"]),
            uses_finnish=None if uses_finnish is None else uses_finnish == "yes",
            residence_basis=ResidenceBasis(basis) if basis else None,
        )
        path = path_for(municipality=municipality, profile=profile, lang=self.lang)
        return Response(path.as_dict())


@extend_schema(
    tags=["search"],
    summary="Search the programme",
    description="The guide's search (Finnish-aware: base forms and compounds; English works "
    "too), best first. The same results as `kotokartta search QUERY --json`, each with the "
    "language of its title. Nothing asked is stored.",
    parameters=[SearchParams, municipality_parameter(SearchParams)],
    responses=responses(
        d.SearchDocumentSerializer,
        "The results, best first.",
        not_found=MUNICIPALITY_NOT_FOUND,
        unavailable=True,
    ),
)
class SearchView(ApiView):
    params_class = SearchParams
    documents = True

    def get(self, request: Request) -> Response:
        term = self.params.get("municipality")
        municipality = find_municipality(term) if term else None
        results = search(query=self.params["q"], municipality=municipality, lang=self.lang)
        return Response({"results": [{key: r[key] for key in SEARCH_KEYS} for r in results]})


@extend_schema(
    tags=["coverage"],
    summary="Coverage of the programme",
    description="Which municipality has what for whom: every municipality × phase × client "
    "group as one cell with a display class (`available`, `bought`, `on_need`, `planned`, "
    "`not_organised`, `undetermined`), the gaps coordinators have to follow up, and the "
    "languages of civic orientation. The same document as the coverage page's JSON download "
    "and `kotokartta coverage --format json`.",
    parameters=[CoverageParams],
    responses=responses(d.CoverageDocumentSerializer, "The coverage document.", unavailable=True),
)
class CoverageView(ApiView):
    params_class = CoverageParams
    documents = True

    def get(self, request: Request) -> Response:
        today = self.params.get("today") or timezone.localdate()
        lang = self.lang

        def cell_url(cell: Cell) -> str:
            with translation.override(lang):
                page = reverse("guide:municipality", kwargs={"slug": cell.municipality.id})
            return f"{request.build_absolute_uri(page)}#{cell.phase}"

        return Response(coverage_document(today=today, lang=lang, cell_url=cell_url))


@extend_schema(
    tags=["maps"],
    summary="Municipal borders as GeoJSON",
    description="A GeoJSON FeatureCollection (RFC 7946, WGS84) of the programme's municipalities: "
    "each border from the National Land Survey's municipal division (© Maanmittauslaitos, "
    "CC BY 4.0; show the `attribution` with any map drawn from it), with the official code, "
    "the name and the municipality's API address as properties.",
    parameters=[QueryParams],
    responses=responses(geo.MunicipalityCollectionSerializer, "The borders.", media=GEOJSON),
)
class MunicipalityGeoJSON(ApiView):
    renderer_classes = [GeoJSONRenderer]

    def get(self, request: Request) -> Response:
        return Response(geo.municipality_collection(request, self.lang))


@extend_schema(
    tags=["maps"],
    summary="Places as GeoJSON",
    description="A GeoJSON FeatureCollection of the places that have coordinates, as Point "
    "features. Places without coordinates are not features: they are listed in the top-level "
    "`unlocated` member (a foreign member), so nothing is silently left out. The document "
    "states no coordinates, so currently every place is unlocated.",
    parameters=[QueryParams],
    responses=responses(geo.PlaceCollectionSerializer, "The places.", media=GEOJSON),
)
class PlaceGeoJSON(ApiView):
    renderer_classes = [GeoJSONRenderer]

    def get(self, request: Request) -> Response:
        return Response(geo.place_collection(request, self.lang))


# The index
ROOT_LINKS: dict[str, str] = {
    "municipalities": "api:municipality-list",
    "organisations": "api:organisation-list",
    "places": "api:place-list",
    "phases": "api:phase-list",
    "provisions": "api:provision-list",
    "activities": "api:activity-list",
    "path": "api:path",
    "search": "api:search",
    "coverage": "api:coverage",
    "eligibility": "api:eligibility",
    "municipalities_geojson": "api:municipality-geojson",
    "places_geojson": "api:place-geojson",
    "schema": "api:schema",
    "docs": "api:docs",
}


class ApiRootSerializer(serializers.Serializer):
    class Meta:
        ref_name = "ApiRoot"

    def get_fields(self) -> dict[str, serializers.Field]:
        return {name: serializers.URLField() for name in ROOT_LINKS}


@extend_schema(
    tags=["index"],
    summary="The API's endpoints",
    description="The address of every endpoint of this version of the API.",
    parameters=[QueryParams],
    responses=responses(ApiRootSerializer, "The endpoints."),
)
class ApiRoot(ApiView):
    def get(self, request: Request) -> Response:
        links: dict[str, Any] = {
            name: request.build_absolute_uri(reverse(view)) for name, view in ROOT_LINKS.items()
        }
        return Response(links)
