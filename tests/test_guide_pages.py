"""The public guide through Django's test client: status codes, languages, privacy, facts."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.test import Client

from kotokartta.paths.engine import Profile
from kotokartta.paths.selectors import path_for
from kotokartta.programme.models import Municipality
from kotokartta.programme.vocabulary import PHASES, ClientGroup

pytestmark = pytest.mark.django_db

LANGS = [code for code, _ in settings.LANGUAGES]


@pytest.fixture
def client() -> Client:
    return Client()


def html_of(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_home__in_every_language__has_lang_and_direction(client: Client, lang: str) -> None:
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = html_of(response)
    direction = "rtl" if lang in ("ar", "fa") else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert "<svg" in html and "Maanmittauslaitos, CC BY 4.0" in html
    assert html.count('href="/' + lang + "/municipalities/") >= 20  # map links and the list


def test_language_menu__names_each_language_in_itself(client: Client) -> None:
    html = html_of(client.get("/fi/"))
    for name in ("suomi", "svenska", "English", "العربية", "فارسی", "українська", "Soomaali"):
        assert name in html
    assert 'href="/ar/" lang="ar" hreflang="ar" dir="rtl"' in html


def test_unofficial_translation__is_marked_but_finnish_is_not(client: Client) -> None:
    assert "unofficial" not in html_of(client.get("/fi/")).lower()
    assert 'class="unofficial"' in html_of(client.get("/uk/"))
    assert 'class="unofficial"' in html_of(client.get("/en/"))


def test_root__redirects_by_accept_language_without_cookie(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/ar/"
    assert not response.cookies


@pytest.mark.parametrize(
    "url",
    [
        "/fi/",
        "/ar/path?municipality=kajaani&client=job-seeker",
        "/en/municipalities/kuhmo/",
        "/fi/phases/training/",
        "/fi/search?q=lukutaito",
        "/fi/path?municipality=nowhere&client=other",
    ],
)
def test_pages__set_no_cookies_and_load_nothing_from_other_hosts(client: Client, url: str) -> None:
    response = client.get(url)
    assert not response.cookies
    assert "script-src 'none'" in response["Content-Security-Policy"]
    html = html_of(response)
    assert "<script" not in html
    assert not re.search(r'(src|href)="https?://(?!testserver)', html)


def test_path_page__shows_the_same_facts_as_the_path_engine(client: Client) -> None:
    html = html_of(client.get("/fi/path?municipality=Puolanka&client=job-seeker"))
    puolanka = Municipality.objects.find("Puolanka")
    assert puolanka is not None
    path = path_for(municipality=puolanka, profile=Profile(client=ClientGroup.JOB_SEEKER))
    for step in path.as_dict()["steps"]:
        if step["provider"] and step["provider"]["organisation"]:
            assert step["provider"]["organisation"] in html
        for place in step["places"]:
            assert place["name"] in html
    assert "Puolanka buys this service from Suomussalmi" in html or "ostaa" in html


def test_path_page__arabic_shows_finnish_side_by_side(client: Client) -> None:
    html = html_of(client.get("/ar/path?municipality=taivalkoski&client=job-seeker&finnish=no"))
    assert 'class="col col--fi" lang="fi" dir="ltr"' in html
    assert "Kuusamon kaupunki" in html  # the Finnish column names the provider in Finnish
    assert 'dir="rtl"' in html.split("<body>")[0]


def test_path_page__eligibility_and_timeline_from_dates(client: Client) -> None:
    html = html_of(
        client.get(
            "/en/path?municipality=kajaani&client=other&basis=quota_refugee"
            "&permit=2025-02-01&plan=2025-03-31"
        )
    )
    assert "outcome--mandatory" in html
    assert "2025-04-30" in html  # referral within one month of the plan (month end)
    assert "2025-09-30" in html  # first review six months after the plan
    assert "2028-02-01" in html  # plan by 3 years from the first permit


def test_path_page__permit_over_three_years__only_guidance(client: Client) -> None:
    html = html_of(client.get("/en/path?municipality=kajaani&client=other&permit=2019-01-01"))
    assert "outcome--guidance_only" in html


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/fi/path?municipality=Oulu&client=other", 404),
        ("/fi/path?municipality=kajaani&client=tourist", 400),
        ("/fi/path?municipality=kajaani&client=other&permit=2024-13-45", 400),
        ("/fi/path?municipality=kajaani&client=other&permit=2024-05-01&plan=2023-01-01", 400),
        ("/fi/path?municipality=kajaani&client=other&basis=pirate", 400),
        ("/fi/path?municipality=&client=", 400),
        ("/xx/", 404),
        ("/fi/municipalities/atlantis/", 404),
        ("/fi/phases/teleportation/", 404),
        ("/fi/search?q=x&municipality=atlantis", 404),
        ("/fi/path?municipality=" + "k" * 5000 + "&client=other", 400),
    ],
)
def test_bad_requests__get_a_helpful_page_with_the_right_status(
    client: Client, url: str, status: int
) -> None:
    response = client.get(url)
    assert response.status_code == status
    html = html_of(response)
    assert "<h1>" in html and "Traceback" not in html
    if status == 404:
        assert "kajaani" in html  # points the way on: the programme's municipalities


def test_unknown_municipality__page_lists_the_programme_municipalities(client: Client) -> None:
    html = html_of(client.get("/en/path?municipality=Oulu&client=other"))
    assert "Oulu" in html and "Puolanka" in html


def test_municipality_page__every_phase_and_both_groups(client: Client) -> None:
    html = html_of(client.get("/fi/municipalities/kuhmo/"))
    for phase in PHASES:
        assert f'id="{phase.id}"' in html
    assert html.count('class="client"') == 2 * len(PHASES)
    assert "status--undetermined" in html  # Kuhmo's open arrangement is shown as open


def test_municipality_by_code_or_alias__redirects_to_its_page(client: Client) -> None:
    response = client.get("/fi/municipalities/Hyrnsalmi/")
    assert response.status_code == 301
    assert response["Location"] == "/fi/municipalities/hyrynsalmi/"


def test_phase_page__lists_every_municipality(client: Client) -> None:
    html = html_of(client.get("/en/phases/assessment/"))
    for mun in Municipality.objects.all():
        assert f'/en/municipalities/{mun.id}/#assessment"' in html


@pytest.mark.parametrize(
    ("query", "expected_url"),
    [
        ("kielikurssille", "/phases/training/"),
        ("suomen kieltä", "/phases/training/"),
        ("lukutaito", "/phases/literacy/"),
        ("yhteiskuntaorientaatio", "/phases/orientation/"),
        ("kulttuuripassi", "/municipalities/suomussalmi/"),
        ("työnhaku", "#employment"),
        ("integration training", "/phases/training/"),
    ],
)
def test_search_page__finds_the_right_phase_or_activity(
    client: Client, query: str, expected_url: str
) -> None:
    html = html_of(client.get("/fi/search", {"q": query}))
    results = re.findall(r'<li><a href="([^"]+)"', html.split('class="results"')[1])
    assert any(expected_url in url for url in results[:5]), results[:5]


def test_health__reports_data_and_search_engine(client: Client) -> None:
    data = json.loads(client.get("/healthz").content)
    assert data["status"] == "ok" and data["municipalities"] == 10
    assert data["search"] in {"voikko", "snowball-only"}


def test_wizard_without_answers__shows_the_questions(client: Client) -> None:
    html = html_of(client.get("/fi/path"))
    assert 'name="municipality"' in html and 'name="client"' in html and 'name="finnish"' in html
