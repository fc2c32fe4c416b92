"""The programme as an Open Referral HSDS 3.0 data set (Human Services Data Specification).

`build_hsds(lang="fi")` reads the loaded database and returns an `HsdsData`: one list of flat
HSDS objects per table (sorted by id), plus the nested shapes the HSDS API returns. It is plain
Python over the ORM; `kotokartta export hsds` writes it as files and `/api/hsds/` serves it.
Every object validates against the official HSDS 3.0 JSON schemas shipped in
`data/hsds-3.0-schema/` (see `kotokartta.opendata.schemas` and tests/test_hsds.py).

The package goes step by step: `common` (identifiers, constants), `taxonomy` (the terms),
`borders` (municipal borders for service areas), `builder` (organisations, the programme,
locations, contacts), `services` (one service per provision with its areas, locations, languages
and attributes, and the flags; `HsdsBuilder.build` runs every step) and `data` (the built tables
and the nested API shapes). Who provides, who sells and whom a provision serves come from the
read model, `programme.facts`.

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
data lacks in English falls back to Finnish). HSDS 3.0 has no multilingual text fields. The
export's own sentences and names are gettext messages (`labels`, English message ids, the
opendata app's catalogue); the catalogue also has Swedish, which `LANGUAGES` does not offer yet
because the programme data's texts exist in Finnish and English only.
"""

from __future__ import annotations

from kotokartta.opendata.hsds.borders import municipal_borders
from kotokartta.opendata.hsds.common import (
    HSDS_VERSION,
    LANGUAGES,
    NAMESPACE,
    TABLES,
    Record,
    hsds_id,
    page_count,
)
from kotokartta.opendata.hsds.data import HsdsData
from kotokartta.opendata.hsds.services import HsdsBuilder
from kotokartta.programme import models as m
from kotokartta.programme.models import NoProgrammeLoaded

__all__ = [
    "HSDS_VERSION",
    "LANGUAGES",
    "NAMESPACE",
    "TABLES",
    "HsdsData",
    "NoProgrammeLoaded",
    "Record",
    "build_hsds",
    "hsds_id",
    "municipal_borders",
    "page_count",
]


def build_hsds(lang: str = "fi") -> HsdsData:
    """The loaded programme as HSDS 3.0. Raises NoProgrammeLoaded when nothing is loaded."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    dataset = m.DataSet.objects.current()
    if dataset is None:
        raise NoProgrammeLoaded("no programme data is loaded; run `kotokartta data load`")
    return HsdsBuilder(dataset, lang).build()
