"""HTTP caching: every public kind carries validators and its Cache-Control, a conditional GET
that still matches gets an empty 304 with the same validators, nothing personal or staff-only is
ever stored, and publishing a new data version changes every validator."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory

from kotokartta.core import dataversion, httpcache
from kotokartta.core.cache import versioned_cache
from tests.builders import DataFolder
from tests.conftest import REAL_DATA

PUBLIC = {
    "page": "/ar/path?municipality=puolanka&client=job-seeker&finnish=no",
    "municipality page": "/fi/municipalities/kajaani/",
    "api": "/api/v1/path?municipality=kajaani&client=other",
    "api list": "/api/v1/municipalities/",
    "hsds": "/api/hsds/services",
    "geojson": "/api/v1/places.geojson",
    "svg": "/fi/maps/kajaani/map.svg",
    "coverage csv": "/fi/coverage/coverage.csv",
}
PAGE, API, FILE = (
    "public, max-age=300, stale-while-revalidate=86400",
    "public, max-age=60, stale-while-revalidate=600",
    "public, max-age=3600, stale-while-revalidate=86400",
)
EXPECTED_CACHE_CONTROL = {
    "page": PAGE,
    "municipality page": PAGE,
    "api": API,
    "api list": API,
    "hsds": API,
    "geojson": FILE,
    "svg": FILE,
    "coverage csv": API,
}


@pytest.fixture(autouse=True)
def empty_page_cache() -> None:
    versioned_cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC)
def test_public_answer__carries_validators_and_a_public_lifetime(name: str) -> None:
    response = Client().get(PUBLIC[name])
    assert response.status_code == 200
    assert response["ETag"].startswith('"')  # strong
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == EXPECTED_CACHE_CONTROL[name]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC)
def test_matching_if_none_match__answers_304_without_a_body_and_the_same_validators(
    name: str,
) -> None:
    client = Client()
    first = client.get(PUBLIC[name])
    again = client.get(PUBLIC[name], HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    for header in ("ETag", "Last-Modified", "Cache-Control"):
        assert again[header] == first[header]


@pytest.mark.django_db
def test_if_modified_since__answers_304_when_nothing_was_published_since() -> None:
    client = Client()
    first = client.get(PUBLIC["page"])
    again = client.get(PUBLIC["page"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    older = client.get(PUBLIC["page"], HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT")
    assert older.status_code == 200


@pytest.mark.django_db
def test_if_none_match_wins_over_if_modified_since() -> None:
    client = Client()
    first = client.get(PUBLIC["page"])
    response = client.get(
        PUBLIC["page"], HTTP_IF_NONE_MATCH='"stale"', HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_weakened_tag_from_a_compressing_proxy__still_matches() -> None:
    client = Client()
    first = client.get(PUBLIC["api"])
    again = client.get(PUBLIC["api"], HTTP_IF_NONE_MATCH=f'"x", W/{first["ETag"]}')
    assert again.status_code == 304


@pytest.mark.django_db
def test_other_address_language_or_coding__gets_another_tag() -> None:
    client = Client()
    tags = {
        client.get("/fi/municipalities/kajaani/")["ETag"],
        client.get("/sv/municipalities/kajaani/")["ETag"],
        client.get("/fi/municipalities/kajaani/?x=1")["ETag"],
        client.get("/fi/municipalities/kajaani/", HTTP_ACCEPT_ENCODING="gzip")["ETag"],
        client.get("/api/v1/municipalities/", HTTP_ACCEPT_LANGUAGE="fi")["ETag"],
        client.get("/api/v1/municipalities/", HTTP_ACCEPT_LANGUAGE="en")["ETag"],
    }
    assert len(tags) == 6


@pytest.mark.django_db
def test_api__varies_on_accept_language_and_coding() -> None:
    vary = Client().get(PUBLIC["api"])["Vary"]
    assert "Accept-Language" in vary and "Accept-Encoding" in vary


@pytest.mark.django_db
def test_pdf_conditional_get__answers_304_without_rendering(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kotokartta.servicemap import render

    def no_render(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a matching conditional GET must not render")

    monkeypatch.setattr(render, "render_pdf", no_render)
    url = "/fi/maps/kajaani/map-a4.pdf"
    version = dataversion.current_version()
    assert version is not None
    etag = httpcache.etag_for(RequestFactory().get(url), version=version, kind="pdf")
    response = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["Cache-Control"] == "public, max-age=3600, stale-while-revalidate=86400"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/fi/path?municipality=kajaani&client=other&permit=2024-05-01",
        "/fi/path?municipality=kajaani&client=other&assessment=2024-06-01",
        "/fi/path?municipality=kajaani&client=other&plan=2024-07-01",
        "/fi/path?municipality=kajaani&client=other&benefits=home-care",
        "/api/v1/eligibility?permit=2024-05-01&client=other",
        "/fi/eligibility?permit=2024-05-01",
    ],
)
def test_answers_from_personal_dates__are_private_no_store_without_validators(url: str) -> None:
    response = Client().get(url)
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response and "Last-Modified" not in response


@pytest.mark.django_db
def test_personal_answer__ignores_a_conditional_get() -> None:
    url = "/fi/path?municipality=kajaani&client=other&permit=2024-05-01"
    response = Client().get(url, HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 200 and response.content


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/staff/", "/fi/staff/", "/staff/login/", "/admin/"])
def test_staff_pages__are_private_no_store(url: str) -> None:
    response = Client().get(url)
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


@pytest.mark.django_db
def test_health_check__is_no_store() -> None:
    response = Client().get("/healthz")
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


@pytest.mark.django_db
def test_bad_request__is_not_cached_by_anyone() -> None:
    response = Client().get("/api/v1/path?municipality=kajaani&client=nobody")
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-cache"
    assert "ETag" not in response


@pytest.mark.django_db(transaction=True)
def test_publishing_a_new_data_version__changes_every_validator(data_folder: DataFolder) -> None:
    client = Client()
    url = "/fi/phases/assessment/"
    call_command("data", "-v0", "load", str(REAL_DATA))
    before = client.get(url)
    call_command("data", "-v0", "load", str(data_folder.write()))
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    try:
        assert after.status_code == 200
        assert after["ETag"] != before["ETag"]
        assert after.content != before.content
    finally:
        call_command("data", "-v0", "load", str(REAL_DATA))
    reloaded = client.get(url)
    assert reloaded["ETag"] not in (before["ETag"], after["ETag"])
