"""One fact, one answer: every output names the same provider, seller and served municipalities
for every provision as the read model (`programme.facts`).

The outputs checked: the path JSON (every municipality, both client groups), the API's provision
list, the HSDS export, the PTV export, the coverage CSV and the regenerated document (English,
where names stand uninflected). The check runs on the Kainuu-Koillismaa data and on a synthetic
set of municipalities from `data synth` (the first `SYNTH_MUNICIPALITIES` by official code: several
employment areas, purchases between municipalities and from other organisations). With
`KOTOKARTTA_NATIONAL_CHECK=1` it runs on the national set instead: all 309 municipalities, 5,236
provisions, every output for each (about 75 s of CPU time on SQLite, 90 s on PostgreSQL).
`scripts/test --postgres` sets it, so CI's PostgreSQL pass checks the national set and the
SQLite pass the 40 municipalities; `KOTOKARTTA_NATIONAL_CHECK=0` turns it off there.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from kotokartta.core.text import localised
from kotokartta.coverage.formats import matrix_csv
from kotokartta.coverage.selectors import coverage_matrix
from kotokartta.devtools.synth import synthesise
from kotokartta.documents.build import programme_document
from kotokartta.integrations.ptv.export import EXPORTED_STATUSES, export_ptv
from kotokartta.integrations.ptv.shapes import stable_id
from kotokartta.opendata.hsds import build_hsds, hsds_id
from kotokartta.paths.engine import Profile
from kotokartta.paths.selectors import path_for
from kotokartta.programme import models as m
from kotokartta.programme.facts import (
    Seller,
    provider_of,
    seller_of,
    served_municipalities,
)
from kotokartta.programme.vocabulary import ClientGroup

SYNTH_MUNICIPALITIES = 40
NATIONAL = os.environ.get("KOTOKARTTA_NATIONAL_CHECK") == "1"
LANG = "en"


@dataclass(frozen=True)
class Expected:
    provision: m.Provision
    organisation: m.Organisation | None
    unit: m.Unit | None
    seller: Seller | None
    served: tuple[str, ...]  # municipality codes, area order

    @property
    def has_clients(self) -> bool:
        return bool(self.provision.clients)


def expected_facts() -> dict[str, Expected]:
    municipalities = list(m.Municipality.objects.all())
    expected: dict[str, Expected] = {}
    for provision in m.Provision.objects.with_related():
        provider = provider_of(provision)
        expected[provision.id] = Expected(
            provision=provision,
            organisation=provider.organisation if provider else None,
            unit=provider.unit if provider else None,
            seller=seller_of(provision),
            served=tuple(
                mun.code for mun in served_municipalities(provision, municipalities=municipalities)
            ),
        )
    return expected


class Mismatches:
    """Collects every disagreement, so that one run shows them all."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def check(self, output: str, provision_id: str, what: str, got: object, want: object) -> None:
        if got != want:
            self.found.append(f"{output}: {provision_id}: {what} is {got!r}, expected {want!r}")

    def __bool__(self) -> bool:
        return bool(self.found)

    def report(self) -> str:
        return "\n".join(self.found[:40]) + (
            f"\n… and {len(self.found) - 40} more" if len(self.found) > 40 else ""
        )


def _seller_code(seller: Seller | None) -> str | None:
    return seller.municipality.code if seller and seller.municipality else None


def check_paths(expected: dict[str, Expected], out: Mismatches) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for municipality in m.Municipality.objects.all():
        for client in ClientGroup:
            path = path_for(municipality=municipality, profile=Profile(client=client), lang=LANG)
            for step in path.as_dict()["steps"]:
                pid = step["provision"]
                if pid is None:
                    continue
                want = expected[pid]
                seen[pid].add(municipality.code)
                provider = step["provider"] or {}
                out.check("path", pid, "provider", provider.get("organisation_id"),
                          want.organisation.id if want.organisation else None)  # fmt: skip
                out.check("path", pid, "unit", provider.get("unit_id"),
                          want.unit.id if want.unit else None)  # fmt: skip
                seller = step["seller"]
                out.check("path", pid, "seller",
                          seller["organisation_id"] if seller else None,
                          want.seller.organisation.id if want.seller else None)  # fmt: skip
                out.check("path", pid, "seller municipality",
                          (seller["municipality"] or {}).get("code") if seller else None,
                          _seller_code(want.seller))  # fmt: skip
    for pid, want in expected.items():
        if want.has_clients:
            out.check("path", pid, "served", set(seen[pid]), set(want.served))


