"""`export_ptv`: the programme as PTV open API v11 records (services, service channels,
organisations), for the municipalities to compare with, or feed into, Suomi.fi
Palvelutietovaranto.

**One service per provision and municipality of residence.** A provision is one arrangement of
one phase: who is responsible, who provides it, whether it is bought, where. That is exactly what a
PTV service describes (a service of a responsible organisation, with its producers and channels).
Merging all provisions of a phase into one service would lose which producer and which provision
type go together (Puolanka's assessment has two producers, both bought), so we do not merge. A
municipality's own provision becomes one service; an area-wide provision (area.yaml: orientation,
training for others, the final test) becomes one service for every municipality it serves, because
each resident's own municipality is responsible for it (`responsible: residence`). The service id
is `uuid5(PTV_NAMESPACE, "service/<provision id>/<municipality code>")`, stable across exports;
`sourceId` names the provision.

Only provisions a person can get are exported: `available` and `on_need`. `planned`,
`undetermined` and `not_organised` provisions are not services in PTV's sense; README.txt lists
them.

**Organisations** of a service (`V6VmOpenApiServiceOrganization`):

- **Responsible**: the responsible municipality's own organisation (for `residence`, the
  served municipality's).
- **OtherResponsible**: the municipality of residence when another municipality is responsible
  (Kajaani as *vastuukunta* for training); partner authorities that share the work (wellbeing
  services county, state authorities, other municipalities).
- **Producer**: the provider organisation, with `provisionType` SelfProducedServices when it is the
  responsible municipality itself, ProcuredServices when the provision is `purchased`
  (ostopalvelu), Other otherwise (a school or college the document does not say is bought).
  Partner associations, schools and companies, and an activity's organisers when no provider is
  named, are Producers with `provisionType` Other. Responsible and OtherResponsible entries have
  no `provisionType` (`null`), as in PTV.

A bought service whose seller the document does not name gets a Producer without an
organisation, with `ProcuredServices` and the reason in `additionalInformation`, as PTV allows for
purchased services. The provider's unit and role go to the producer's `additionalInformation`.

**Service channels** are our places, as `ServiceLocation` channels (id
`uuid5(…, "channel/<place id>")`); the address only where the data has one. **Organisations** are
every organisation a service or channel refers to (id `uuid5(…, "organization/<id>")`).

**Languages**: texts in Finnish, and in English where the data has English (our vocabulary, place
and organisation names, and provision details all do); PTV publishes only fi, sv and en. A
service's `languages` are the languages of its texts, plus the service languages the document
states (one provision so far). The export's own words are gettext messages (`labels.py`), translated
into Finnish and Swedish in this app's catalogue; no Swedish text is written, because the data's
own texts (details, activities) have no Swedish and a Swedish service would be Swedish words around
Finnish details. Nothing is invented: no phone, e-mail, opening hours, service class
or business id that the data does not hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kotokartta.core.text import localised
from kotokartta.integrations.ptv.channels import ChannelsAndOrganisations, _names
from kotokartta.integrations.ptv.rules import validate_services
from kotokartta.programme import models as m
from kotokartta.programme.facts import provider_of, seller_of, served_municipalities
from kotokartta.programme.labels import label as vocabulary_label
from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
    SECTIONS,
    OrganisationKind,
    Status,
)

from .labels import (
    BOUGHT_NO_PROVIDER,
    DESCRIPTION_CONDITION,
    DESCRIPTION_DONE_BY,
    DESCRIPTION_HOW,
    DESCRIPTION_SOURCE,
    KEYWORD,
    LAW_NAME,
    ORGANISES,
    REQUIREMENT_BASES,
    REQUIREMENT_CLIENTS,
    RESIDENTS_MUNICIPALITY,
    SUMMARY_PROVIDED_BY,
    SUMMARY_PROVIDED_BY_BOUGHT,
    SUMMARY_RESPONSIBLE,
    SUMMARY_STATUS,
    TARGET_GROUP_CITIZENS_NAME,
    TEXT_LANGUAGES,
    in_text_languages,
    label,
    residence_basis_name,
)
from .shapes import (
    language_items,
    municipality_area,
    shorten,
    stable_id,
    typed_items,
)

EXPORTED_STATUSES = frozenset({Status.AVAILABLE.value, Status.ON_NEED.value})

# PTV target group KR1 "Kansalaiset" (citizens); immigrants are residents of the municipality.
TARGET_GROUP_CITIZENS = {
    "code": "KR1",
    "uri": "http://urn.fi/URN:NBN:fi:au:ptvl:v2001",
    "name": language_items(in_text_languages(TARGET_GROUP_CITIZENS_NAME)),
}

# Partners of these kinds share responsibility (OtherResponsible); others help produce (Producer).
RESPONSIBLE_PARTNER_KINDS = frozenset(
    {OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY, OrganisationKind.AUTHORITY}
)

README = """\
Kotokartta: the Kainuu-Koillismaa integration programme as PTV open API v11 records
====================================================================================

