"""Building HSDS tables, part one: taxonomies, organisations, the programme, locations and
contacts (services and flags: `services.py`)."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise

from kotokartta.core.text import in_language, localised
from kotokartta.opendata.hsds.common import (
    COUNTRY,
    TABLES,
    Record,
    _clean,
    hsds_id,
)
from kotokartta.opendata.hsds.labels import (
    LOCATION_MUNICIPALITY,
    NO_ADDRESS,
    NO_POSTAL_CODE,
    ORGANISATION_NAMED_IN,
    PROGRAM_DESCRIPTION,
    PROGRAM_NAME,
    TAXONOMIES,
    UNIT_OF,
    organisation_kind_name,
    region_name,
)
from kotokartta.opendata.hsds.taxonomy import Term, _terms
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import (
    OrganisationKind,
)


class HsdsBuilderBase:
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
        self.provisions = list(m.Provision.objects.with_related())
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

    def t(self, text: Promise, **values: object) -> str:
        """A fixed sentence of the export (`labels`) in the export's language."""
        return in_language(text, self.lang, **values)

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

    def build_taxonomies(self) -> None:
        for name, description in TAXONOMIES.items():
            self.tables["taxonomies"].append(
                {
                    "id": hsds_id("taxonomy", name),
                    "name": name,
                    "description": in_language(description, self.lang),
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
            kind = organisation_kind_name(org.kind, self.lang)
            where = f", {self.mun_label(org.municipality)}" if org.municipality else ""
            record = f"organisation:{org.id}"
            org_id = hsds_id("organisation", org.id)
            self.tables["organizations"].append(
                {
                    "id": org_id,
                    "name": self.text(org.name),
                    "description": f"{kind}{where}. " + self.t(ORGANISATION_NAMED_IN, area=area),
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
                    "description": self.t(UNIT_OF, parent=parent_name),
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
                    "name": self.t(PROGRAM_NAME, area=area),
                    "alternate_name": self.text(ds.document_title),
                    "description": self.t(
                        PROGRAM_DESCRIPTION,
                        source=self.text(ds.document_title)
                        + (f" ({publisher})" if publisher else ""),
                        date=ds.data_date.isoformat(),
                    ),
                }
            )
        )
        self.record_id("program", self.program_id, f"area:{ds.area_id}")

    def build_locations(self) -> None:
        for place in self.places:
            mun = place.municipality
            location_id = hsds_id("place", place.id)
            notes = [self.t(LOCATION_MUNICIPALITY, municipality=self.mun_label(mun))]
            if not place.address:
                notes.append(in_language(NO_ADDRESS, self.lang))
            elif not place.postal_code:
                notes.append(in_language(NO_POSTAL_CODE, self.lang))
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
                region = region_name(mun.wellbeing_county_id, self.lang)
                self.tables["addresses"].append(
                    {
                        "id": hsds_id("address", place.id),
                        "location_id": location_id,
                        "address_1": place.address,
                        "city": localised(mun.name, "fi"),
                        "state_province": region,
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
