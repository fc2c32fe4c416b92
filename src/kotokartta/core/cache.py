"""The one cache of everything computed from the loaded programme: whole pages, paths, the
search index's terms, the municipality name lookup, the document PDF and map SVGs, HSDS tables
(map PDFs are kept on disk by the map store, servicemap/ahead.py).

**Bound to the data version.** Every entry is stored under the version of the data set it was
computed from; when a new data set is loaded, the first reader sees a new version, the whole cache
is emptied and each value is computed again on demand. Nothing is ever served from another data
set, and nothing needs to be invalidated by hand.

**The data version** comes from the registry in `core.dataversion` (the programme app registers
its provider in AppConfig.ready(): core imports no domain app). It costs one indexed one-row
query. Within a request it is read once (`data_version_per_request`, the first middleware, keeps
it in a context variable), so a page that consults several caches still makes one query for it.
Outside a request (commands, tests) every call asks the provider.

**Storage** is an in-process LRU per worker: values are kept as Python objects (no pickling on each
hit, which Django's LocMem cache would do), each namespace holds at most its own number of
entries (`NAMESPACE_LIMITS`, default `DEFAULT_LIMIT`), least recently used go first. Entries live
only in the worker's memory and are never written anywhere. Only values are cached: an exception
raised by `compute` propagates and nothing is stored, so a failure is retried by the next request.
Two threads that miss the same key at once may both compute it; the later result wins.
"""

from __future__ import annotations

import contextvars
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

from kotokartta.core.dataversion import current_version

T = TypeVar("T")

DEFAULT_LIMIT = 256
NAMESPACE_LIMITS: dict[str, int] = {
    "page": 2000,  # whole responses (core.pagecache)
    "path": 4096,  # paths: municipality × profile × language
    "pdf": 64,  # rendered PDFs: document and maps, by language and paper
}

_UNSET = object()
_MISSING = object()
_request_version: contextvars.ContextVar[object] = contextvars.ContextVar(
    "kotokartta_data_version", default=_UNSET
)
_request_scope: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "kotokartta_request_scope", default=False
)


def data_version() -> Hashable | None:
    """The loaded data set's version; None when nothing is loaded or no provider is registered.
    Read once per request inside `data_version_per_request`."""
    memo = _request_version.get()
    if memo is not _UNSET:
        return memo
    version = current_version()
    if _request_scope.get():
        _request_version.set(version)
    return version


def data_version_per_request(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Middleware: the data version is read at most once per request."""

    def middleware(request: HttpRequest) -> HttpResponse:
        scope = _request_scope.set(True)
        memo = _request_version.set(_UNSET)
        try:
            return get_response(request)
        finally:
            _request_version.reset(memo)
            _request_scope.reset(scope)

    return middleware


class VersionedCache:
    """Values computed from the loaded data, by namespace and key, for the current version."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: Hashable | None = None
        self._entries: dict[str, OrderedDict[Hashable, object]] = {}

    def get_or_compute(self, namespace: str, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value of `key` in `namespace` for the current data version, computing
        (and keeping) it on a miss. Without a loaded data set nothing is kept."""
        version = data_version()
        found = self._get(version, namespace, key)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = compute()
        self._put(version, namespace, key, value)
        return value

    def get(self, namespace: str, key: Hashable) -> object | None:
        """The cached value for the current data version, or None."""
        found = self._get(data_version(), namespace, key)
        return None if found is _MISSING else found

    def put(self, namespace: str, key: Hashable, value: object) -> None:
        """Keep `value` for the current data version (for callers that keep only some
        results, like the page cache)."""
        self._put(data_version(), namespace, key, value)

    def _get(self, version: Hashable | None, namespace: str, key: Hashable) -> object:
        if version is None:
            return _MISSING
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            entries = self._entries.get(namespace)
            if entries is None or key not in entries:
                return _MISSING
            entries.move_to_end(key)
            return entries[key]

    def _put(self, version: Hashable | None, namespace: str, key: Hashable, value: object) -> None:
        if version is None:
            return
        with self._lock:
            if version != self._version:
                return  # computed from a data set that is no longer current
            entries = self._entries.setdefault(namespace, OrderedDict())
            entries[key] = value
            entries.move_to_end(key)
            limit = NAMESPACE_LIMITS.get(namespace, DEFAULT_LIMIT)
            while len(entries) > limit:
                entries.popitem(last=False)

    def size(self, namespace: str) -> int:
        with self._lock:
            return len(self._entries.get(namespace, ()))

    def clear(self, namespace: str | None = None) -> None:
        """Forget everything (or one namespace); the next reads compute again."""
        with self._lock:
            if namespace is None:
                self._entries.clear()
                self._version = None
            else:
                self._entries.pop(namespace, None)


versioned_cache = VersionedCache()
