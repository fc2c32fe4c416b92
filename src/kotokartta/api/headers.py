"""Headers every API response carries: open CORS for reading (the API is public and read-only,
so any site may call it from a browser), and what the body depends on."""

from __future__ import annotations

from django.http import HttpResponseBase
from django.utils.cache import patch_vary_headers

ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def add_api_headers(response: HttpResponseBase, *, lang: str | None = None) -> HttpResponseBase:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response.headers["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
    response.headers["Access-Control-Expose-Headers"] = "Content-Language"
    response.headers["Access-Control-Max-Age"] = "86400"
    if lang:
        response.headers["Content-Language"] = lang
    patch_vary_headers(response, ("Accept-Language",))
    return response
