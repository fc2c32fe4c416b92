"""The programme as an Open Referral HSDS 3.0 data set (Human Services Data Specification).

`build_hsds(lang="fi")` reads the loaded database and returns an `HsdsData`: one list of flat
HSDS objects per table (sorted by id), plus the nested shapes the HSDS API returns. It is plain
Python over the ORM; `kotokartta export hsds` writes it as files and `/api/hsds/` serves it.
Every object validates against the official HSDS 3.0 JSON schemas shipped in
`data/hsds-3.0-schema/` (see `kotokartta.opendata.schemas` and tests/test_hsds.py).

Modelling choices
-----------------

Identifiers
    Every `id` is `uuid5(NAMESPACE, "<kind>:<our stable id>")`, e.g.
    `uuid5(NAMESPACE, "provision:puolanka-assessment-job-seeker")`. The same data gives the same
    identifiers in every export and every database; nothing depends on database keys or on the
    export time. The name string of each service, organization and program is also kept as an
    attribute (`kotokartta-id`, value `provision:…`), and of each location as its
    `external_identifier`, so the UUID can be traced back to the data files.

organizations
    Every organisation of the data (municipalities, wellbeing services counties, schools,
    associations, companies, authorities) is an organization, and **every unit is an organization
    of its own** whose `parent_organization_id` is its parent unit or its organisation
    ("Suomussalmen kunta, työllisyyspalvelut" → "Suomussalmen kunta, elinvoimapalvelut" →
    "Suomussalmen kunta"). HSDS 3.0 has this hierarchy built in, while a service has no
    department field, so only separate organizations keep the providing unit machine-readable:
    a service's `organization_id` points at the most specific provider the document names.

services
    **One service per provision.** A provision is the programme's atom: one phase, for one or
    both client groups, in one municipality (or area-wide), with one status, one responsible
    municipality, one provider and one purchase arrangement. Merging provisions (e.g. one service
    per phase × provider) would have to merge different client groups, statuses or purchase
    arrangements into one record, which HSDS could then no longer tell apart. The service's
    `organization_id` is the provider's unit or organisation; when the document names no provider,
    the responsible municipality's own organisation (the one that must arrange it — HSDS: "the
    organization responsible for its delivery"). Where the document names neither (the
    area-wide provisions, whose responsible municipality is "the person's own", and a few local
    ones) the service has no `organization_id`: HSDS's JSON schema allows that, and guessing
    would invent a provider. (Its tabular form requires one.)
    `status`: available and on_need → `active`; planned, not_organised and undetermined →
    `inactive` (with an `alert` saying which); the exact status is an attribute.
    `eligibility_description` says, in words, the client groups, residents of which municipalities,
    residence bases, conditions, the responsible municipality and the purchase arrangement
    ("Ostopalvelu: Puolanka (620) ostaa palvelun, myyjä Suomussalmi (777)"); `description` holds
    the data's details, who does it (role), partners, modes, activity and the source quote.
    `url` links to the live guide (PUBLIC_URL + "/fi/municipalities/<id>/#<phase>"; area-wide
    provisions: the phase page). `assured_date` is the data's date.

program
    One program, the integration programme itself; it belongs to the employment area's
    organisation (the organisation named like the area). Every service has its `program_id`.

locations, addresses, service_at_locations
    Our places are physical locations. An address is given only where the data has one (one
    place: "Kauppatie 19", Taivalkoski); HSDS requires `postal_code` and `state_province`, so the
    postal code the document does not give is an empty string (never invented) and the province
    is the region whose wellbeing services county the municipality belongs to. One
    service_at_location per provision × place.

contacts, phones
    The coordinators, linked to their unit's (or organisation's) organization: name, title,
    department, work e-mail. The document gives no phone numbers, so `phones.json` is empty.

languages
    The languages a provision states (the orientation languages), one row per service × language.
    No other service language is stated, and none is assumed.

service_areas
    One per service × municipality whose residents it serves (area-wide provisions: every
    municipality they serve), with the municipal border as GeoJSON (`extent_type: geojson`) from
    data/geo/finland-municipalities.geojson (© Maanmittauslaitos, CC BY 4.0).

taxonomies, taxonomy_terms, attributes
    Our vocabularies are taxonomies with stable term codes; attributes link services (and
    organizations, the program) to them, with `value` where there is one:

    - `kotokartta-phases`: the 12 phase ids (`assessment` …), term_uri = the guide's phase page;
    - `kotokartta-client-groups`: `client-group:job-seeker`, `client-group:other`;
    - `kotokartta-statuses`: `status:available` … `status:undetermined`;
    - `kotokartta-arrangements`: `responsible-municipality:<code>` (and `…:residence`, "the
      person's own municipality"), `purchased` and `purchased-from:<code>` (the seller), `partner`
      (value: the partner organisation, unit and role);
    - `kotokartta-target-groups` (`target-group:<residence basis>`), `kotokartta-modes`
      (`mode:in_person` …), `kotokartta-roles` (`role:<id>`, value `alternative` for alternative
      roles), `kotokartta-flags` (`flag:<kind>`, value: the flag's text — what the document gets
      wrong or leaves open; on the provision's service, on every service of a flagged activity,
      on a flagged organisation or unit, and on the program for flags about the whole area),
      `kotokartta-sources` (`source-section:<section>`, value: the quote; `kotokartta-id`,
      value: our id), `kotokartta-organisation-kinds`.

Texts are in one language per data set (`lang`: Finnish, authoritative, or English; a text the
data lacks in English falls back to Finnish). HSDS 3.0 has no multilingual text fields.
"""

from __future__ import annotations

import copy
import json
import math
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from kotokartta.core.borders import BordersMissing
from kotokartta.core.text import localised
from kotokartta.documents.build import BASIS_NAMES, FLAG_KIND_NAMES, LANGUAGE_NAMES
from kotokartta.programme import models as m
from kotokartta.programme.models import NoProgrammeLoaded
from kotokartta.programme.vocabulary import (
    CLIENT_NAMES,
    MODE_NAMES,
    PHASE_BY_ID,
    PHASES,
    SECTIONS,
    STATUS_NAMES,
    OrganisationKind,
    Status,
)

