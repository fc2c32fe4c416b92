"""The PTV export checked against PTV's own v11 input rules (integrations/ptv/rules.py): a record
that breaks a rule is named with the field and the rule; the real export breaks only the rules
the document itself leaves open (no producer or no responsible municipality named)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kotokartta.integrations.ptv.export import export_ptv
from kotokartta.integrations.ptv.rules import service_problems, validate_services
from kotokartta.programme import models as m
from kotokartta.programme.facts import provider_of

pytestmark = pytest.mark.django_db

BUYS = "kotokartta:provision:puolanka-assessment-job-seeker:620"


@pytest.fixture(scope="module")
def export(
    tmp_path_factory: pytest.TempPathFactory, django_db_setup: None, django_db_blocker: Any
) -> Path:
    folder = tmp_path_factory.mktemp("ptv")
    with django_db_blocker.unblock():
        export_ptv(folder=folder)
    return folder


@pytest.fixture
def services(export: Path) -> list[dict[str, Any]]:
    return json.loads((export / "services.json").read_text("utf-8"))["itemList"]


@pytest.fixture
def valid(services: list[dict[str, Any]]) -> dict[str, Any]:
    service = next(s for s in services if s["sourceId"] == BUYS)
    assert service_problems(service) == []
    return copy.deepcopy(service)


def _messages(service: dict[str, Any]) -> list[str]:
    return [str(problem) for problem in service_problems(service)]


def test_a_summary_over_150_characters__is_refused_with_its_length(valid: dict[str, Any]) -> None:
    index = next(i for i, d in enumerate(valid["serviceDescriptions"]) if d["type"] == "Summary")
    valid["serviceDescriptions"][index]["value"] = "x" * 151
    assert _messages(valid) == [
        f"{BUYS}: serviceDescriptions[{index}].value: Summary is 151 characters; at most 150"
    ]


def test_an_old_description_type__is_refused(valid: dict[str, Any]) -> None:
    valid["serviceDescriptions"][0]["type"] = "ShortDescription"  # version 7's name for Summary
    assert any(
        "serviceDescriptions[0].type: 'ShortDescription' is not one of ChargeTypeAdditionalInfo"
        in message
        for message in _messages(valid)
    )


def test_a_municipality_area_without_a_three_digit_code__is_refused(valid: dict[str, Any]) -> None:
    valid["areas"][0]["code"] = "62"
    assert _messages(valid) == [
        f"{BUYS}: areas[0].code: '62' is not a three-digit municipality code"
    ]


def test_an_unknown_area_type__is_refused(valid: dict[str, Any]) -> None:
    valid["areas"][0]["type"] = "Province"  # version 7's name
    assert f"{BUYS}: areas[0].type: 'Province' is not one of" in _messages(valid)[0]


def test_a_publishing_status_other_than_draft_or_published__is_refused(
    valid: dict[str, Any],
) -> None:
    valid["publishingStatus"] = "Modified"
    assert _messages(valid) == [
        f"{BUYS}: publishingStatus: 'Modified' is not one of Draft, Published"
    ]


def test_a_text_in_a_language_ptv_does_not_publish__is_refused(valid: dict[str, Any]) -> None:
    valid["serviceNames"].append({"language": "ar", "value": "تقييم", "type": "Name"})
    assert _messages(valid) == [
        f"{BUYS}: serviceNames[2].language: 'ar' is not a PTV text language (fi, sv, en)"
    ]


def test_a_missing_required_field__is_named(valid: dict[str, Any]) -> None:
    del valid["fundingType"]
    assert _messages(valid) == [f"{BUYS}: fundingType: is required"]


def test_a_producer_without_provision_type__is_refused(valid: dict[str, Any]) -> None:
    producer = next(o for o in valid["organizations"] if o["roleType"] == "Producer")
    producer["provisionType"] = "PurchaseServices"  # the name before version 8
    assert "is not one of Other, ProcuredServices, SelfProducedServices" in _messages(valid)[0]


def test_the_real_export__breaks_only_the_rules_the_document_leaves_open(
    services: list[dict[str, Any]],
) -> None:
    problems = validate_services(services)
    for problem in problems:
        provision_id = problem.record.split(":")[2]
        provision = m.Provision.objects.with_related().get(id=provision_id)
        if problem.message.startswith("no Producer"):
            provider = provider_of(provision)
            assert provider is None or provider.organisation is None, problem
            assert provision.activity is None or not provision.activity.organisers.exists()
        else:
            assert problem.message.startswith("no Responsible"), problem
            assert provision.responsible is None and not provision.responsible_is_residence


def test_the_readme__lists_what_ptv_would_refuse(
    export: Path, services: list[dict[str, Any]]
) -> None:
    readme = (export / "README.txt").read_text("utf-8")
    problems = validate_services(services)
    assert f"would refuse as they stand ({len(problems)} problems" in readme
    for problem in problems:
        assert f"  - {problem}" in readme
