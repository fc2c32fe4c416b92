"""The public REST API (/api/v1/) against the real Kainuu-Koillismaa data: the same answers as the
command line, one error shape, languages, pagination, filters, maps, CORS, no cookies."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.test import Client

from kotokartta.api.views import documents as document_views
from kotokartta.programme import models as m
from kotokartta.programme.models import NoProgrammeLoaded

pytestmark = pytest.mark.django_db

API = "/api/v1"
MUNICIPALITIES = [
    "Hyrynsalmi", "Kajaani", "Kuhmo", "Kuusamo", "Paltamo",
    "Puolanka", "Ristijärvi", "Sotkamo", "Suomussalmi", "Taivalkoski",
]  # fmt: skip


@pytest.fixture
def client(settings: Any) -> Client:
    """A client past the page cache: each test sees what the views answer now."""
    settings.PAGE_CACHE = False
    return Client()


def get(client: Client, url: str, **headers: str) -> Any:
    response = client.get(url, headers=headers)
    assert response["Content-Type"].split(";")[0] in {"application/json", "application/geo+json"}
    return response


def cli_json(*args: str) -> Any:
    out = io.StringIO()
    call_command(*args, "--json", stdout=out)
    return json.loads(out.getvalue())


# One source: the API gives what the command line gives.
@pytest.mark.parametrize("municipality", MUNICIPALITIES)
@pytest.mark.parametrize("client_group", ["job-seeker", "other"])
def test_path__is_the_cli_json(client: Client, municipality: str, client_group: str) -> None:
    response = get(client, f"{API}/path?municipality={municipality}&client={client_group}")
    assert response.status_code == 200
    assert response.json() == cli_json("path", municipality, "--client", client_group)


@pytest.mark.parametrize(
    ("query", "cli_args"),
    [
        (
            "municipality=taivalkoski&client=job-seeker&uses_finnish=no&lang=en",
            ["taivalkoski", "--client", "job-seeker", "--uses-finnish", "no", "--lang", "en"],
        ),
        (
            "municipality=Kajana&client=other&residence_basis=quota_refugee&lang=en",
            [
                "Kajana",
                "--client",
                "other",
                "--residence-basis",
                "quota_refugee",
                "--lang",
                "en",
            ],
        ),
        (
            "municipality=105&client=job-seeker&uses_finnish=yes",
            ["105", "--client", "job-seeker", "--uses-finnish", "yes"],
        ),
        (
            "municipality=Hyrnsalmi&client=other&lang=fi",
            ["Hyrnsalmi", "--client", "other", "--lang", "fi"],
        ),
    ],
)
def test_path_with_a_profile__is_the_cli_json(
    client: Client, query: str, cli_args: list[str]
) -> None:
    response = get(client, f"{API}/path?{query}")
    assert response.status_code == 200
    assert response.json() == cli_json("path", *cli_args)


def test_path__language_from_accept_language(client: Client) -> None:
    english = get(
        client, f"{API}/path?municipality=kuhmo&client=other", **{"Accept-Language": "en"}
    )
    assert english.json() == cli_json("path", "kuhmo", "--client", "other", "--lang", "en")
    assert english["Content-Language"] == "en"
    # Another guide language is answered in English, as the guide's pages do.
    somali = get(client, f"{API}/path?municipality=kuhmo&client=other", **{"Accept-Language": "so"})
    assert somali.json()["lang"] == "en"
    assert get(client, f"{API}/path?municipality=kuhmo&client=other").json()["lang"] == "fi"


@pytest.mark.parametrize(
    ("query", "cli_args"),
    [
        ("q=kielikurssi", ["kielikurssi"]),
        ("q=kotoutumiskoulutus&municipality=kajaani", ["kotoutumiskoulutus", "--municipality",
                                                        "kajaani"]),
        ("q=integration+training&lang=en", ["integration training", "--lang", "en"]),
        ("q=sosiaaliohjaaja&municipality=Kajana&lang=en", ["sosiaaliohjaaja", "--municipality",
                                                           "Kajana", "--lang", "en"]),
    ],
)  # fmt: skip
def test_search__gives_the_cli_results(client: Client, query: str, cli_args: list[str]) -> None:
    response = get(client, f"{API}/search?{query}")
    assert response.status_code == 200
    results = response.json()["results"]
    expected = cli_json("search", *cli_args)["results"]
    assert expected, "the query should find something"
    assert [{k: r[k] for k in ("phase", "municipality", "title", "url")} for r in results] == (
        expected
    )
    assert all(r["lang"] in {"fi", "en", "sv"} for r in results)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_coverage__is_the_cli_document(client: Client, lang: str) -> None:
    response = get(client, f"{API}/coverage?lang={lang}&today=2026-06-01")
    assert response.status_code == 200
    document = response.json()
    out = io.StringIO()
    call_command(
        "coverage", "--format", "json", "--today", "2026-06-01", "--lang", lang, stdout=out
    )
    expected = json.loads(out.getvalue())
    for cell in document["matrix"]:
        assert cell.pop("url").startswith("http://testserver/")
    for cell in expected["matrix"]:
        cell.pop("url")
    assert document == expected
    assert len(document["matrix"]) == 10 * 12 * 2


# Records
def test_municipalities__list_and_detail(client: Client) -> None:
    response = get(client, f"{API}/municipalities/")
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == 10 and page["next"] is None and page["previous"] is None
    assert [x["name"]["text"] for x in page["results"]] == MUNICIPALITIES
    kajaani = next(x for x in page["results"] if x["code"] == "205")
    assert kajaani["id"] == "kajaani"
    assert kajaani["names"] == {"fi": "Kajaani", "sv": "Kajana"}
    assert kajaani["wellbeing_county"]["id"] == "kainuun-hyvinvointialue"
    assert kajaani["receives_quota_refugees"] is True
    assert kajaani["coordinators"] and {"name", "title", "email", "organisation", "unit"} <= set(
        kajaani["coordinators"][0]
    )
    assert kajaani["url"] == "http://testserver/api/v1/municipalities/205/"
    for term in ("205", "kajaani", "Kajana", "KAJAANI"):
        detail = get(client, f"{API}/municipalities/{term}/")
        assert detail.status_code == 200
        assert detail.json() == kajaani
    hyrynsalmi = get(client, f"{API}/municipalities/Hyrnsalmi/").json()
    assert hyrynsalmi["aliases"] == ["Hyrnsalmi"]


def test_translated_fields_say_their_language(client: Client) -> None:
    swedish = get(client, f"{API}/municipalities/205/?lang=sv").json()
    assert swedish["name"] == {"text": "Kajana", "lang": "sv"}
    assert swedish["wellbeing_county"]["name"] == {
        "text": "Kajanalands välfärdsområde",
        "lang": "sv",
    }
    # No Swedish title: English, and it says so.
    assert swedish["coordinators"][0]["title"]["lang"] == "en"
    # Ukrainian by Accept-Language: names without a Ukrainian or English form stay Finnish.
    ukrainian = get(client, f"{API}/municipalities/205/", **{"Accept-Language": "uk,en;q=0.5"})
    assert ukrainian["Content-Language"] == "uk"
    assert ukrainian.json()["name"] == {"text": "Kajaani", "lang": "fi"}
    english = get(client, f"{API}/phases/training/", **{"Accept-Language": "de, en;q=0.8"})
    assert english.json()["name"] == {"text": "Integration training", "lang": "en"}
    finnish = get(client, f"{API}/phases/training/").json()
    assert finnish["name"] == {"text": "Kotoutumiskoulutus", "lang": "fi"}


def test_organisations_places_activities_and_phases(client: Client) -> None:
    organisations = get(client, f"{API}/organisations/?page_size=200").json()
    assert organisations["count"] == m.Organisation.objects.count()
    county = get(client, f"{API}/organisations/kainuun-hyvinvointialue/").json()
    assert county["kind"] == "wellbeing_county" and county["units"]
    assert {"id", "name", "names", "parent"} == set(county["units"][0])

    places = get(client, f"{API}/places/?page_size=200").json()
    assert places["count"] == m.Place.objects.count() == len(places["results"])
    assert all(p["coordinates"] is None for p in places["results"])
    place = get(client, f"{API}/places/kajaanin-kaupungintalo/").json()
    assert place["municipality"]["code"] == "205"

    activities = get(client, f"{API}/activities/").json()
    assert activities["count"] == m.Activity.objects.count()
    online = get(client, f"{API}/activities/verkkokotokoulutus/").json()
    assert online["phases"] == ["training"]
    assert len(online["municipalities"]) == 10

    phases = get(client, f"{API}/phases/").json()
    assert [p["order"] for p in phases["results"]] == list(range(12))
    multi_plan = get(client, f"{API}/phases/multi_plan/?lang=en").json()
    assert multi_plan["law"]["document"] == "KotoL 17 §"
    assert multi_plan["law"]["note"]["lang"] == "en"
    assert get(client, f"{API}/phases/plan/").json()["law"]["note"] is None


def test_provisions__detail(client: Client) -> None:
    provision = get(client, f"{API}/provisions/puolanka-assessment-job-seeker/")
    if provision.status_code == 404:  # pragma: no cover - id depends on the data
        first = m.Provision.objects.filter(municipality_id="puolanka", purchased=True).first()
        assert first is not None
        provision = get(client, f"{API}/provisions/{first.id}/")
    body = provision.json()
    assert body["municipality"]["code"] == "620"
    assert body["source"]["section"]


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("phase=training", lambda p: p["phase"] == "training"),
        ("client=other", lambda p: "other" in p["clients"]),
        ("status=planned", lambda p: p["status"] == "planned"),
        ("purchased=true", lambda p: p["purchased"] is True),
        ("purchased=false", lambda p: p["purchased"] is False),
        (
            "municipality=Kajana&client=job-seeker",
            lambda p: (
                "job-seeker" in p["clients"] and "205" in [x["code"] for x in p["municipalities"]]
            ),
        ),
    ],
)
def test_provisions__filters(client: Client, query: str, check: Any) -> None:
    page = get(client, f"{API}/provisions/?{query}&page_size=200").json()
    assert page["count"] > 0
    assert page["count"] == len(page["results"])
    assert all(check(p) for p in page["results"])


def test_provisions__municipality_filter_is_what_serves_its_residents(client: Client) -> None:
    kajaani = m.Municipality.objects.get(code="205")
    expected = {p.id for p in m.Provision.objects.serving(kajaani)}
    page = get(client, f"{API}/provisions/?municipality=205&page_size=200").json()
    assert {p["id"] for p in page["results"]} == expected
    assert any(p["municipality"] is None for p in page["results"])  # area-wide ones too


# Pagination
def test_pagination(client: Client) -> None:
    total = m.Provision.objects.count()
    first = get(client, f"{API}/provisions/?page_size=7").json()
    assert first["count"] == total and len(first["results"]) == 7
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/provisions/?page=2&page_size=7"
    second = get(client, f"{API}/provisions/?page=2&page_size=7").json()
    assert second["previous"] and second["results"][0]["id"] != first["results"][0]["id"]
    default = get(client, f"{API}/provisions/").json()
    assert len(default["results"]) == min(50, total)
    everything = get(client, f"{API}/provisions/?page_size=200").json()
    assert len(everything["results"]) == min(200, total)


# Errors: one shape, never a 500.
@pytest.mark.parametrize(
    ("url", "status", "code", "parameter"),
    [
        ("/provisions/?client=bad", 400, "invalid_parameter", "client"),
        ("/provisions/?phase=nope", 400, "invalid_parameter", "phase"),
        ("/provisions/?status=open", 400, "invalid_parameter", "status"),
        ("/provisions/?purchased=yes", 400, "invalid_parameter", "purchased"),
        ("/provisions/?municipality=Oulu", 404, "not_found", "municipality"),
        ("/provisions/?municipality=", 400, "invalid_parameter", "municipality"),
        ("/provisions/?page=abc", 400, "invalid_parameter", "page"),
        ("/provisions/?page=0", 400, "invalid_parameter", "page"),
        ("/provisions/?page=-1", 400, "invalid_parameter", "page"),
        ("/provisions/?page_size=201", 400, "invalid_parameter", "page_size"),
        ("/provisions/?page=999", 404, "not_found", "page"),
        ("/provisions/?colour=red", 400, "unknown_parameter", "colour"),
        ("/provisions/?format=json", 400, "unknown_parameter", "format"),
        ("/provisions/?client=other&client=job-seeker", 400, "invalid_parameter", "client"),
        ("/municipalities/?lang=de", 400, "invalid_parameter", "lang"),
        ("/municipalities/999/", 404, "not_found", "code"),
        ("/organisations/nobody/", 404, "not_found", "id"),
        ("/places/nowhere/", 404, "not_found", "id"),
        ("/phases/holiday/", 404, "not_found", "id"),
        ("/provisions/none/", 404, "not_found", "id"),
        ("/activities/none/", 404, "not_found", "id"),
        ("/path?client=other", 400, "missing_parameter", "municipality"),
        ("/path?municipality=kajaani", 400, "missing_parameter", "client"),
        ("/path?municipality=Helsinki&client=other", 404, "not_found", "municipality"),
        ("/path?municipality=kajaani&client=tourist", 400, "invalid_parameter", "client"),
        ("/path?municipality=kajaani&client=other&lang=sv", 400, "invalid_parameter", "lang"),
        # The path does not depend on age (eligibility does): the parameter is not accepted.
        ("/path?municipality=kajaani&client=other&age=30", 400, "unknown_parameter", "age"),
        ("/path?municipality=kajaani&client=other&uses_finnish=maybe", 400, "invalid_parameter",
         "uses_finnish"),
        ("/path?municipality=kajaani&client=other&residence_basis=tourism", 400,
         "invalid_parameter", "residence_basis"),
        ("/path?municipality=kajaani&client=other&profile=1", 400, "unknown_parameter", "profile"),
        ("/search", 400, "missing_parameter", "q"),
        ("/search?q=", 400, "invalid_parameter", "q"),
        ("/search?q=" + "a" * 201, 400, "invalid_parameter", "q"),
        ("/search?q=%00", 400, "invalid_parameter", "q"),
        ("/search?q=koulutus&municipality=Turku", 404, "not_found", "municipality"),
        ("/coverage?today=yesterday", 400, "invalid_parameter", "today"),
        ("/municipalities.geojson?bbox=1,2,3,4", 400, "unknown_parameter", "bbox"),
        ("/no/such/endpoint/", 404, "not_found", None),
    ],
)  # fmt: skip
def test_errors_have_one_shape(
    client: Client, url: str, status: int, code: str, parameter: str | None
) -> None:
    response = client.get(API + url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "parameter", "message", "allowed"}
    assert error["status"] == status
    assert error["code"] == code
    assert error["parameter"] == parameter
    assert error["message"]


def test_errors_list_what_is_allowed(client: Client) -> None:
    bad_client = client.get(f"{API}/provisions/?client=bad").json()["error"]
    assert bad_client["allowed"] == ["job-seeker", "other"]
    unknown = client.get(f"{API}/provisions/?colour=red&size=3").json()["error"]
    assert "colour" in unknown["message"] and "size" in unknown["message"]
    assert "municipality" in unknown["allowed"]
    place = client.get(f"{API}/path?municipality=Helsinki&client=other").json()["error"]
    assert sorted(place["allowed"]) == sorted(m.Municipality.objects.values_list("code", flat=True))
    assert "Kajaani (205)" in place["message"]


def test_unexpected_errors_keep_the_shape(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(document_views, "path_for", broken)
    response = client.get(f"{API}/path?municipality=kajaani&client=other")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "boom" not in response.content.decode()


def test_no_data_is_a_503(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(**kwargs: Any) -> None:
        raise NoProgrammeLoaded("no programme data is loaded; run `kotokartta data load`")

    monkeypatch.setattr(document_views, "path_for", missing)
    response = client.get(f"{API}/path?municipality=kajaani&client=other")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "no_data"


# Methods, headers, slashes.
def test_read_only(client: Client) -> None:
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"{API}/municipalities/")
        assert response.status_code == 405
        assert response.json()["error"]["code"] == "method_not_allowed"
        assert response["Allow"] == "GET, HEAD, OPTIONS"
    head = client.head(f"{API}/municipalities/")
    assert head.status_code == 200 and head.content == b""


def test_cors(client: Client) -> None:
    preflight = client.options(
        f"{API}/provisions/?client=other",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    urls = [
        "/",
        "/municipalities/",
        "/path?municipality=kuhmo&client=other",
        "/coverage",
        "/municipalities.geojson",
        "/schema/",
        "/docs/",
        "/provisions/?client=x",
    ]
    for url in urls:
        response = client.get(API + url, headers={"Origin": "https://example.org"})
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "Accept-Language" in response["Vary"], url


def test_no_cookies(client: Client) -> None:
    urls = ["/", "/municipalities/", "/provisions/?municipality=kajaani", "/path?municipality="
            "kajaani&client=other", "/search?q=kurssi", "/coverage", "/places.geojson", "/docs/",
            "/redoc/", "/schema/", "/nothing"]  # fmt: skip
    for url in urls:
        response = client.get(API + url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response, url


def test_trailing_slashes_redirect(client: Client) -> None:
    response = client.get(f"{API}/municipalities?lang=en")
    assert response.status_code == 301
    assert response["Location"] == f"{API}/municipalities/?lang=en"
    response = client.get(f"{API}/path/?municipality=kuhmo&client=other")
    assert response.status_code == 301
    assert response["Location"] == f"{API}/path?municipality=kuhmo&client=other"


def test_index_lists_the_endpoints(client: Client) -> None:
    index = get(client, f"{API}/").json()
    assert index["municipalities"] == "http://testserver/api/v1/municipalities/"
    assert index["path"] == "http://testserver/api/v1/path"
    assert index["docs"] == "http://testserver/api/v1/docs/"


# Maps.
def test_municipality_borders(client: Client) -> None:
    response = client.get(f"{API}/municipalities.geojson?lang=sv")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert "Maanmittauslaitos" in collection["attribution"]
    codes = [f["properties"]["code"] for f in collection["features"]]
    assert codes == list(m.Municipality.objects.values_list("code", flat=True))
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        assert feature["id"] == feature["properties"]["code"]
        lon, lat = (
            feature["geometry"]["coordinates"][0][0][:2]
            if feature["geometry"]["type"] == "Polygon"
            else feature["geometry"]["coordinates"][0][0][0][:2]
        )
        assert 24 < lon < 32 and 63 < lat < 67  # Kainuu and Koillismaa
    kajaani = next(f for f in collection["features"] if f["id"] == "205")
    assert kajaani["properties"]["name"] == {"text": "Kajana", "lang": "sv"}
    assert kajaani["properties"]["url"] == "http://testserver/api/v1/municipalities/205/"


def test_places_geojson_lists_places_without_coordinates(client: Client) -> None:
    response = client.get(f"{API}/places.geojson")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    collection = response.json()
    assert collection["features"] == []
    assert {p["id"] for p in collection["unlocated"]} == set(
        m.Place.objects.values_list("id", flat=True)
    )


def test_places_geojson_gives_points_where_known(client: Client) -> None:
    place = m.Place.objects.get(id="kajaanin-kaupungintalo")
    place.latitude, place.longitude = 64.2245, 27.7334
    place.save()
    body = client.get(f"{API}/places.geojson?lang=en").json()
    (feature,) = body["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [27.7334, 64.2245]}
    assert "kajaanin-kaupungintalo" not in {p["id"] for p in body["unlocated"]}
    detail = client.get(f"{API}/places/kajaanin-kaupungintalo/?lang=en").json()
    assert detail["coordinates"] == {"latitude": 64.2245, "longitude": 27.7334}


# The reference pages.
@pytest.mark.parametrize("page", ["docs", "redoc"])
def test_swagger_and_redoc__load_only_from_this_site(client: Client, page: str) -> None:
    response = client.get(f"{API}/{page}/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources, html
    assert all(src.startswith("/") for src in sources), sources
    assert any("drf_spectacular_sidecar" in src for src in sources)


def test_reference_page_lists_every_endpoint_without_scripts(client: Client) -> None:
    response = client.get(f"{API}/reference/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<script" not in html and "cdn" not in html.lower()
    schema = yaml.safe_load(client.get(f"{API}/schema/").content)
    for path, item in schema["paths"].items():
        assert path in html
        assert item["get"]["summary"].replace("'", "&#x27;") in html
        for parameter in item["get"]["parameters"]:
            assert f"<code>{parameter['name']}</code>" in html
    assert "job-seeker" in html  # enums are listed
