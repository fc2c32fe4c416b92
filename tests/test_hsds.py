"""The programme as Open Referral HSDS 3.0: every exported object validates against the official
schemas (formats included), identifiers are stable UUIDs, and nothing the programme says about
purchases, client groups and open questions is lost on the way."""

from __future__ import annotations

import copy
import json
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import resolve

from kotokartta.core.borders import BordersMissing, check_borders_file
from kotokartta.opendata import schemas
from kotokartta.opendata.hsds import NAMESPACE, TABLES, HsdsData, build_hsds, hsds_id
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import PHASES
from tests.conftest import REAL_DATA

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def hsds(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, HsdsData]]:
    """The HSDS data set of the real data, in Finnish and in English, built once."""
    with django_db_blocker.unblock():
        yield {lang: build_hsds(lang) for lang in ("fi", "en")}


def service_of(data: HsdsData, provision_id: str) -> dict[str, Any]:
    service = data.get("services", hsds_id("provision", provision_id))
    assert service is not None, provision_id
    return service


def term_codes(data: HsdsData, link_id: str) -> dict[str, list[str | None]]:
    """The codes of the taxonomy terms linked to a record, with their values."""
    codes: dict[str, list[str | None]] = {}
    for attribute in data.children("attributes", "link_id", link_id):
        term = data.get("taxonomy_terms", attribute["taxonomy_term_id"])
        assert term is not None
        codes.setdefault(term["code"], []).append(attribute.get("value"))
    return codes


