"""An in-process cache of whole public responses, so that a page costs about what a static file
costs. Correct after every data load: the key carries the loaded data set's id.

What is never cached: anything but GET/HEAD 200 responses; responses that set cookies; pages
whose address carries personal dates (first permit, assessment, plan, review) and responses
that say `Cache-Control: no-store`: those are computed for one person and forgotten. Entries
live only in the worker's memory, are never written anywhere, and the cache holds at most
`MAX_ENTRIES` of them (least recently used go first).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from kotokartta.core.dataversion import current_version

MAX_ENTRIES = 2000
MAX_BYTES_PER_ENTRY = 2_000_000
VERSION_TTL_SECONDS = 0.0  # re-read on every request: a load is visible at once
PERSONAL_PARAMETERS = frozenset({"permit", "assessment", "plan", "review"})
UNCACHED_PREFIXES = ("/healthz", "/static/", "/staff/")


@dataclass(frozen=True, slots=True)
class _Stored:
    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]


class _Store:
    def __init__(self) -> None:
        self.entries: OrderedDict[tuple[object, ...], _Stored] = OrderedDict()
        self.lock = threading.Lock()
        self.version: object = None
        self.version_checked = 0.0

    def get(self, key: tuple[object, ...]) -> _Stored | None:
        with self.lock:
            stored = self.entries.get(key)
            if stored is not None:
                self.entries.move_to_end(key)
            return stored

    def put(self, key: tuple[object, ...], stored: _Stored) -> None:
        with self.lock:
            self.entries[key] = stored
            self.entries.move_to_end(key)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.version = None
            self.version_checked = 0.0


STORE = _Store()


def data_version() -> object:
    """The loaded data's version (from `core.dataversion`; the programme app provides it as the
    id and checksum of the loaded data set, one indexed one-row query). A change empties the
    page cache."""
    now = time.monotonic()
    if STORE.version is not None and now - STORE.version_checked < VERSION_TTL_SECONDS:
        return STORE.version
    version = current_version()
    with STORE.lock:
        if version != STORE.version:
            STORE.entries.clear()
        STORE.version = version
        STORE.version_checked = now
    return version


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
        version = data_version()
        if version is None:
            return get_response(request)
        key = (
            version,
            request.method,
            request.get_host(),
            request.get_full_path(),
            "gzip" in request.headers.get("Accept-Encoding", ""),
            request.headers.get("Accept-Language", "")
            if request.path.startswith("/api/") or request.path == "/"
            else "",
        )
        stored = STORE.get(key)
        if stored is not None:
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
        ):
            STORE.put(key, _Stored(response.status_code, response.content, tuple(response.items())))
        return response

    return middleware
