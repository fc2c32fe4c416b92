"""The site's own pages: the error pages (400, 403, 404, 500) and the health check. Apps raise
`core.http.NotFound(kind=…, term=…)` (or Django's `Http404`); the 404 page here says what was
not found and lists the municipalities."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kotokartta.core.errors import database_error_message
from kotokartta.guide.selectors import municipality_list
from kotokartta.programme import models as m
from kotokartta.search.analysis import voikko_status

_TEMPLATES = Path(__file__).parent / "templates" / "site"
logger = logging.getLogger(__name__)


def not_found(request: HttpRequest, *, kind: str = "page", term: str = "") -> HttpResponse:
    return render(
        request,
        "site/not_found.html",
        {"kind": kind, "term": term, "municipalities": municipality_list(lang="fi")},
        status=404,
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """settings' handler404: the kind and term of a `core.http.NotFound`, else a plain 404."""
    return not_found(
        request, kind=getattr(exception, "kind", "page"), term=getattr(exception, "term", "")
    )


# Static pages: whatever broke (or whatever is wrong with the request) must not be able to break
# the error page too. Finnish and English, like the 500 page always was.
SERVER_ERROR_PAGE = (_TEMPLATES / "error.html").read_text(encoding="utf-8")
BAD_REQUEST_PAGE = (_TEMPLATES / "bad_request.html").read_text(encoding="utf-8")
FORBIDDEN_PAGE = (_TEMPLATES / "forbidden.html").read_text(encoding="utf-8")


DATABASE_ERROR_PAGE = (_TEMPLATES / "database_error.html").read_text(encoding="utf-8")


def server_error(request: HttpRequest) -> HttpResponse:
    """settings' handler500. A database that cannot be read is a 503 (the service is there,
    its data is not reachable), said as such: never a page claiming that no data is loaded."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        logger.error("%s", database_error_message(error))
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "error": {
                        "status": 503,
                        "code": "database_error",
                        "parameter": None,
                        "message": "The database could not be read; please try again later.",
                        "allowed": None,
                    }
                },
                status=503,
            )
        return HttpResponse(DATABASE_ERROR_PAGE, status=503)
    return HttpResponse(SERVER_ERROR_PAGE, status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(BAD_REQUEST_PAGE, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(FORBIDDEN_PAGE, status=403)


@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For monitors: is data loaded, is the database answering, which text analysis search uses
    (Voikko, or Snowball alone while the Voikko library is missing or failing)."""
    voikko = voikko_status()
    search = {"search": "voikko" if voikko.available else "snowball-only"}
    if voikko.error:
        search["search_error"] = voikko.error
    try:
        dataset = m.DataSet.objects.current()
        municipalities = m.Municipality.objects.count()
    except DatabaseError as error:
        logger.error("%s", database_error_message(error))
        return JsonResponse({"status": "database-error", **search}, status=503)
    return JsonResponse(
        {
            "status": "ok" if dataset else "no-data",
            "data_date": dataset.data_date.isoformat() if dataset else None,
            "municipalities": municipalities,
            **search,
        },
        status=200 if dataset else 503,
    )
