"""Which PTV organisation or service location is which of ours.

**Names are compared normalised**: Unicode-normalised, case-folded, accents removed (so
"Ristijarvi" is "Ristijärvi"), punctuation and dashes turned to spaces, legal forms dropped
(`ry`, `oy`, `ab`…), and a few words PTV and the programme document use for the same building
made equal (`kunnanvirasto` = `kunnantalo`, `kaupunginvirasto` = `kaupungintalo`).

**Organisations** (PTV: `organizations[].organization` of the services and the `organizationId`
of the channels; ours: `Organisation`) match when a normalised PTV name equals one of our keys:

1. *name*: the organisation's name in any language ("Kajaanin kaupunki", "Kajana stad");
2. *alias*: the name without its parenthesised part and the parenthesised abbreviation alone
   ("Kainuun ammattiopisto", "KAO"); a unit as "<organisation> <unit>" ("Suomussalmen kunta,
   työllisyyspalvelut"), or the unit's own name when it is a proper name written with a capital
   letter ("Kianta-opisto"), which matches the organisation with that unit.

When several of ours share a key, the one based in the municipality being compared wins; if that
does not decide, the PTV organisation stays unmatched and the candidates are named.

**Service locations** (PTV channels of type `ServiceLocation`; ours: `Place`) are compared only
with our places in the channel's own municipality (the municipality code of its address, else of
its areas, else the municipality being compared). A pair scores

- 3 (*name*): a channel name (Name or AlternativeName, any language) equals a place name;
- 2 (*alias*): equal after dropping a parenthesised part or taking it alone ("Kajaani Info" for
  "Kajaani Info (Kajaanin kaupungintalo)"), or after dropping the municipality's name
  ("Kaukametsän opisto, Kajaani"; municipality aliases such as "Hyrnsalmi" count);
- 1 (*address*): the place has a street address and it equals the channel's.

Pairs are taken best score first, each channel and each place at most once; a channel whose only
candidates are taken stays unmatched, and the report says whom it resembles. Phone, e-service,
web page and form channels are not places and are never matched to one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kotokartta.programme import models as m

from .shapes import text_in, texts_of

LEGAL_FORMS = frozenset({"ry", "rf", "oy", "oyj", "ab", "abp", "ky", "tmi"})
SYNONYMS = {
    "kunnanvirasto": "kunnantalo",
    "kunnanvirastotalo": "kunnantalo",
    "kaupunginvirasto": "kaupungintalo",
    "kaupunginvirastotalo": "kaupungintalo",
}
PARENTHESISED = re.compile(r"\(([^()]*)\)")

SCORE_NAME, SCORE_ALIAS, SCORE_ADDRESS = 3, 2, 1
RULES = {SCORE_NAME: "name", SCORE_ALIAS: "alias", SCORE_ADDRESS: "address"}


def normalise(text: str) -> str:
    """'Kajaanin  Kaupungintalo,' → 'kajaanin kaupungintalo'; accents off, legal forms off."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w@]+", " ", text.replace("_", " "))
    words = [SYNONYMS.get(word, word) for word in text.split() if word not in LEGAL_FORMS]
    return " ".join(words)


def name_variants(name: str) -> tuple[set[str], set[str]]:
    """(exact keys, alias keys) of one name: the whole name; without and inside parentheses."""
    exact = {normalise(name)}
    alias = {normalise(PARENTHESISED.sub(" ", name))}
    alias.update(normalise(inner) for inner in PARENTHESISED.findall(name))
    alias -= exact
    return {k for k in exact if k}, {k for k in alias if k}


def strip_municipality(key: str, municipality_keys: Iterable[str]) -> str:
    """Drop the municipality's name (any form we know) from the start or end of a key."""
    for mun in sorted(municipality_keys, key=len, reverse=True):
        if not mun:
            continue
        if key.endswith(" " + mun):
            return key[: -len(mun) - 1]
        if key.startswith(mun + " "):
            return key[len(mun) + 1 :]
    return key


def municipality_keys(municipality: m.Municipality) -> set[str]:
    """The municipality's names and aliases, normalised ('kajaani', 'kajana', 'hyrnsalmi')."""
    return {normalise(v) for v in (*municipality.name.values(), *municipality.aliases)} - {""}


# ---- what PTV says ----------------------------------------------------------------------------


@dataclass(slots=True)
class PtvOrganisation:
    id: str
    name: str
    roles: set[str] = field(default_factory=set)
    services: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PtvAddress:
    street: str
    number: str
    postal_code: str
    municipality_code: str

    @property
    def street_address(self) -> str:
        return f"{self.street} {self.number}".strip()

    def __str__(self) -> str:
        return ", ".join(part for part in (self.street_address, self.postal_code) if part)


def channel_type(channel: Mapping[str, Any]) -> str:
    return str(channel.get("serviceChannelType") or "")


