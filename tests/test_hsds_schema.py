"""The HSDS API's own OpenAPI description: the committed openapi-hsds.yaml is the one the code
generates, /api/hsds/schema/ serves it, and schemathesis finds the API conforming to it with every
check (bounded: at most 15 generated examples per operation, derandomized)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
import yaml
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS as REGISTERED_CHECKS
from schemathesis.checks import load_all_checks

from kotokartta.opendata.hsds import LANGUAGES
from kotokartta.opendata.openapi import HSDS_LANGUAGES, hsds_openapi, hsds_openapi_yaml
from kotokartta.wsgi import application

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "openapi-hsds.yaml"
UPDATE = "python3 -m uv run python -m kotokartta.opendata.openapi > openapi-hsds.yaml"

load_all_checks()
CHECKS = REGISTERED_CHECKS.get_all()


def test_committed_hsds_schema_is_the_generated_one() -> None:
    assert COMMITTED.exists(), f"openapi-hsds.yaml is missing: run `{UPDATE}` and commit it"
    assert hsds_openapi_yaml() == COMMITTED.read_text(encoding="utf-8"), (
        f"openapi-hsds.yaml differs from the schema the code generates: run `{UPDATE}` and "
        "commit the result"
    )


def test_hsds_schema__declares_the_languages_the_api_accepts() -> None:
    assert set(HSDS_LANGUAGES) == set(LANGUAGES)


@pytest.mark.django_db
def test_hsds_schema_endpoint__serves_the_committed_schema_as_yaml_and_json() -> None:
    client = Client()
    response = client.get("/api/hsds/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert response.content.decode("utf-8") == COMMITTED.read_text(encoding="utf-8")
    as_json = client.get("/api/hsds/schema/?format=json")
    assert json.loads(as_json.content) == yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert client.get("/api/hsds/schema/?format=xml").status_code == 400


def test_hsds_schema__documents_every_hsds_path() -> None:
    paths = set(hsds_openapi()["paths"])
    for name in ("services", "organizations", "service_at_locations", "taxonomies"):
        assert {f"/api/hsds/{name}", f"/api/hsds/{name}/{{id}}"} <= paths
    assert "/api/hsds/" in paths


@pytest.fixture(autouse=True)
def keep_the_test_connection_open() -> Iterator[None]:
    """Requests go through the WSGI handler, which closes the database connection when a
    request ends; on PostgreSQL that would close the test's own transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(json.loads(json.dumps(hsds_openapi())))
schema.app = application


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_hsds_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})
