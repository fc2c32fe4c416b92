"""An in-process cache of whole public responses, so that a page costs about what a static file
costs. Correct after every data load: entries live in the data-versioned cache (core/cache.py).

What is never cached: anything but GET/HEAD 200 responses; responses that set cookies; pages
whose address carries personal dates (first permit, assessment, plan, review) and responses
that say `Cache-Control: no-store`: those are computed for one person and forgotten. PDFs are
not kept here either: the disk tier of core/cache.py keeps each one once for every worker. Entries
live only in the worker's memory, are never written anywhere, and the cache holds at most
`NAMESPACE_LIMITS["page"]` of them (least recently used go first).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from kotokartta.core.cache import data_version, versioned_cache

__all__ = ["NAMESPACE", "data_version", "page_cache"]

NAMESPACE = "page"  # its size limit is core.cache.NAMESPACE_LIMITS["page"]
MAX_BYTES_PER_ENTRY = 2_000_000
PERSONAL_PARAMETERS = frozenset({"permit", "assessment", "plan", "review"})
UNCACHED_PREFIXES = ("/healthz", "/static/", "/staff/")
# Rendered PDFs are kept once, on disk, for every worker (the disk tier of core/cache.py); the
# page cache would keep another copy per address in each worker's memory.
KEPT_ON_DISK = ("application/pdf",)


@dataclass(frozen=True, slots=True)
class _Stored:
    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(UNCACHED_PREFIXES):
        return False
    return not (PERSONAL_PARAMETERS & {k for k, v in request.GET.items() if v})


def page_cache(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    if not settings.PAGE_CACHE:
        return get_response

    def middleware(request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return get_response(request)
        if data_version() is None:
            return get_response(request)
        key = (
            request.method,
            request.get_host(),
            request.get_full_path(),
            "gzip" in request.headers.get("Accept-Encoding", ""),
            request.headers.get("Accept-Language", "")
            if request.path.startswith("/api/") or request.path == "/"
            else "",
        )
        stored = versioned_cache.get(NAMESPACE, key)
        if isinstance(stored, _Stored):
            response = HttpResponse(stored.content, status=stored.status)
            for name, value in stored.headers:
                response[name] = value
            return response
        response = get_response(request)
        if (
            response.status_code == 200
            and "no-store" not in response.get("Cache-Control", "")
            and not response.cookies
            and not response.streaming
            and len(response.content) <= MAX_BYTES_PER_ENTRY
            and not response.get("Content-Type", "").startswith(KEPT_ON_DISK)
        ):
            versioned_cache.put(
                NAMESPACE,
                key,
                _Stored(response.status_code, response.content, tuple(response.items())),
            )
        return response

    return middleware