# --- The official schemas -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_object_of_every_table__validates_against_hsds_3_0(
    hsds: dict[str, HsdsData], lang: str
) -> None:
    data = hsds[lang]
    counts: dict[str, int] = {}
    failures: list[str] = []
    for table, schema_file in TABLES.items():
        official = schemas.validator(schema_file)
        strict = schemas.validator(schema_file, strict=True)
        counts[table] = len(data.tables[table])
        for row in data.tables[table]:
            for error in [*official.iter_errors(row), *strict.iter_errors(row)]:
                failures.append(f"{table} {row.get('id')}: {error.message}")
    print(f"\nHSDS 3.0 ({lang}): " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    print(f"validation errors: {len(failures)}")
    assert failures == []
    for table in ("organizations", "services", "locations", "service_at_locations", "contacts"):
        assert counts[table] > 0, table
    assert counts["services"] == m.Provision.objects.count()
    assert counts["contacts"] == m.Coordinator.objects.count()
    assert counts["phones"] == 0  # the document gives no phone numbers


BROKEN: list[tuple[str, str, Any, str]] = [
    ("services", "id", "kajaani-assessment-job-seeker", "is not a 'uuid'"),
    ("services", "organization_id", "1234", "is not a 'uuid'"),
    ("services", "url", "/fi/municipalities/kajaani/", "is not a 'uri'"),
    ("services", "email", "no-at-sign", "is not a 'email'"),
    ("services", "status", "available", "is not one of"),
    ("services", "name", None, "'name' is a required property"),
    ("organizations", "description", None, "'description' is a required property"),
    ("contacts", "email", "erja.helttunen.puolanka.fi", "is not a 'email'"),
    ("service_areas", "extent", {"type": "Polygon"}, "is not of type 'string'"),
    ("locations", "location_type", "building", "is not one of"),
    ("taxonomy_terms", "term_uri", "not a uri", "is not a 'uri'"),
    ("attributes", "taxonomy_term_id", "status:undetermined", "is not a 'uuid'"),
]


@pytest.mark.parametrize(("table", "key", "value", "message"), BROKEN)
def test_validator__catches_a_broken_object(
    hsds: dict[str, HsdsData], table: str, key: str, value: Any, message: str
) -> None:
    """A validator that cannot fail proves nothing: break one field and it must complain."""
    row = copy.deepcopy(hsds["fi"].tables[table][0])
    if value is None:
        row.pop(key, None)
    else:
        row[key] = value
    found = schemas.errors(row, TABLES[table])
    assert any(message in error for error in found), found


def test_strict_validation__catches_a_misspelt_field(hsds: dict[str, HsdsData]) -> None:
    service = dict(hsds["fi"].tables["services"][0])
    service["eligibilty_description"] = service.pop("eligibility_description")
    assert schemas.errors(service, "service.json") == []  # HSDS allows unknown properties
    assert any(
        "eligibilty_description" in e for e in schemas.errors(service, "service.json", strict=True)
    )


def test_validator__catches_errors_deep_in_a_nested_service(hsds: dict[str, HsdsData]) -> None:
    data = hsds["fi"]
    nested = data.service_full(hsds_id("provision", "puolanka-assessment-job-seeker"))
    assert nested is not None
    assert schemas.errors(nested, "service.json") == []
    nested["service_at_locations"][0]["location"]["id"] = "puolangan-kunnantalo"
    nested["attributes"][0]["taxonomy_term"]["taxonomy_detail"]["uri"] = "no uri"
    found = schemas.errors(nested, "service.json")
    assert any("service_at_locations/0/location/id" in e and "uuid" in e for e in found), found
    assert any("taxonomy_detail/uri" in e for e in found), found


def test_schema_copy__is_complete_with_its_notice() -> None:
    folder = schemas.schema_dir()
    notice = (folder / "NOTICE.md").read_text(encoding="utf-8")
    assert "279fd2eb3552c349bf698c07c00cc25f5fc8249b" in notice
    assert "CC BY-SA 4.0" in notice
    sources = sorted(p.name for p in folder.glob("*.json"))
    # HSDS 3.0's schema/ folder: 21 object schemas and openapi.json. (NOTICE.md says "24";
    # url, unit and service_capacity only came in 3.1, and no 3.0 file refers to them.)
    assert len(sources) == 22 and "service.json" in sources and "openapi.json" in sources
    assert not {"url.json", "unit.json", "service_capacity.json"} & set(sources)
    compiled = sorted(p.name for p in (folder / "compiled").glob("*.json"))
    assert compiled == [
        "organization_list.json",
        "service_at_location_list.json",
        "service_list.json",
        "service_with_definitions.json",
        "tabular.json",
    ]
    for path in [*folder.glob("*.json"), *(folder / "compiled").glob("*.json")]:
        json.loads(path.read_text(encoding="utf-8"))  # every file is plain JSON


def test_every_ref_of_the_schemas__resolves_offline() -> None:
    """Every `$ref` in the copied files resolves from the local registry (which has no way to
    fetch anything), so validation never needs the network."""
    registry = schemas.registry()
    resolver = registry.resolver()
    folder = schemas.schema_dir()
    for path in [*folder.glob("*.json"), *(folder / "compiled").glob("*.json")]:
        name = path.relative_to(folder).as_posix()
        base = resolver.lookup(schemas.BASE_URI + name).resolver
        for ref in _refs(json.loads(path.read_text(encoding="utf-8"))):
            if name == "compiled/tabular.json":
                continue  # refers to siblings as if it stood beside them; never used here
            base.lookup(ref)


def _refs(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str):
                yield item
            else:
                yield from _refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _refs(item)


# --- Identifiers ----------------------------------------------------------------------------

REFERENCES = {
    ("services", "organization_id"): "organizations",
    ("services", "program_id"): "programs",
    ("programs", "organization_id"): "organizations",
    ("organizations", "parent_organization_id"): "organizations",
    ("addresses", "location_id"): "locations",
    ("service_at_locations", "service_id"): "services",
    ("service_at_locations", "location_id"): "locations",
    ("contacts", "organization_id"): "organizations",
    ("languages", "service_id"): "services",
    ("service_areas", "service_id"): "services",
    ("taxonomy_terms", "taxonomy_id"): "taxonomies",
    ("taxonomy_terms", "parent_id"): "taxonomy_terms",
    ("attributes", "taxonomy_term_id"): "taxonomy_terms",
}
LINK_ENTITY_TABLE = {"service": "services", "organization": "organizations", "program": "programs"}


def test_identifiers__are_unique_uuids_and_every_reference_resolves(
    hsds: dict[str, HsdsData],
) -> None:
    data = hsds["fi"]
    for table, rows in data.tables.items():
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids)), table
        assert ids == sorted(ids), table
        for row in rows:
            for key, value in row.items():
                if key == "id" or key.endswith("_id"):
                    assert str(uuid.UUID(value)) == value, (table, key, value)
    for (table, key), target in REFERENCES.items():
        for row in data.tables[table]:
            if key in row:
                assert data.get(target, row[key]) is not None, (table, key, row["id"])
    for attribute in data.tables["attributes"]:
        target = LINK_ENTITY_TABLE[attribute["link_entity"]]
        assert data.get(target, attribute["link_id"]) is not None, attribute


