"""Building HSDS tables, part two: one service per provision with its areas, locations,
languages and attributes, and the flags; `HsdsBuilder.build` runs every step."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.conf import settings

from kotokartta.opendata.hsds.borders import municipal_borders
from kotokartta.opendata.hsds.builder import HsdsBuilderBase
from kotokartta.opendata.hsds.common import (
    GEO_ATTRIBUTION,
    HSDS_VERSION,
    STATUS_TO_HSDS,
    _clean,
    _sentence,
    hsds_id,
)
from kotokartta.opendata.hsds.data import HsdsData
from kotokartta.opendata.hsds.labels import (
    ALERT_PLANNED_FROM,
    ALERT_UNDETERMINED,
    ARRANGED_IF_NEEDED,
    CLIENT_GROUP,
    CONDITION,
    EVERY_MUNICIPALITY,
    GIVEN,
    PLANNED_FROM,
    PROVIDED_BY,
    PURCHASED_FROM,
    PURCHASED_NO_SELLER,
    RESIDENTS_OF,
    RESPONSIBLE,
    RESPONSIBLE_RESIDENCE,
    RESPONSIBLE_UNKNOWN,
    ROLE_OR_ALTERNATIVES,
    SERVICE_AREA,
    SOURCE_QUOTE,
    SOURCE_SILENT,
    TARGET_GROUPS,
    THE_RESPONSIBLE_MUNICIPALITY,
    TOGETHER_WITH,
)
from kotokartta.programme import models as m
from kotokartta.programme.facts import seller_of, served_municipalities
from kotokartta.programme.labels import basis_name, label, language_name
from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
    SECTIONS,
    Status,
)


class HsdsBuilder(HsdsBuilderBase):
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

    def served(self, p: m.Provision) -> list[m.Municipality]:
        return served_municipalities(p, municipalities=self.municipalities)

    def seller(self, p: m.Provision) -> m.Municipality | None:
        """The selling municipality (`facts.seller_of`); None when the seller is not a
        municipality or is not named."""
        seller = seller_of(p)
        return None if seller is None or seller.municipality is None else seller.municipality

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
            name += f" – {self.client_name(p.clients[0])}"
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
                for r in p.alternative_role_ids
                if r in self.role_by_id
            ]
            if alternatives:
                roles = self.t(
                    ROLE_OR_ALTERNATIVES, role=roles, alternatives=", ".join(alternatives)
                )
            parts.append(self.t(PROVIDED_BY, roles=roles))
        partners = [self.partner_text(partner) for partner in p.partners.all()]
        if partners:
            parts.append(self.t(TOGETHER_WITH, partners="; ".join(partners)))
        if p.modes:
            parts.append(self.t(GIVEN, modes=self.mode_names(p)))
        if p.activity is not None:
            a = p.activity
            period = ""
            if a.start_year or a.end_year:
                period = f" ({a.start_year or ''}–{a.end_year or ''})"
            parts.append(
                _sentence(f"{self.text(a.name)}{period}: {self.text(a.description)}".rstrip(": "))
            )
        if p.planned_from:
            parts.append(self.t(PLANNED_FROM, year=p.planned_from))
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
            return self.t(SOURCE_QUOTE, section=section, quote=quote)
        return self.t(SOURCE_SILENT, section=section)

    def eligibility(self, p: m.Provision, served: list[m.Municipality]) -> str:
        lang = self.lang
        clients = ", ".join(self.client_name(c) for c in p.clients)
        parts = [self.t(CLIENT_GROUP, groups=clients)]
        if p.municipality_id:
            who = self.mun_label(self.mun_by_id[p.municipality_id])
        elif len(served) == len(self.municipalities):
            who = self.t(EVERY_MUNICIPALITY)
        else:
            who = ", ".join(self.mun_label(mun) for mun in served)
        parts.append(self.t(RESIDENTS_OF, who=who))
        if p.target_groups:
            groups = ", ".join(basis_name(g, lang) for g in p.target_groups)
            parts.append(self.t(TARGET_GROUPS, groups=groups))
        condition = self.text((p.condition or {}).get("text"))
        if condition:
            parts.append(self.t(CONDITION, condition=_sentence(condition)))
        if p.status == Status.ON_NEED:
            parts.append(self.t(ARRANGED_IF_NEEDED))
        if p.responsible is not None:
            parts.append(self.t(RESPONSIBLE, municipality=self.mun_label(p.responsible)))
        elif p.responsible_is_residence:
            parts.append(self.t(RESPONSIBLE_RESIDENCE))
        else:
            parts.append(self.t(RESPONSIBLE_UNKNOWN))
        if p.purchased:
            buyer = (
                self.mun_label(p.responsible)
                if p.responsible
                else self.t(THE_RESPONSIBLE_MUNICIPALITY)
            )
            seller = seller_of(p)
            if seller is not None:
                seller_name = (
                    self.mun_label(seller.municipality)
                    if seller.municipality is not None
                    else self.text(seller.organisation.name)
                )
                parts.append(self.t(PURCHASED_FROM, buyer=buyer, seller=seller_name))
            else:
                parts.append(self.t(PURCHASED_NO_SELLER, buyer=buyer))
        return " ".join(parts)

    def alert(self, p: m.Provision) -> str | None:
        if p.status in (Status.AVAILABLE, Status.ON_NEED):
            return None
        name = label("document_status", p.status, self.lang) or p.status
        text = name[:1].upper() + name[1:]
        if p.status == Status.PLANNED and p.planned_from:
            text = self.t(ALERT_PLANNED_FROM, status=text, year=p.planned_from)
        if p.status == Status.UNDETERMINED:
            text = self.t(ALERT_UNDETERMINED, status=text)
        return _sentence(text)

    def client_name(self, client: str) -> str:
        return label("document_client", client, self.lang) or client

    def mode_names(self, p: m.Provision) -> str:
        return ", ".join(label("document_mode", mode, self.lang) or mode for mode in p.modes)

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
                            SERVICE_AREA,
                            municipality=self.mun_label(mun),
                            attribution=GEO_ATTRIBUTION,
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
            modes = self.mode_names(p)
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
                    "name": language_name(code, self.lang),
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
        for role_id in p.alternative_role_ids:
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
