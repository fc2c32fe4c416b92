"""Headers that keep the guide private and self-contained: nothing from another host can load,
no script runs, and no referrer leaks the path a person looked at."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def csp_allowing_style(style: str) -> str:
    """The site's policy, allowing one inline `<style>` element by its hash: for a document that
    carries its own style sheet (a self-contained SVG), and nothing else inline."""
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return CSP.replace("style-src 'self'", f"style-src 'self' 'sha256-{digest}'", 1)


def privacy_headers(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[..., HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if not request.path.startswith("/api/"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", "interest-cohort=(), geolocation=()")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return middleware
