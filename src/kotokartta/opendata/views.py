"""The HSDS 3.0 API, read-only: plain Django views over `build_hsds`.

Paths follow the official openapi.json: `/` (version, profile, openapi_url), paged lists
(`/services`, `/organizations`, `/service_at_locations`, `/taxonomies`, `/taxonomy_terms`) in the
HSDS `Page` shape, and one object by id (`/services/{id}` fully nested, …). Lists take `page`
(from 1), `per_page` (1–1000, default 50), `format=ndjson` (every item, one JSON object a line,
no paging), `search`, and the filters the openapi file defines (`organization_id`,
`taxonomy_term_id`, `taxonomy_id`; terms also `parent_id`, `top_only`). `lang=fi|en` chooses the
texts (an extension; Finnish by default).

Errors are JSON `{"error": …, "status": …}`: 400 for a bad parameter, 404 for an unknown id or
path or a page past the last one, 405 for anything but GET/HEAD, 503 when no programme is loaded.
This API's own OpenAPI description (`openapi.hsds_openapi`) is served at /api/hsds/schema/.
Every response carries `Access-Control-Allow-Origin: *`: the data is public and the API sets
no cookies.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from kotokartta.opendata.export import LICENCE_NOTES
from kotokartta.opendata.hsds import (
    HSDS_VERSION,
    LANGUAGES,
    HsdsData,
    NoProgrammeLoaded,
    Record,
    build_hsds,
    page_count,
)
from kotokartta.opendata.openapi import MAX_SEARCH_CHARS, hsds_openapi, hsds_openapi_yaml
from kotokartta.programme import models as m

PROFILE_URL = "https://github.com/openreferral/specification/tree/3.0/schema"  # plain HSDS 3.0
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
NDJSON = "application/x-ndjson"

View = Callable[..., HttpResponseBase]


class BadRequest(ValueError):
    pass


class NotFound(LookupError):
    """A well-formed request for something that is not there (a page past the last one)."""


# --------------------------------------------------------------------------------------------
# The data, built once per loaded data set and language

_cache: dict[tuple[Any, ...], HsdsData] = {}
_cache_lock = threading.Lock()


def current_data(lang: str) -> HsdsData:
    dataset = m.DataSet.objects.order_by("-loaded_at").only("pk", "loaded_at", "checksum").first()
    if dataset is None:
        raise NoProgrammeLoaded("no programme data is loaded")
    key = (dataset.pk, dataset.loaded_at, dataset.checksum, lang, settings.PUBLIC_URL)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    data = build_hsds(lang)
    with _cache_lock:
        if len(_cache) >= 4:
            _cache.clear()
        _cache[key] = data
    return data


# --------------------------------------------------------------------------------------------
# Responses


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json(value: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(
        _dumps(value), status=status, content_type="application/json; charset=utf-8"
    )


def _error(status: int, message: str) -> HttpResponse:
    return _json({"error": message, "status": status}, status=status)


def api_view(view: View) -> View:
    """GET/HEAD only, CORS for all, and errors as JSON. Exempt from CSRF checks (read-only, no
    cookies, no session): any other method is this API's 405, not the CSRF middleware's 403."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response: HttpResponseBase
        if request.method not in ("GET", "HEAD"):
            response = _error(405, f"method {request.method} is not allowed; use GET")
            response["Allow"] = "GET, HEAD"
        else:
            try:
                response = view(request, *args, **kwargs)
            except BadRequest as error:
                response = _error(400, str(error))
            except NotFound as error:
                response = _error(404, str(error))
            except NoProgrammeLoaded:
                response = _error(503, "no programme data is loaded")
            except DatabaseError:
                response = _error(503, "the database is not available")
        response["Access-Control-Allow-Origin"] = "*"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    return wrapper


# --------------------------------------------------------------------------------------------
# Parameters


