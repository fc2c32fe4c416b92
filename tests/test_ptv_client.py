"""The PTV v11 reader against recorded answers and a fake transport; no test touches the network."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from kotokartta.integrations.ptv.client import (
    MAX_PAGES,
    PtvClient,
    PtvError,
    RecordedResponse,
    RecordedTransport,
    recording_name,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ptv"
BASE = "https://ptv.test/api/v11"
PUOLANKA_SERVICE = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d01"
PUOLANKA_HALL = "f2c7a9e5-1b8d-4c3a-9f6e-0d4b2a8c7f66"


class _NoSocket(socket.socket):
    """Stands in for socket.socket: opening any socket fails the test."""

    opened: list[tuple[Any, ...]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _NoSocket.opened.append(args)
        raise AssertionError("a test opened a network socket")


def forbid_sockets(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """From now on socket.socket (and so socket.create_connection and urllib) raises; returns
    the list the attempts are recorded in."""
    _NoSocket.opened = []
    monkeypatch.setattr(socket, "socket", _NoSocket)
    return _NoSocket.opened


@pytest.fixture(autouse=True)
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Any, ...]]]:
    """No test here may open a socket."""
    yield forbid_sockets(monkeypatch)


class FakeOpener:
    """An opener whose answer for each request comes from `answer(url)`: bytes for a 200, or an
    exception to raise."""

    def __init__(self, answer: Callable[[str], bytes | BaseException]) -> None:
        self.answer = answer
        self.urls: list[str] = []
        self.timeouts: list[float] = []

    def open(self, fullurl: urllib.request.Request, *, timeout: float) -> Any:
        self.urls.append(fullurl.full_url)
        self.timeouts.append(timeout)
        result = self.answer(fullurl.full_url)
        if isinstance(result, BaseException):
            raise result
        return RecordedResponse(result)


def http_error(url: str, code: int, reason: str) -> urllib.error.HTTPError:
    return urllib.error.HTTPError(url, code, reason, Message(), None)


def paged(items: list[dict[str, Any]], page: int, count: int) -> bytes:
    body = {"pageNumber": page, "pageSize": 2, "pageCount": count, "itemList": items}
    return json.dumps(body).encode()


@pytest.fixture
def recorded(no_sockets: list[tuple[Any, ...]]) -> PtvClient:
    return PtvClient(base_url=BASE, opener=RecordedTransport(FIXTURES))


# ---- recorded answers -----------------------------------------------------------------------


def test_services_for_municipality__follows_every_page(recorded: PtvClient) -> None:
    services = recorded.services_for_municipality("205")
    names = [s["serviceNames"][0]["value"] for s in services]
    assert names == [
        "Kotoutumisen palvelut",
        "Osaamisen ja kotoutumisen palvelutarpeen arviointi",
        "Luku- ja kirjoitustaidon koulutus",
        "Kirjaston kielikahvila",
    ]
    transport = recorded.opener
    assert isinstance(transport, RecordedTransport)
    assert transport.requests == [
        f"{BASE}/Service/list/area/Municipality/code/205?page=1",
        f"{BASE}/Service/list/area/Municipality/code/205?page=2",
    ]


def test_service_channels_for_municipality__returns_every_channel_type(
    recorded: PtvClient,
) -> None:
    channels = recorded.service_channels_for_municipality("205")
    assert [c["serviceChannelType"] for c in channels] == [
        "ServiceLocation", "ServiceLocation", "ServiceLocation", "Phone", "WebPage",
    ]  # fmt: skip
    assert [c["serviceChannelType"] for c in recorded.service_channels_for_municipality("620")] == [
        "ServiceLocation"
    ]


def test_recorded_records_have_the_v11_shape(recorded: PtvClient) -> None:
    service = recorded.service(PUOLANKA_SERVICE)
    assert service["id"] == PUOLANKA_SERVICE
    assert {o["roleType"] for o in service["organizations"]} == {"Responsible", "Producer"}
    assert service["areas"][0]["municipalities"][0]["code"] == "620"
    channel = recorded.service_channel(PUOLANKA_HALL)
    assert channel["serviceChannelType"] == "ServiceLocation"
    address = channel["addresses"][0]
    assert (address["type"], address["subType"]) == ("Location", "Single")
    assert address["streetAddress"]["postalCode"] == "89200"
    assert channel["serviceHours"][0]["openingHour"][0]["dayFrom"] == "Monday"


def test_recorded_transport__unknown_request_is_a_404(recorded: PtvClient) -> None:
    with pytest.raises(PtvError, match="HTTP 404") as caught:
        recorded.services_for_municipality("290")
    assert "no recording" in str(caught.value)


def test_recorded_transport__ignores_the_base_url(no_sockets: list[tuple[Any, ...]]) -> None:
    client = PtvClient(
        base_url="http://elsewhere.test/some/prefix/", opener=RecordedTransport(FIXTURES)
    )
    assert len(client.services_for_municipality("620")) == 2


def test_recording_name() -> None:
    assert recording_name("/Service/x/", "page=2") == "Service/x__page=2.json"
    assert recording_name("ServiceChannel/abc") == "ServiceChannel/abc.json"


def test_no_socket_is_opened_with_recorded_answers(
    recorded: PtvClient, no_sockets: list[tuple[Any, ...]]
) -> None:
    recorded.services_for_municipality("205")
    recorded.service_channels_for_municipality("620")
    assert no_sockets == []


# ---- paging ---------------------------------------------------------------------------------


def test_paging__reads_pages_up_to_page_count() -> None:
    pages = {1: [{"id": "a"}], 2: [{"id": "b"}], 3: [{"id": "c"}]}
    opener = FakeOpener(lambda url: paged(pages[int(url.rsplit("=", 1)[1])], 1, 3))
    client = PtvClient(base_url=BASE, opener=opener)
    assert [i["id"] for i in client.services_for_municipality("620")] == ["a", "b", "c"]
    assert [url.rsplit("?", 1)[1] for url in opener.urls] == ["page=1", "page=2", "page=3"]


@pytest.mark.parametrize("body", [b'{"pageCount": 0, "itemList": []}', b'{"itemList": null}'])
def test_paging__an_empty_answer_is_an_empty_list(body: bytes) -> None:
    opener = FakeOpener(lambda url: body)
    assert PtvClient(base_url=BASE, opener=opener).services_for_municipality("620") == []
    assert len(opener.urls) == 1


def test_paging__stops_at_the_page_limit() -> None:
    opener = FakeOpener(lambda url: paged([], 1, 10**9))
    PtvClient(base_url=BASE, opener=opener).services_for_municipality("620")
    assert len(opener.urls) == MAX_PAGES


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[]", "not a paged list"),
        (b'{"itemList": {"id": 1}}', "not a paged list"),
        (b'{"itemList": [1, 2]}', "not objects"),
        (b'{"itemList": [], "pageCount": "many"}', "pageCount"),
    ],
)
def test_paging__a_wrong_shape_is_a_ptv_error(body: bytes, message: str) -> None:
    client = PtvClient(base_url=BASE, opener=FakeOpener(lambda url: body))
    with pytest.raises(PtvError, match=message):
        client.service_channels_for_municipality("205")


def test_paging__an_error_on_a_later_page_is_a_ptv_error() -> None:
    def answer(url: str) -> bytes | BaseException:
        return (
            paged([{"id": "a"}], 1, 2)
            if url.endswith("page=1")
            else http_error(url, 502, "Bad Gateway")
        )

    client = PtvClient(base_url=BASE, opener=FakeOpener(answer))
    with pytest.raises(PtvError, match="HTTP 502"):
        client.services_for_municipality("205")


# ---- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            lambda url: http_error(url, 500, "Internal Server Error"),
            "HTTP 500 Internal Server Error",
        ),
        (lambda url: http_error(url, 404, "Not Found"), "HTTP 404"),
        (lambda url: http_error(url, 429, "Too Many Requests"), "HTTP 429"),
        (lambda url: b"<html>Service Unavailable</html>", "is not JSON: '<html>Service"),
        (lambda url: b'{"itemList": [', "is not JSON"),
        (lambda url: b"\xff\xfe\x00", "is not JSON"),
        (lambda url: TimeoutError("timed out"), "did not answer within 7.5 s"),
        (lambda url: urllib.error.URLError(TimeoutError()), "did not answer within 7.5 s"),
        (
            lambda url: urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")),
            "cannot reach PTV .*Connection refused",
        ),
        (
            lambda url: urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
            "cannot reach PTV .*Name or service not known",
        ),
        (
            lambda url: ConnectionResetError(104, "Connection reset by peer"),
            "cannot read PTV's answer .*Connection reset",
        ),
    ],
)
def test_failures_become_ptv_errors(
    answer: Callable[[str], bytes | BaseException], message: str
) -> None:
    opener = FakeOpener(answer)
    client = PtvClient(base_url=BASE, opener=opener, timeout=7.5)
    with pytest.raises(PtvError, match=message):
        client.services_for_municipality("205")
    assert opener.timeouts == [7.5]


def test_single_records__http_errors_and_wrong_shapes() -> None:
    client = PtvClient(
        base_url=BASE, opener=FakeOpener(lambda url: http_error(url, 404, "Not Found"))
    )
    with pytest.raises(PtvError, match=f"PTV has no Service/{PUOLANKA_SERVICE}"):
        client.service(PUOLANKA_SERVICE)
    client = PtvClient(base_url=BASE, opener=FakeOpener(lambda url: b"[1]"))
    with pytest.raises(PtvError, match="is not a record"):
        client.service_channel(PUOLANKA_HALL)


@pytest.mark.parametrize("code", ["20", "2055", "abc", "../x", ""])
def test_a_bad_municipality_code_is_refused_before_any_request(code: str) -> None:
    opener = FakeOpener(lambda url: b"{}")
    with pytest.raises(PtvError, match="not a municipality code"):
        PtvClient(base_url=BASE, opener=opener).services_for_municipality(code)
    assert opener.urls == []


def test_a_bad_id_is_refused_before_any_request() -> None:
    opener = FakeOpener(lambda url: b"{}")
    with pytest.raises(PtvError, match="not a PTV id"):
        PtvClient(base_url=BASE, opener=opener).service("../../etc/passwd")
    assert opener.urls == []


def test_base_url__must_be_http_and_may_end_in_a_slash() -> None:
    with pytest.raises(PtvError, match="not an http"):
        PtvClient(base_url="ftp://ptv.test/api/v11")
    opener = FakeOpener(lambda url: b"{}")
    PtvClient(base_url=BASE + "/", opener=opener).service(PUOLANKA_SERVICE)
    assert opener.urls == [f"{BASE}/Service/{PUOLANKA_SERVICE}"]


def test_default_base_url_is_the_setting(settings: Any) -> None:
    settings.PTV_BASE_URL = "https://configured.test/api/v11"
    assert PtvClient(opener=FakeOpener(lambda url: b"{}")).base_url == settings.PTV_BASE_URL


def test_requests_ask_for_json() -> None:
    seen: list[urllib.request.Request] = []

    class Capturing(FakeOpener):
        def open(self, fullurl: urllib.request.Request, *, timeout: float) -> Any:
            seen.append(fullurl)
            return super().open(fullurl, timeout=timeout)

    PtvClient(base_url=BASE, opener=Capturing(lambda url: b"{}")).service(PUOLANKA_SERVICE)
    assert seen[0].get_header("Accept") == "application/json"
    assert seen[0].get_method() == "GET"