Written by `kotokartta export ptv` from the data of {date}.
Source: {document}.

Files
-----
services.json          {services} services in the shape of V11VmOpenApiService
service_channels.json  {channels} service locations in the shape of
                       V11VmOpenApiServiceLocationChannel
organizations.json     {organizations} organisations in the shape of V10VmOpenApiOrganization

Each file is a JSON object {{"pageNumber", "pageSize", "pageCount", "itemList"}}, the paging
shape of the PTV read API, with everything on one page.

How the programme becomes PTV records
-------------------------------------
* One service per provision and municipality of residence. An area-wide provision becomes
  one service for each municipality it serves, since each resident's own municipality is
  responsible. `sourceId` is "kotokartta:provision:<provision id>:<municipality code>".
* organizations[].roleType: Responsible = the responsible municipality; OtherResponsible =
  the municipality of residence when another municipality is responsible (vastuukunta), and
  partner authorities (wellbeing services county, state authorities, municipalities);
  Producer = the provider (and partner associations, schools or companies).
* organizations[].provisionType (producers only): SelfProducedServices when the responsible
  municipality provides the service itself; ProcuredServices when it buys the service
  (ostopalvelu); Other otherwise.
* areas: the municipality of residence, by its official code.
* Ids are uuid5 values from a fixed namespace: the same data gives the same ids.
* Texts are in Finnish and in English. Nothing is invented: no phone numbers, e-mail
  addresses, opening hours, service classes or business ids that the programme data
  does not hold. Service classes and ontology terms are left for the municipality to choose
  in PTV.

Provisions left out ({skipped}): planned, undetermined or not organised, so not services
a person can get now:
{skipped_list}

Needs a decision before anything is published in PTV
----------------------------------------------------
Services without a responsible organisation (the document does not name one):
{no_responsible}

Service locations without a street address (PTV requires one; the document gives none):
{no_address}