def check_api(expected: dict[str, Expected], out: Mismatches) -> None:
    client = Client()
    page = 1
    listed = set()
    while True:
        response = client.get(f"/api/v1/provisions/?page_size=200&page={page}&lang={LANG}")
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        for item in body["results"]:
            pid = item["id"]
            want = expected[pid]
            listed.add(pid)
            provider = item["provider"] or {}
            out.check("api", pid, "provider", (provider.get("organisation") or {}).get("id"),
                      want.organisation.id if want.organisation else None)  # fmt: skip
            out.check("api", pid, "unit", (provider.get("unit") or {}).get("id"),
                      want.unit.id if want.unit else None)  # fmt: skip
            seller = item["seller"]
            out.check("api", pid, "seller", seller["organisation"]["id"] if seller else None,
                      want.seller.organisation.id if want.seller else None)  # fmt: skip
            out.check("api", pid, "seller municipality",
                      (seller["municipality"] or {}).get("code") if seller else None,
                      _seller_code(want.seller))  # fmt: skip
            out.check("api", pid, "served", tuple(x["code"] for x in item["municipalities"]),
                      want.served)  # fmt: skip
        if not body["next"]:
            break
        page += 1
    out.check("api", "*", "provisions listed", len(listed), len(expected))


def check_hsds(expected: dict[str, Expected], out: Mismatches) -> None:
    tables = build_hsds(LANG).tables
    services = {s["id"]: s for s in tables["services"]}
    areas: dict[str, set[str]] = defaultdict(set)
    for area in tables["service_areas"]:
        areas[area["service_id"]].add(area["id"])
    term_code = {t["id"]: t["code"] for t in tables["taxonomy_terms"]}
    sold_from: dict[str, set[str]] = defaultdict(set)
    for attribute in tables["attributes"]:
        code = term_code.get(attribute["taxonomy_term_id"], "")
        if code.startswith("purchased-from:"):
            sold_from[attribute["link_id"]].add(code.removeprefix("purchased-from:"))
    codes = {mun.code: mun.id for mun in m.Municipality.objects.all()}
    for pid, want in expected.items():
        service_id = hsds_id("provision", pid)
        service = services.get(service_id)
        if service is None:
            out.check("hsds", pid, "service", None, service_id)
            continue
        if want.organisation is not None:
            provider_id = (
                hsds_id("unit", want.unit.id)
                if want.unit
                else hsds_id("organisation", want.organisation.id)
            )
            out.check("hsds", pid, "provider", service.get("organization_id"), provider_id)
        seller_code = _seller_code(want.seller)
        out.check("hsds", pid, "seller municipality", sold_from[service_id],
                  {seller_code} if seller_code else set())  # fmt: skip
        out.check("hsds", pid, "served", areas[service_id],
                  {hsds_id("service-area", pid, codes[c]) for c in want.served})  # fmt: skip


def check_ptv(expected: dict[str, Expected], out: Mismatches, folder: Path) -> None:
    export_ptv(folder=folder)
    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))["itemList"]
    served: dict[str, set[str]] = defaultdict(set)
    for service in services:
        _, _, pid, code = service["sourceId"].split(":")
        served[pid].add(code)
        want = expected[pid]
        producers = [o for o in service["organizations"] if o["roleType"] == "Producer"]
        if want.organisation is not None:
            main = next(
                (
                    o
                    for o in producers
                    if (o["organization"] or {}).get("id")
                    == stable_id("organization", want.organisation.id)
                ),
                None,
            )
            out.check("ptv", pid, "provider", main is not None, True)
            if main is not None:
                out.check("ptv", pid, "procured", main["provisionType"] == "ProcuredServices",
                          want.seller is not None)  # fmt: skip
    for pid, want in expected.items():
        if want.provision.status in EXPORTED_STATUSES:
            out.check("ptv", pid, "served", served[pid], set(want.served))
        else:
            out.check("ptv", pid, "served", served[pid], set())


