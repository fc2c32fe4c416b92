"""The programme as PTV open API v11 records: shapes, roles, provision types, areas, stable ids."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from kotokartta.integrations.ptv.export import export_ptv
from kotokartta.integrations.ptv.shapes import PTV_NAMESPACE, split_street, stable_id
from kotokartta.programme import models as m

pytestmark = pytest.mark.django_db

ROLE_TYPES = {"Responsible", "Producer", "OtherResponsible"}
PROVISION_TYPES = {"SelfProducedServices", "ProcuredServices", "Other"}


def _load(folder: Path) -> dict[str, list[dict[str, Any]]]:
    files = ("services", "service_channels", "organizations")
    return {
        name: json.loads((folder / f"{name}.json").read_text("utf-8"))["itemList"] for name in files
    }


@pytest.fixture
def exported(tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    export_ptv(folder=tmp_path / "ptv")
    return _load(tmp_path / "ptv")


def _service(data: dict[str, list[dict[str, Any]]], provision: str, code: str) -> dict[str, Any]:
    source = f"kotokartta:provision:{provision}:{code}"
    return next(s for s in data["services"] if s["sourceId"] == source)


def _orgs(service: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [o for o in service["organizations"] if o["roleType"] == role]


def _org_id(our_id: str) -> str:
    return stable_id("organization", our_id)


def test_export__writes_the_four_files_in_the_paged_shape(tmp_path: Path) -> None:
    written = export_ptv(folder=tmp_path / "new" / "ptv")
    assert [p.name for p in written] == [
        "services.json", "service_channels.json", "organizations.json", "README.txt",
    ]  # fmt: skip
    for path in written[:3]:
        page = json.loads(path.read_text("utf-8"))
        assert set(page) == {"pageNumber", "pageSize", "pageCount", "itemList"}
        assert page["pageSize"] == len(page["itemList"]) > 0
    readme = written[3].read_text("utf-8")
    assert "One service per provision and municipality of residence" in readme
    assert "kuhmo-assessment-other (undetermined)" in readme


def test_puolanka_assessment_for_job_seekers__procured_from_suomussalmi(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    service = _service(exported, "puolanka-assessment-job-seeker", "620")
    (responsible,) = _orgs(service, "Responsible")
    (producer,) = _orgs(service, "Producer")
    assert responsible["organization"] == {"id": _org_id("puolanka"), "name": "Puolangan kunta"}
    assert responsible["provisionType"] is None
    assert producer["organization"] == {"id": _org_id("suomussalmi"), "name": "Suomussalmen kunta"}
    assert producer["provisionType"] == "ProcuredServices"
    assert producer["additionalInformation"][0]["value"] == "työllisyyspalvelut, työllisyysohjaaja"
    assert service["areas"][0]["type"] == "Municipality"
    assert service["areas"][0]["municipalities"] == [
        {
            "code": "620",
            "name": [
                {"language": "fi", "value": "Puolanka"},
                {"language": "en", "value": "Puolanka"},
            ],
        }
    ]
    assert service["id"] == str(
        uuid.uuid5(PTV_NAMESPACE, "service/puolanka-assessment-job-seeker/620")
    )


def test_role_and_provision_types__only_ptv_values(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    seen_roles: set[str] = set()
    seen_types: set[str] = set()
    for service in exported["services"]:
        for entry in service["organizations"]:
            seen_roles.add(entry["roleType"])
            if entry["roleType"] == "Producer":
                assert entry["provisionType"] in PROVISION_TYPES
                seen_types.add(entry["provisionType"])
            else:
                assert entry["provisionType"] is None
    assert seen_roles == ROLE_TYPES
    assert seen_types == PROVISION_TYPES


def test_self_produced__the_responsible_municipality_provides_it(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    service = _service(exported, "kajaani-assessment-job-seeker", "205")
    assert _orgs(service, "Responsible")[0]["organization"]["id"] == _org_id("kajaani")
    (producer,) = _orgs(service, "Producer")
    assert (producer["organization"]["id"], producer["provisionType"]) == (
        _org_id("kajaani"),
        "SelfProducedServices",
    )


def test_other__a_provider_the_document_does_not_say_is_bought(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    (producer,) = _orgs(_service(exported, "kajaani-training-job-seeker", "205"), "Producer")
    assert (producer["organization"]["id"], producer["provisionType"]) == (
        _org_id("kainuun-ammattiopisto"),
        "Other",
    )


def test_other_responsible__residence_municipality_and_partner_authorities(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    training = _service(exported, "puolanka-training-kajaani", "620")
    assert [o["organization"]["id"] for o in _orgs(training, "Responsible")] == [_org_id("kajaani")]
    assert [o["organization"]["id"] for o in _orgs(training, "OtherResponsible")] == [
        _org_id("puolanka")
    ]
    multi = _service(exported, "puolanka-multi-assessment", "620")
    (county,) = _orgs(multi, "OtherResponsible")
    assert county["organization"]["id"] == _org_id("kainuun-hyvinvointialue")
    assert county["additionalInformation"][0]["value"] == "aikuisten sosiaalityö, sosiaalihoitaja"


def test_bought_without_a_named_seller__producer_without_organisation(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    (producer,) = _orgs(
        _service(exported, "suomussalmi-training-verkkokotokoulutus", "777"), "Producer"
    )
    assert producer["organization"] is None
    assert producer["provisionType"] == "ProcuredServices"
    assert "does not name the provider" in producer["additionalInformation"][1]["value"]


def test_area_wide_provision__one_service_per_municipality_each_responsible_for_its_own(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    codes = list(m.Municipality.objects.values_list("code", flat=True))
    services = [
        s
        for s in exported["services"]
        if s["sourceId"].startswith("kotokartta:provision:area-final-test:")
    ]
    assert [s["areas"][0]["code"] for s in services] == codes
    for service in services:
        code = service["areas"][0]["code"]
        mun = m.Municipality.objects.get(code=code)
        assert _orgs(service, "Responsible")[0]["organization"]["id"] == _org_id(mun.id)
    assert len({s["id"] for s in services}) == len(codes)


def test_every_service__areas_names_descriptions_and_languages(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    codes = set(m.Municipality.objects.values_list("code", flat=True))
    for service in exported["services"]:
        (area,) = service["areas"]
        assert area["type"] == "Municipality"
        assert area["code"] in codes
        assert [mun["code"] for mun in area["municipalities"]] == [area["code"]]
        assert service["type"] == "Service"
        assert service["languages"][:2] == ["fi", "en"]
        names = {(n["language"], n["type"]) for n in service["serviceNames"]}
        assert names == {("fi", "Name"), ("en", "Name")}
        assert all(len(n["value"]) <= 100 for n in service["serviceNames"])
        kinds = {(d["language"], d["type"]) for d in service["serviceDescriptions"]}
        assert kinds == {(lang, t) for lang in ("fi", "en") for t in ("Summary", "Description")}
        for text in service["serviceDescriptions"]:
            assert len(text["value"]) <= (150 if text["type"] == "Summary" else 2500)
    english = _service(exported, "puolanka-plan-other", "620")
    assert english["serviceNames"][1]["value"] == "Integration plan – other newcomer"


def test_only_services_a_person_can_get_are_exported(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    exported_ids = {s["sourceId"].split(":")[2] for s in exported["services"]}
    for provision in m.Provision.objects.all():
        assert (provision.id in exported_ids) == (provision.status in ("available", "on_need"))


def test_channels__our_places_as_service_locations(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    channels = {c["sourceId"]: c for c in exported["service_channels"]}
    assert len(channels) == m.Place.objects.count()
    assert {c["serviceChannelType"] for c in channels.values()} == {"ServiceLocation"}
    taivalkoski = channels["kotokartta:place:taivalkoski-kauppatie-19"]
    (address,) = taivalkoski["addresses"]
    assert (address["type"], address["subType"], address["country"]) == ("Location", "Single", "FI")
    street = address["streetAddress"]
    assert street["street"] == [{"language": "fi", "value": "Kauppatie"}]
    assert street["streetNumber"] == "19"
    assert street["municipality"]["code"] == "832"
    hall = channels["kotokartta:place:puolangan-kunnantalo"]
    assert hall["addresses"] == [] and hall["phoneNumbers"] == [] and hall["serviceHours"] == []
    assert hall["organizationId"] == _org_id("puolanka")
    assert hall["areas"][0]["code"] == "620"
    assert channels["kotokartta:place:kaukametsan-opisto-kajaani"]["organizationId"] == _org_id(
        "kaukametsan-opisto"
    )
    linked = {s["service"]["id"] for s in hall["services"]}
    assert _service(exported, "puolanka-assessment-job-seeker", "620")["id"] in linked


def test_references_resolve(exported: dict[str, list[dict[str, Any]]]) -> None:
    channel_ids = {c["id"] for c in exported["service_channels"]}
    org_ids = {o["id"] for o in exported["organizations"]}
    for service in exported["services"]:
        for link in service["serviceChannels"]:
            assert link["serviceChannel"]["id"] in channel_ids
        for entry in service["organizations"]:
            if entry["organization"] is not None:
                assert entry["organization"]["id"] in org_ids
    for channel in exported["service_channels"]:
        assert channel["organizationId"] in org_ids
    kajaani = next(o for o in exported["organizations"] if o["id"] == _org_id("kajaani"))
    assert kajaani["organizationType"] == "Municipality"
    assert kajaani["municipality"]["code"] == "205"
    assert {n["language"] for n in kajaani["organizationNames"]} == {"fi", "sv", "en"}


def test_ids_are_stable_across_exports(tmp_path: Path) -> None:
    first = export_ptv(folder=tmp_path / "one")
    second = export_ptv(folder=tmp_path / "two")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    data = _load(tmp_path / "one")
    ids = [s["id"] for s in data["services"]]
    assert len(ids) == len(set(ids))
    assert all(str(uuid.UUID(i)) == i for i in ids)


def test_nothing_loaded__lookup_error(tmp_path: Path) -> None:
    m.DataSet.objects.all().delete()
    with pytest.raises(LookupError, match="no programme data is loaded"):
        export_ptv(folder=tmp_path)


@pytest.mark.parametrize(
    ("address", "parts"),
    [("Kauppatie 19", ("Kauppatie", "19")), ("Kauppatie 19 B 2", ("Kauppatie", "19 B 2")),
     ("Mieslahti", ("Mieslahti", "")), ("Vanha Valtatie 3", ("Vanha Valtatie", "3"))],
)  # fmt: skip
def test_split_street(address: str, parts: tuple[str, str]) -> None:
    assert split_street(address) == parts