def test_identifiers__are_uuid5_of_our_stable_ids() -> None:
    assert uuid.UUID("2f5d549a-8108-40f5-9247-e0dd3403cc24") == NAMESPACE
    # Pinned: if these change, every published identifier changes.
    assert hsds_id("provision", "puolanka-assessment-job-seeker") == (
        "554296b2-c78d-5cde-9d49-cd3747557a4c"
    )
    assert hsds_id("organisation", "suomussalmi") == "6cc3ac49-616f-57bf-a21c-afd81e8fe3ec"
    assert hsds_id("unit", "suomussalmi-tyollisyyspalvelut") == (
        "0e0e5fbb-d5c6-5e0f-a31c-14bbe44c99ff"
    )


def test_identifiers__are_the_same_in_every_export_language_and_database(
    hsds: dict[str, HsdsData],
) -> None:
    first = hsds["fi"]
    again = build_hsds("fi")
    assert again.tables == first.tables  # the same export, object for object
    english = hsds["en"]
    for table in TABLES:
        assert [r["id"] for r in english.tables[table]] == [r["id"] for r in first.tables[table]]
    # A second database load (new row keys, new data set): the same identifiers.
    call_command("data", "load", str(REAL_DATA), verbosity=0)
    reloaded = build_hsds("fi")
    for table in TABLES:
        assert [r["id"] for r in reloaded.tables[table]] == [
            r["id"] for r in first.tables[table]
        ], table


def test_every_record__carries_its_kotokartta_id(hsds: dict[str, HsdsData]) -> None:
    data = hsds["fi"]
    for provision in m.Provision.objects.all():
        service_id = hsds_id("provision", provision.id)
        assert term_codes(data, service_id)["kotokartta-id"] == [f"provision:{provision.id}"]
        assert str(uuid.uuid5(NAMESPACE, f"provision:{provision.id}")) == service_id
    for place in m.Place.objects.all():
        location = data.get("locations", hsds_id("place", place.id))
        assert location is not None
        assert location["external_identifier"] == f"place:{place.id}"


# --- What must survive ----------------------------------------------------------------------


