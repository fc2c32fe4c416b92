"""The committed OpenAPI schema (openapi.yaml at the repository root) is the one the code
generates, and the schema endpoints serve it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "openapi.yaml"
UPDATE = "uv run kotokartta spectacular --file openapi.yaml --validate"


def test_committed_schema_is_the_generated_one(tmp_path: Path) -> None:
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")
    assert COMMITTED.exists(), f"openapi.yaml is missing: run `{UPDATE}` and commit it"
    assert generated.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8"), (
        f"openapi.yaml differs from the schema the code generates: run `{UPDATE}` and commit "
        "the result"
    )


@pytest.mark.django_db
def test_schema_endpoint_serves_the_committed_schema() -> None:
    client = Client()
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert response.content.decode("utf-8") == COMMITTED.read_text(encoding="utf-8")
    as_json = client.get("/api/v1/schema/?format=json")
    assert as_json.status_code == 200
    assert json.loads(as_json.content) == yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_schema_endpoint_rejects_unknown_parameters() -> None:
    response = Client().get("/api/v1/schema/?lang=fi")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unknown_parameter"
    bad_format = Client().get("/api/v1/schema/?format=xml")
    assert bad_format.status_code == 400
    assert bad_format.json()["error"]["parameter"] == "format"


def test_every_operation_is_documented() -> None:
    schema = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    expected = {
        "/api/v1/",
        "/api/v1/municipalities/",
        "/api/v1/municipalities/{code}/",
        "/api/v1/organisations/",
        "/api/v1/organisations/{id}/",
        "/api/v1/places/",
        "/api/v1/places/{id}/",
        "/api/v1/phases/",
        "/api/v1/phases/{id}/",
        "/api/v1/provisions/",
        "/api/v1/provisions/{id}/",
        "/api/v1/activities/",
        "/api/v1/activities/{id}/",
        "/api/v1/path",
        "/api/v1/search",
        "/api/v1/coverage",
        "/api/v1/eligibility",
        "/api/v1/municipalities.geojson",
        "/api/v1/places.geojson",
    }
    assert set(schema["paths"]) == expected
    for path, item in schema["paths"].items():
        assert set(item) == {"get"}, path
        operation = item["get"]
        assert operation["summary"] and operation["description"], path
        assert "400" in operation["responses"], path
        for status, response in operation["responses"].items():
            assert response["description"], (path, status)
            if status != "200":
                (media,) = response["content"]
                assert media == "application/json"
                assert response["content"][media]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }
        for parameter in operation["parameters"]:
            assert parameter.get("description"), (path, parameter["name"])
    components = schema["components"]["schemas"]
    for name in ("Error", "ErrorDetail", "PathDocument", "LocalisedText", "SearchResults"):
        assert name in components