def _lang(request: HttpRequest) -> str:
    lang = request.GET.get("lang", "fi")
    if lang not in LANGUAGES:
        raise BadRequest(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


def _positive_int(request: HttpRequest, name: str, default: int, maximum: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {raw!r}") from None
    if not 1 <= value <= maximum:
        raise BadRequest(f"{name} must be between 1 and {maximum}, not {value}")
    return value


def _uuid_param(request: HttpRequest, name: str) -> str | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise BadRequest(f"{name} must be a UUID, not {raw!r}") from None


def _bool_param(request: HttpRequest, name: str) -> bool:
    raw = request.GET.get(name)
    if raw is None:
        return False
    raw = raw.lower()
    if raw in ("false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise BadRequest(f"{name} must be true or false, not {raw!r}")


def _search_words(request: HttpRequest) -> list[str]:
    text = request.GET.get("search", "")
    if len(text) > MAX_SEARCH_CHARS:
        raise BadRequest(f"search must be at most {MAX_SEARCH_CHARS} characters")
    return text.casefold().split()


def _format(request: HttpRequest) -> str:
    fmt = request.GET.get("format", "json")
    if fmt not in ("json", "ndjson"):
        raise BadRequest(f"format must be json or ndjson, not {fmt!r}")
    return fmt


def _matches(record: Record, words: list[str]) -> bool:
    text = " ".join(str(record.get(k, "")) for k in ("name", "alternate_name", "description"))
    text = text.casefold()
    return all(word in text for word in words)


# --------------------------------------------------------------------------------------------
# Lists


def _listing(request: HttpRequest, items: Iterable[Record]) -> HttpResponseBase:
    """The HSDS Page shape, or every item as NDJSON with `format=ndjson`."""
    fmt = _format(request)
    page = _positive_int(request, "page", 1, 10**9)  # checked even where NDJSON ignores it
    per_page = _positive_int(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    if fmt == "ndjson":
        rows = list(items)

        def lines() -> Iterator[bytes]:
            for item in rows:
                yield (_dumps(item) + "\n").encode("utf-8")

        return StreamingHttpResponse(lines(), content_type=f"{NDJSON}; charset=utf-8")
    rows = list(items)
    total_pages = page_count(len(rows), per_page)
    if page > total_pages:
        raise NotFound(f"page {page} is beyond the last page ({total_pages})")
    contents = rows[(page - 1) * per_page : page * per_page]
    return _json(
        {
            "total_items": len(rows),
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page == total_pages,
            "empty": not rows,
            "contents": contents,
        }
    )


def _linked_to(data: HsdsData, request: HttpRequest) -> set[str] | None:
    """Ids of records linked to the `taxonomy_term_id` and `taxonomy_id` given (both: AND);
    None when neither is given."""
    term_id = _uuid_param(request, "taxonomy_term_id")
    taxonomy_id = _uuid_param(request, "taxonomy_id")
    if term_id is None and taxonomy_id is None:
        return None
    terms_in_taxonomy = (
        {t["id"] for t in data.tables["taxonomy_terms"] if t.get("taxonomy_id") == taxonomy_id}
        if taxonomy_id
        else None
    )
    by_term: set[str] = set()
    by_taxonomy: set[str] = set()
    for attribute in data.tables["attributes"]:
        if attribute["taxonomy_term_id"] == term_id:
            by_term.add(attribute["link_id"])
        if terms_in_taxonomy is not None and attribute["taxonomy_term_id"] in terms_in_taxonomy:
            by_taxonomy.add(attribute["link_id"])
    if term_id and taxonomy_id:
        return by_term & by_taxonomy
    return by_term if term_id else by_taxonomy


def _services(data: HsdsData, request: HttpRequest) -> list[Record]:
    organization_id = _uuid_param(request, "organization_id")
    linked = _linked_to(data, request)
    words = _search_words(request)
    return [
        s
        for s in data.tables["services"]
        if (organization_id is None or s.get("organization_id") == organization_id)
        and (linked is None or s["id"] in linked)
        and (not words or _matches(s, words))
    ]


@api_view
def root(request: HttpRequest) -> HttpResponse:
    lang = _lang(request)
    data = current_data(lang)

    def url(name: str) -> str:
        return request.build_absolute_uri(reverse(f"opendata:{name}"))

    return _json(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": OPENAPI_URL,
            "title": f"Kotokartta: {data.info['area_name']}",
            "data_date": data.info["data_date"],
            "language": lang,
            "links": {
                name: url(name)
                for name in (
                    "services",
                    "organizations",
                    "service_at_locations",
                    "taxonomies",
                    "taxonomy_terms",
                )
            },
            "source": data.info["document_title"],
            "notes": list(LICENCE_NOTES.values()),
        }
    )


@api_view
def services(request: HttpRequest) -> HttpResponseBase:
    data = current_data(_lang(request))
    return _listing(request, (data.service_summary(s) for s in _services(data, request)))


@api_view
def service_detail(request: HttpRequest, id: str) -> HttpResponse:
    data = current_data(_lang(request))
    found = data.service_full(id.lower())
    return _json(found) if found else _error(404, f"no service {id}")


@api_view
def organizations(request: HttpRequest) -> HttpResponseBase:
    data = current_data(_lang(request))
    words = _search_words(request)
    full = _bool_param(request, "full")
    rows = [o for o in data.tables["organizations"] if not words or _matches(o, words)]
    if full:
        return _listing(request, (data.organization_full(o["id"]) or o for o in rows))
    return _listing(request, rows)


@api_view
def organization_detail(request: HttpRequest, id: str) -> HttpResponse:
    data = current_data(_lang(request))
    found = data.organization_full(id.lower())
    return _json(found) if found else _error(404, f"no organization {id}")


@api_view
def service_at_locations(request: HttpRequest) -> HttpResponseBase:
    data = current_data(_lang(request))
    wanted = {s["id"] for s in _services(data, request)}
    return _listing(
        request,
        (
            data.service_at_location_summary(sal)
            for sal in data.tables["service_at_locations"]
            if sal.get("service_id") in wanted
        ),
    )


@api_view
def service_at_location_detail(request: HttpRequest, id: str) -> HttpResponse:
    data = current_data(_lang(request))
    found = data.service_at_location_full(id.lower())
    return _json(found) if found else _error(404, f"no service_at_location {id}")


@api_view
def taxonomies(request: HttpRequest) -> HttpResponseBase:
    data = current_data(_lang(request))
    words = _search_words(request)
    return _listing(
        request, (t for t in data.tables["taxonomies"] if not words or _matches(t, words))
    )


@api_view
def taxonomy_detail(request: HttpRequest, id: str) -> HttpResponse:
    data = current_data(_lang(request))
    found = data.get("taxonomies", id.lower())
    return _json(found) if found else _error(404, f"no taxonomy {id}")


@api_view
def taxonomy_terms(request: HttpRequest) -> HttpResponseBase:
    data = current_data(_lang(request))
    taxonomy_id = _uuid_param(request, "taxonomy_id")
    parent_id = _uuid_param(request, "parent_id")
    top_only = _bool_param(request, "top_only")
    words = _search_words(request)
    rows = [
        t
        for t in data.tables["taxonomy_terms"]
        if (taxonomy_id is None or t.get("taxonomy_id") == taxonomy_id)
        and (parent_id is None or t.get("parent_id") == parent_id)
        and (not top_only or "parent_id" not in t)
        and (not words or _matches(t, words))
    ]
    return _listing(request, rows)


@api_view
def taxonomy_term_detail(request: HttpRequest, id: str) -> HttpResponse:
    data = current_data(_lang(request))
    found = data.taxonomy_term_full(id.lower())
    return _json(found) if found else _error(404, f"no taxonomy_term {id}")


@api_view
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return _error(404, f"no such HSDS API path: {request.path}")


@api_view
def schema(request: HttpRequest) -> HttpResponse:
    """This API's OpenAPI description: YAML, or JSON with `?format=json`."""
    fmt = request.GET.get("format", "yaml")
    if fmt == "json":
        return _json(hsds_openapi())
    if fmt != "yaml":
        raise BadRequest(f"format must be yaml or json, not {fmt!r}")
    return HttpResponse(
        hsds_openapi_yaml(), content_type="application/vnd.oai.openapi; charset=utf-8"
    )
