"""What every API view shares: read-only methods, no authentication, no cookies, the query
parameters validated (unknown ones rejected), the answer's language negotiated, JSON always
(whatever Accept says), errors in the shared shape, and the CORS and language headers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kotokartta.api import language
from kotokartta.api.errors import ErrorSerializer
from kotokartta.api.filters import QueryParams, validate_query
from kotokartta.api.headers import add_api_headers
from kotokartta.api.renderers import GEOJSON, JSON, GeoJSONRenderer, UTF8JSONRenderer


class FirstRenderer(BaseContentNegotiation):
    """Every endpoint has one representation: give it, whatever the Accept header says (a client
    asking for XML still gets JSON rather than a 406)."""

    def select_parser(self, request: Request, parsers: list[Any]) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderer = renderers[0]
        return renderer, str(renderer.media_type)


class ApiViewMixin:
    """Mixed into APIView and DRF's generic views."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    renderer_classes: list[type[BaseRenderer]] = [UTF8JSONRenderer]
    content_negotiation_class = FirstRenderer
    http_method_names = ["get", "head", "options"]

    params_class: type[serializers.Serializer] = QueryParams
    # True for the document endpoints, whose texts exist in Finnish and English only.
    documents = False

    params: Mapping[str, Any]
    lang: str

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if request.method == "OPTIONS":
            self.params = {}
        else:
            self.params = validate_query(self.params_class, request.query_params)
        self.lang = language.negotiate(request, self.params.get("lang"), documents=self.documents)

    def handle_exception(self, exc: Exception) -> Response:
        # Errors are JSON even on the GeoJSON endpoints.
        request = self.request  # type: ignore[attr-defined]
        request.accepted_renderer = UTF8JSONRenderer()
        request.accepted_media_type = JSON
        return super().handle_exception(exc)  # type: ignore[misc]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        add_api_headers(response, lang=getattr(self, "lang", None))
        return response

    def get_serializer_context(self) -> dict[str, Any]:
        context: dict[str, Any] = super().get_serializer_context()  # type: ignore[misc]
        context["lang"] = self.lang
        return context


class ApiView(ApiViewMixin, APIView):
    pass


ERROR_400 = OpenApiResponse(
    ErrorSerializer,
    description="A query parameter is unknown, given twice, missing or not valid; "
    "`error.parameter` names it.",
)
ERROR_503 = OpenApiResponse(
    ErrorSerializer, description="No programme data is loaded (`error.code` is `no_data`)."
)


def responses(
    ok: Any,
    description: str,
    *,
    media: str = JSON,
    not_found: str | None = None,
    unavailable: bool = False,
) -> dict[tuple[int, str], OpenApiResponse]:
    """An operation's responses: the success, and the shared error shape for each failure."""
    result = {(200, media): OpenApiResponse(ok, description=description), (400, JSON): ERROR_400}
    if not_found:
        result[(404, JSON)] = OpenApiResponse(ErrorSerializer, description=not_found)
    if unavailable:
        result[(503, JSON)] = ERROR_503
    return result


__all__ = ["GEOJSON", "JSON", "ApiView", "ApiViewMixin", "GeoJSONRenderer", "responses"]

PAGE_NOT_FOUND = "The page is past the last one (`error.parameter` is `page`)."
