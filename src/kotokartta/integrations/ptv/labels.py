"""The PTV export's fixed words and sentences, through gettext: English message ids, translated in
this app's own catalogue (`locale/<lang>/LC_MESSAGES/django.po`); rendered in a language with
`label`. Sentences have the message context "PTV export" and named `%(placeholders)s`; their
Finnish translations are the export's original Finnish texts.

`TEXT_LANGUAGES` are the languages the export writes its texts in: Finnish and English, the
languages of the programme data. The catalogue also has Swedish, but a Swedish service would be
Swedish words around Finnish details (the data has no Swedish texts), so none is written."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from kotokartta.core.text import in_language as label

# The residence bases as groups of people (plural), as the service requirements name them.
RESIDENCE_BASIS_LABELS: dict[str, Promise] = {
    "quota_refugee": pgettext_lazy("PTV residence basis, plural", "quota refugees"),
    "temporary_protection": pgettext_lazy(
        "PTV residence basis, plural", "people under temporary protection"
    ),
    "international_protection": pgettext_lazy(
        "PTV residence basis, plural", "people granted international protection"
    ),
    "family_reunification": pgettext_lazy("PTV residence basis, plural", "family reunification"),
    "unaccompanied_minor": pgettext_lazy("PTV residence basis, plural", "unaccompanied minors"),
    "work": pgettext_lazy("PTV residence basis, plural", "people who moved for work"),
    "study": pgettext_lazy("PTV residence basis, plural", "people who moved to study"),
    "family_member": pgettext_lazy("PTV residence basis, plural", "family members"),
    "spouse_of_worker_or_student": pgettext_lazy(
        "PTV residence basis, plural", "spouses of people who came to work or study"
    ),
}

# The law every phase's legislation entry names after its section.
LAW_NAME: Promise = pgettext_lazy("PTV law name", "Act on the Promotion of Integration (681/2023)")

# The service's keyword, and the two sentences of its requirements ("who may use it").
KEYWORD: Promise = pgettext_lazy("PTV keyword", "integration")
REQUIREMENT_CLIENTS: Promise = pgettext_lazy("PTV service requirement", "For: {clients}.")
REQUIREMENT_BASES: Promise = pgettext_lazy(
    "PTV service requirement", "Basis of residence: {bases}."
)


# PTV's own name of its target group KR1 (the PTV code list's "Kansalaiset").
TARGET_GROUP_CITIZENS_NAME: Promise = pgettext_lazy("PTV target group", "Citizens")

# The services' summaries and descriptions, the producers' additional information, the channels'
# and organisations' summaries.
SUMMARY_RESPONSIBLE: Promise = pgettext_lazy("PTV export", "Responsible: %(municipality)s.")
SUMMARY_PROVIDED_BY: Promise = pgettext_lazy("PTV export", "Provided by %(provider)s.")
SUMMARY_PROVIDED_BY_BOUGHT: Promise = pgettext_lazy(
    "PTV export", "Provided by %(provider)s (bought service)."
)
SUMMARY_STATUS: Promise = pgettext_lazy("PTV export", "Status: %(status)s.")
DESCRIPTION_DONE_BY: Promise = pgettext_lazy("PTV export", "Done by: %(roles)s.")
DESCRIPTION_HOW: Promise = pgettext_lazy("PTV export", "How: %(modes)s.")
DESCRIPTION_CONDITION: Promise = pgettext_lazy("PTV export", "Condition: %(condition)s")
DESCRIPTION_SOURCE: Promise = pgettext_lazy(
    "PTV export", "Source: %(document)s, section “%(section)s”."
)
RESIDENTS_MUNICIPALITY: Promise = pgettext_lazy(
    "PTV export", "The residents' municipality; %(municipality)s is the responsible municipality."
)
BOUGHT_NO_PROVIDER: Promise = pgettext_lazy(
    "PTV export", "Bought service; the document does not name the provider."
)
ORGANISES: Promise = pgettext_lazy("PTV export", "Organises: %(activity)s")
CHANNEL_SERVICES: Promise = pgettext_lazy("PTV export", "Integration services: %(phases)s")
ORGANISATION_UNITS: Promise = pgettext_lazy("PTV export", "Units: %(units)s.")

TEXT_LANGUAGES: tuple[str, ...] = ("fi", "en")


def in_text_languages(text: Promise, **values: object) -> dict[str, str]:
    """`text` in every language of `TEXT_LANGUAGES`: `{"fi": …, "en": …}`."""
    return {lang: label(text, lang, **values) for lang in TEXT_LANGUAGES}


def residence_basis_name(basis: str, lang: str) -> str:
    """The group of people with this residence basis in `lang`; an unknown code as it is."""
    text = RESIDENCE_BASIS_LABELS.get(basis)
    return basis if text is None else label(text, lang)
