"""The version of the loaded data: one provider, read once per request, for everything keyed on
it: the data-versioned cache (core/cache.py: pages, paths, search terms, municipality names,
SVGs, and on disk the rendered PDFs) and the HTTP validators (core/httpcache.py: ETag and
Last-Modified).

**One provider.** Core imports no domain app: the programme app names the function that answers
"which data is published?" by calling `set_version_provider` in its AppConfig.ready()
(`programme.publication.current`, one indexed one-row query). Until then, and before the first
load, the version is None, and nothing keyed on it is cached.

**One read per request.** `version_per_request`, the first middleware, opens a per-request memo
(a context variable): the first caller in the request asks the provider, every later caller of
`current_version()` in the same request gets the same answer without a query. So a request that
is validated by the HTTP layer, looked up in the page cache and then computes a path asks the
database once. Outside a request (commands, the map warm-up, tests) every call asks the
provider, so a long-running command notices a new load.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True, slots=True)
class DataVersion:
    """Which data is published: `token` changes with every load (the data set's id and checksum);
    `published_at` is when it was loaded (HTTP's Last-Modified), None if unknown."""

    token: str
    published_at: dt.datetime | None = None


VersionProvider = Callable[[], DataVersion | None]

_provider: VersionProvider | None = None

_UNSET = object()
_request_memo: contextvars.ContextVar[object] = contextvars.ContextVar(
    "kotokartta_data_version", default=_UNSET
)
_in_request: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "kotokartta_data_version_scope", default=False
)


def set_version_provider(provider: VersionProvider) -> None:
    """Name the function that answers "which data is published?" (one cheap query)."""
    global _provider
    _provider = provider


def current_version() -> DataVersion | None:
    """The published data's version; None when nothing is loaded or no provider is set.
    Read once per request inside `version_per_request`; a provider's failure (the database
    cannot be read) propagates and is not remembered."""
    memo = _request_memo.get()
    if memo is not _UNSET:
        return memo  # type: ignore[return-value]
    version = None if _provider is None else _provider()
    if _in_request.get():
        _request_memo.set(version)
    return version


def version_per_request(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Middleware (the first): the data version is read at most once per request."""

    def middleware(request: HttpRequest) -> HttpResponse:
        scope = _in_request.set(True)
        memo = _request_memo.set(_UNSET)
        try:
            return get_response(request)
        finally:
            _request_memo.reset(memo)
            _in_request.reset(scope)

    return middleware