def test_puolanka_job_seeker_assessment__is_bought_from_suomussalmi(
    hsds: dict[str, HsdsData],
) -> None:
    data = hsds["fi"]
    service = service_of(data, "puolanka-assessment-job-seeker")
    assert (
        "Ostopalvelu: Puolanka (620) ostaa palvelun, myyjä Suomussalmi (777)."
        in (service["eligibility_description"])
    )
    assert "työnhakija-asiakas" in service["eligibility_description"]
    codes = term_codes(data, service["id"])
    assert codes["purchased-from:777"] == ["777"]
    assert codes["purchased"] == ["777"]
    assert codes["responsible-municipality:620"] == ["620"]
    assert "client-group:job-seeker" in codes and "client-group:other" not in codes
    assert "assessment" in codes and "status:available" in codes
    assert codes["role:tyollisyysohjaaja"] == [None]
    # Provided by Suomussalmi's employment services, a unit within the municipality.
    provider = data.get("organizations", service["organization_id"])
    assert provider is not None
    assert provider["name"] == "Suomussalmen kunta, työllisyyspalvelut"
    chain = []
    while provider is not None:
        chain.append(provider["name"])
        provider = data.get("organizations", provider.get("parent_organization_id", ""))
    assert chain[-1] == "Suomussalmen kunta"
    # At Puolanka Municipal Hall, in Puolanka's service area.
    (sal,) = data.children("service_at_locations", "service_id", service["id"])
    location = data.get("locations", sal["location_id"])
    assert location is not None and location["name"] == "Puolangan kunnantalo"
    (area,) = data.children("service_areas", "service_id", service["id"])
    assert area["name"] == "Puolanka (620)"
    english = service_of(hsds["en"], "puolanka-assessment-job-seeker")
    assert (
        "Purchased service: Puolanka (620) buys it from Suomussalmi (777)."
        in (english["eligibility_description"])
    )


def test_kuhmo_undetermined_provisions__are_present_and_marked(
    hsds: dict[str, HsdsData],
) -> None:
    data = hsds["fi"]
    undetermined = list(m.Provision.objects.filter(municipality_id="kuhmo", status="undetermined"))
    assert len(undetermined) >= 5
    for provision in undetermined:
        service = service_of(data, provision.id)
        codes = term_codes(data, service["id"])
        assert "status:undetermined" in codes, provision.id
        assert service["status"] == "inactive"
        assert "avoin" in service["alert"].lower()
        assert codes["responsible-municipality:290"] == ["290"]
        assert set(provision.clients) == {
            c.removeprefix("client-group:") for c in codes if c.startswith("client-group:")
        }


def test_every_provision__keeps_phase_clients_status_and_purchase(
    hsds: dict[str, HsdsData],
) -> None:
    data = hsds["fi"]
    for provision in m.Provision.objects.select_related("responsible"):
        codes = term_codes(data, hsds_id("provision", provision.id))
        assert provision.phase in codes
        clients = {c.removeprefix("client-group:") for c in codes if c.startswith("client-group")}
        assert clients == set(provision.clients), provision.id
        assert [c for c in codes if c.startswith("status:")] == [f"status:{provision.status}"]
        assert ("purchased" in codes) == provision.purchased, provision.id
        if provision.responsible is not None:
            assert f"responsible-municipality:{provision.responsible.code}" in codes
        elif provision.responsible_is_residence:
            assert "responsible-municipality:residence" in codes
        for group in provision.target_groups:
            assert f"target-group:{group}" in codes


def test_every_flag__is_kept_as_an_attribute(hsds: dict[str, HsdsData]) -> None:
    data = hsds["fi"]
    flag_terms = {
        t["id"] for t in data.tables["taxonomy_terms"] if t["taxonomy"] == "kotokartta-flags"
    }
    values = Counter(
        a["value"] for a in data.tables["attributes"] if a["taxonomy_term_id"] in flag_terms
    )
    for flag in m.Flag.objects.all():
        assert values[flag.text["fi"]] >= 1, flag.id


def test_phase_taxonomy__has_the_twelve_phases(hsds: dict[str, HsdsData]) -> None:
    data = hsds["fi"]
    (taxonomy,) = [t for t in data.tables["taxonomies"] if t["name"] == "kotokartta-phases"]
    terms = data.children("taxonomy_terms", "taxonomy_id", taxonomy["id"])
    assert sorted(t["code"] for t in terms) == sorted(p.id for p in PHASES)
    for term in terms:
        assert term["term_uri"].startswith(settings.PUBLIC_URL + "/fi/phases/")


