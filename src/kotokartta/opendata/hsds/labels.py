"""The HSDS export's fixed names, through gettext: English message ids, translated in the opendata
app's own catalogue (`opendata/locale/<lang>/LC_MESSAGES/django.po`); rendered with `label`."""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

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


def in_language(text: Promise, lang: str) -> str:
    """`text` in `lang`."""
    with translation.override(lang):
        return str(text)


def region_name(county: str, lang: str) -> str:
    """The region of a wellbeing services county in `lang`; empty for an unknown county."""
    text = REGION_OF_COUNTY.get(county)
    return "" if text is None else in_language(text, lang)


def organisation_kind_name(kind: str, lang: str) -> str:
    """An organisation kind's name in `lang`; an unknown kind as its code."""
    text = ORGANISATION_KIND_NAMES.get(kind)
    return kind if text is None else in_language(text, lang)
