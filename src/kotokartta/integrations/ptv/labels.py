"""The PTV export's fixed words, through gettext: English message ids, translated in this app's own
catalogue (`locale/<lang>/LC_MESSAGES/django.po`); rendered in a language with `label`."""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

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


def label(text: Promise, lang: str) -> str:
    """`text` in `lang`."""
    with translation.override(lang):
        return str(text)


def residence_basis_name(basis: str, lang: str) -> str:
    """The group of people with this residence basis in `lang`; an unknown code as it is."""
    text = RESIDENCE_BASIS_LABELS.get(basis)
    return basis if text is None else label(text, lang)