def test_service_areas__carry_the_municipal_border_as_geojson(hsds: dict[str, HsdsData]) -> None:
    data = hsds["fi"]
    for area in data.tables["service_areas"]:
        assert area["extent_type"] == "geojson"
        geometry = json.loads(area["extent"])
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        assert "Maanmittauslaitos" in area["description"]
    orientation = service_of(data, "area-orientation")
    areas = data.children("service_areas", "service_id", orientation["id"])
    assert sorted(a["name"] for a in areas) == sorted(
        f"{mun.name['fi']} ({mun.code})" for mun in m.Municipality.objects.all()
    )


def test_orientation__has_its_languages(hsds: dict[str, HsdsData]) -> None:
    data = hsds["fi"]
    orientation = service_of(data, "area-orientation")
    languages = data.children("languages", "service_id", orientation["id"])
    provision = m.Provision.objects.get(id="area-orientation")
    assert sorted(lang["code"] for lang in languages) == sorted(provision.languages)
    assert {lang["name"] for lang in languages} >= {"ukraina", "venäjä", "arabia"}


def test_urls_and_dates__point_at_the_live_guide_and_the_data_date(
    hsds: dict[str, HsdsData],
) -> None:
    data = hsds["fi"]
    data_date = m.DataSet.objects.get().data_date.isoformat()
    for service in data.tables["services"]:
        assert service["url"].startswith(settings.PUBLIC_URL + "/fi/")
        path, _, fragment = service["url"].removeprefix(settings.PUBLIC_URL).partition("#")
        resolve(path)  # a page of the guide
        assert fragment in ({p.id for p in PHASES} if "/municipalities/" in path else {""})
        assert service["assured_date"] == data_date
    kajaani = service_of(data, "kajaani-assessment-job-seeker")
    assert kajaani["url"] == f"{settings.PUBLIC_URL}/fi/municipalities/kajaani/#assessment"
    english = service_of(hsds["en"], "kajaani-assessment-job-seeker")
    assert english["url"] == f"{settings.PUBLIC_URL}/en/municipalities/kajaani/#assessment"


def test_contacts__are_the_coordinators(hsds: dict[str, HsdsData]) -> None:
    data = hsds["fi"]
    by_email = {c["email"]: c for c in data.tables["contacts"]}
    for coordinator in m.Coordinator.objects.select_related("unit"):
        contact = by_email[coordinator.email]
        assert contact["name"] == coordinator.name
        assert contact["title"] == coordinator.title["fi"]
        assert data.get("organizations", contact["organization_id"]) is not None
    puolanka = by_email["erja.helttunen@puolanka.fi"]
    assert puolanka["department"] == "hallinto- ja elinvoimapalvelut"


def test_the_only_address__is_given_as_the_document_gives_it(hsds: dict[str, HsdsData]) -> None:
    (address,) = hsds["fi"].tables["addresses"]
    assert address["address_1"] == "Kauppatie 19"
    assert address["city"] == "Taivalkoski"
    assert address["postal_code"] == ""  # not in the document, so not invented
    assert address["country"] == "FI"


def test_no_data__raises_no_programme_loaded() -> None:
    m.DataSet.objects.all().delete()
    with pytest.raises(LookupError, match="no programme data"):
        build_hsds("fi")


def test_unknown_language__is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        build_hsds("sv")


def test_borders_file_missing__is_an_error_not_areas_without_borders(
    settings: Any, tmp_path: Path
) -> None:
    settings.GEO_DIR = tmp_path
    with pytest.raises(BordersMissing, match=r"municipal borders file .* is missing"):
        build_hsds("fi")


def test_borders_file_missing__fails_the_system_check(settings: Any, tmp_path: Path) -> None:
    assert check_borders_file() == []
    settings.GEO_DIR = tmp_path
    [error] = check_borders_file()
    assert error.id == "kotokartta.E001"
    assert str(tmp_path / "finland-municipalities.geojson") in error.msg
