"""A small reader for PTV's open read API (v11), with an injectable transport.

`PtvClient(opener=…)` sends every request through `opener.open(request, timeout=…)`, the
interface of `urllib.request.OpenerDirector`. By default that is a real urllib opener (the
network); `RecordedTransport(folder)` answers from recorded JSON files instead, so tests and
`kotokartta ptv diff --recorded DIR` never touch the network.

The list endpoints answer one page at a time (`V11VmOpenApiServicesWithPaging`,
`V11VmOpenApiServiceChannelsWithPaging`):

    {"pageNumber": 1, "pageSize": 1000, "pageCount": 2, "itemList": [{…}, …]}

and the client follows `?page=2…pageCount`, returning all items. Every failure (HTTP error,
network failure, timeout, an answer that is not JSON or not of that shape) becomes a
`PtvError` with a sentence saying what went wrong.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from http.client import HTTPException
from pathlib import Path
from typing import Any, Protocol

DEFAULT_TIMEOUT = 20.0
MAX_PAGES = 500  # a runaway pageCount must not make the client loop for ever
USER_AGENT = "kotokartta-ptv/1 (+https://github.com/kotokartta)"

MUNICIPALITY_CODE = re.compile(r"^\d{3}$")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class PtvError(Exception):
    """Reading PTV failed; the message says how, for a person."""


class Opener(Protocol):
    """What `urllib.request.OpenerDirector` offers and `PtvClient` uses."""

    def open(self, fullurl: urllib.request.Request, *, timeout: float) -> Any: ...


class RecordedResponse:
    """A recorded answer: status 200 and the file's bytes."""

    def __init__(self, body: bytes, status: int = 200) -> None:
        self.status = status
        self._body = body

    def read(self) -> bytes:
        return self._body

    def close(self) -> None:
        pass

    def __enter__(self) -> RecordedResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def recording_name(path: str, query: str = "") -> str:
    """The file a recorded answer lives in, relative to the recordings folder:
    `Service/list/area/Municipality/code/205` + `page=2` →
    `Service/list/area/Municipality/code/205__page=2.json`."""
    name = path.strip("/")
    if query:
        name += "__" + query.replace("&", "__")
    return name + ".json"


