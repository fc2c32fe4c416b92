"""Words for the programme's vocabulary in every interface language, through gettext.

The ids (statuses, modes, client groups, phases, organisation kinds, roles, target groups, flag and
activity kinds) live in `vocabulary.py` and in the data; their names live only in the gettext
catalogues (`src/kotokartta/locale/`), with a message context where an English word could mean
two things ("Remote" the mode, "project" the organisation kind or the activity kind). The English
msgid is the English name; Finnish is authoritative and checked against docs/glossary.md, the other
languages against docs/translation-glossary.md.

Roles are named here by role id rather than in the data files: the roles are a small closed list
shared by the whole area, job titles need one consistent word per language (the glossary test
checks them), and translators work in the catalogues, not in the programme data. A role that the
data adds later without a label here is shown by its Finnish name, marked as Finnish
(`role_label` returns None and the caller falls back).

Units and organisations are proper names: they stay in Finnish (as on signs and letters) and the
organisation's kind gives the reader a word in their own language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

STATUS: dict[str, Promise] = {
    "available": _("Available"),
    "planned": _("Planned"),
    "on_need": _("Arranged if needed"),
    "not_organised": _("Not organised"),
    "undetermined": _("Not decided yet"),
}

MODE: dict[str, Promise] = {
    "in_person": _("In person"),
    "remote": pgettext_lazy("mode", "Remote"),
    "hybrid": _("Hybrid: you meet a local worker in person and another worker joins remotely"),
}

CLIENT: dict[str, Promise] = {
    "job-seeker": _("Job seeker (registered with employment services)"),
    "other": _("Not a job seeker"),
}

CLIENT_SHORT: dict[str, Promise] = {
    "job-seeker": _("Job seeker"),
    "other": _("Other newcomer"),
}

# A person's residence basis, as the path page repeats the answer.
RESIDENCE_BASIS: dict[str, Promise] = {
    "quota_refugee": _("Quota refugee"),
    "temporary_protection": _("Temporary protection"),
    "international_protection": _("International protection (asylum)"),
    "family_reunification": _("Family reunification"),
    "unaccompanied_minor": _("Came to Finland as an unaccompanied minor"),
    "work": _("Work"),
    "study": _("Study"),
    "family_member": _("Family member of someone who works or studies here"),
}

PHASE: dict[str, Promise] = {
    "assessment": pgettext_lazy("phase", "Assessment of skills and integration service needs"),
    "multi_assessment": pgettext_lazy(
        "phase", "Multi-professional assessment of skills and integration service needs"
    ),
    "plan": pgettext_lazy("phase", "Integration plan"),
    "multi_plan": pgettext_lazy("phase", "Multi-professional integration plan"),
    "orientation": pgettext_lazy("phase", "Multilingual civic orientation"),
    "training": pgettext_lazy("phase", "Integration training"),
    "final_test": pgettext_lazy("phase", "Final language test"),
    "literacy": pgettext_lazy("phase", "Literacy training and other language learning"),
    "guidance": pgettext_lazy("phase", "Guidance and advice during the programme"),
    "municipal_services": pgettext_lazy(
        "phase", "Other municipal services that promote integration"
    ),
    "community": pgettext_lazy("phase", "Associations, community and leisure activities"),
    "employment": pgettext_lazy("phase", "Services for employment and entrepreneurship"),
}

# Why a phase's legal basis differs from what the document cites (KotoL 15 § and 17 §).
REPEAL_NOTE = _(
    "The document cites %(section)s, which Act 1100/2024 repealed before the law came into force. "
    "Since 1 January 2025 the wellbeing services county takes part in the 14 § assessment, the "
    "20 § plan and the 22 § reviews when its services need coordinating."
)
REPEALED_SECTION: dict[str, str] = {"multi_assessment": "15 §", "multi_plan": "17 §"}

ORGANISATION_KIND: dict[str, Promise] = {
    "municipality": pgettext_lazy("organisation kind", "municipality"),
    "wellbeing_county": pgettext_lazy("organisation kind", "wellbeing services county"),
    "education": pgettext_lazy("organisation kind", "educational institution"),
    "association": pgettext_lazy("organisation kind", "association"),
    "company": pgettext_lazy("organisation kind", "company"),
    "authority": pgettext_lazy("organisation kind", "authority"),
    "project": pgettext_lazy("organisation kind", "project"),
    "other": pgettext_lazy("organisation kind", "organisation"),
}

ROLE: dict[str, Promise] = {
    "tyollisyysohjaaja": pgettext_lazy("role", "employment counsellor"),
    "kotoutumisohjaaja": pgettext_lazy("role", "integration counsellor"),
    "maahanmuutto-ohjaaja": pgettext_lazy("role", "immigration counsellor"),
    "palveluohjaaja": pgettext_lazy("role", "service counsellor"),
    "palveluhoitaja": pgettext_lazy("role", "service nurse"),
    "oma-tyontekija": pgettext_lazy("role", "your own named worker"),
    "sosiaaliohjaaja": pgettext_lazy("role", "social counsellor"),
    "sosiaalihoitaja": pgettext_lazy("role", "social nurse"),
    "viranhaltija": pgettext_lazy("role", "municipal officials"),
    "tyollisyyskoordinaattori": pgettext_lazy("role", "employment coordinator"),
    "hanketyontekija": pgettext_lazy("role", "project worker"),
    "yritysasiantuntija": pgettext_lazy("role", "business adviser"),
    "asiantuntija": pgettext_lazy("role", "specialist"),
    "tyoelamatulkki": pgettext_lazy("role", "working-life interpreter"),
}

# Whom a provision is for (`target_groups` in the data): residence bases, and the narrower groups
# the document names (the orientation's "spouses of work- and study-based immigrants").
TARGET_GROUP: dict[str, Promise] = {
    "quota_refugee": pgettext_lazy("target group", "quota refugees"),
    "temporary_protection": pgettext_lazy("target group", "people with temporary protection"),
    "international_protection": pgettext_lazy(
        "target group", "people granted international protection (asylum)"
    ),
    "family_reunification": pgettext_lazy(
        "target group", "people who came through family reunification"
    ),
    "unaccompanied_minor": pgettext_lazy(
        "target group", "people who came to Finland as unaccompanied minors"
    ),
    "work": pgettext_lazy("target group", "people who came to work"),
    "study": pgettext_lazy("target group", "people who came to study"),
    "family_member": pgettext_lazy(
        "target group", "family members of people who came to work or study"
    ),
    "spouse_of_worker_or_student": pgettext_lazy(
        "target group", "spouses of people who came to work or study"
    ),
}

FLAG_KIND: dict[str, Promise] = {
    "misspelling": _("Misspelling"),
    "contradiction": _("Contradiction"),
    "inconsistent_term": _("Inconsistent term"),
    "undetermined": _("Not decided"),
    "dated_plan": _("Dated plan"),
    "silent": _("Not described"),
    "ambiguous": _("Ambiguous"),
    "legal_reference": _("Legal reference"),
}

ACTIVITY_KIND: dict[str, Promise] = {
    "project": pgettext_lazy("activity kind", "project"),
    "activity": pgettext_lazy("activity kind", "activity"),
    "benefit": pgettext_lazy("activity kind", "benefit"),
    "group": pgettext_lazy("activity kind", "group"),
}

# The programme document's own register, for the outputs that write Finnish and English side by side
# (the regenerated document, open data, PTV): "järjestetty", "lähipalvelu", "työnhakija-asiakas".
DOCUMENT_STATUS: dict[str, Promise] = {
    "available": pgettext_lazy("document", "available"),
    "planned": pgettext_lazy("document", "planned"),
    "on_need": pgettext_lazy("document", "arranged if needed"),
    "not_organised": pgettext_lazy("document", "not organised"),
    "undetermined": pgettext_lazy("document", "open, not yet agreed"),
}
DOCUMENT_MODE: dict[str, Promise] = {
    "in_person": pgettext_lazy("document", "in person"),
    "remote": pgettext_lazy("document", "remote"),
    "hybrid": pgettext_lazy("document", "hybrid"),
}
DOCUMENT_CLIENT: dict[str, Promise] = {
    "job-seeker": pgettext_lazy("document", "job seeker"),
    "other": pgettext_lazy("document", "other newcomer"),
}


# Language names as the document, the data diff and the open data write them in running text
# (Finnish in lower case: "suomi", "persia (farsi)"); the programme app's own catalogue
# (`programme/locale`), in Finnish and Swedish. `language_name` gives the code for a language
# without a name here.
LANGUAGE_NAME: dict[str, Promise] = {
    "fi": pgettext_lazy("language name", "Finnish"),
    "sv": pgettext_lazy("language name", "Swedish"),
    "en": pgettext_lazy("language name", "English"),
    "uk": pgettext_lazy("language name", "Ukrainian"),
    "ru": pgettext_lazy("language name", "Russian"),
    "ar": pgettext_lazy("language name", "Arabic"),
    "vi": pgettext_lazy("language name", "Vietnamese"),
    "th": pgettext_lazy("language name", "Thai"),
    "sw": pgettext_lazy("language name", "Swahili"),
    "rw": pgettext_lazy("language name", "Kinyarwanda"),
    "so": pgettext_lazy("language name", "Somali"),
    "fa": pgettext_lazy("language name", "Persian (Farsi)"),
    "ku": pgettext_lazy("language name", "Kurdish"),
    "ps": pgettext_lazy("language name", "Pashto"),
    "ti": pgettext_lazy("language name", "Tigrinya"),
    "es": pgettext_lazy("language name", "Spanish"),
    "fr": pgettext_lazy("language name", "French"),
    "de": pgettext_lazy("language name", "German"),
    "et": pgettext_lazy("language name", "Estonian"),
}


# The residence bases as the groups the programme document names (plural: "kiintiöpakolaiset"),
# for the document's and the open data's target groups; the programme app's own catalogue, in every
# interface language.
RESIDENCE_BASIS_GROUP: dict[str, Promise] = {
    "quota_refugee": pgettext_lazy("residence basis, plural", "quota refugees"),
    "temporary_protection": pgettext_lazy(
        "residence basis, plural", "people with temporary protection"
    ),
    "international_protection": pgettext_lazy(
        "residence basis, plural", "people granted international protection"
    ),
    "family_reunification": pgettext_lazy("residence basis, plural", "family reunification"),
    "unaccompanied_minor": pgettext_lazy(
        "residence basis, plural", "people who came as unaccompanied minors"
    ),
    "work": pgettext_lazy("residence basis, plural", "people who moved for work"),
    "study": pgettext_lazy("residence basis, plural", "people who moved to study"),
    "family_member": pgettext_lazy("residence basis, plural", "family members"),
    "spouse_of_worker_or_student": pgettext_lazy(
        "residence basis, plural", "spouses of people who came to work or study"
    ),
}

# Flag kinds as the document and the open data name them (the coverage views' flag legend: an
# undetermined arrangement is "Open" there, where the guide says "Not decided").
DOCUMENT_FLAG_KIND: dict[str, Promise] = {
    "misspelling": _("Misspelling"),
    "contradiction": _("Contradiction"),
    "inconsistent_term": _("Inconsistent term"),
    "undetermined": _("Open"),
    "dated_plan": _("Dated plan"),
    "silent": _("Not described"),
    "ambiguous": _("Ambiguous"),
    "legal_reference": _("Legal reference"),
}


def _in(promise: Promise, lang: str) -> str:
    with translation.override(lang):
        return str(promise)


def language_name(code: str, lang: str) -> str:
    """The name of the language `code` in `lang` ("ukraina", "Ukrainian"); the code when the
    language has no name here."""
    name = LANGUAGE_NAME.get(code)
    return code if name is None else _in(name, lang)


def basis_name(basis: str, lang: str) -> str:
    """The group of people with this residence basis, in `lang` ("kiintiöpakolaiset"); an
    unknown code is returned as it is."""
    name = RESIDENCE_BASIS_GROUP.get(basis)
    return basis if name is None else _in(name, lang)


def flag_kind_name(kind: str, lang: str) -> str:
    """The name of a flag kind in `lang` ("Kirjoitusvirhe", "Open")."""
    return _in(DOCUMENT_FLAG_KIND[kind], lang)


VOCABULARIES: dict[str, dict[str, Promise]] = {
    "status": STATUS,
    "mode": MODE,
    "client": CLIENT,
    "client_short": CLIENT_SHORT,
    "phase": PHASE,
    "organisation_kind": ORGANISATION_KIND,
    "role": ROLE,
    "target_group": TARGET_GROUP,
    "flag_kind": FLAG_KIND,
    "activity_kind": ACTIVITY_KIND,
    "document_status": DOCUMENT_STATUS,
    "document_mode": DOCUMENT_MODE,
    "document_client": DOCUMENT_CLIENT,
}


def label(vocabulary: str, term: str, lang: str | None = None) -> str | None:
    """The name of `term` of `vocabulary` in `lang` (default: the active language); None for a
    term the vocabulary does not know."""
    promise = VOCABULARIES[vocabulary].get(term)
    if promise is None:
        return None
    if lang is None:
        return str(promise)
    with translation.override(lang):
        return str(promise)


def phase_name(phase: str, lang: str | None = None) -> str:
    return label("phase", phase, lang) or phase


def law_note(phase: str, lang: str | None = None) -> str:
    """The note on a repealed section the document cites for `phase`; '' when there is none."""
    section = REPEALED_SECTION.get(phase)
    if section is None:
        return ""
    if lang is None:
        return str(REPEAL_NOTE) % {"section": section}
    with translation.override(lang):
        return str(REPEAL_NOTE) % {"section": section}


class FinnishEnglishPairs(Mapping[str, tuple[str, str]]):
    """`{term: (Finnish, English)}` read from the catalogues, for the outputs (documents, open data,
    PTV) that write Finnish and English side by side. The words themselves live only in gettext."""

    def __init__(self, vocabulary: str) -> None:
        self.vocabulary = vocabulary

    def __getitem__(self, term: str) -> tuple[str, str]:
        fi = label(self.vocabulary, term, "fi")
        if fi is None:
            raise KeyError(term)
        return fi, label(self.vocabulary, term, "en") or term

    def __iter__(self) -> Iterator[str]:
        return iter(VOCABULARIES[self.vocabulary])

    def __len__(self) -> int:
        return len(VOCABULARIES[self.vocabulary])


STATUS_NAMES = FinnishEnglishPairs("document_status")
MODE_NAMES = FinnishEnglishPairs("document_mode")
CLIENT_NAMES = FinnishEnglishPairs("document_client")
