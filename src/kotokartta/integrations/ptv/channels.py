"""The PTV export's service channels (our places, as ServiceLocation channels) and organisation
records, and the data every part of the export reads once (`export.py` builds the services)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kotokartta.core.text import localised
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
    OrganisationKind,
)

from .labels import CHANNEL_SERVICES, ORGANISATION_UNITS, TEXT_LANGUAGES, label
from .shapes import (
    municipality_area,
    municipality_item,
    shorten,
    split_street,
    stable_id,
    typed_items,
)

# Our organisation kinds → PTV organizationType; None where the kind does not tell (an authority
# may be state or municipal).
ORGANIZATION_TYPES: dict[str, str | None] = {
    OrganisationKind.MUNICIPALITY: "Municipality",
    OrganisationKind.WELLBEING_COUNTY: "Region",
    OrganisationKind.COMPANY: "Company",
    OrganisationKind.ASSOCIATION: "Organization",
    OrganisationKind.EDUCATION: "Organization",
    OrganisationKind.PROJECT: "Organization",
    OrganisationKind.OTHER: "Organization",
    OrganisationKind.AUTHORITY: None,
}


def _names(text: Mapping[str, str] | None, lang: str) -> str:
    return localised(text, lang)


class ChannelsAndOrganisations:
    def __init__(self) -> None:
        dataset = m.DataSet.objects.current()
        if dataset is None:
            raise LookupError("no programme data is loaded; run `kotokartta data load`")
        self.dataset = dataset
        self.modified = f"{dataset.data_date.isoformat()}T00:00:00"
        self.municipalities = list(m.Municipality.objects.all())
        self.organisations = {
            o.id: o
            for o in m.Organisation.objects.select_related("municipality").prefetch_related("units")
        }
        self.places = {p.id: p for p in m.Place.objects.select_related("municipality")}
        self.roles = {r.id: r for r in m.Role.objects.all()}
        self.municipal_org = {
            o.municipality_id: o
            for o in self.organisations.values()
            if o.kind == OrganisationKind.MUNICIPALITY and o.municipality_id
        }
        self.provisions = list(m.Provision.objects.with_related())
        # Each place's provisions, in provision order: a channel reads only its own (one pass,
        # not every provision once per place).
        self.provisions_at: dict[str, list[m.Provision]] = {}
        for provision in self.provisions:
            for place_id in provision.place_ids:
                self.provisions_at.setdefault(place_id, []).append(provision)
        self.used_organisations: dict[str, m.Organisation] = {}
        self.channel_services: dict[str, list[dict[str, Any]]] = {}
        self.no_responsible: list[str] = []

    # ---- helpers -----------------------------------------------------------------------------

    def org_item(self, org: m.Organisation) -> dict[str, Any]:
        self.used_organisations[org.id] = org
        return {"id": stable_id("organization", org.id), "name": _names(org.name, "fi")}

    def channel_owner(self, place: m.Place) -> m.Organisation | None:
        """The provider, when every provision at the place has the same one and it is based in
        the place's municipality (Kaukametsän opisto); else the municipality's own organisation."""
        providers = {
            p.provider_organisation_id
            for p in self.provisions_at.get(place.id, [])
            if p.provider_organisation_id
        }
        if len(providers) == 1:
            org = self.organisations[next(iter(providers))]
            if org.municipality_id == place.municipality_id:
                return org
        return self.municipal_org.get(place.municipality_id)

    def channel(self, place: m.Place) -> tuple[dict[str, Any], m.Organisation | None]:
        mun = place.municipality
        owner = self.channel_owner(place)
        languages = ["fi", "en"] if place.name.get("en") else ["fi"]
        addresses = []
        if place.address:
            street, number = split_street(place.address)
            addresses.append(
                {
                    "type": "Location",
                    "subType": "Single",
                    "country": "FI",
                    "streetAddress": {
                        "street": [{"language": "fi", "value": street}],
                        "streetNumber": number or None,
                        "postalCode": place.postal_code or None,
                        "postOffice": [],
                        "municipality": municipality_item(mun.code, mun.name),
                        "additionalInformation": [],
                        "latitude": str(place.latitude) if place.latitude is not None else None,
                        "longitude": str(place.longitude) if place.longitude is not None else None,
                        "coordinateState": "EnteredByUser"
                        if place.latitude is not None
                        else "NotReceived",
                    },
                    "entrances": [],
                }
            )
        services = self.channel_services.get(place.id, [])
        phases = sorted(
            {p.phase for p in self.provisions_at.get(place.id, [])},
            key=lambda phase: list(PHASE_BY_ID).index(phase),
        )
        summary = {
            lang: shorten(
                label(
                    CHANNEL_SERVICES,
                    lang,
                    phases=", ".join(PHASE_BY_ID[phase].name(lang) for phase in phases),
                ),
                150,
            )
            for lang in languages
        }
        record = {
            "id": stable_id("channel", place.id),
            "sourceId": f"kotokartta:place:{place.id}",
            "serviceChannelType": "ServiceLocation",
            "organizationId": stable_id("organization", owner.id) if owner else None,
            "serviceChannelNames": typed_items(place.name, "Name"),
            "serviceChannelDescriptions": typed_items(summary, "Summary") if phases else [],
            "areaType": "LimitedType",
            "areas": [municipality_area(mun.code, mun.name)],
            "languages": languages,
            "webPages": [],
            "serviceHours": [],
            "supportEmails": [],
            "phoneNumbers": [],
            "addresses": addresses,
            "services": services,
            "serviceCollections": [],
            "publishingStatus": "Published",
            "modified": self.modified,
            "isVisibleForAll": True,
        }
        return record, owner

    def organization(self, org: m.Organisation) -> dict[str, Any]:
        mun = org.municipality
        units = list(org.units.all())
        return {
            "id": stable_id("organization", org.id),
            "sourceId": f"kotokartta:organisation:{org.id}",
            "organizationType": ORGANIZATION_TYPES.get(org.kind),
            "businessCode": None,
            "organizationNames": typed_items(org.name, "Name"),
            "organizationDescriptions": typed_items(
                {
                    lang: label(
                        ORGANISATION_UNITS,
                        lang,
                        units=", ".join(localised(u.name, lang) for u in units),
                    )
                    for lang in TEXT_LANGUAGES
                },
                "Summary",
            )
            if units
            else [],
            "areaType": "LimitedType" if mun else None,
            "municipality": municipality_item(mun.code, mun.name) if mun else None,
            "areas": [municipality_area(mun.code, mun.name)] if mun else [],
            "emails": [],
            "phoneNumbers": [],
            "webPages": [],
            "addresses": [],
            "parentOrganizationId": None,
            "publishingStatus": "Published",
            "modified": self.modified,
        }

    # ---- the whole export --------------------------------------------------------------------
