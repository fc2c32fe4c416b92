"""Matching PTV with our data, and the differences: exactly those planted in the recordings."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kotokartta.integrations.ptv.client import PtvClient, RecordedTransport
from kotokartta.integrations.ptv.diff import DiffReport, diff_municipality, hours_text
from kotokartta.integrations.ptv.matching import (
    Matching,
    PtvOrganisation,
    match,
    match_organisations,
    normalise,
)
from kotokartta.programme import models as m
from tests.test_ptv_client import FIXTURES, forbid_sockets

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    forbid_sockets(monkeypatch)


KAJAANI_HALL = "a4f1c7e2-9d3b-4b6a-8e05-2c7f1d9b0a11"
KAJAANI_INFO = "b8e2d6a0-4c1f-4f3e-9a7b-6d0c5e2f1b22"
LIBRARY = "c1d9f3b7-2e8a-4a5c-b0f6-3e7a9c1d2c33"
WEB_CHANNEL = "e6b3f1d9-0a4c-4e7b-8d2f-9c1a5b7e6e55"
LIBRARY_ORG = "c2a8d3f1-7e64-4b19-9c05-6d4e1b2a3f07"
PUOLANKA_HALL = "f2c7a9e5-1b8d-4c3a-9f6e-0d4b2a8c7f66"


def _report(term: str) -> DiffReport:
    municipality = m.Municipality.objects.find(term)
    assert municipality is not None
    client = PtvClient(base_url="https://ptv.test/api/v11", opener=RecordedTransport(FIXTURES))
    return diff_municipality(
        municipality=municipality,
        services=client.services_for_municipality(municipality.code),
        channels=client.service_channels_for_municipality(municipality.code),
        source="recordings",
    )


def _summary(report: DiffReport) -> set[tuple[str, str, str | None, str | None]]:
    return {(d.kind, d.subject_id, d.ptv, d.ours) for d in report.differences}


def test_puolanka__exactly_the_planted_differences() -> None:
    report = _report("Puolanka")
    assert _summary(report) == {
        ("address", "puolangan-kunnantalo", "Kirkkotie 5", None),
        ("postal_code", "puolangan-kunnantalo", "89200", None),
        ("service_hours", "puolangan-kunnantalo", "Mon–Fri 08:00–15:45", None),
        ("email", "puolanka", "erja.helttunen@kktyollisyysalue.fi", "erja.helttunen@puolanka.fi"),
    }
    assert len(report.differences) == 4


def test_kajaani__exactly_the_planted_differences() -> None:
    report = _report("Kajaani")
    assert _summary(report) == {
        ("address", "kajaanin-kaupungintalo", "Pohjolankatu 13", None),
        ("postal_code", "kajaanin-kaupungintalo", "87100", None),
        ("phone", "kajaanin-kaupungintalo", "+358 8 6155 2000", None),
        ("service_hours", "kajaanin-kaupungintalo", "Mon–Fri 09:00–15:00", None),
        ("address", "kajaani-info", "Pohjolankatu 13", None),
        ("postal_code", "kajaani-info", "87100", None),
        ("service_hours", "kajaani-info", "Mon–Fri 09:00–16:00 (Heinäkuussa suljettu)", None),
        ("phone", "kajaani", "+358 44 710 0300", None),
        ("email", "kajaani", "kotoutumispalvelut@kajaani.fi", None),
        ("ptv_location_only", LIBRARY, "Kauppakatu 35, 87100", None),
        ("ptv_other_channel", WEB_CHANNEL, "WebPage", None),
        ("ptv_organisation_only", LIBRARY_ORG, "Producer", None),
        ("place_only", "kaukametsan-opisto-kajaani", None, None),
        ("organisation_only", "kajaanin-tyovoimayhdistys", None, None),
    }
    assert len(report.differences) == 14


def test_matching__rules_used() -> None:
    kajaani = _report("Kajaani").matching
    assert {(p.ptv_id, p.place_id, p.rule) for p in kajaani.places} == {
        (KAJAANI_HALL, "kajaanin-kaupungintalo", "name"),
        (KAJAANI_INFO, "kajaani-info", "alias"),
    }
    assert {(o.ptv_name, o.organisation_id) for o in kajaani.organisations} == {
        ("Kajaanin kaupunki", "kajaani"),
        ("Kaukametsän opisto", "kaukametsan-opisto"),
    }
    puolanka = _report("Puolanka").matching
    # "kunnanvirasto" and "kunnantalo" are the same building after normalising
    assert [(p.ptv_name, p.place_id, p.rule) for p in puolanka.places] == [
        ("Puolangan kunnanvirasto", "puolangan-kunnantalo", "name")
    ]
    assert {o.organisation_id for o in puolanka.organisations} == {
        "puolanka", "suomussalmi", "puolangan-kansalaisopisto",
    }  # fmt: skip
    assert puolanka.unmatched_places == [] and puolanka.unmatched_organisations == []


def test_edits__name_the_data_file_fields() -> None:
    report = _report("Puolanka")
    edits = {(e.file.rsplit("/", 1)[-1], e.field, e.action, e.value) for e in report.edits}
    assert edits == {
        ("puolanka.yaml", "places[0].address", "add", "Kirkkotie 5"),
        ("puolanka.yaml", "places[0].postal_code", "add", "89200"),
        ("puolanka.yaml", "coordinators[0].email", "change", "erja.helttunen@kktyollisyysalue.fi"),
    }
    lines = {e.field: e.line for e in report.edits}
    assert lines["places[0].address"] == 37  # the place record in puolanka.yaml
    assert lines["coordinators[0].email"] == 17
    hours = next(d for d in report.differences if d.kind == "service_hours")
    assert hours.edit is None and "no field for opening hours" in hours.note


def test_text__grouped_by_our_place_and_organisation() -> None:
    text = _report("Kajaani").render_text()
    hall = text.index("Place Kajaanin kaupungintalo [kajaanin-kaupungintalo]")
    info = text.index("Place Kajaani Info (Kajaanin kaupungintalo) [kajaani-info]")
    org = text.index("Organisation Kajaanin kaupunki [kajaani]")
    assert hall < text.index("street address: PTV “Pohjolankatu 13”, ours none") < info < org
    assert "In PTV only:\n  Kajaanin pääkirjasto" in text
    assert "In our data only:\n  Kaukametsän opisto [kaukametsan-opisto-kajaani]" in text
    assert "Fields a coordinator would edit (nothing was changed):" in text
    assert "kajaani.yaml:39 places[0].address (add) → Pohjolankatu 13" in text


def test_json__serialisable_and_says_nothing_changed() -> None:
    data = json.loads(json.dumps(_report("Puolanka").as_dict()))
    assert data["municipality"] == {"code": "620", "name": "Puolanka"}
    assert data["ptv"] == {"services": 2, "service_channels": 1}
    assert data["changed_anything"] is False
    email = next(d for d in data["differences"] if d["kind"] == "email")
    assert email["edit"]["field"] == "coordinators[0].email"


def test_diff_changes_nothing() -> None:
    before = list(m.Place.objects.values_list("id", "address", "postal_code"))
    emails = list(m.Coordinator.objects.values_list("email", flat=True))
    _report("Puolanka")
    _report("Kajaani")
    assert list(m.Place.objects.values_list("id", "address", "postal_code")) == before
    assert list(m.Coordinator.objects.values_list("email", flat=True)) == emails


# ---- matching rules on made-up records --------------------------------------------------------


def _location(name: str, code: str, street: str = "", number: str = "") -> dict[str, Any]:
    addresses = []
    if street:
        addresses = [
            {
                "type": "Location",
                "subType": "Single",
                "streetAddress": {
                    "street": [{"language": "fi", "value": street}],
                    "streetNumber": number,
                    "postalCode": "93400",
                    "municipality": {"code": code, "name": []},
                },
            }
        ]
    return {
        "id": f"id-{name}",
        "serviceChannelType": "ServiceLocation",
        "serviceChannelNames": [{"type": "Name", "language": "fi", "value": name}],
        "areas": [{"type": "Municipality", "code": code}],
        "addresses": addresses,
    }


def _match(term: str, channels: list[dict[str, Any]]) -> Matching:
    municipality = m.Municipality.objects.find(term)
    assert municipality is not None
    return match(municipality=municipality, services=[], channels=channels)


def test_place_match_by_address_and_no_address_difference() -> None:
    found = _match("Taivalkoski", [_location("Taivalkosken kunnantalo", "832", "Kauppatie", "19")])
    assert [(p.place_id, p.rule) for p in found.places] == [("taivalkoski-kauppatie-19", "address")]


def test_place_match__only_in_the_channels_own_municipality() -> None:
    found = _match("Puolanka", [_location("Puolangan kunnantalo", "205", "Pohjolankatu", "13")])
    assert found.places == []
    assert [c["id"] for c, _ in found.unmatched_ptv_locations] == ["id-Puolangan kunnantalo"]
    assert found.unmatched_places == ["puolangan-kunnantalo"]


def test_place_match__municipality_name_and_alias_are_dropped() -> None:
    found = _match("Kajaani", [_location("Kaukametsän opisto, Kajaani", "205")])
    assert [(p.place_id, p.rule) for p in found.places] == [("kaukametsan-opisto-kajaani", "alias")]
    found = _match("Hyrynsalmi", [_location("Hyrynsalmen kunnanvirasto", "105")])
    assert [(p.place_id, p.rule) for p in found.places] == [("hyrynsalmen-kunnantalo", "name")]


def test_place_match__one_channel_per_place() -> None:
    found = _match(
        "Puolanka",
        [_location("Puolangan kunnantalo", "620"), _location("Puolangan kunnanvirasto", "620")],
    )
    assert len(found.places) == 1
    ((_channel, resembles),) = found.unmatched_ptv_locations
    assert resembles == ["puolangan-kunnantalo"]


@pytest.mark.parametrize(
    ("ptv_name", "expected"),
    [
        ("Kajana stad", ("kajaani", None, "name")),
        ("KAJAANIN KAUPUNKI", ("kajaani", None, "name")),
        ("Ristijarven kunta", ("ristijarvi", None, "name")),
        ("Kainuun ammattiopisto", ("kainuun-ammattiopisto", None, "alias")),
        ("KAO", ("kainuun-ammattiopisto", None, "alias")),
        ("Kianta-opisto", ("suomussalmi", "kianta-opisto", "alias")),
        (
            "Suomussalmen kunta, työllisyyspalvelut",
            ("suomussalmi", "suomussalmi-tyollisyyspalvelut", "alias"),
        ),
        ("Kajaanin Työvoimayhdistys", ("kajaanin-tyovoimayhdistys", None, "name")),
    ],
)
def test_organisation_match__names_aliases_units(ptv_name: str, expected: tuple[Any, ...]) -> None:
    kajaani = m.Municipality.objects.get(id="kajaani")
    result = Matching()
    organisations = m.Organisation.objects.prefetch_related("units")
    match_organisations({"x": PtvOrganisation("x", ptv_name)}, organisations, kajaani, result)
    assert [(o.organisation_id, o.unit_id, o.rule) for o in result.organisations] == [expected]


def test_organisation_match__unknown_name_stays_unmatched() -> None:
    result = Matching()
    kajaani = m.Municipality.objects.get(id="kajaani")
    match_organisations(
        {"x": PtvOrganisation("x", "Oulun kaupunki")}, m.Organisation.objects.all(), kajaani, result
    )
    assert result.organisations == []
    assert [(o.name, c) for o, c in result.unmatched_ptv_organisations] == [("Oulun kaupunki", [])]
    assert "kajaani" in result.unmatched_organisations


def test_normalise() -> None:
    assert normalise("Ristijärven  Kunnanvirasto,") == "ristijarven kunnantalo"
    assert normalise("Kajaanin Työvoimayhdistys ry") == "kajaanin tyovoimayhdistys"
    assert normalise("Edukai Oy") == normalise("edukai")
    assert normalise("Kianta-opisto") == "kianta opisto"


def test_hours_text() -> None:
    hours = [
        {
            "serviceHourType": "DaysOfTheWeek",
            "validForNow": True,
            "openingHour": [
                {"dayFrom": "Monday", "dayTo": "Thursday", "from": "08:00:00", "to": "16:00:00"},
                {"dayFrom": "Friday", "dayTo": None, "from": "08:00:00", "to": "14:00:00"},
            ],
        },
        {
            "serviceHourType": "Exceptional",
            "validFrom": "2026-12-24T00:00:00",
            "isClosed": True,
            "additionalInformation": [{"language": "fi", "value": "Jouluaatto"}],
        },
    ]
    assert hours_text(hours) == (
        "Mon–Thu 08:00–16:00, Fri 08:00–14:00; Exceptional 2026-12-24 closed (Jouluaatto)"
    )