__all__ = [
    "HSDS_VERSION",
    "LANGUAGES",
    "NAMESPACE",
    "TABLES",
    "HsdsData",
    "NoProgrammeLoaded",
    "build_hsds",
    "hsds_id",
]

HSDS_VERSION = "3.0"

# Fixed for ever: changing it changes every identifier of every export.
NAMESPACE = uuid.UUID("2f5d549a-8108-40f5-9247-e0dd3403cc24")

LANGUAGES: tuple[str, ...] = ("fi", "en")

# Table name (file `<table>.json`, API path) → the HSDS schema file of one object.
TABLES: dict[str, str] = {
    "organizations": "organization.json",
    "programs": "program.json",
    "services": "service.json",
    "locations": "location.json",
    "addresses": "address.json",
    "service_at_locations": "service_at_location.json",
    "contacts": "contact.json",
    "phones": "phone.json",
    "languages": "language.json",
    "service_areas": "service_area.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
    "attributes": "attribute.json",
}

GEOJSON_FILE = "finland-municipalities.geojson"
GEO_ATTRIBUTION = "© Maanmittauslaitos, CC BY 4.0"
COUNTRY = "FI"

# A wellbeing services county covers exactly one region (maakunta): the address's province.
REGION_OF_COUNTY: dict[str, tuple[str, str]] = {
    "kainuun-hyvinvointialue": ("Kainuu", "Kainuu"),
    "pohjois-pohjanmaan-hyvinvointialue": ("Pohjois-Pohjanmaa", "North Ostrobothnia"),
}

STATUS_TO_HSDS: dict[str, str] = {
    Status.AVAILABLE: "active",
    Status.ON_NEED: "active",
    Status.PLANNED: "inactive",
    Status.NOT_ORGANISED: "inactive",
    Status.UNDETERMINED: "inactive",
}

ORGANISATION_KIND_NAMES: dict[str, tuple[str, str]] = {
    OrganisationKind.MUNICIPALITY: ("Kunta", "Municipality"),
    OrganisationKind.WELLBEING_COUNTY: ("Hyvinvointialue", "Wellbeing services county"),
    OrganisationKind.EDUCATION: ("Oppilaitos", "Educational institution"),
    OrganisationKind.ASSOCIATION: ("Järjestö tai yhdistys", "Association"),
    OrganisationKind.COMPANY: ("Yritys", "Company"),
    OrganisationKind.AUTHORITY: ("Viranomainen", "Authority"),
    OrganisationKind.PROJECT: ("Hanke", "Project"),
    OrganisationKind.OTHER: ("Muu toimija", "Other organisation"),
}

Record = dict[str, Any]


def hsds_id(kind: str, *parts: str) -> str:
    """The stable UUID of a record: uuid5 of "<kind>:<part>:<part>…" in our namespace."""
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *parts))))


