"""The schema, the reference pages and the answer for an address that is no endpoint."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from kotokartta.api.errors import NOT_FOUND, ApiError, json_error
from kotokartta.api.headers import add_api_headers
from kotokartta.api.schema import CSP, reference_html
from kotokartta.api.views.base import ApiViewMixin

SIDECAR_NOTE = (
    "This page is generated on the server from the OpenAPI schema and needs no JavaScript. "
    "Interactive Swagger UI and Redoc would need their files served from this site "
    "(drf-spectacular-sidecar); the site loads nothing from other hosts."
)


class SchemaParams(serializers.Serializer):
    format = serializers.ChoiceField(
        choices=["yaml", "json", "openapi", "openapi-json"], required=False
    )


class FormatParameter(BaseContentNegotiation):
    """The representation by `?format=` alone (default: the first renderer), never by the Accept
    header: the page cache keys responses by address, so the address must decide the body."""

    def select_parser(self, request: Request, parsers: list[Any]) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        wanted = request.query_params.get("format")
        for renderer in renderers:
            if renderer.format == wanted:
                return renderer, str(renderer.media_type)
        return renderers[0], str(renderers[0].media_type)


class SchemaView(ApiViewMixin, SpectacularAPIView):
    """The OpenAPI 3 schema: YAML, or JSON with `?format=json`."""

    params_class = SchemaParams
    content_negotiation_class = FormatParameter
    renderer_classes = SpectacularAPIView.renderer_classes

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with translation.override("en"):
            return self._get_schema_response(request)


@require_safe
def reference(request: HttpRequest, title: str) -> HttpResponse:
    html = reference_html(title, reverse("api:schema"), SIDECAR_NOTE)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = CSP
    add_api_headers(response)
    return response


def not_found(request: HttpRequest, rest: str = "") -> HttpResponseBase:
    """Anything under /api/v1/ that is no endpoint: a redirect when only a trailing slash is
    missing or too many, else a 404 in the shared error shape."""
    other = request.path[:-1] if request.path.endswith("/") else request.path + "/"
    try:
        match = resolve(other)
    except Resolver404:  # pragma: no cover - the catch-all matches everything under /api/v1/
        match = None
    if match is not None and match.url_name != "not-found" and other != "/":
        query = request.META.get("QUERY_STRING", "")
        redirect = HttpResponsePermanentRedirect(other + (f"?{query}" if query else ""))
        add_api_headers(redirect)
        return redirect
    docs = reverse("api:docs")
    return json_error(
        request,
        ApiError(
            404, NOT_FOUND, f"No endpoint at {request.path}. The endpoints are listed at {docs}."
        ),
    )
