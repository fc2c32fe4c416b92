"""HTTP caching for everything public: validators, conditional GET and Cache-Control per kind.

Every public answer changes only when a new data version is published (or new code is deployed),
so its strong ETag is computed from the request alone, before any view runs:

    (release, data version, scheme, host, full address with the query string, negotiated
     language where the address does not carry it, content coding the client accepts)

A conditional GET whose `If-None-Match` (or, without it, `If-Modified-Since`) still matches is
answered 304 with no body at the cost of one one-row query. `Last-Modified` is the later of the
data set's load time and the release's time.

What is never stored by anyone (`Cache-Control: private, no-store`, no validators): answers
computed from a person's own dates or eligibility answers (query parameters in
`PERSONAL_PARAMETERS`, eligibility and timeline addresses), staff and admin pages. The health
check is `no-store`. Static files keep whitenoise's own headers.

Kinds and their lifetimes are in `POLICIES`; docs/performance.md says why each is what it is.
The data version is the one every cache uses (`core.dataversion`: the programme's provider, read
once per request), so validating a request and then answering it asks the database once.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from kotokartta.core.dataversion import DataVersion, current_version

# Query parameters that carry a person's own dates or eligibility answers.
PERSONAL_PARAMETERS = frozenset(
    {"permit", "assessment", "plan", "review", "benefits", "birth", "born", "arrival"}
)
PRIVATE_PREFIXES = ("/staff/", "/admin/", "/accounts/")
PERSONAL_WORDS = ("eligibility", "timeline")
UNTOUCHED_PREFIXES = ("/static/",)
NO_STORE_PATHS = ("/healthz",)
REFERENCE_PREFIXES = ("/api/v1/docs/", "/api/v1/redoc/", "/api/v1/reference/", "/api/v1/schema/")

PRIVATE = "private, no-store"


@dataclass(frozen=True, slots=True)
class Policy:
    max_age: int
    stale_while_revalidate: int

    @property
    def header(self) -> str:
        return (
            f"public, max-age={self.max_age}, stale-while-revalidate={self.stale_while_revalidate}"
        )


# Seconds. Why each: docs/performance.md, "HTTP caching".
POLICIES = {
    "page": Policy(300, 86400),
    "api": Policy(60, 600),
    "geojson": Policy(3600, 86400),
    "svg": Policy(3600, 86400),
    "pdf": Policy(3600, 86400),
    "reference": Policy(3600, 86400),
}


def _languages() -> frozenset[str]:
    return frozenset(code for code, _ in settings.LANGUAGES)


_LANG_PREFIX = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]+)?)(/.*)$")


def _unprefixed(path: str) -> tuple[str, bool]:
    """The path without its language prefix, and whether it had one."""
    match = _LANG_PREFIX.match(path)
    if match and match.group(1) in _languages():
        return match.group(2), True
    return path, False


def kind_of(request: HttpRequest) -> str:
    """`private`, `no-store`, `untouched`, or one of the public kinds in POLICIES."""
    path = request.path
    if path.startswith(UNTOUCHED_PREFIXES):
        return "untouched"
    if path in NO_STORE_PATHS:
        return "no-store"
    bare, _ = _unprefixed(path)
    if bare.startswith(PRIVATE_PREFIXES) or path.startswith(PRIVATE_PREFIXES):
        return "private"
    if any(word in path for word in PERSONAL_WORDS):
        return "private"
    if any(value for key in PERSONAL_PARAMETERS for value in request.GET.getlist(key)):
        return "private"
    if request.method not in ("GET", "HEAD"):
        return "untouched"
    if path.endswith(".geojson"):
        return "geojson"
    if path.endswith(".svg"):
        return "svg"
    if path.endswith(".pdf") or bare == "/document/pdf":
        return "pdf"
    if path.startswith(REFERENCE_PREFIXES):
        return "reference"
    if path.startswith("/api/") or bare.startswith("/coverage/coverage."):
        return "api"
    return "page"


@cache
def release() -> tuple[str, float]:
    """What identifies the deployed code: KOTOKARTTA_RELEASE if set, else the package's files
    (count, newest change). The same in every worker of one deployment; any change to a
    template, a translation or the code gives new validators."""
    root = Path(settings.BASE_DIR)
    newest, count = 0.0, 0
    for directory, _dirs, files in os.walk(root):
        if "__pycache__" in directory:
            continue
        for name in files:
            if name.endswith((".py", ".html", ".css", ".mo", ".txt", ".svg", ".json")):
                count += 1
                newest = max(newest, os.stat(os.path.join(directory, name)).st_mtime)
    stamp = os.environ.get("KOTOKARTTA_RELEASE") or f"{count}:{newest:.0f}"
    return stamp, newest


def _negotiates_language(request: HttpRequest) -> bool:
    return not _unprefixed(request.path)[1]


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def etag_for(request: HttpRequest, *, version: DataVersion, kind: str) -> str:
    language = (
        translation.get_language_from_request(request) if _negotiates_language(request) else ""
    )
    parts = (
        release()[0],
        version.token,
        request.scheme or "",
        request.get_host(),
        request.get_full_path(),
        language,
        "gzip" if _accepts_gzip(request) else "identity",
        kind,
    )
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()
    return f'"{digest}"'


def last_modified_for(version: DataVersion) -> int | None:
    stamps = [release()[1]]
    if version.published_at is not None:
        stamps.append(version.published_at.timestamp())
    newest = int(max(stamps))
    return newest if newest > 0 else None


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def not_modified(request: HttpRequest, *, etag: str, last_modified: int | None) -> bool:
    """RFC 9110 13.2.2: If-None-Match (weak comparison) first; If-Modified-Since only without it."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [_opaque(tag) for tag in if_none_match.split(",")]
        return "*" in tags or etag in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and last_modified is not None and last_modified <= since


def _vary(request: HttpRequest) -> tuple[str, ...]:
    return (
        ("Accept-Encoding", "Accept-Language")
        if _negotiates_language(request)
        else ("Accept-Encoding",)
    )


def _set_private(response: HttpResponseBase, value: str = PRIVATE) -> HttpResponseBase:
    response.headers["Cache-Control"] = value
    for name in ("ETag", "Last-Modified", "Expires"):
        if name in response.headers:
            del response.headers[name]
    return response


def http_cache(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    """The outermost middleware: validators and Cache-Control on the way out, 304 on the way in."""

    def middleware(request: HttpRequest) -> HttpResponseBase:
        kind = kind_of(request)
        if kind == "untouched":
            return get_response(request)
        if kind == "private":
            return _set_private(get_response(request))
        if kind == "no-store":
            return _set_private(get_response(request), "no-store")
        version = current_version()
        if version is None:  # nothing published yet: nothing to validate against
            return _set_private(get_response(request), "no-cache")
        policy = POLICIES[kind]
        etag = etag_for(request, version=version, kind=kind)
        last_modified = last_modified_for(version)
        if not_modified(request, etag=etag, last_modified=last_modified):
            response: HttpResponseBase = HttpResponseNotModified()
        else:
            response = get_response(request)
        status = response.status_code
        if status in (200, 304):
            response.headers["ETag"] = etag
            if last_modified is not None:
                response.headers["Last-Modified"] = http_date(last_modified)
            response.headers["Cache-Control"] = policy.header
            patch_vary_headers(response, _vary(request))
        elif status in (301, 404, 410):  # as permanent as the data version: cache, no validators
            response.headers["Cache-Control"] = f"public, max-age={policy.max_age}"
            patch_vary_headers(response, _vary(request))
        else:  # other redirects, bad requests, server errors: always ask again
            _set_private(response, "no-cache")
        return response

    return middleware
