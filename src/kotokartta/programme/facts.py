"""Provision facts: the one home of what the programme says about a provision beyond its own
columns. Paths, the API, the HSDS and PTV exports, coverage, the regenerated document and the
service maps read these and only format them; none of them derives a fact again.

**Provider.** The organisation (and its unit) that does the work, with the role of the person
who does it. A provision may name only a role ("kunnan viranhaltijat"); then the provider has
no organisation.

**Seller** (`seller_of`). A provision is *purchased* (ostopalvelu) when the responsible
municipality buys it. The document names whom it buys from as an organisation, often with the
part of it that does the work: "palvelut ostetaan Suomussalmen kunnan työllisyys- ja
hallintopalveluilta" (Puolanka's assessment paragraph), "Luku- ja kirjoitustaidon koulutusta …
ostetaan Suomussalmen kunnalta" (Puolanka, literacy). So the seller is the provider
*organisation* of a purchased provision — never the unit, which is the part of the seller that
serves, and never a place. The seller *is a municipality* only when that organisation is a
municipality's own organisation (kind `municipality`): a college or company based in Kajaani is
not the municipality of Kajaani. A
purchased provision whose provider the document does not name has no seller (`None`: "the
document does not name the seller"); a provision that is not purchased has none either.

Before this module the seller was derived in six places by four rules: coverage named the
municipality an organisation is *based* in, HSDS only municipal organisations, the document the
organisation's name, and the path text, the guide's step templates and the service map the
provider's base municipality (or the provider, or nothing). On the
Kainuu-Koillismaa data every purchased provision is bought from a municipal organisation, so the
rules agreed there; they differed for a non-municipal seller.

**Served municipalities** (`served_municipalities`). A municipality's own provision serves its
residents; an area-wide provision (area.yaml) serves every municipality of the area
(`municipalities: all`) or the ones it lists, always in area order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kotokartta.core.text import localised
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import OrganisationKind


@dataclass(frozen=True, slots=True)
class Provider:
    """Who does the work: organisation and unit when the document names them, and the role."""

    organisation: m.Organisation | None
    unit: m.Unit | None
    role: m.Role | None


@dataclass(frozen=True, slots=True)
class Seller:
    """Whom a purchased provision is bought from (see the module docstring)."""

    organisation: m.Organisation
    municipality: m.Municipality | None

    def name(self, lang: str) -> str:
        """The seller as a short name: the municipality's name for a municipal seller
        ("Suomussalmi"), otherwise the organisation's name."""
        if self.municipality is not None:
            return localised(self.municipality.name, lang)
        return localised(self.organisation.name, lang)


def provider_of(provision: m.Provision) -> Provider | None:
    """The provider, or None when the document names neither an organisation nor a role."""
    if provision.provider_organisation is None and provision.role is None:
        return None
    return Provider(
        organisation=provision.provider_organisation,
        unit=provision.provider_unit if provision.provider_organisation is not None else None,
        role=provision.role,
    )


def providing_municipality(provision: m.Provision) -> m.Municipality | None:
    """The municipality whose own organisation provides the service (kind `municipality`);
    None for any other provider, also one merely based in a municipality."""
    org = provision.provider_organisation
    if org is None or org.kind != OrganisationKind.MUNICIPALITY or not org.municipality_id:
        return None
    return org.municipality


def seller_of(provision: m.Provision) -> Seller | None:
    """The seller of a purchased provision; None when it is not purchased or the document
    does not name whom it is bought from."""
    org = provision.provider_organisation
    if not provision.purchased or org is None:
        return None
    return Seller(organisation=org, municipality=providing_municipality(provision))


def served_municipalities(
    provision: m.Provision, *, municipalities: Sequence[m.Municipality]
) -> list[m.Municipality]:
    """The municipalities whose residents the provision serves, in the order of
    `municipalities` (every municipality of the area, in area order). Reads
    `provision.area_municipalities`: prefetch it (`Provision.objects.with_related()` does)."""
    if provision.municipality_id is not None:
        return [mun for mun in municipalities if mun.id == provision.municipality_id]
    if provision.area_wide_all:
        return list(municipalities)
    wanted = {mun.id for mun in provision.area_municipalities.all()}
    return [mun for mun in municipalities if mun.id in wanted]


def places_of(provision: m.Provision, *, places: Mapping[str, m.Place]) -> list[m.Place]:
    """The provision's places in the data's order (`places`: every place by id)."""
    return [places[pid] for pid in provision.place_ids if pid in places]


def alternative_roles_of(provision: m.Provision, *, roles: Mapping[str, m.Role]) -> list[m.Role]:
    """The roles that may do the work instead of `provision.role`, in the data's order."""
    return [roles[rid] for rid in provision.alternative_role_ids if rid in roles]