def channel_name(channel: Mapping[str, Any]) -> str:
    return text_in(channel.get("serviceChannelNames"), "fi", "Name") or text_in(
        channel.get("serviceChannelNames")
    )


def channel_address(channel: Mapping[str, Any]) -> PtvAddress | None:
    """The visiting address of a channel: the first `Location` address with a street."""
    for address in channel.get("addresses") or ():
        if not isinstance(address, Mapping):
            continue
        if address.get("type") not in ("Location", "Visiting", None):
            continue
        street = address.get("streetAddress")
        if not isinstance(street, Mapping):
            continue
        municipality = street.get("municipality")
        return PtvAddress(
            street=text_in(street.get("street"), "fi"),
            number=str(street.get("streetNumber") or "").strip(),
            postal_code=str(street.get("postalCode") or "").strip(),
            municipality_code=str(municipality.get("code") or "")
            if isinstance(municipality, Mapping)
            else "",
        )
    return None


def channel_municipality_codes(channel: Mapping[str, Any]) -> set[str]:
    address = channel_address(channel)
    if address and address.municipality_code:
        return {address.municipality_code}
    codes: set[str] = set()
    for area in channel.get("areas") or ():
        if not isinstance(area, Mapping) or area.get("type") != "Municipality":
            continue
        if area.get("code"):
            codes.add(str(area["code"]))
        for mun in area.get("municipalities") or ():
            if isinstance(mun, Mapping) and mun.get("code"):
                codes.add(str(mun["code"]))
    return codes


def ptv_organisations(
    services: Iterable[Mapping[str, Any]], channels: Iterable[Mapping[str, Any]]
) -> dict[str, PtvOrganisation]:
    """Every organisation the services name (with their roles) or the channels belong to."""
    found: dict[str, PtvOrganisation] = {}
    for service in services:
        service_id = str(service.get("id") or "")
        for entry in service.get("organizations") or ():
            if not isinstance(entry, Mapping):
                continue
            org = entry.get("organization")
            if not isinstance(org, Mapping) or not org.get("id"):
                continue
            record = found.setdefault(
                str(org["id"]), PtvOrganisation(str(org["id"]), str(org.get("name") or ""))
            )
            if not record.name and org.get("name"):
                record.name = str(org["name"])
            if entry.get("roleType"):
                record.roles.add(str(entry["roleType"]))
            if service_id and service_id not in record.services:
                record.services.append(service_id)
    for channel in channels:
        org_id = channel.get("organizationId")
        if org_id and str(org_id) not in found:
            found[str(org_id)] = PtvOrganisation(str(org_id), "")
    return found


# ---- the matches ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrganisationMatch:
    ptv_id: str
    ptv_name: str
    organisation_id: str
    unit_id: str | None
    rule: str


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    ptv_id: str
    ptv_name: str
    place_id: str
    rule: str


@dataclass(slots=True)
class Matching:
    organisations: list[OrganisationMatch] = field(default_factory=list)
    unmatched_ptv_organisations: list[tuple[PtvOrganisation, list[str]]] = field(
        default_factory=list
    )
    unmatched_organisations: list[str] = field(default_factory=list)
    places: list[PlaceMatch] = field(default_factory=list)
    unmatched_ptv_locations: list[tuple[Mapping[str, Any], list[str]]] = field(default_factory=list)
    unmatched_places: list[str] = field(default_factory=list)
    other_channels: list[Mapping[str, Any]] = field(default_factory=list)

    def organisation_for(self, ptv_id: str) -> OrganisationMatch | None:
        return next((o for o in self.organisations if o.ptv_id == ptv_id), None)

    def place_for(self, ptv_id: str) -> PlaceMatch | None:
        return next((p for p in self.places if p.ptv_id == ptv_id), None)


@dataclass(frozen=True, slots=True)
class _OrgKey:
    organisation: m.Organisation
    unit_id: str | None
    score: int


def _organisation_keys(organisations: Iterable[m.Organisation]) -> dict[str, list[_OrgKey]]:
    keys: dict[str, list[_OrgKey]] = {}

    def add(key: str, key_info: _OrgKey) -> None:
        if key:
            keys.setdefault(key, []).append(key_info)

    for org in organisations:
        for name in org.name.values():
            exact, alias = name_variants(name)
            for key in exact:
                add(key, _OrgKey(org, None, SCORE_NAME))
            for key in alias:
                add(key, _OrgKey(org, None, SCORE_ALIAS))
            for unit in org.units.all():
                for unit_name in unit.name.values():
                    add(normalise(f"{name} {unit_name}"), _OrgKey(org, unit.id, SCORE_ALIAS))
        for unit in org.units.all():
            for unit_name in unit.name.values():
                if any(ch.isupper() for ch in unit_name):
                    add(normalise(unit_name), _OrgKey(org, unit.id, SCORE_ALIAS))
    return keys


