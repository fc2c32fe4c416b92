"""The HSDS export's fixed names and sentences, through gettext: English message ids, translated in
the opendata app's own catalogue (`opendata/locale/<lang>/LC_MESSAGES/django.po`); rendered with
`in_language`.

The sentences carry a message context ("HSDS export" for the records' texts, "HSDS taxonomy term"
for the terms' names and descriptions), so that short words ("Partner", "Given: …") never take the
guide's translation, and named `%(placeholders)s`, so that a translation can put them where its
language needs them. The Finnish translations are the export's original Finnish texts."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from kotokartta.core.text import in_language
from kotokartta.programme.vocabulary import OrganisationKind

# A wellbeing services county covers exactly one region (maakunta): the address's province.
REGION_OF_COUNTY: dict[str, Promise] = {
    "kainuun-hyvinvointialue": pgettext_lazy("HSDS region", "Kainuu"),
    "pohjois-pohjanmaan-hyvinvointialue": pgettext_lazy("HSDS region", "North Ostrobothnia"),
}

ORGANISATION_KIND_NAMES: dict[str, Promise] = {
    OrganisationKind.MUNICIPALITY: pgettext_lazy("HSDS organisation kind", "Municipality"),
    OrganisationKind.WELLBEING_COUNTY: pgettext_lazy(
        "HSDS organisation kind", "Wellbeing services county"
    ),
    OrganisationKind.EDUCATION: pgettext_lazy("HSDS organisation kind", "Educational institution"),
    OrganisationKind.ASSOCIATION: pgettext_lazy("HSDS organisation kind", "Association"),
    OrganisationKind.COMPANY: pgettext_lazy("HSDS organisation kind", "Company"),
    OrganisationKind.AUTHORITY: pgettext_lazy("HSDS organisation kind", "Authority"),
    OrganisationKind.PROJECT: pgettext_lazy("HSDS organisation kind", "Project"),
    OrganisationKind.OTHER: pgettext_lazy("HSDS organisation kind", "Other organisation"),
}


# What each taxonomy holds, as its description.
TAXONOMIES: dict[str, Promise] = {
    "kotokartta-phases": pgettext_lazy(
        "HSDS taxonomy description",
        "The phases of the integration programme (Integration Act 681/2023).",
    ),
    "kotokartta-client-groups": pgettext_lazy(
        "HSDS taxonomy description",
        "Client groups: job seekers and other newcomers.",
    ),
    "kotokartta-statuses": pgettext_lazy(
        "HSDS taxonomy description",
        "The service's status in the programme (finer than the HSDS status).",
    ),
    "kotokartta-arrangements": pgettext_lazy(
        "HSDS taxonomy description",
        "Responsibility for arranging, purchased services and partners.",
    ),
    "kotokartta-target-groups": pgettext_lazy(
        "HSDS taxonomy description",
        "The residence bases a service is meant for.",
    ),
    "kotokartta-modes": pgettext_lazy(
        "HSDS taxonomy description",
        "How the service is given.",
    ),
    "kotokartta-roles": pgettext_lazy(
        "HSDS taxonomy description",
        "The job titles that provide the service.",
    ),
    "kotokartta-flags": pgettext_lazy(
        "HSDS taxonomy description",
        "Notes on what the programme document leaves open or gets wrong; the value is the note.",
    ),
    "kotokartta-sources": pgettext_lazy(
        "HSDS taxonomy description",
        "Sources: the document's section (the value is a word-for-word quote) and Kotokartta's "
        "own identifier.",
    ),
    "kotokartta-organisation-kinds": pgettext_lazy(
        "HSDS taxonomy description",
        "Kinds of organisation.",
    ),
}


# A location's note when the programme document leaves out its address or postal code.
NO_ADDRESS: Promise = pgettext_lazy("HSDS location note", "The document gives no address.")
NO_POSTAL_CODE: Promise = pgettext_lazy("HSDS location note", "The document gives no postal code.")


# The records' own sentences (organizations, program, locations, services, service areas, alerts).
ORGANISATION_NAMED_IN = pgettext_lazy("HSDS export", "Named in: %(area)s.")
UNIT_OF = pgettext_lazy("HSDS export", "A unit of %(parent)s.")
PROGRAM_NAME = pgettext_lazy("HSDS export", "Integration programme: %(area)s")
PROGRAM_DESCRIPTION = pgettext_lazy(
    "HSDS export",
    "The early-stage integration services that the municipalities arrange together under the Act "
    "on the Promotion of Integration (681/2023). Source: %(source)s. Data as of %(date)s.",
)
LOCATION_MUNICIPALITY = pgettext_lazy("HSDS export", "Municipality: %(municipality)s.")
ROLE_OR_ALTERNATIVES = pgettext_lazy("HSDS export", "%(role)s (or %(alternatives)s)")
PROVIDED_BY = pgettext_lazy("HSDS export", "Provided by: %(roles)s.")
TOGETHER_WITH = pgettext_lazy("HSDS export", "Together with: %(partners)s.")
GIVEN = pgettext_lazy("HSDS export", "Given: %(modes)s.")
PLANNED_FROM = pgettext_lazy("HSDS export", "Planned to start in %(year)s.")
SOURCE_QUOTE = pgettext_lazy(
    "HSDS export", 'Source: the document\'s section "%(section)s" (in Finnish): "%(quote)s"'
)
SOURCE_SILENT = pgettext_lazy(
    "HSDS export", 'Source: the document\'s section "%(section)s" (which does not mention this).'
)
CLIENT_GROUP = pgettext_lazy("HSDS export", "Client group: %(groups)s.")
EVERY_MUNICIPALITY = pgettext_lazy("HSDS export", "every municipality of the area")
RESIDENTS_OF = pgettext_lazy("HSDS export", "For residents of: %(who)s.")
TARGET_GROUPS = pgettext_lazy("HSDS export", "For: %(groups)s.")
CONDITION = pgettext_lazy("HSDS export", "Condition: %(condition)s")
ARRANGED_IF_NEEDED = pgettext_lazy("HSDS export", "Arranged if needed.")
RESPONSIBLE = pgettext_lazy("HSDS export", "Responsible: %(municipality)s.")
RESPONSIBLE_RESIDENCE = pgettext_lazy("HSDS export", "Responsible: the client's own municipality.")
RESPONSIBLE_UNKNOWN = pgettext_lazy(
    "HSDS export", "The document does not say which municipality is responsible."
)
THE_RESPONSIBLE_MUNICIPALITY = pgettext_lazy("HSDS export", "the responsible municipality")
PURCHASED_FROM = pgettext_lazy(
    "HSDS export", "Purchased service: %(buyer)s buys it from %(seller)s."
)
PURCHASED_NO_SELLER = pgettext_lazy(
    "HSDS export", "Purchased service: %(buyer)s buys it; the document does not name the seller."
)
ALERT_PLANNED_FROM = pgettext_lazy("HSDS export", "%(status)s (from %(year)s)")
ALERT_UNDETERMINED = pgettext_lazy("HSDS export", "%(status)s: the document leaves this open.")
SERVICE_AREA = pgettext_lazy(
    "HSDS export",
    "For residents of %(municipality)s. Border: municipal division of 2021, %(attribution)s.",
)


# The taxonomy terms' names and descriptions.
CLIENT_GROUP_DESCRIPTIONS: dict[str, Promise] = {
    "job-seeker": pgettext_lazy(
        "HSDS taxonomy term", "A client registered with employment services."
    ),
    "other": pgettext_lazy("HSDS taxonomy term", "A newcomer who is not a registered job seeker."),
}
TERM_HSDS_STATUS = pgettext_lazy("HSDS taxonomy term", "HSDS status: %(status)s.")
TERM_RESPONSIBLE = pgettext_lazy("HSDS taxonomy term", "Responsible municipality")
TERM_RESPONSIBLE_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term", "The municipality responsible for arranging the service."
)
TERM_PURCHASED = pgettext_lazy("HSDS taxonomy term", "Purchased service")
TERM_PURCHASED_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term", "The responsible municipality buys the service from another provider."
)
TERM_RESPONSIBLE_MUNICIPALITY = pgettext_lazy(
    "HSDS taxonomy term", "Responsible municipality: %(municipality)s"
)
TERM_RESPONSIBLE_MUNICIPALITY_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term", "%(municipality)s is responsible for arranging the service."
)
TERM_RESPONSIBLE_RESIDENCE = pgettext_lazy(
    "HSDS taxonomy term", "Responsible: the client's municipality"
)
TERM_RESPONSIBLE_RESIDENCE_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term",
    "The client's own municipality of residence is responsible for arranging it.",
)
TERM_BOUGHT_FROM = pgettext_lazy("HSDS taxonomy term", "Bought from %(municipality)s")
TERM_BOUGHT_FROM_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term", "The responsible municipality buys the service from %(municipality)s."
)
TERM_PARTNER = pgettext_lazy("HSDS taxonomy term", "Partner")
TERM_PARTNER_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term",
    "An organisation that takes part in the service; the value names it, its unit and role.",
)
TERM_TARGET_GROUP = pgettext_lazy("HSDS taxonomy term", "Target group: %(group)s")
TERM_MODE = pgettext_lazy("HSDS taxonomy term", "Given: %(mode)s")
TERM_ROLE = pgettext_lazy("HSDS taxonomy term", "Job title: %(role)s")
TERM_FLAG = pgettext_lazy("HSDS taxonomy term", "Note on the document: %(kind)s")
TERM_SOURCE_SECTION = pgettext_lazy("HSDS taxonomy term", "Section of the source document")
TERM_SOURCE_SECTION_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term",
    "A section of the programme document; the value is a word-for-word quote (in Finnish).",
)
TERM_SECTION = pgettext_lazy("HSDS taxonomy term", "Document section (Finnish): %(section)s")
TERM_KOTOKARTTA_ID = pgettext_lazy("HSDS taxonomy term", "Kotokartta identifier")
TERM_KOTOKARTTA_ID_DESCRIPTION = pgettext_lazy(
    "HSDS taxonomy term",
    "The record's stable id in Kotokartta's data files; its HSDS id is the UUID5 of it.",
)
TERM_ORGANISATION_KIND = pgettext_lazy("HSDS taxonomy term", "Kind of organisation: %(kind)s")


def region_name(county: str, lang: str) -> str:
    """The region of a wellbeing services county in `lang`; empty for an unknown county."""
    text = REGION_OF_COUNTY.get(county)
    return "" if text is None else in_language(text, lang)


def organisation_kind_name(kind: str, lang: str) -> str:
    """An organisation kind's name in `lang`; an unknown kind as its code."""
    text = ORGANISATION_KIND_NAMES.get(kind)
    return kind if text is None else in_language(text, lang)
