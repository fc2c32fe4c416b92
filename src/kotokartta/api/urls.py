"""The public read-only REST API, version 1, under /api/v1/."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.urls import URLPattern, URLResolver, path, re_path
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

from kotokartta.api.headers import add_api_headers
from kotokartta.api.views import documents, eligibility, meta, resources


def _with_api_headers(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Swagger UI and Redoc (served from the sidecar package) with the API's own headers."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return add_api_headers(view(request, *args, **kwargs))

    return wrapped


_swagger = SpectacularSwaggerSplitView.as_view(url_name="api:schema")
_redoc = SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html")

app_name = "api"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", documents.ApiRoot.as_view(), name="root"),
    path("municipalities/", resources.MunicipalityList.as_view(), name="municipality-list"),
    path(
        "municipalities/<str:code>/",
        resources.MunicipalityDetail.as_view(),
        name="municipality-detail",
    ),
    path("organisations/", resources.OrganisationList.as_view(), name="organisation-list"),
    path(
        "organisations/<str:id>/",
        resources.OrganisationDetail.as_view(),
        name="organisation-detail",
    ),
    path("places/", resources.PlaceList.as_view(), name="place-list"),
    path("places/<str:id>/", resources.PlaceDetail.as_view(), name="place-detail"),
    path("phases/", resources.PhaseList.as_view(), name="phase-list"),
    path("phases/<str:id>/", resources.PhaseDetail.as_view(), name="phase-detail"),
    path("provisions/", resources.ProvisionList.as_view(), name="provision-list"),
    path("provisions/<str:id>/", resources.ProvisionDetail.as_view(), name="provision-detail"),
    path("activities/", resources.ActivityList.as_view(), name="activity-list"),
    path("activities/<str:id>/", resources.ActivityDetail.as_view(), name="activity-detail"),
    path("path", documents.PathView.as_view(), name="path"),
    path("search", documents.SearchView.as_view(), name="search"),
    path("coverage", documents.CoverageView.as_view(), name="coverage"),
    path("eligibility", eligibility.EligibilityView.as_view(), name="eligibility"),
    path(
        "municipalities.geojson",
        documents.MunicipalityGeoJSON.as_view(),
        name="municipality-geojson",
    ),
    path("places.geojson", documents.PlaceGeoJSON.as_view(), name="place-geojson"),
    path("schema/", meta.SchemaView.as_view(), name="schema"),
    path(
        "docs/",
        _with_api_headers(_swagger),
        name="docs",
    ),
    path(
        "redoc/",
        _with_api_headers(_redoc),
        name="redoc",
    ),
    path("reference/", meta.reference, {"title": "Kotokartta API reference"}, name="reference"),
    re_path(r"^(?P<rest>.*)$", meta.not_found, name="not-found"),
]