def match_organisations(
    found: Mapping[str, PtvOrganisation],
    organisations: Iterable[m.Organisation],
    municipality: m.Municipality,
    result: Matching,
) -> None:
    organisations = list(organisations)
    keys = _organisation_keys(organisations)
    matched_ours: set[str] = set()
    for ptv in found.values():
        key = normalise(ptv.name)
        candidates = keys.get(key, []) if key else []
        best = max((c.score for c in candidates), default=0)
        candidates = [c for c in candidates if c.score == best]
        by_org = {(c.organisation.id, c.unit_id): c for c in candidates}
        if len(by_org) > 1:
            local = [
                c for c in by_org.values() if c.organisation.municipality_id == municipality.id
            ]
            if len(local) == 1:
                by_org = {(local[0].organisation.id, local[0].unit_id): local[0]}
        if len(by_org) == 1:
            chosen = next(iter(by_org.values()))
            result.organisations.append(
                OrganisationMatch(
                    ptv.id, ptv.name, chosen.organisation.id, chosen.unit_id, RULES[chosen.score]
                )
            )
            matched_ours.add(chosen.organisation.id)
        else:
            result.unmatched_ptv_organisations.append(
                (ptv, sorted({c.organisation.id for c in by_org.values()}))
            )
    result.unmatched_organisations = [
        org.id
        for org in organisations
        if org.municipality_id == municipality.id and org.id not in matched_ours
    ]


def _place_score(channel: Mapping[str, Any], place: m.Place, mun_keys: set[str]) -> tuple[int, str]:
    names = texts_of(channel.get("serviceChannelNames"))
    ours_exact: set[str] = set()
    ours_alias: set[str] = set()
    for name in place.name.values():
        exact, alias = name_variants(name)
        ours_exact |= exact
        ours_alias |= alias
    ours_alias |= {strip_municipality(k, mun_keys) for k in ours_exact | ours_alias}
    ours_alias -= {""}
    for name in names:
        if normalise(name) in ours_exact:
            return SCORE_NAME, "name"
    for name in names:
        exact, alias = name_variants(name)
        theirs = exact | alias
        theirs |= {strip_municipality(k, mun_keys) for k in theirs}
        if theirs & (ours_exact | ours_alias):
            return SCORE_ALIAS, "alias"
    address = channel_address(channel)
    if place.address and address and normalise(address.street_address) == normalise(place.address):
        return SCORE_ADDRESS, "address"
    return 0, ""


def match_places(
    channels: Iterable[Mapping[str, Any]],
    places: Iterable[m.Place],
    municipality: m.Municipality,
    municipalities: Iterable[m.Municipality],
    result: Matching,
) -> None:
    places = list(places)
    by_code = {mun.code: mun for mun in municipalities}
    locations = []
    for channel in channels:
        if channel_type(channel) == "ServiceLocation":
            locations.append(channel)
        else:
            result.other_channels.append(channel)
    pairs: list[tuple[int, int, int, str]] = []
    for c_index, channel in enumerate(locations):
        codes = channel_municipality_codes(channel) or {municipality.code}
        for p_index, place in enumerate(places):
            if place.municipality.code not in codes:
                continue
            mun = by_code.get(place.municipality.code, place.municipality)
            score, rule = _place_score(channel, place, municipality_keys(mun))
            if score:
                pairs.append((score, c_index, p_index, rule))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    channel_done: dict[int, int] = {}
    place_done: dict[int, int] = {}
    for _score, c_index, p_index, rule in pairs:
        if c_index in channel_done or p_index in place_done:
            continue
        channel_done[c_index] = p_index
        place_done[p_index] = c_index
        channel = locations[c_index]
        result.places.append(
            PlaceMatch(
                str(channel.get("id") or ""), channel_name(channel), places[p_index].id, rule
            )
        )
    for c_index, channel in enumerate(locations):
        if c_index in channel_done:
            continue
        resembles = sorted({places[p].id for _, c, p, _ in pairs if c == c_index})
        result.unmatched_ptv_locations.append((channel, resembles))
    result.unmatched_places = [
        place.id
        for index, place in enumerate(places)
        if index not in place_done and place.municipality_id == municipality.id
    ]


def match(
    *,
    municipality: m.Municipality,
    services: Sequence[Mapping[str, Any]],
    channels: Sequence[Mapping[str, Any]],
) -> Matching:
    """Match what PTV lists for `municipality` with our organisations and places."""
    result = Matching()
    found = ptv_organisations(services, channels)
    organisations = m.Organisation.objects.select_related("municipality").prefetch_related("units")
    match_organisations(found, organisations, municipality, result)
    # Every place is a candidate (a municipality's list may include a channel next door); only
    # the municipality's own places are reported missing from PTV.
    places = m.Place.objects.select_related("municipality")
    match_places(channels, places, municipality, m.Municipality.objects.all(), result)
    return result
