"""The site shell: error pages (400, 403, 404, 500, 503 for a database error) and /healthz."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from kotokartta.search import analysis

pytestmark = pytest.mark.django_db

BROKEN = OperationalError("could not connect to server: Connection refused")


@pytest.fixture
def quiet_client() -> Client:
    """A client that gets the error page instead of the exception."""
    return Client(raise_request_exception=False)


def test_unknown_municipality__names_it_on_the_404_page(client: Client) -> None:
    response = client.get("/en/municipalities/atlantis/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "“atlantis” is not one of the programme's municipalities." in page
    assert "Kajaani" in page  # the municipalities are listed to go on from


def test_unknown_map__is_the_same_404_page(client: Client) -> None:
    response = client.get("/en/maps/atlantis/")
    assert response.status_code == 404
    assert "“atlantis” is not one of the programme's municipalities." in response.content.decode()


def test_database_error_on_a_page__is_a_503_that_says_so(quiet_client: Client) -> None:
    with mock.patch("kotokartta.core.dataversion._provider", side_effect=BROKEN):
        response = quiet_client.get("/fi/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Database error" in page
    assert "Connection refused" not in page  # details go to the log, not to the public


def test_database_error_in_the_api__is_a_503_database_error(client: Client, settings: Any) -> None:
    settings.PAGE_CACHE = False
    with mock.patch("kotokartta.programme.models.MunicipalityQuerySet._lookup", side_effect=BROKEN):
        response = client.get("/api/v1/path?municipality=kajaani&client=other")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_error"


def test_nothing_loaded__is_still_its_own_answer(client: Client) -> None:
    from kotokartta.programme.models import DataSet

    DataSet.objects.all().delete()
    data = json.loads(client.get("/healthz").content)
    assert data["status"] == "no-data"


def test_health__reports_a_database_error_as_one(quiet_client: Client) -> None:
    with mock.patch("kotokartta.programme.models.DataSetQuerySet.current", side_effect=BROKEN):
        response = quiet_client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["status"] == "database-error"


def test_health__says_why_voikko_is_not_used(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        analysis,
        "voikko_status",
        lambda: analysis.VoikkoStatus(available=False, error="libvoikko is not installed"),
    )
    monkeypatch.setattr("kotokartta.site.views.voikko_status", analysis.voikko_status)
    data = json.loads(client.get("/healthz").content)
    assert data["search"] == "snowball-only"
    assert data["search_error"] == "libvoikko is not installed"


@pytest.mark.parametrize(
    ("handler", "status", "title"),
    [
        ("bad_request", 400, "Bad request"),
        ("permission_denied", 403, "Forbidden"),
    ],
)
def test_error_pages__are_static_finnish_and_english(handler: str, status: int, title: str) -> None:
    from django.test import RequestFactory

    from kotokartta.site import views

    response = getattr(views, handler)(RequestFactory().get("/"), Exception("x"))
    assert response.status_code == status
    assert title in response.content.decode()