def _pair(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _t(lang: str, fi: str, en: str) -> str:
    return en if lang == "en" else fi


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def _clean(record: Mapping[str, Any]) -> Record:
    """Leave out fields without a value (HSDS: absent rather than null or empty)."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


# --------------------------------------------------------------------------------------------
# Taxonomies


@dataclass(frozen=True, slots=True)
class Term:
    taxonomy: str
    code: str
    name: str
    description: str
    parent: str | None = None  # code of the parent term, same taxonomy
    uri: str | None = None

    @property
    def id(self) -> str:
        return hsds_id("taxonomy-term", self.taxonomy, self.code)


TAXONOMIES: dict[str, tuple[str, str]] = {
    "kotokartta-phases": (
        "Kotoutumisohjelman vaiheet (kotoutumislaki 681/2023).",
        "The phases of the integration programme (Integration Act 681/2023).",
    ),
    "kotokartta-client-groups": (
        "Asiakasryhmät: työnhakija-asiakkaat ja muut kotoutuja-asiakkaat.",
        "Client groups: job seekers and other newcomers.",
    ),
    "kotokartta-statuses": (
        "Palvelun tila kotoutumisohjelmassa (tarkempi kuin HSDS:n status).",
        "The service's status in the programme (finer than the HSDS status).",
    ),
    "kotokartta-arrangements": (
        "Järjestämisvastuu, ostopalvelut ja yhteistyökumppanit.",
        "Responsibility for arranging, purchased services and partners.",
    ),
    "kotokartta-target-groups": (
        "Oleskelun perusteet, joille palvelu on tarkoitettu.",
        "The residence bases a service is meant for.",
    ),
    "kotokartta-modes": ("Palvelun toteutustapa.", "How the service is given."),
    "kotokartta-roles": (
        "Tehtävänimikkeet, jotka tekevät palvelun.",
        "The job titles that provide the service.",
    ),
    "kotokartta-flags": (
        "Huomautukset siitä, mitä asiakirja jättää avoimeksi tai kertoo ristiriitaisesti; "
        "arvona huomautuksen teksti.",
        "Notes on what the programme document leaves open or gets wrong; the value is the note.",
    ),
    "kotokartta-sources": (
        "Lähteet: asiakirjan kohta (arvona sanatarkka lainaus) ja Kotokartan tunniste.",
        "Sources: the document's section (the value is a word-for-word quote) and Kotokartta's "
        "own identifier.",
    ),
    "kotokartta-organisation-kinds": ("Toimijoiden lajit.", "Kinds of organisation."),
}


def _terms(
    *,
    lang: str,
    municipalities: list[m.Municipality],
    roles: list[m.Role],
    phase_url: Callable[[str], str],
) -> list[Term]:
    terms: list[Term] = []
    for phase in PHASES:
        law = phase.law.current
        name = phase.name(lang)
        terms.append(
            Term(
                "kotokartta-phases",
                phase.id,
                name,
                f"{name} ({law})." if law else _sentence(name),
                uri=phase_url(phase.id),
            )
        )
    for client, pair in CLIENT_NAMES.items():
        terms.append(
            Term(
                "kotokartta-client-groups",
                f"client-group:{client}",
                _pair(pair, lang),
                _t(
                    lang,
                    "Työvoimapalveluihin ilmoittautunut asiakas."
                    if client == "job-seeker"
                    else "Muu kotoutuja-asiakas kuin työnhakija.",
                    "A client registered with employment services."
                    if client == "job-seeker"
                    else "A newcomer who is not a registered job seeker.",
                ),
            )
        )
    for status, pair in STATUS_NAMES.items():
        terms.append(
            Term(
                "kotokartta-statuses",
                f"status:{status}",
                _pair(pair, lang),
                _sentence(_pair(pair, lang).capitalize())
                + " "
                + _t(lang, "HSDS-tila: ", "HSDS status: ")
                + STATUS_TO_HSDS[status]
                + ".",
            )
        )
    arr = "kotokartta-arrangements"
    terms.append(
        Term(
            arr,
            "responsible-municipality",
            _t(lang, "Vastuukunta", "Responsible municipality"),
            _t(
                lang,
                "Kunta, jolla on palvelun järjestämisvastuu.",
                "The municipality responsible for arranging the service.",
            ),
        )
    )
    terms.append(
        Term(
            arr,
            "purchased",
            _t(lang, "Ostopalvelu", "Purchased service"),
            _t(
                lang,
                "Vastuukunta ostaa palvelun toiselta toimijalta.",
                "The responsible municipality buys the service from another provider.",
            ),
        )
    )
    for mun in municipalities:
        label = f"{localised(mun.name, lang)} ({mun.code})"
        terms.append(
            Term(
                arr,
                f"responsible-municipality:{mun.code}",
                _t(lang, f"Vastuukunta: {label}", f"Responsible municipality: {label}"),
                _t(
                    lang,
                    f"Järjestämisvastuu on kunnalla {label}.",
                    f"{label} is responsible for arranging the service.",
                ),
                parent="responsible-municipality",
            )
        )
    terms.append(
        Term(
            arr,
            "responsible-municipality:residence",
            _t(lang, "Vastuukunta: asiakkaan kotikunta", "Responsible: the client's municipality"),
            _t(
                lang,
                "Järjestämisvastuu on asiakkaan omalla kotikunnalla.",
                "The client's own municipality of residence is responsible for arranging it.",
            ),
            parent="responsible-municipality",
        )
    )
    for mun in municipalities:
        label = f"{localised(mun.name, lang)} ({mun.code})"
        terms.append(
            Term(
                arr,
                f"purchased-from:{mun.code}",
                _t(lang, f"Ostetaan kunnalta {label}", f"Bought from {label}"),
                _t(
                    lang,
                    f"Vastuukunta ostaa palvelun kunnalta {label}.",
                    f"The responsible municipality buys the service from {label}.",
                ),
                parent="purchased",
            )
        )
    terms.append(
        Term(
            arr,
            "partner",
            _t(lang, "Yhteistyökumppani", "Partner"),
            _t(
                lang,
                "Toimija, joka osallistuu palveluun; arvona toimija, yksikkö ja nimike.",
                "An organisation that takes part in the service; the value names it, its unit "
                "and role.",
            ),
        )
    )
    for basis, pair in BASIS_NAMES.items():
        terms.append(
            Term(
                "kotokartta-target-groups",
                f"target-group:{basis}",
                _pair(pair, lang),
                _sentence(_t(lang, "Kohderyhmä: ", "Target group: ") + _pair(pair, lang)),
            )
        )
    for mode, pair in MODE_NAMES.items():
        terms.append(
            Term(
                "kotokartta-modes",
                f"mode:{mode}",
                _pair(pair, lang),
                _sentence(_t(lang, "Toteutustapa: ", "Given: ") + _pair(pair, lang)),
            )
        )
    for role in roles:
        name = localised(role.name, lang)
        terms.append(
            Term(
                "kotokartta-roles",
                f"role:{role.id}",
                name,
                _sentence(_t(lang, "Tehtävänimike: ", "Job title: ") + name),
            )
        )
    for kind, pair in FLAG_KIND_NAMES.items():
        terms.append(
            Term(
                "kotokartta-flags",
                f"flag:{kind}",
                _pair(pair, lang),
                _sentence(
                    _t(lang, "Huomautus asiakirjasta: ", "Note on the document: ")
                    + _pair(pair, lang).lower()
                ),
            )
        )
    terms.append(
        Term(
            "kotokartta-sources",
            "source-section",
            _t(lang, "Lähdeasiakirjan kohta", "Section of the source document"),
            _t(
                lang,
                "Kotoutumisohjelmaa kuvaavan asiakirjan kohta; arvona sanatarkka lainaus.",
                "A section of the programme document; the value is a word-for-word quote "
                "(in Finnish).",
            ),
        )
    )
    for section, title in SECTIONS.items():
        terms.append(
            Term(
                "kotokartta-sources",
                f"source-section:{section}",
                title,
                _sentence(_t(lang, "Asiakirjan kohta: ", "Document section (Finnish): ") + title),
                parent="source-section",
            )
        )
    terms.append(
        Term(
            "kotokartta-sources",
            "kotokartta-id",
            _t(lang, "Kotokartan tunniste", "Kotokartta identifier"),
            _t(
                lang,
                "Tietueen pysyvä tunniste Kotokartan tiedostoissa; HSDS-tunniste on sen UUID5.",
                "The record's stable id in Kotokartta's data files; its HSDS id is the UUID5 "
                "of it.",
            ),
        )
    )
    for kind, pair in ORGANISATION_KIND_NAMES.items():
        terms.append(
            Term(
                "kotokartta-organisation-kinds",
                f"organisation-kind:{kind}",
                _pair(pair, lang),
                _sentence(
                    _t(lang, "Toimijan laji: ", "Kind of organisation: ") + _pair(pair, lang)
                ),
            )
        )
    return terms


# --------------------------------------------------------------------------------------------
# Municipal borders


def _geo_path() -> Path:
    return Path(settings.GEO_DIR) / GEOJSON_FILE


def municipal_borders(codes: Iterable[str]) -> dict[str, str]:
    """GeoJSON geometry (compact JSON text) of each municipality code the file holds."""
    path = _geo_path()
    try:
        stat = path.stat()
    except OSError as error:  # no silent loss of the service areas' borders
        raise BordersMissing(f"the municipal borders file {path} is missing") from error
    borders = _borders_cached(str(path), stat.st_mtime_ns, stat.st_size)
    return {code: borders[code] for code in codes if code in borders}


@lru_cache(maxsize=4)
def _borders_cached(path: str, _mtime_ns: int, _size: int) -> dict[str, str]:
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    borders: dict[str, str] = {}
    for feature in data.get("features", []) if isinstance(data, dict) else []:
        props = feature.get("properties") or {}
        geometry = feature.get("geometry")
        code = str(props.get("NATCODE", "")).strip().zfill(3)
        if geometry and geometry.get("type") in ("Polygon", "MultiPolygon"):
            borders[code] = json.dumps(geometry, separators=(",", ":"), ensure_ascii=False)
    return borders


# --------------------------------------------------------------------------------------------
# The data set


@dataclass
class HsdsData:
    """The programme as HSDS tables (flat objects, sorted by id) and nested API shapes.

    Treat the tables as read-only (the API caches one `HsdsData` per data set); the `*_full`
    methods return copies that callers may change."""

    lang: str
    tables: dict[str, list[Record]]
    info: dict[str, Any]
    _index: dict[str, dict[str, Record]] = field(default_factory=dict, repr=False)
    _children: dict[tuple[str, str], dict[str, list[Record]]] = field(
        default_factory=dict, repr=False
    )

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.tables.items()}

    def get(self, table: str, id_: str) -> Record | None:
        if table not in self._index:
            self._index[table] = {row["id"]: row for row in self.tables[table]}
        return self._index[table].get(id_)

    def children(self, table: str, key: str, value: str) -> list[Record]:
        if (table, key) not in self._children:
            groups: dict[str, list[Record]] = defaultdict(list)
            for row in self.tables[table]:
                if key in row:
                    groups[row[key]].append(row)
            self._children[(table, key)] = dict(groups)
        return self._children[(table, key)].get(value, [])

    # Nested shapes for the API ------------------------------------------------------------

    def term_full(self, term: Record) -> Record:
        taxonomy = self.get("taxonomies", term.get("taxonomy_id", ""))
        return {**term, "taxonomy_detail": taxonomy} if taxonomy else dict(term)

    def attributes_of(self, link_id: str) -> list[Record]:
        out = []
        for attribute in self.children("attributes", "link_id", link_id):
            term = self.get("taxonomy_terms", attribute["taxonomy_term_id"])
            out.append({**attribute, "taxonomy_term": self.term_full(term)} if term else attribute)
        return out

    def location_full(self, location: Record) -> Record:
        return _clean(
            {
                **location,
                "addresses": self.children("addresses", "location_id", location["id"]),
                "languages": self.children("languages", "location_id", location["id"]),
            }
        )

    def service_summary(self, service: Record) -> Record:
        """A service with its one-to-one relations (HSDS `service_list`)."""
        out = dict(service)
        organization = self.get("organizations", service.get("organization_id", ""))
        program = self.get("programs", service.get("program_id", ""))
        if organization:
            out["organization"] = organization
        if program:
            out["program"] = program
        return out

    def service_full(self, service_id: str) -> Record | None:
        service = self.get("services", service_id)
        if service is None:
            return None
        out = self.service_summary(service)
        out["service_areas"] = self.children("service_areas", "service_id", service_id)
        out["service_at_locations"] = [
            self.service_at_location_full(sal["id"]) or sal
            for sal in self.children("service_at_locations", "service_id", service_id)
        ]
        out["languages"] = self.children("languages", "service_id", service_id)
        out["contacts"] = self.children("contacts", "service_id", service_id)
        out["phones"] = self.children("phones", "service_id", service_id)
        out["attributes"] = self.attributes_of(service_id)
        return copy.deepcopy(_clean(out))

    def service_at_location_summary(self, sal: Record) -> Record:
        """A service_at_location with its location and service (HSDS `service_at_location_list`)."""
        out = dict(sal)
        location = self.get("locations", sal.get("location_id", ""))
        service = self.get("services", sal.get("service_id", ""))
        if location:
            out["location"] = location
        if service:
            out["service"] = service
        return out

    def service_at_location_full(self, sal_id: str) -> Record | None:
        sal = self.get("service_at_locations", sal_id)
        if sal is None:
            return None
        out = dict(sal)
        location = self.get("locations", sal.get("location_id", ""))
        if location:
            out["location"] = self.location_full(location)
        out["contacts"] = self.children("contacts", "service_at_location_id", sal_id)
        out["attributes"] = self.attributes_of(sal_id)
        return copy.deepcopy(_clean(out))

    def organization_full(self, organization_id: str) -> Record | None:
        """The organization with its contacts, programs, attributes, and (HSDS API) `services`:
        the services it provides, one-to-one fields only."""
        organization = self.get("organizations", organization_id)
        if organization is None:
            return None
        out = dict(organization)
        out["contacts"] = self.children("contacts", "organization_id", organization_id)
        out["programs"] = self.children("programs", "organization_id", organization_id)
        out["locations"] = [
            self.location_full(loc)
            for loc in self.children("locations", "organization_id", organization_id)
        ]
        out["attributes"] = self.attributes_of(organization_id)
        out["services"] = self.children("services", "organization_id", organization_id)
        return copy.deepcopy(_clean(out))

    def taxonomy_term_full(self, term_id: str) -> Record | None:
        term = self.get("taxonomy_terms", term_id)
        return copy.deepcopy(self.term_full(term)) if term else None


def build_hsds(lang: str = "fi") -> HsdsData:
    """The loaded programme as HSDS 3.0. Raises NoProgrammeLoaded when nothing is loaded."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    dataset = m.DataSet.objects.current()
    if dataset is None:
        raise NoProgrammeLoaded("no programme data is loaded; run `kotokartta data load`")
    return _Builder(dataset, lang).build()


class _Builder:
    def __init__(self, dataset: m.DataSet, lang: str) -> None:
        self.dataset = dataset
        self.lang = lang
        self.tables: dict[str, list[Record]] = {table: [] for table in TABLES}
        self.attribute_ids: set[str] = set()
        self.municipalities = list(m.Municipality.objects.select_related("wellbeing_county"))
        self.mun_by_id = {mun.id: mun for mun in self.municipalities}
        self.organisations = list(m.Organisation.objects.select_related("municipality"))
        self.org_by_id = {org.id: org for org in self.organisations}
        self.units = list(m.Unit.objects.select_related("organisation"))
        self.unit_by_id = {unit.id: unit for unit in self.units}
        self.roles = list(m.Role.objects.all())
        self.role_by_id = {role.id: role for role in self.roles}
        self.places = list(m.Place.objects.select_related("municipality__wellbeing_county"))
        self.place_by_id = {place.id: place for place in self.places}
        self.activities = {a.id: a for a in m.Activity.objects.all()}
        self.provisions = list(
            m.Provision.objects.with_related().prefetch_related("area_municipalities")
        )
        self.flags = list(m.Flag.objects.all())
        # The municipality's own organisation (kind municipality), per municipality id.
        self.municipal_org: dict[str, m.Organisation] = {}
        for org in self.organisations:
            if org.kind == OrganisationKind.MUNICIPALITY and org.municipality_id:
                self.municipal_org.setdefault(org.municipality_id, org)
        area_name = localised(dataset.area_name, "fi")
        self.area_org = next(
            (o for o in self.organisations if localised(o.name, "fi") == area_name), None
        )
        self.program_id = hsds_id("program", dataset.area_id)
        self.terms = _terms(
            lang=lang,
            municipalities=self.municipalities,
            roles=self.roles,
            phase_url=self.phase_url,
        )
        self.term_by_code = {(t.taxonomy, t.code): t for t in self.terms}

    # Helpers --------------------------------------------------------------------------------

    def text(self, value: Mapping[str, str] | None) -> str:
        return localised(value, self.lang)

    def t(self, fi: str, en: str) -> str:
        return _t(self.lang, fi, en)

    def mun_label(self, mun: m.Municipality) -> str:
        return f"{self.text(mun.name)} ({mun.code})"

    def guide_url(self, viewname: str, **kwargs: str) -> str:
        with translation.override(self.lang):
            path = reverse(viewname, kwargs=kwargs)
        return f"{settings.PUBLIC_URL}{path}"

    def phase_url(self, phase_id: str) -> str:
        return self.guide_url("guide:phase", phase_id=phase_id)

    def org_hsds_id(self, org: m.Organisation | None, unit: m.Unit | None) -> str | None:
        if unit is not None:
            return hsds_id("unit", unit.id)
        if org is not None:
            return hsds_id("organisation", org.id)
        return None

    def org_label(self, org: m.Organisation, unit: m.Unit | None) -> str:
        name = self.text(org.name)
        return f"{name}, {self.text(unit.name)}" if unit else name

    def term(self, taxonomy: str, code: str) -> Term:
        return self.term_by_code[(taxonomy, code)]

    def attribute(
        self,
        *,
        link_entity: str,
        link_id: str,
        record: str,
        taxonomy: str,
        code: str,
        value: str | None = None,
        extra: str = "",
    ) -> None:
        term = self.term(taxonomy, code)
        key = ("attribute", record, code, *((extra,) if extra else ()))
        attribute_id = hsds_id(*key)
        serial = 1
        while attribute_id in self.attribute_ids:  # the same term twice: keep both, stably
            serial += 1
            attribute_id = hsds_id(*key, str(serial))
        self.attribute_ids.add(attribute_id)
        self.tables["attributes"].append(
            _clean(
                {
                    "id": attribute_id,
                    "link_id": link_id,
                    "taxonomy_term_id": term.id,
                    "link_type": taxonomy.removeprefix("kotokartta-"),
                    "link_entity": link_entity,
                    "value": value,
                }
            )
        )

    # Tables ---------------------------------------------------------------------------------

    def build(self) -> HsdsData:
        self.build_taxonomies()
        self.build_organizations()
        self.build_program()
        self.build_locations()
        self.build_contacts()
        self.build_services()
        self.build_flags()
        for rows in self.tables.values():
            rows.sort(key=lambda row: row["id"])
        data_date = self.dataset.data_date.isoformat()
        info = {
            "hsds_version": HSDS_VERSION,
            "lang": self.lang,
            "data_date": data_date,
            "area_id": self.dataset.area_id,
            "area_name": self.text(self.dataset.area_name),
            "document_title": self.text(self.dataset.document_title),
            "document_publisher": self.text(self.dataset.document_publisher),
            "document_file": self.dataset.document_file,
            "checksum": self.dataset.checksum,
            "public_url": settings.PUBLIC_URL,
        }
        return HsdsData(lang=self.lang, tables=self.tables, info=info)

    def build_taxonomies(self) -> None:
        for name, pair in TAXONOMIES.items():
            self.tables["taxonomies"].append(
                {
                    "id": hsds_id("taxonomy", name),
                    "name": name,
                    "description": _pair(pair, self.lang),
                }
            )
        for term in self.terms:
            parent = self.term(term.taxonomy, term.parent) if term.parent else None
            self.tables["taxonomy_terms"].append(
                _clean(
                    {
                        "id": term.id,
                        "code": term.code,
                        "name": term.name,
                        "description": term.description,
                        "parent_id": parent.id if parent else None,
                        "taxonomy": term.taxonomy,
                        "language": self.lang,
                        "taxonomy_id": hsds_id("taxonomy", term.taxonomy),
                        "term_uri": term.uri,
                    }
                )
            )

    def build_organizations(self) -> None:
        area = self.text(self.dataset.area_name)
        for org in self.organisations:
            kind = _pair(ORGANISATION_KIND_NAMES.get(org.kind, (org.kind, org.kind)), self.lang)
            where = f", {self.mun_label(org.municipality)}" if org.municipality else ""
            record = f"organisation:{org.id}"
            org_id = hsds_id("organisation", org.id)
            self.tables["organizations"].append(
                {
                    "id": org_id,
                    "name": self.text(org.name),
                    "description": f"{kind}{where}. "
                    + self.t(f"Toimija kotoutumisohjelmassa: {area}.", f"Named in: {area}."),
                }
            )
            self.attribute(
                link_entity="organization",
                link_id=org_id,
                record=record,
                taxonomy="kotokartta-organisation-kinds",
                code=f"organisation-kind:{org.kind}",
            )
            self.record_id("organization", org_id, record)
        for unit in self.units:
            org = unit.organisation
            parent = self.unit_by_id.get(unit.parent_id or "")
            parent_name = self.org_label(org, parent)
            record = f"unit:{unit.id}"
            unit_id = hsds_id("unit", unit.id)
            self.tables["organizations"].append(
                {
                    "id": unit_id,
                    "name": self.org_label(org, unit),
                    "alternate_name": self.text(unit.name),
                    "description": self.t(
                        f"Yksikkö; kuuluu: {parent_name}.", f"A unit of {parent_name}."
                    ),
                    "parent_organization_id": self.org_hsds_id(org, parent),
                }
            )
            self.record_id("organization", unit_id, record)

    def record_id(self, link_entity: str, link_id: str, record: str) -> None:
        self.attribute(
            link_entity=link_entity,
            link_id=link_id,
            record=record,
            taxonomy="kotokartta-sources",
            code="kotokartta-id",
            value=record,
        )

    def build_program(self) -> None:
        ds = self.dataset
        area = self.text(ds.area_name)
        publisher = self.text(ds.document_publisher)
        self.tables["programs"].append(
            _clean(
                {
                    "id": self.program_id,
                    "organization_id": hsds_id("organisation", self.area_org.id)
                    if self.area_org
                    else None,
                    "name": self.t(f"Kotoutumisohjelma: {area}", f"Integration programme: {area}"),
                    "alternate_name": self.text(ds.document_title),
                    "description": self.t(
                        "Alkuvaiheen kotoutumispalvelut, jotka kunnat järjestävät yhdessä "
                        "kotoutumisen edistämisestä annetun lain (681/2023) mukaan. "
                        f"Lähde: {self.text(ds.document_title)}"
                        + (f" ({publisher})" if publisher else "")
                        + f". Tiedot {ds.data_date.isoformat()}.",
                        "The early-stage integration services that the municipalities arrange "
                        "together under the Act on the Promotion of Integration (681/2023). "
                        f"Source: {self.text(ds.document_title)}"
                        + (f" ({publisher})" if publisher else "")
                        + f". Data as of {ds.data_date.isoformat()}.",
                    ),
                }
            )
        )
        self.record_id("program", self.program_id, f"area:{ds.area_id}")

    def build_locations(self) -> None:
        for place in self.places:
            mun = place.municipality
            location_id = hsds_id("place", place.id)
            notes = [
                self.t(f"Kunta: {self.mun_label(mun)}.", f"Municipality: {self.mun_label(mun)}.")
            ]
            if not place.address:
                notes.append(
                    self.t("Asiakirja ei kerro osoitetta.", "The document gives no address.")
                )
            elif not place.postal_code:
                notes.append(
                    self.t("Asiakirja ei kerro postinumeroa.", "The document gives no postal code.")
                )
            self.tables["locations"].append(
                _clean(
                    {
                        "id": location_id,
                        "location_type": "physical",
                        "name": self.text(place.name),
                        "description": " ".join(notes),
                        "latitude": place.latitude,
                        "longitude": place.longitude,
                        "external_identifier": f"place:{place.id}",
                        "external_identifier_type": "kotokartta-id",
                    }
                )
            )
            if place.address:
                region = REGION_OF_COUNTY.get(mun.wellbeing_county_id, ("", ""))
                self.tables["addresses"].append(
                    {
                        "id": hsds_id("address", place.id),
                        "location_id": location_id,
                        "address_1": place.address,
                        "city": localised(mun.name, "fi"),
                        "state_province": _pair(region, self.lang),
                        # Required by HSDS; empty when the document does not give it.
                        "postal_code": place.postal_code,
                        "country": COUNTRY,
                        "address_type": "physical",
                    }
                )

    def build_contacts(self) -> None:
        coordinators = m.Coordinator.objects.select_related("municipality", "organisation", "unit")
        for c in coordinators:
            self.tables["contacts"].append(
                _clean(
                    {
                        "id": hsds_id("coordinator", c.municipality_id, c.email.strip().lower()),
                        "organization_id": self.org_hsds_id(c.organisation, c.unit),
                        "name": c.name,
                        "title": self.text(c.title),
                        "department": self.text(c.unit.name) if c.unit else None,
                        "email": c.email.strip(),
                    }
                )
            )

    # Services -------------------------------------------------------------------------------

    def served(self, p: m.Provision) -> list[m.Municipality]:
        if p.municipality_id:
            return [self.mun_by_id[p.municipality_id]]
        if p.area_wide_all:
            return list(self.municipalities)
        wanted = {mun.id for mun in p.area_municipalities.all()}
        return [mun for mun in self.municipalities if mun.id in wanted]

    def seller(self, p: m.Provision) -> m.Municipality | None:
        org = p.provider_organisation
        if org is not None and org.kind == OrganisationKind.MUNICIPALITY and org.municipality_id:
            return self.mun_by_id.get(org.municipality_id)
        return None

    def build_services(self) -> None:
        borders = municipal_borders(mun.code for mun in self.municipalities)
        for p in self.provisions:
            self.build_service(p, borders)

    def service_name(self, p: m.Provision) -> str:
        phase = PHASE_BY_ID[p.phase]
        scope = (
            self.text(self.mun_by_id[p.municipality_id].name)
            if p.municipality_id
            else self.text(self.dataset.area_name)
        )
        name = f"{phase.name(self.lang)}, {scope}"
        if len(p.clients) == 1:
            name += f" – {_pair(CLIENT_NAMES[p.clients[0]], self.lang)}"
        who = None
        if p.activity is not None:
            who = self.text(p.activity.name)
        elif p.provider_organisation is not None:
            who = self.org_label(p.provider_organisation, p.provider_unit)
        return f"{name} ({who})" if who else name

    def service_description(self, p: m.Provision) -> str:
        parts = [self.text(p.details)]
        if p.role is not None:
            roles = self.text(p.role.name)
            alternatives = [
                self.text(self.role_by_id[r].name)
                for r in p.alternative_roles
                if r in self.role_by_id
            ]
            if alternatives:
                roles += self.t(" (tai ", " (or ") + ", ".join(alternatives) + ")"
            parts.append(self.t("Tekijä: ", "Provided by: ") + roles + ".")
        partners = [self.partner_text(partner) for partner in p.partners.all()]
        if partners:
            parts.append(self.t("Yhteistyössä: ", "Together with: ") + "; ".join(partners) + ".")
        if p.modes:
            modes = ", ".join(_pair(MODE_NAMES[mode], self.lang) for mode in p.modes)
            parts.append(self.t("Toteutus: ", "Given: ") + modes + ".")
        if p.activity is not None:
            a = p.activity
            period = ""
            if a.start_year or a.end_year:
                period = f" ({a.start_year or ''}–{a.end_year or ''})"
            parts.append(
                _sentence(f"{self.text(a.name)}{period}: {self.text(a.description)}".rstrip(": "))
            )
        if p.planned_from:
            parts.append(
                self.t(
                    f"Suunniteltu alkamaan vuonna {p.planned_from}.",
                    f"Planned to start in {p.planned_from}.",
                )
            )
        parts.append(self.source_text(p.source))
        return "\n\n".join(part for part in parts if part)

    def partner_text(self, partner: m.Partner) -> str:
        text = self.org_label(partner.organisation, partner.unit)
        if partner.role is not None:
            text += f" ({self.text(partner.role.name)})"
        note = self.text(partner.note)
        return f"{text}: {note}" if note else text

    def source_text(self, source: Mapping[str, Any] | None) -> str:
        if not source:
            return ""
        section = SECTIONS.get(source.get("section", ""), source.get("section", ""))
        quote = source.get("quote")
        if quote:
            return self.t(
                f'Lähde: asiakirjan kohta "{section}": "{quote}"',
                f'Source: the document\'s section "{section}" (in Finnish): "{quote}"',
            )
        return self.t(
            f'Lähde: asiakirjan kohta "{section}" (ei mainintaa tästä).',
            f'Source: the document\'s section "{section}" (which does not mention this).',
        )

    def eligibility(self, p: m.Provision, served: list[m.Municipality]) -> str:
        lang = self.lang
        parts = [
            self.t("Asiakasryhmä: ", "Client group: ")
            + ", ".join(_pair(CLIENT_NAMES[c], lang) for c in p.clients)
            + "."
        ]
        if p.municipality_id:
            who = self.mun_label(self.mun_by_id[p.municipality_id])
        elif len(served) == len(self.municipalities):
            who = self.t("kaikki työllisyysalueen kunnat", "every municipality of the area")
        else:
            who = ", ".join(self.mun_label(mun) for mun in served)
        parts.append(self.t(f"Asukkaat: {who}.", f"For residents of: {who}."))
        if p.target_groups:
            groups = ", ".join(_pair(BASIS_NAMES[g], lang) for g in p.target_groups)
            parts.append(self.t(f"Kohderyhmä: {groups}.", f"For: {groups}."))
        condition = self.text((p.condition or {}).get("text"))
        if condition:
            parts.append(self.t("Ehto: ", "Condition: ") + _sentence(condition))
        if p.status == Status.ON_NEED:
            parts.append(self.t("Järjestetään tarvittaessa.", "Arranged if needed."))
        if p.responsible is not None:
            responsible = self.mun_label(p.responsible)
            parts.append(self.t(f"Vastuukunta: {responsible}.", f"Responsible: {responsible}."))
        elif p.responsible_is_residence:
            parts.append(
                self.t(
                    "Vastuukunta: asiakkaan kotikunta.",
                    "Responsible: the client's own municipality.",
                )
            )
        else:
            parts.append(
                self.t(
                    "Asiakirja ei kerro vastuukuntaa.",
                    "The document does not say which municipality is responsible.",
                )
            )
        if p.purchased:
            buyer = self.mun_label(p.responsible) if p.responsible else None
            seller = self.seller(p)
            if seller is not None:
                parts.append(
                    self.t(
                        f"Ostopalvelu: {buyer or 'vastuukunta'} ostaa palvelun, myyjä "
                        f"{self.mun_label(seller)}.",
                        f"Purchased service: {buyer or 'the responsible municipality'} buys it "
                        f"from {self.mun_label(seller)}.",
                    )
                )
            else:
                parts.append(
                    self.t(
                        f"Ostopalvelu: {buyer or 'vastuukunta'} ostaa palvelun; asiakirja ei "
                        "nimeä myyjää.",
                        f"Purchased service: {buyer or 'the responsible municipality'} buys it; "
                        "the document does not name the seller.",
                    )
                )
        return " ".join(parts)

    def alert(self, p: m.Provision) -> str | None:
        if p.status in (Status.AVAILABLE, Status.ON_NEED):
            return None
        name = _pair(STATUS_NAMES[p.status], self.lang)
        text = name[:1].upper() + name[1:]
        if p.status == Status.PLANNED and p.planned_from:
            text += self.t(f" (alkaen {p.planned_from})", f" (from {p.planned_from})")
        if p.status == Status.UNDETERMINED:
            text += self.t(
                ": asiakirja jättää tämän avoimeksi.", ": the document leaves this open."
            )
        return _sentence(text)

    def service_url(self, p: m.Provision) -> str:
        if p.municipality_id:
            return self.guide_url("guide:municipality", slug=p.municipality_id) + f"#{p.phase}"
        return self.phase_url(p.phase)

    def build_service(self, p: m.Provision, borders: Mapping[str, str]) -> None:
        service_id = hsds_id("provision", p.id)
        record = f"provision:{p.id}"
        served = self.served(p)
        organization_id = self.org_hsds_id(p.provider_organisation, p.provider_unit)
        if organization_id is None and p.responsible_id in self.municipal_org:
            organization_id = hsds_id("organisation", self.municipal_org[p.responsible_id].id)
        self.tables["services"].append(
            _clean(
                {
                    "id": service_id,
                    "organization_id": organization_id,
                    "program_id": self.program_id,
                    "name": self.service_name(p),
                    "description": self.service_description(p),
                    "url": self.service_url(p),
                    "status": STATUS_TO_HSDS[p.status],
                    "eligibility_description": self.eligibility(p, served),
                    "assured_date": self.dataset.data_date.isoformat(),
                    "alert": self.alert(p),
                }
            )
        )
        for mun in served:
            extent = borders.get(mun.code)
            self.tables["service_areas"].append(
                _clean(
                    {
                        "id": hsds_id("service-area", p.id, mun.id),
                        "service_id": service_id,
                        "name": self.mun_label(mun),
                        "description": self.t(
                            f"Kunnan {self.mun_label(mun)} asukkaille. Kuntaraja: kuntajako "
                            f"2021, {GEO_ATTRIBUTION}.",
                            f"For residents of {self.mun_label(mun)}. Border: municipal division "
                            f"of 2021, {GEO_ATTRIBUTION}.",
                        ),
                        "extent": extent,
                        "extent_type": "geojson" if extent else None,
                    }
                )
            )
        places = self.place_by_id
        for place_id in p.place_ids:
            if place_id not in places:
                continue
            modes = ", ".join(_pair(MODE_NAMES[mode], self.lang) for mode in p.modes)
            self.tables["service_at_locations"].append(
                _clean(
                    {
                        "id": hsds_id("service-at-location", p.id, place_id),
                        "service_id": service_id,
                        "location_id": hsds_id("place", place_id),
                        "description": f"{self.text(places[place_id].name)}"
                        + (f" ({modes})" if modes else ""),
                    }
                )
            )
        for code in p.languages:
            self.tables["languages"].append(
                {
                    "id": hsds_id("language", p.id, code),
                    "service_id": service_id,
                    "name": _pair(LANGUAGE_NAMES[code], self.lang)
                    if code in LANGUAGE_NAMES
                    else code,
                    "code": code,
                }
            )
        self.service_attributes(p, service_id, record)

    def service_attributes(self, p: m.Provision, service_id: str, record: str) -> None:
        def add(taxonomy: str, code: str, value: str | None = None, extra: str = "") -> None:
            self.attribute(
                link_entity="service",
                link_id=service_id,
                record=record,
                taxonomy=taxonomy,
                code=code,
                value=value,
                extra=extra,
            )

        add("kotokartta-phases", p.phase)
        for client in p.clients:
            add("kotokartta-client-groups", f"client-group:{client}")
        add("kotokartta-statuses", f"status:{p.status}")
        if p.responsible is not None:
            add(
                "kotokartta-arrangements",
                f"responsible-municipality:{p.responsible.code}",
                p.responsible.code,
            )
        elif p.responsible_is_residence:
            add("kotokartta-arrangements", "responsible-municipality:residence")
        if p.purchased:
            seller = self.seller(p)
            add("kotokartta-arrangements", "purchased", seller.code if seller else None)
            if seller is not None:
                add("kotokartta-arrangements", f"purchased-from:{seller.code}", seller.code)
        for partner in p.partners.all():
            add(
                "kotokartta-arrangements",
                "partner",
                self.partner_text(partner),
                extra=":".join(
                    (partner.organisation_id, partner.unit_id or "", partner.role_id or "")
                ),
            )
        for group in p.target_groups:
            add("kotokartta-target-groups", f"target-group:{group}")
        for mode in p.modes:
            add("kotokartta-modes", f"mode:{mode}")
        if p.role_id:
            add("kotokartta-roles", f"role:{p.role_id}")
        for role_id in p.alternative_roles:
            if role_id in self.role_by_id:
                add("kotokartta-roles", f"role:{role_id}", "alternative")
        section = (p.source or {}).get("section")
        if section in SECTIONS:
            add("kotokartta-sources", f"source-section:{section}", (p.source or {}).get("quote"))
        add("kotokartta-sources", "kotokartta-id", record)

    def build_flags(self) -> None:
        """Every flag becomes a `flag:<kind>` attribute on what it concerns: a provision's
        service, the services of an activity, an organisation, a unit or a municipality's own
        organisation; flags about the whole area go to the program."""
        provision_ids = {p.id for p in self.provisions}
        by_activity: dict[str, list[str]] = defaultdict(list)
        for p in self.provisions:
            if p.activity_id:
                by_activity[p.activity_id].append(p.id)
        for flag in self.flags:
            targets: list[tuple[str, str, str]] = []  # (link_entity, link_id, record)
            subject = flag.subject
            if subject in provision_ids:
                targets.append(("service", hsds_id("provision", subject), f"provision:{subject}"))
            elif subject in self.activities:
                targets += [
                    ("service", hsds_id("provision", pid), f"provision:{pid}")
                    for pid in by_activity.get(subject, [])
                ]
            elif subject in self.unit_by_id:
                targets.append(("organization", hsds_id("unit", subject), f"unit:{subject}"))
            elif subject in self.org_by_id:
                targets.append(
                    ("organization", hsds_id("organisation", subject), f"organisation:{subject}")
                )
            elif subject in self.municipal_org or (not subject and flag.municipality_id):
                org = self.municipal_org.get(subject or flag.municipality_id or "")
                if org is not None:
                    targets.append(
                        ("organization", hsds_id("organisation", org.id), f"organisation:{org.id}")
                    )
            if not targets:  # the whole area, or a subject without its own HSDS record
                targets.append(("program", self.program_id, f"area:{self.dataset.area_id}"))
            for link_entity, link_id, record in targets:
                self.attribute(
                    link_entity=link_entity,
                    link_id=link_id,
                    record=record,
                    taxonomy="kotokartta-flags",
                    code=f"flag:{flag.kind}",
                    value=self.text(flag.text),
                    extra=flag.id,
                )


def page_count(total: int, size: int) -> int:
    return max(1, math.ceil(total / size)) if size > 0 else 1
