"""GET /api/v1/eligibility: the same answer as the command line, 400 in the shared error shape
with the message in the asked language, described in the schema, never cached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from django.test import Client

from kotokartta.cli import main

pytestmark = pytest.mark.django_db

URL = "/api/v1/eligibility"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def client() -> Client:
    return Client()


def test_answer__is_the_same_document_as_the_command_line(
    client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    query = "permit=2025-02-01&basis=quota_refugee&plan=2025-03-31&age=22&today=2025-06-01"
    response = client.get(f"{URL}?{query}&lang=uk")
    assert response.status_code == 200
    main(
        [
            "eligibility",
            "--permit",
            "2025-02-01",
            "--basis",
            "quota_refugee",
            "--plan",
            "2025-03-31",
            "--age",
            "22",
            "--today",
            "2025-06-01",
            "--lang",
            "uk",
            "--json",
        ]
    )
    assert response.json() == json.loads(capsys.readouterr().out)
    assert response.json()["assessment"]["grounds"][0]["text"] == "Ви біженець за квотою."


def test_answer__flags_take_yes_no_and_true_false(client: Client) -> None:
    query = (
        "permit=2025-02-01&today=2025-06-01&home_care_allowance=true&social_assistance=no"
        "&unemployed_job_seeker=no&requested=1"
    )
    doc = client.get(f"{URL}?{query}").json()
    assert [g["id"] for g in doc["assessment"]["grounds"]] == ["home_care_allowance"]
    assert doc["assessment"]["mandatory"] is True


def test_answer__is_never_cached(client: Client) -> None:
    response = client.get(f"{URL}?permit=2025-02-01&today=2025-06-01")
    assert response["Cache-Control"] == "private, no-store"
    assert not response.cookies


def test_language__from_accept_language_when_not_asked(client: Client) -> None:
    response = client.get(f"{URL}?permit=2025-02-01&today=2025-06-01", HTTP_ACCEPT_LANGUAGE="sv")
    assert response["Content-Language"] == "sv"
    assert response.json()["messages"][0].startswith("Du får en kartläggning")


@pytest.mark.parametrize(
    ("query", "parameter", "code", "words"),
    [
        ("permit=2025-02-30&lang=fi", "permit", "invalid_parameter", "ei ole päivämäärä"),
        (
            "permit=2030-01-01&today=2025-06-01&lang=en",
            "permit",
            "invalid_parameter",
            "after today",
        ),
        ("permit=2025-02-01&plan=2024-01-01&lang=ar", "plan", "invalid_parameter", "قبل أول تصريح"),
        ("permit=2025-02-01&basis=asylum&lang=uk", "basis", "invalid_parameter", "не є одним із"),
        ("permit=2025-02-01&age=-3&lang=vi", "age", "invalid_parameter", "số năm tròn"),
        ("lang=so", "permit", "invalid_parameter", "Sheeg taariikhda"),
        ("permit=2025-02-01&client=other&lang=en", "client", "unknown_parameter", "not known"),
        ("permit=2025-02-01&permit=2025-03-01&lang=en", "permit", "unknown_parameter", "not known"),
        ("permit=2025-02-01&lang=xx", "lang", "invalid_parameter", "ei ole mikään näistä"),
    ],
)
def test_bad_query__400_in_the_shared_shape_and_the_asked_language(
    client: Client, query: str, parameter: str, code: str, words: str
) -> None:
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error) == {"status", "code", "parameter", "message", "allowed"}
    assert (error["status"], error["code"], error["parameter"]) == (400, code, parameter)
    assert words in error["message"], error["message"]
    assert response["Cache-Control"] == "private, no-store"


def test_schema__describes_the_endpoint_its_parameters_and_answers() -> None:
    schema = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    operation = schema["paths"]["/api/v1/eligibility"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {
        "permit",
        "basis",
        "unemployed_job_seeker",
        "age",
        "home_municipality",
        "home_care_allowance",
        "social_assistance",
        "unaccompanied_minor",
        "trafficking_victim",
        "requested",
        "assessment",
        "plan",
        "review",
        "today",
        "lang",
    }
    basis = next(p for p in operation["parameters"] if p["name"] == "basis")
    assert len(basis["schema"]["enum"]) == 10
    assert {"200", "400"} <= set(operation["responses"])
    document = schema["components"]["schemas"]["EligibilityDocument"]
    assert {"assessment", "deadlines", "messages"} <= set(document["properties"])
