"""POST /api/v1/orientation/plan: staff only, CSV or JSON in, the CLI's plan document out."""

# ruff: noqa: E501 (tables of bad input read best one case per line)

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kotokartta.orientation import permissions

URL = "/api/v1/orientation/plan"
CSV = "municipality,language,count\nKajaani,ar,9\nPaltamo,ar,3\nKuusamo,ar,5\nPuolanka,sw,3\n"

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner(monkeypatch: pytest.MonkeyPatch) -> Client:
    user = User.objects.create_user("planner", password="x")
    monkeypatch.setattr(permissions, "can_plan_orientation", lambda u: u.username == "planner")
    client = Client()
    client.force_login(user)
    return client


def test_plan_api__anonymous__is_401_in_the_shared_error_shape() -> None:
    response = Client().post(URL, CSV, content_type="text/csv")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_plan_api__signed_in_without_the_right__is_403() -> None:
    client = Client()
    client.force_login(User.objects.create_user("editor", password="x"))
    response = client.post(URL, CSV, content_type="text/csv")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_plan_api__csv__gives_the_plan_with_everyone_accounted_for(planner: Client) -> None:
    response = planner.post(
        f"{URL}?min_size=6&max_size=20&hosts=Kajaani", CSV, content_type="text/csv"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    [group] = data["groups"]
    assert group["host"] == {"code": "205", "name": "Kajaani"}
    assert group["mode"] == "hybrid" and group["size"] == 17
    assert [u["count"] for u in data["unserved"]] == [3]
    assert sum(g["size"] for g in data["groups"]) + sum(u["count"] for u in data["unserved"]) == 20
    assert response["Cache-Control"] == "private, no-store"


def test_plan_api__json__gives_the_same_plan_as_csv(planner: Client) -> None:
    body: dict[str, Any] = {
        "demand": [
            {"municipality": "kajaani", "language": "ar", "count": 9},
            {"municipality": "578", "language": "ar", "count": 3},
            {"municipality": "Kuusamo", "language": "ar", "count": 5},
            {"municipality": "Puolanka", "language": "sw", "count": 3},
        ],
        "parameters": {"hosts": ["Kajaani"]},
    }
    from_json = planner.post(URL, json.dumps(body), content_type="application/json").json()
    from_csv = planner.post(f"{URL}?hosts=Kajaani", CSV, content_type="text/csv").json()
    assert from_json["groups"] == from_csv["groups"]
    assert from_json["unserved"] == from_csv["unserved"]


def test_plan_api__bad_demand__lists_every_problem(planner: Client) -> None:
    response = planner.post(
        URL, "municipality,language,count\nOulu,ar,3\nKajaani,xx,-2\n", content_type="text/csv"
    )
    assert response.status_code == 400
    problems = response.json()["error"]["problems"]
    assert [(p["line"], p["field"]) for p in problems] == [
        (2, "municipality"),
        (3, "language"),
        (3, "count"),
    ]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "parameter"),
    [
        ('{"demand": [], "parameters": {}}', "application/json", 400, "demand"),
        ('{"demand": [{"municipality": "Kajaani", "language": "ar", "count": 7}], "parameters": {"min_size": 9, "max_size": 3}}', "application/json", 400, "max_size"),
        ('{"demand": [{"municipality": "Kajaani", "language": "ar", "count": 7}], "parameters": {"colour": 1}}', "application/json", 400, "colour"),
        ('{"demand": [{"municipality": "Kajaani", "language": "ar", "count": 7}], "parameters": {"hosts": ["Atlantis"]}}', "application/json", 400, "hosts"),
        ("not json", "application/json", 400, None),
        ("<demand/>", "application/xml", 415, None),
    ],
)  # fmt: skip
def test_plan_api__bad_requests__get_the_shared_error_shape(
    planner: Client, body: str, content_type: str, status: int, parameter: str | None
) -> None:
    response = planner.post(URL, body, content_type=content_type)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status
    assert error["parameter"] == parameter


def test_plan_api__get__is_405_and_says_to_post(planner: Client) -> None:
    response = planner.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"


def test_plan_api__without_the_csrf_token__is_refused(planner: Client) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = planner.cookies
    response = strict.post(URL, CSV, content_type="text/csv")
    assert response.status_code == 403