Services that PTV's v11 input rules would refuse as they stand ({rule_count} problems;
rules.py lists the rules and their source):
{rule_problems}
"""


@dataclass(frozen=True, slots=True)
class _Served:
    provision: m.Provision
    municipality: m.Municipality


def _client_name(client: str, lang: str) -> str:
    return vocabulary_label("document_client", client, lang) or client


def _names_in(bases: Iterable[str], lang: str) -> str:
    return ", ".join(residence_basis_name(basis, lang) for basis in bases)


def _join(parts: Iterable[str], sep: str = " ") -> str:
    return sep.join(part for part in parts if part)


class _Exporter(ChannelsAndOrganisations):
    """Services, one per provision and municipality served, and the whole export."""

    def served(self) -> tuple[list[_Served], list[m.Provision]]:
        served: list[_Served] = []
        skipped: list[m.Provision] = []
        for provision in self.provisions:
            if provision.status not in EXPORTED_STATUSES:
                skipped.append(provision)
                continue
            targets = served_municipalities(provision, municipalities=self.municipalities)
            served.extend(_Served(provision, mun) for mun in targets)
        return served, skipped

    def responsible_of(self, item: _Served) -> m.Municipality | None:
        if item.provision.responsible_is_residence:
            return item.municipality
        return item.provision.responsible

    # ---- services ----------------------------------------------------------------------------

    def organizations(self, item: _Served) -> list[dict[str, Any]]:
        provision = item.provision
        responsible = self.responsible_of(item)
        entries: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()

        def add(
            role: str,
            org: m.Organisation | None,
            provision_type: str | None = None,
            info: Mapping[str, str] | None = None,
        ) -> None:
            key = (role, org.id if org else "")
            if key in seen:
                return
            seen.add(key)
            entries.append(
                {
                    "roleType": role,
                    "organization": self.org_item(org) if org else None,
                    "provisionType": provision_type,
                    "additionalInformation": language_items(info),
                }
            )

        responsible_org = self.municipal_org.get(responsible.id) if responsible else None
        if responsible_org is not None:
            add("Responsible", responsible_org)
        if responsible is not None and responsible.id != item.municipality.id:
            residence_org = self.municipal_org.get(item.municipality.id)
            if residence_org is not None:
                add(
                    "OtherResponsible",
                    residence_org,
                    info={
                        lang: label(
                            RESIDENTS_MUNICIPALITY,
                            lang,
                            municipality=localised(responsible.name, lang),
                        )
                        for lang in TEXT_LANGUAGES
                    },
                )

        found = provider_of(provision)
        provider = found.organisation if found is not None else None
        seller = seller_of(provision)
        if provider is not None:
            if seller is not None:  # the provider sells it: facts.seller_of
                provision_type = "ProcuredServices"
            elif responsible_org is not None and provider.id == responsible_org.id:
                provision_type = "SelfProducedServices"
            else:
                provision_type = "Other"
            add("Producer", provider, provision_type, self.producer_info(provision))
        elif provision.purchased:
            add(
                "Producer",
                None,
                "ProcuredServices",
                in_text_languages(BOUGHT_NO_PROVIDER),
            )
        elif provision.activity is not None:
            for organiser in provision.activity.organisers.all():
                add(
                    "Producer",
                    organiser,
                    "Other",
                    {
                        lang: label(
                            ORGANISES, lang, activity=localised(provision.activity.name, lang)
                        )
                        for lang in TEXT_LANGUAGES
                    },
                )

        for partner in provision.partners.all():
            org = partner.organisation
            role_name = partner.role.name if partner.role else None
            info = (
                {
                    lang: _join(
                        [
                            _names(partner.unit.name, lang) if partner.unit else "",
                            localised(role_name, lang),
                        ],
                        ", ",
                    )
                    for lang in TEXT_LANGUAGES
                }
                if partner.unit or role_name
                else None
            )
            if org.kind in RESPONSIBLE_PARTNER_KINDS:
                if responsible_org is not None and org.id == responsible_org.id:
                    continue
                add("OtherResponsible", org, info=info)
            else:
                add("Producer", org, "Other", info)
        return entries

    def producer_info(self, provision: m.Provision) -> dict[str, str] | None:
        unit = provision.provider_unit
        role = provision.role
        if unit is None and role is None:
            return None
        return {
            lang: _join(
                [
                    _names(unit.name, lang) if unit else "",
                    localised(role.name, lang) if role else "",
                ],
                ", ",
            )
            for lang in TEXT_LANGUAGES
        }

    def service_name(self, provision: m.Provision, lang: str) -> str:
        phase = PHASE_BY_ID[provision.phase]
        name = phase.name(lang)
        if provision.activity is not None:
            name = f"{name}: {localised(provision.activity.name, lang)}"
        if len(provision.clients) == 1:
            name = f"{name} – {_client_name(provision.clients[0], lang)}"
        return shorten(name, 100)

    def summary(self, item: _Served, lang: str) -> str:
        provision = item.provision
        responsible = self.responsible_of(item)
        provider = provision.provider_organisation
        status = vocabulary_label("document_status", provision.status, lang) or provision.status
        parts: list[str] = []
        if responsible:
            parts.append(
                label(SUMMARY_RESPONSIBLE, lang, municipality=localised(responsible.name, lang))
            )
        if provider:
            provided_by = SUMMARY_PROVIDED_BY_BOUGHT if provision.purchased else SUMMARY_PROVIDED_BY
            parts.append(label(provided_by, lang, provider=localised(provider.name, lang)))
        parts.append(label(SUMMARY_STATUS, lang, status=status))
        return shorten(" ".join(parts), 150)

    def description(self, item: _Served, lang: str) -> str:
        provision = item.provision
        lines = [localised(provision.details, lang)]
        if provision.activity is not None and provision.activity.description:
            lines.append(localised(provision.activity.description, lang))
        roles = [provision.role_id] if provision.role_id else []
        roles += provision.alternative_role_ids
        role_names = [localised(self.roles[r].name, lang) for r in roles if r in self.roles]
        if role_names:
            lines.append(label(DESCRIPTION_DONE_BY, lang, roles=", ".join(role_names)))
        if provision.modes:
            modes = [
                vocabulary_label("document_mode", mode, lang) or mode for mode in provision.modes
            ]
            lines.append(label(DESCRIPTION_HOW, lang, modes=", ".join(modes)))
        condition = (provision.condition or {}).get("text")
        if condition:
            lines.append(label(DESCRIPTION_CONDITION, lang, condition=localised(condition, lang)))
        section = SECTIONS.get(provision.source.get("section", ""), "")
        title = localised(self.dataset.document_title, lang)
        if section:
            lines.append(label(DESCRIPTION_SOURCE, lang, document=title, section=section))
        return shorten("\n\n".join(line for line in lines if line), 2500, paragraphs=True)

    def requirements(self, provision: m.Provision) -> list[dict[str, str]]:
        texts: dict[str, str] = {}
        for lang in TEXT_LANGUAGES:
            clients = ", ".join(_client_name(c, lang) for c in provision.clients)
            text = label(REQUIREMENT_CLIENTS, lang).format(clients=clients)
            if provision.target_groups:
                bases = _names_in(provision.target_groups, lang)
                text += " " + label(REQUIREMENT_BASES, lang).format(bases=bases)
            texts[lang] = text
        return language_items(texts)

    def legislation(self, provision: m.Provision) -> list[dict[str, Any]]:
        law = PHASE_BY_ID[provision.phase].law.current
        if not law:
            return []
        return [
            {
                "names": language_items(
                    {lang: f"{law}, {label(LAW_NAME, lang)}" for lang in TEXT_LANGUAGES}
                ),
                "webPages": [],
            }
        ]

    def has_english(self, provision: m.Provision) -> bool:
        texts = [provision.details]
        if provision.activity is not None:
            texts += [provision.activity.name, provision.activity.description]
        return all(not text or bool(text.get("en")) for text in texts)

    def service(self, item: _Served) -> dict[str, Any]:
        provision = item.provision
        code = item.municipality.code
        service_id = stable_id("service", provision.id, code)
        text_langs = ["fi", "en"] if self.has_english(provision) else ["fi"]
        languages = text_langs + [lang for lang in provision.languages if lang not in text_langs]
        names = {lang: self.service_name(provision, lang) for lang in text_langs}
        summaries = {lang: self.summary(item, lang) for lang in text_langs}
        descriptions = {lang: self.description(item, lang) for lang in text_langs}
        channels: list[dict[str, Any]] = []
        for place_id in provision.place_ids:
            place = self.places.get(place_id)
            if place is None:
                continue
            channel_id = stable_id("channel", place.id)
            channels.append(
                {
                    "serviceChannel": {"id": channel_id, "name": localised(place.name, "fi")},
                    "serviceChargeType": None,
                    "description": [],
                    "serviceHours": [],
                    "contactDetails": None,
                    "extraTypes": [],
                    "digitalAuthorizations": [],
                    "isASTIConnection": False,
                    "modified": self.modified,
                }
            )
            self.channel_services.setdefault(place.id, []).append(
                {
                    "service": {"id": service_id, "name": names["fi"]},
                    "serviceChargeType": None,
                    "description": [],
                    "serviceHours": [],
                    "contactDetails": None,
                    "extraTypes": [],
                    "digitalAuthorizations": [],
                    "isASTIConnection": False,
                    "modified": self.modified,
                }
            )
        organizations = self.organizations(item)
        if not any(entry["roleType"] == "Responsible" for entry in organizations):
            self.no_responsible.append(f"{provision.id} ({item.municipality.name['fi']})")
        return {
            "id": service_id,
            "sourceId": f"kotokartta:provision:{provision.id}:{code}",
            "type": "Service",
            "fundingType": "PubliclyFunded",
            "serviceNames": typed_items(names, "Name"),
            "serviceChargeType": None,
            "areaType": "LimitedType",
            "serviceDescriptions": typed_items(summaries, "Summary")
            + typed_items(descriptions, "Description"),
            "languages": languages,
            "legislation": self.legislation(provision),
            "keywords": language_items(in_text_languages(KEYWORD)),
            "requirements": self.requirements(provision),
            "serviceVouchersInUse": False,
            "serviceVouchers": [],
            "generalDescriptionId": None,
            "subType": None,
            "areas": [municipality_area(code, item.municipality.name)],
            "serviceClasses": [],
            "ontologyTerms": [],
            "targetGroups": [TARGET_GROUP_CITIZENS],
            "lifeEvents": [],
            "industrialClasses": [],
            "serviceChannels": channels,
            "organizations": organizations,
            "serviceCollections": [],
            "publishingStatus": "Published",
            "modified": self.modified,
            "responsibleSoteOrganization": None,
        }

    # ---- channels and organisations ----------------------------------------------------------

    def run(self, folder: Path) -> list[Path]:
        served, skipped = self.served()
        services = [self.service(item) for item in served]
        problems = validate_services(services)
        channels = []
        no_address = []
        for place in self.places.values():
            record, owner = self.channel(place)
            if owner is not None:
                self.used_organisations.setdefault(owner.id, owner)
            channels.append(record)
            if not place.address:
                no_address.append(f"{place.id} ({localised(place.name, 'fi')})")
        organisation_order = list(self.organisations)
        organizations = [
            self.organization(org)
            for org in sorted(
                self.used_organisations.values(), key=lambda o: organisation_order.index(o.id)
            )
        ]
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, items in (
            ("services.json", services),
            ("service_channels.json", channels),
            ("organizations.json", organizations),
        ):
            path = folder / name
            page = {"pageNumber": 1, "pageSize": len(items), "pageCount": 1, "itemList": items}
            path.write_text(json.dumps(page, ensure_ascii=False, indent=2) + "\n", "utf-8")
            written.append(path)
        readme = folder / "README.txt"
        readme.write_text(
            README.format(
                date=_date(self.dataset.data_date),
                document=localised(self.dataset.document_title, "en"),
                services=len(services),
                channels=len(channels),
                organizations=len(organizations),
                skipped=len(skipped),
                skipped_list=_bullets(f"{p.id} ({p.status})" for p in skipped),
                no_responsible=_bullets(self.no_responsible),
                no_address=_bullets(no_address),
                rule_count=len(problems),
                rule_problems=_bullets(str(problem) for problem in problems),
            ),
            "utf-8",
        )
        written.append(readme)
        return written


def _date(value: date) -> str:
    return value.isoformat()


def _bullets(lines: Iterable[str]) -> str:
    items = [f"  - {line}" for line in lines]
    return "\n".join(items) if items else "  (none)"


def export_ptv(*, folder: Path) -> list[Path]:
    """Write services.json, service_channels.json, organizations.json and README.txt into
    `folder` (created if missing) and return their paths. Raises LookupError when no programme
    is loaded, OSError when the folder cannot be written."""
    return _Exporter().run(Path(folder))
