"""Property-based tests of the whole API from its own OpenAPI schema (schemathesis): for every
operation, generated requests (valid and invalid) pass every check schemathesis has (`--checks
all`): no server error; a documented status, content type, headers and body; schema-valid requests
accepted (2xx, or 404 for a well-formed name that names nothing) and invalid ones rejected; the
allowed methods answered as documented.

Bounded for CI: at most 25 generated examples per operation, no deadline, derandomized so that
every run sends the same requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS as REGISTERED_CHECKS
from schemathesis.checks import load_all_checks
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kotokartta.api.schema import api_schema
from kotokartta.wsgi import application

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 25
RULES_BETWEEN_PARAMETERS = {"GET /api/v1/eligibility"}
"""Operations with rules between parameters that OpenAPI 3 cannot state (eligibility: a review
date needs a plan date), so a request whose every parameter is valid can still be a 400 there;
`positive_data_acceptance` is left out for them, every other check still runs."""
load_all_checks()
CHECKS = REGISTERED_CHECKS.get_all()
"""Every check schemathesis has, as `schemathesis run --checks all` (the stateful ones do nothing
here: the API has no links between operations)."""


def _live_schema() -> dict[str, Any]:
    """The schema exactly as /api/v1/schema/?format=json serves it (the same generator and
    renderer; generating it needs no database, so it can be built at collection time)."""
    return json.loads(OpenApiJsonRenderer().render(api_schema()))


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


schema = schemathesis.openapi.from_dict(_live_schema())
schema.app = application  # requests go in-process through WSGI, into the test database


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    checks = CHECKS
    if case.operation.label in RULES_BETWEEN_PARAMETERS:
        checks = [check for check in CHECKS if check is not positive_data_acceptance]
    # Uncompressed, so that the checks read the bodies (the site gzips when asked).
    case.call_and_validate(checks=checks, headers={"Accept-Encoding": "identity"})