def check_coverage(expected: dict[str, Expected], out: Mismatches) -> None:
    rows = list(csv.DictReader(io.StringIO(matrix_csv(coverage_matrix(lang=LANG)))))
    seen: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        providers = set(row["providers"].split("; ")) if row["providers"] else set()
        sellers = set(row["purchased_from"].split("; ")) if row["purchased_from"] else set()
        for pid in filter(None, row["provision_ids"].split("; ")):
            want = expected[pid]
            seen[pid].add(row["municipality_code"])
            if want.organisation is not None:
                name = ", ".join(
                    x
                    for x in (
                        localised(want.organisation.name, LANG),
                        localised(want.unit.name, LANG) if want.unit else "",
                    )
                    if x
                )
                out.check("coverage", pid, "provider listed", name in providers, True)
            if want.seller is not None:
                out.check("coverage", pid, "seller listed", want.seller.name(LANG) in sellers,
                          True)  # fmt: skip
    for pid, want in expected.items():
        if want.has_clients:
            out.check("coverage", pid, "served", seen[pid], set(want.served))


def check_document(expected: dict[str, Expected], out: Mismatches) -> None:
    document = programme_document(lang=LANG)
    codes = {mun.id: mun.code for mun in m.Municipality.objects.all()}
    seen: dict[str, set[str]] = defaultdict(set)
    for section in document.sections:
        for _level, block in section.walk():
            for item in block.items:
                want = expected.get(item.ref)
                if want is None:
                    continue
                if block.municipality:
                    seen[item.ref].add(codes[block.municipality])
                own = want.provision.municipality_id == (block.municipality or None)
                if not own:
                    continue  # a reference to the area's provision, which names no provider
                text = " ".join(p.text for p in item.paragraphs)
                if want.organisation is not None:
                    name = localised(want.organisation.name, LANG)
                    out.check("document", item.ref, "provider named", name in text, True)
                if want.seller is not None:
                    name = localised(want.seller.organisation.name, LANG)
                    out.check("document", item.ref, "seller named", name in text, True)
    for pid, want in expected.items():
        out.check("document", pid, "served", seen[pid], set(want.served))


def check_every_output(folder: Path) -> tuple[int, Mismatches]:
    expected = expected_facts()
    out = Mismatches()
    check_paths(expected, out)
    check_api(expected, out)
    check_hsds(expected, out)
    check_ptv(expected, out, folder)
    check_coverage(expected, out)
    check_document(expected, out)
    return len(expected), out


@pytest.mark.django_db
def test_every_output__names_the_same_provider_seller_and_municipalities__on_the_real_data(
    tmp_path: Path,
) -> None:
    count, mismatches = check_every_output(tmp_path / "ptv")
    assert count == m.Provision.objects.count() > 100
    assert not mismatches, mismatches.report()


@pytest.fixture
def synthetic_programme(
    tmp_path_factory: pytest.TempPathFactory, django_db_blocker: object
) -> Iterator[None]:
    """A synthetic data set loaded inside the test's transaction; rolled back afterwards, so
    the real data is back for the tests that follow."""
    folder = tmp_path_factory.mktemp("synth")
    synthesise(
        folder,
        geojson=Path(settings.GEO_DIR) / "finland-municipalities.geojson",
        municipalities=None if NATIONAL else SYNTH_MUNICIPALITIES,
        seed=1,
    )
    call_command("data", "load", str(folder), verbosity=0)
    yield


@pytest.mark.django_db
def test_every_output__names_the_same_provider_seller_and_municipalities__on_synthetic_data(
    synthetic_programme: None, tmp_path: Path
) -> None:
    purchased = m.Provision.objects.filter(purchased=True)
    assert purchased.exists()
    assert m.Municipality.objects.count() == (309 if NATIONAL else SYNTH_MUNICIPALITIES)
    count, mismatches = check_every_output(tmp_path / "ptv")
    assert count > 500
    assert not mismatches, mismatches.report()


@pytest.mark.django_db
def test_consistency_check__reports_an_output_that_names_another_seller(tmp_path: Path) -> None:
    """The check can fail: a seller that one output derives differently is caught."""
    expected = expected_facts()
    bought = next(e for e in expected.values() if e.seller is not None)
    other = m.Organisation.objects.exclude(id=bought.seller.organisation.id).first()
    assert other is not None
    expected[bought.provision.id] = Expected(
        provision=bought.provision,
        organisation=bought.organisation,
        unit=bought.unit,
        seller=Seller(organisation=other, municipality=None),
        served=bought.served,
    )
    out = Mismatches()
    check_api(expected, out)
    assert f"api: {bought.provision.id}: seller is " in out.report()