class RecordedTransport:
    """An opener that answers from files instead of the network.

    A request for `<base>/Service/list/area/Municipality/code/205?page=1` is answered from
    `FOLDER/Service/list/area/Municipality/code/205__page=1.json`: the URL path is matched from
    its end, so the base URL (`…/api/v11`) does not matter. A request with no recording answers
    HTTP 404, as PTV does for an unknown id. It never opens a socket.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.requests: list[str] = []

    def _find(self, url: str) -> Path | None:
        parts = urllib.parse.urlsplit(url)
        segments = [urllib.parse.unquote(s) for s in parts.path.split("/") if s]
        for start in range(len(segments)):
            candidate = self.folder / recording_name("/".join(segments[start:]), parts.query)
            if candidate.is_file():
                return candidate
        return None

    def open(self, fullurl: urllib.request.Request | str, *, timeout: float = 0) -> Any:
        url = fullurl.full_url if isinstance(fullurl, urllib.request.Request) else fullurl
        self.requests.append(url)
        found = self._find(url)
        if found is None:
            raise urllib.error.HTTPError(url, 404, "Not Found (no recording)", Message(), None)
        return RecordedResponse(found.read_bytes())


def _default_opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener()


def _reason(error: BaseException) -> str:
    reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
    if isinstance(reason, BaseException) and reason is not error:
        return _reason(reason)
    return str(reason) or type(error).__name__


class PtvClient:
    """Reads services and service channels from PTV's open v11 API."""

    def __init__(
        self,
        base_url: str | None = None,
        opener: Opener | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        if base_url is None:
            from django.conf import settings

            base_url = str(settings.PTV_BASE_URL)
        if not base_url.startswith(("http://", "https://")):
            raise PtvError(f"the PTV address {base_url!r} is not an http(s) URL")
        self.base_url = base_url.rstrip("/")
        self.opener: Opener = opener if opener is not None else _default_opener()
        self.timeout = timeout

    # ---- one request -------------------------------------------------------------------------

    def url(self, path: str, params: dict[str, Any] | None = None) -> str:
        quoted = "/".join(urllib.parse.quote(part, safe="") for part in path.split("/"))
        url = f"{self.base_url}/{quoted}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        return url

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """GET `path` under the base URL; the decoded JSON, or PtvError."""
        url = self.url(path, params)
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        try:
            response = self.opener.open(request, timeout=self.timeout)
            try:
                status = getattr(response, "status", 200)
                body = response.read()
            finally:
                response.close()
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise PtvError(f"PTV has no {path} (HTTP 404 {error.reason} from {url})") from error
            raise PtvError(f"PTV answered HTTP {error.code} {error.reason} for {url}") from error
        except TimeoutError as error:
            raise PtvError(f"PTV did not answer within {self.timeout:g} s ({url})") from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise PtvError(f"PTV did not answer within {self.timeout:g} s ({url})") from error
            raise PtvError(f"cannot reach PTV at {url}: {_reason(error)}") from error
        except (OSError, HTTPException) as error:
            raise PtvError(f"cannot read PTV's answer from {url}: {_reason(error)}") from error
        if status != 200:
            raise PtvError(f"PTV answered HTTP {status} for {url}")
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            start = body[:60].decode("utf-8", "replace").strip()
            raise PtvError(f"PTV's answer from {url} is not JSON: {start!r}…") from error

    # ---- paging ------------------------------------------------------------------------------

    def get_all_pages(self, path: str) -> list[dict[str, Any]]:
        """Every item of a paged list endpoint, following pages 1…pageCount."""
        items: list[dict[str, Any]] = []
        page = 1
        while True:
            data = self.get_json(path, {"page": page})
            if not isinstance(data, dict) or not isinstance(data.get("itemList", []), list | None):
                raise PtvError(f"PTV's answer for {path} (page {page}) is not a paged list")
            page_items = data.get("itemList") or []
            if not all(isinstance(item, dict) for item in page_items):
                raise PtvError(
                    f"PTV's list for {path} (page {page}) has items that are not objects"
                )
            items.extend(page_items)
            page_count = data.get("pageCount", 1)
            if not isinstance(page_count, int) or isinstance(page_count, bool) or page_count < 0:
                raise PtvError(f"PTV's answer for {path} has no valid pageCount ({page_count!r})")
            if page >= min(page_count, MAX_PAGES):
                return items
            page += 1

    # ---- the endpoints Kotokartta uses -------------------------------------------------------

    @staticmethod
    def _code(code: str) -> str:
        code = str(code).strip()
        if not MUNICIPALITY_CODE.match(code):
            raise PtvError(f"{code!r} is not a municipality code (three digits, like 205)")
        return code

    @staticmethod
    def _guid(value: str) -> str:
        value = str(value).strip()
        if not GUID.match(value):
            raise PtvError(f"{value!r} is not a PTV id (a GUID)")
        return value

    def services_for_municipality(self, code: str) -> list[dict[str, Any]]:
        """Every published service of a municipality's area (V11VmOpenApiService records)."""
        return self.get_all_pages(f"Service/list/area/Municipality/code/{self._code(code)}")

    def service(self, service_id: str) -> dict[str, Any]:
        return self._one(f"Service/{self._guid(service_id)}")

    def service_channels_for_municipality(self, code: str) -> list[dict[str, Any]]:
        """Every published service channel of a municipality's area (any channel type)."""
        return self.get_all_pages(f"ServiceChannel/list/area/Municipality/code/{self._code(code)}")

    def service_channel(self, channel_id: str) -> dict[str, Any]:
        return self._one(f"ServiceChannel/{self._guid(channel_id)}")

    def _one(self, path: str) -> dict[str, Any]:
        data = self.get_json(path)
        if not isinstance(data, dict):
            raise PtvError(f"PTV's answer for {path} is not a record")
        return data
