"""The programme document's words, through gettext: section titles, the phrase that names who
provides a phase, the sentence patterns, and the small words that join lists.

The English msgid is the English text; the Finnish translations, in the documents app's own
catalogue (`documents/locale/fi`), are the reviewed Finnish of the document. The document is
written in Finnish and English only (`texts.LANGUAGES`), so the catalogue holds these messages in
Finnish (and the data diff's in Swedish too, see `diff_labels.py`), not in the other interface
languages. Every message has a context that starts with "programme document", so that short
words ("and", "Page", "Name") never take a translation meant for the guide.

Patterns keep their named `{placeholders}`; `labels(lang)` reads them all in one language.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import npgettext_lazy, pgettext_lazy

# The document's section titles where a section is not one phase (see `texts.section_title`).
SECTION_TITLES: dict[str, Promise] = {
    "introduction": pgettext_lazy("programme document, section title", "Introduction"),
    "coordinators": pgettext_lazy(
        "programme document, section title", "Coordinating bodies and contact persons"
    ),
    "assessment": pgettext_lazy(
        "programme document, section title",
        "Assessment of skills and integration service needs, and the multi-professional "
        "assessment (KotoL 14 §)",
    ),
    "plan": pgettext_lazy(
        "programme document, section title",
        "Integration plan and multi-professional integration plan (KotoL 16 §, 18–23 §)",
    ),
    "cooperation": pgettext_lazy(
        "programme document, section title", "Cooperation and responsibilities"
    ),
    "flags": pgettext_lazy(
        "programme document, section title", "Data-quality notes by municipality"
    ),
}

# Short phase names for lists ("bought from Suomussalmi: assessment, integration plan"), in every
# interface language (context "programme phase, short").
PHASE_SHORT_LABELS: dict[str, Promise] = {
    "assessment": pgettext_lazy("programme phase, short", "assessment"),
    "multi_assessment": pgettext_lazy("programme phase, short", "multi-professional assessment"),
    "plan": pgettext_lazy("programme phase, short", "integration plan"),
    "multi_plan": pgettext_lazy("programme phase, short", "multi-professional plan"),
    "orientation": pgettext_lazy("programme phase, short", "civic orientation"),
    "training": pgettext_lazy("programme phase, short", "integration training"),
    "final_test": pgettext_lazy("programme phase, short", "final language test"),
    "literacy": pgettext_lazy("programme phase, short", "literacy and language learning"),
    "guidance": pgettext_lazy("programme phase, short", "guidance and advice"),
    "municipal_services": pgettext_lazy("programme phase, short", "other municipal services"),
    "community": pgettext_lazy("programme phase, short", "community activities"),
    "employment": pgettext_lazy("programme phase, short", "employment and entrepreneurship"),
}


# What the provider does in a phase, before the provider's name ("arvioinnin tekee Kajaanin
# kaupungin työllisyysohjaaja"). Finnish agrees the verb with the provider: singular or plural
# ("tekee", "tekevät"), so each is a plural message; one context per phase, because the English
# "arranged by" stands for several Finnish phrases.
PHASE_LEAD: dict[str, Promise] = {
    "assessment": npgettext_lazy(
        "programme document: assessment", "assessment by", "assessment by", "n"
    ),
    "multi_assessment": npgettext_lazy(
        "programme document: multi_assessment",
        "multi-professional assessment by",
        "multi-professional assessment by",
        "n",
    ),
    "plan": npgettext_lazy(
        "programme document: plan",
        "integration plan written by",
        "integration plan written by",
        "n",
    ),
    "multi_plan": npgettext_lazy(
        "programme document: multi_plan",
        "multi-professional plan written by",
        "multi-professional plan written by",
        "n",
    ),
    "orientation": npgettext_lazy(
        "programme document: orientation", "orientation by", "orientation by", "n"
    ),
    "training": npgettext_lazy("programme document: training", "training by", "training by", "n"),
    "final_test": npgettext_lazy(
        "programme document: final_test", "final test by", "final test by", "n"
    ),
    "literacy": npgettext_lazy("programme document: literacy", "arranged by", "arranged by", "n"),
    "guidance": npgettext_lazy(
        "programme document: guidance", "guidance and advice by", "guidance and advice by", "n"
    ),
    "municipal_services": npgettext_lazy(
        "programme document: municipal_services", "arranged by", "arranged by", "n"
    ),
    "community": npgettext_lazy("programme document: community", "arranged by", "arranged by", "n"),
    "employment": npgettext_lazy(
        "programme document: employment", "arranged by", "arranged by", "n"
    ),
}

# The sentence patterns and fixed words of the document, by key; `labels(lang)` reads them all.
# "bought_from" has its own context: its Finnish takes the seller in the ablative case
# ("ostopalvelu Suomussalmelta"), "bought_from_plain" the seller's name as it is.
LABELS: dict[str, Promise] = {
    "contents": pgettext_lazy("programme document", "Contents"),
    "skip": pgettext_lazy("programme document", "Skip to content"),
    "page": pgettext_lazy("programme document", "Page"),
    "area": pgettext_lazy("programme document", "The whole employment area"),
    "fallback": pgettext_lazy("programme document", "in Finnish: no English text in the data"),
    "fallback_partly": pgettext_lazy("programme document", "partly in Finnish"),
    "subtitle": pgettext_lazy(
        "programme document", "Compiled from the Kotokartta data · data of {date}"
    ),
    "generated": pgettext_lazy(
        "programme document",
        "Compiled from Kotokartta's structured data; not a word-for-word copy of the source "
        "document.",
    ),
    "municipality": pgettext_lazy("programme document", "Municipality"),
    "code": pgettext_lazy("programme document", "Code"),
    "county": pgettext_lazy("programme document", "Wellbeing services county"),
    "name": pgettext_lazy("programme document", "Name"),
    "title": pgettext_lazy("programme document", "Title"),
    "unit": pgettext_lazy("programme document", "Organisation and unit"),
    "email": pgettext_lazy("programme document", "E-mail"),
    "municipalities_caption": pgettext_lazy(
        "programme document", "The municipalities of the employment area"
    ),
    "coordinators_caption": pgettext_lazy("programme document", "Contact persons by municipality"),
    "not_named": pgettext_lazy("programme document", "not named"),
    "both": pgettext_lazy("programme document", "Job seekers and other newcomers"),
    "job-seeker": pgettext_lazy("programme document", "Job seekers"),
    "other": pgettext_lazy("programme document", "Other newcomers"),
    "both_lower": pgettext_lazy("programme document", "all clients"),
    "job-seeker_lower": pgettext_lazy("programme document", "job seekers"),
    "other_lower": pgettext_lazy("programme document", "other newcomers"),
    "left_open": pgettext_lazy("programme document", "the document leaves the arrangement open"),
    "no_provider": pgettext_lazy("programme document", "no provider is named"),
    "responsible_only": pgettext_lazy(
        "programme document", "responsible municipality {name}; no provider is named"
    ),
    "residence": pgettext_lazy("programme document", "the person's home municipality"),
    "bought_from": pgettext_lazy(
        "programme document, seller in the ablative case", "bought from {seller}"
    ),
    "bought_from_plain": pgettext_lazy("programme document", "bought from {seller}"),
    "buyer": pgettext_lazy("programme document", "by {buyer}"),
    "place": pgettext_lazy("programme document", "{place}"),
    "planned_from": pgettext_lazy("programme document", "from {year}"),
    "responsible": pgettext_lazy("programme document", "Responsible municipality: {name}."),
    "no_responsible": pgettext_lazy(
        "programme document", "No responsible municipality is recorded."
    ),
    "condition": pgettext_lazy("programme document", "Applies to: {text}."),
    "targets": pgettext_lazy("programme document", "For: {groups}."),
    "languages": pgettext_lazy("programme document", "Languages: {names}."),
    "partners": pgettext_lazy("programme document", "Together with: {partners}."),
    "activity": pgettext_lazy("programme document", "Activity: {name}."),
    "organised_by": pgettext_lazy("programme document", "organised by {names}"),
    "flag_ref": pgettext_lazy(
        "programme document", "Data-quality note: {kinds} (see section {number})."
    ),
    "area_ref": pgettext_lazy(
        "programme document", "area-wide arrangement (see “{heading}”); {who} is responsible"
    ),
    "home": pgettext_lazy("programme document", "the home municipality, {name},"),
    "not_described": pgettext_lazy(
        "programme document", "The document does not describe this for {name}."
    ),
    "area_activity": pgettext_lazy(
        "programme document", "{name}: {organisers}for all the area's municipalities ({count})."
    ),
    "quota_yes": pgettext_lazy(
        "programme document",
        "According to the document, {name} receives quota refugees; the languages needed for "
        "orientation vary with the groups received.",
    ),
    "quota_no": pgettext_lazy(
        "programme document",
        "{name} is not among the municipalities that the document says receive quota refugees.",
    ),
    "quota_list": pgettext_lazy(
        "programme document", "Municipalities that receive quota refugees: {names}."
    ),
    "law_note": pgettext_lazy("programme document", "Note on the law: {text}"),
    "bodies": pgettext_lazy("programme document", "Cooperation bodies"),
    "appointed_by": pgettext_lazy("programme document", "Appointed by: {name}."),
    "members": pgettext_lazy("programme document", "Members: {names}."),
    "coordinated_by": pgettext_lazy("programme document", "Coordinated by: {people}."),
    "buys": pgettext_lazy("programme document", "{name} buys services from {seller}: {phases}."),
    "buys_plain": pgettext_lazy("programme document", "Bought from {seller}: {phases}."),
    "other_responsible": pgettext_lazy(
        "programme document", "Another municipality is responsible: {items}."
    ),
    "produced_by_other": pgettext_lazy(
        "programme document",
        "Provided by another municipality's organisation, not recorded as bought: {items}.",
    ),
    "serves_others": pgettext_lazy(
        "programme document", "{name} also serves other municipalities: {items}."
    ),
    "purchased_mark": pgettext_lazy("programme document", "bought"),
    "open_items": pgettext_lazy("programme document", "Open arrangements: {items}."),
    "self_arranged": pgettext_lazy(
        "programme document",
        "The data records no bought services and no services for which another municipality "
        "is responsible or which it provides.",
    ),
    "no_flags": pgettext_lazy("programme document", "No data-quality notes."),
    "concerns": pgettext_lazy("programme document", "Concerns: {subject}."),
    "source": pgettext_lazy("programme document", "Source: {section}."),
    "source_in": pgettext_lazy(
        "programme document", "Source: {section} ({municipality}'s paragraph)."
    ),
    "intro_area": pgettext_lazy(
        "programme document",
        "This document describes the integration programme of the {area}: the early-stage "
        "integration services that the area's {count} municipalities arrange under the Act "
        "on the Promotion of Integration (681/2023). The sections follow the order of the "
        "Act, and every municipality is described under every section.",
    ),
    "intro_source": pgettext_lazy(
        "programme document",
        "Source: “{title}” (in Finnish; {publisher}), file {file}. Data of {date}.",
    ),
    "intro_generated": pgettext_lazy(
        "programme document",
        "The text is compiled from Kotokartta's structured data: who provides a service, for "
        "whom, where, how, with whom and whether it is bought from someone else. Each "
        "service's own description follows the compiled text. No address, date or provider "
        "that the source document does not state has been added; open arrangements are "
        "written as open. Where the data has no English text, the Finnish text is shown and "
        "marked.",
    ),
    "intro_municipalities": pgettext_lazy("programme document", "Municipalities: {names}."),
    "coordinators_intro": pgettext_lazy(
        "programme document",
        "The e-mail addresses are the work addresses published in the document.",
    ),
    "flags_intro": pgettext_lazy(
        "programme document",
        "Points that the source document leaves open, or where it is unclear, contradictory "
        "or out of date. None of them has been silently corrected.",
    ),
    "repealed_13": pgettext_lazy(
        "programme document",
        "The duty to write a document describing the integration programme (KotoL 13 § 3 "
        "mom.) has been repealed; the document still describes the programme.",
    ),
    "with_county": pgettext_lazy("programme document", "with the wellbeing services county"),
}

AND = pgettext_lazy("programme document", "and")
OR = pgettext_lazy("programme document", "or")
SWEDISH_NAME = pgettext_lazy("programme document", "Swedish {name}")

# The parts of the source document a flag cites, where no phase names them ("introduction").
SOURCE_SECTIONS: dict[str, Promise] = {
    "introduction": pgettext_lazy(
        "programme document, section of the source document", "Introduction and municipalities"
    ),
    "coordinators": pgettext_lazy(
        "programme document, section of the source document", "Coordinators and contacts"
    ),
    "training_others": pgettext_lazy(
        "programme document, section of the source document",
        "Integration training for those who are not job seekers",
    ),
    "cooperation": pgettext_lazy(
        "programme document, section of the source document", "Cooperation and responsibilities"
    ),
}


def labels(lang: str) -> dict[str, str]:
    """Every sentence pattern of `LABELS` in `lang`."""
    with translation.override(lang):
        return {key: str(label) for key, label in LABELS.items()}


def label(promise: Promise, lang: str) -> str:
    """One message in `lang` (without switching when `lang` is already active: the document is
    built inside one `translation.override`)."""
    if translation.get_language() == lang:
        return str(promise)
    with translation.override(lang):
        return str(promise)


def phase_short_name(phase_id: str, lang: str) -> str:
    """A phase's short name for lists, in `lang` ("arviointi", "integration plan")."""
    return label(PHASE_SHORT_LABELS[phase_id], lang)


def phase_lead(phase_id: str, lang: str, *, plural: bool) -> str:
    """What the provider does in the phase, with the verb in the provider's number (Finnish):
    "arvioinnin tekee", "arvioinnin tekevät", "assessment by"."""
    with translation.override(lang):
        return str(PHASE_LEAD[phase_id] % {"n": 2 if plural else 1})
