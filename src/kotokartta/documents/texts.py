"""The document's fixed words: section plan and titles, phase phrases, language, basis and flag
names, and the sentence patterns, with the small helpers that join them."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
)

LANGUAGES = ("fi", "en")

# The document's sections in the law's order, each with the phases it covers.
SECTION_PLAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assessment", ("assessment", "multi_assessment")),
    ("plan", ("plan", "multi_plan")),
    ("orientation", ("orientation",)),
    ("training", ("training",)),
    ("final_test", ("final_test",)),
    ("literacy", ("literacy",)),
    ("guidance", ("guidance",)),
    ("municipal_services", ("municipal_services",)),
    ("community", ("community",)),
    ("employment", ("employment",)),
)

SECTION_TITLES: dict[str, tuple[str, str]] = {
    "introduction": ("Johdanto", "Introduction"),
    "coordinators": (
        "Kotoutumisohjelmaa koordinoivat tahot ja yhteyshenkilöt",
        "Coordinating bodies and contact persons",
    ),
    "assessment": (
        "Osaamisen ja kotoutumisen palvelutarpeen arviointi ja monialainen arviointi (KotoL 14 §)",
        "Assessment of skills and integration service needs, and the multi-professional "
        "assessment (KotoL 14 §)",
    ),
    "plan": (
        "Kotoutumissuunnitelma ja monialainen kotoutumissuunnitelma (KotoL 16 §, 18–23 §)",
        "Integration plan and multi-professional integration plan (KotoL 16 §, 18–23 §)",
    ),
    "cooperation": ("Yhteistyö ja vastuut", "Cooperation and responsibilities"),
    "flags": ("Tietojen laatuhuomiot kunnittain", "Data-quality notes by municipality"),
}

# Short phase names for lists ("bought from Suomussalmi: assessment, integration plan"), through
# gettext: the documents app's own catalogue (context "programme phase, short").
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


def phase_short_name(phase_id: str, lang: str) -> str:
    """A phase's short name for lists, in `lang` ("arviointi", "integration plan")."""
    with translation.override(lang):
        return str(PHASE_SHORT_LABELS[phase_id])


# What the provider does in each phase, before the provider's name: (fi singular, fi plural, en).
PHASE_LEAD: dict[str, tuple[str, str, str]] = {
    "assessment": ("arvioinnin tekee", "arvioinnin tekevät", "assessment by"),
    "multi_assessment": (
        "monialaisen arvioinnin tekee",
        "monialaisen arvioinnin tekevät",
        "multi-professional assessment by",
    ),
    "plan": ("suunnitelman laatii", "suunnitelman laativat", "integration plan written by"),
    "multi_plan": (
        "monialaisen suunnitelman laatii",
        "monialaisen suunnitelman laativat",
        "multi-professional plan written by",
    ),
    "orientation": ("orientaation järjestää", "orientaation järjestävät", "orientation by"),
    "training": ("koulutuksen järjestää", "koulutuksen järjestävät", "training by"),
    "final_test": ("testauksen järjestää", "testauksen järjestävät", "final test by"),
    "literacy": ("koulutuksen järjestää", "koulutuksen järjestävät", "arranged by"),
    "guidance": (
        "ohjausta ja neuvontaa antaa",
        "ohjausta ja neuvontaa antavat",
        "guidance and advice by",
    ),
    "municipal_services": ("palvelun järjestää", "palvelun järjestävät", "arranged by"),
    "community": ("toiminnan järjestää", "toiminnan järjestävät", "arranged by"),
    "employment": ("palvelun järjestää", "palvelun järjestävät", "arranged by"),
}

LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "fi": ("suomi", "Finnish"),
    "sv": ("ruotsi", "Swedish"),
    "en": ("englanti", "English"),
    "uk": ("ukraina", "Ukrainian"),
    "ru": ("venäjä", "Russian"),
    "ar": ("arabia", "Arabic"),
    "vi": ("vietnam", "Vietnamese"),
    "th": ("thai", "Thai"),
    "sw": ("swahili", "Swahili"),
    "rw": ("kinyaruanda", "Kinyarwanda"),
    "so": ("somali", "Somali"),
    "fa": ("persia (farsi)", "Persian (Farsi)"),
    "ku": ("kurdi", "Kurdish"),
    "ps": ("pašto", "Pashto"),
    "ti": ("tigrinja", "Tigrinya"),
    "es": ("espanja", "Spanish"),
    "fr": ("ranska", "French"),
    "de": ("saksa", "German"),
    "et": ("viro", "Estonian"),
}

# The residence bases as the groups the document names (plural), through gettext: the documents
# app's own catalogue (context "residence basis, plural"), in every interface language.
BASIS_LABELS: dict[str, Promise] = {
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


def basis_name(basis: str, lang: str) -> str:
    """The group of people with this residence basis, in `lang` ("kiintiöpakolaiset"); an
    unknown code is returned as it is."""
    label = BASIS_LABELS.get(basis)
    if label is None:
        return basis
    with translation.override(lang):
        return str(label)


# Flag kinds through gettext (the msgids of the coverage views' flag legend): one name per kind in
# every interface language; `flag_kind_name` reads it in the document's language.
FLAG_KIND_LABELS: dict[str, Promise] = {
    "misspelling": gettext_lazy("Misspelling"),
    "contradiction": gettext_lazy("Contradiction"),
    "inconsistent_term": gettext_lazy("Inconsistent term"),
    "undetermined": gettext_lazy("Open"),
    "dated_plan": gettext_lazy("Dated plan"),
    "silent": gettext_lazy("Not described"),
    "ambiguous": gettext_lazy("Ambiguous"),
    "legal_reference": gettext_lazy("Legal reference"),
}


def flag_kind_name(kind: str, lang: str) -> str:
    """The name of a flag kind in `lang`, from the gettext catalogues."""
    with translation.override(lang):
        return str(FLAG_KIND_LABELS[kind])


LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "contents": "Sisällys",
        "skip": "Siirry sisältöön",
        "page": "Sivu",
        "area": "Koko työllisyysalue",
        "fallback": "suomeksi: tekstiä ei ole englanniksi",
        "fallback_partly": "osin suomeksi",
        "subtitle": "Koottu Kotokartan tiedoista · tiedot {date}",
        "generated": "Koottu Kotokartan rakenteisista tiedoista; ei lähdeasiakirjan sanatarkka "
        "kopio.",
        "municipality": "Kunta",
        "code": "Kuntanumero",
        "county": "Hyvinvointialue",
        "name": "Nimi",
        "title": "Nimike",
        "unit": "Organisaatio ja yksikkö",
        "email": "Sähköposti",
        "municipalities_caption": "Työllisyysalueen kunnat",
        "coordinators_caption": "Yhteyshenkilöt kunnittain",
        "not_named": "ei nimetty",
        "both": "Työnhakija-asiakkaat ja muut kotoutuja-asiakkaat",
        "job-seeker": "Työnhakija-asiakkaat",
        "other": "Muut kotoutuja-asiakkaat",
        "both_lower": "kaikki asiakkaat",
        "job-seeker_lower": "työnhakija-asiakkaat",
        "other_lower": "muut kotoutuja-asiakkaat",
        "left_open": "asiakirja jättää järjestelyn avoimeksi",
        "no_provider": "järjestäjää ei ole nimetty",
        "responsible_only": "vastuukunta {name}; palvelun tuottajaa ei ole nimetty",
        "residence": "asukkaan kotikunta",
        "bought_from": "ostopalvelu {seller}",
        "bought_from_plain": "ostopalvelu, myyjä {seller}",
        "buyer": "ostaja {buyer}",
        "place": "paikka: {place}",
        "planned_from": "alkaen {year}",
        "responsible": "Vastuukunta: {name}.",
        "no_responsible": "Vastuukuntaa ei ole kirjattu.",
        "condition": "Koskee: {text}.",
        "targets": "Kohderyhmä: {groups}.",
        "languages": "Kielet: {names}.",
        "partners": "Mukana: {partners}.",
        "activity": "Toiminta: {name}.",
        "organised_by": "järjestäjä {names}",
        "flag_ref": "Laatuhuomio: {kinds} (ks. luku {number}).",
        "area_ref": "alueen yhteinen järjestely (ks. ”{heading}”); vastuussa {who}",
        "home": "asukkaan kotikunta {name}",
        "not_described": "Asiakirja ei kuvaa tätä {name}n osalta.",
        "area_activity": "{name}: {organisers}koskee kaikkia alueen kuntia ({count}).",
        "quota_yes": "{name} on asiakirjan mukaan kiintiöpakolaisia vastaanottava kunta; "
        "orientaation kielitarve vaihtelee vastaanotettavien ryhmien mukaan.",
        "quota_no": "{name} ei ole asiakirjan mukaan kiintiöpakolaisia vastaanottavien kuntien "
        "joukossa.",
        "quota_list": "Kiintiöpakolaisia vastaanottavat kunnat: {names}.",
        "law_note": "Huomautus lainsäädännöstä: {text}",
        "bodies": "Yhteistyöelimet",
        "appointed_by": "Asettaja: {name}.",
        "members": "Jäsenet: {names}.",
        "coordinated_by": "Koordinoi: {people}.",
        "buys": "{name} ostaa palveluja {seller}: {phases}.",
        "buys_plain": "Ostopalvelut, myyjä {seller}: {phases}.",
        "other_responsible": "Toisen kunnan vastuulla: {items}.",
        "produced_by_other": "Toisen kunnan organisaation tuottamat, ei merkitty "
        "ostopalveluksi: {items}.",
        "serves_others": "{name} palvelee myös muita kuntia: {items}.",
        "purchased_mark": "ostopalvelu",
        "open_items": "Avoimet järjestelyt: {items}.",
        "self_arranged": "Tiedoissa ei ole ostopalveluja eikä toisen kunnan vastuulla tai "
        "tuottamia palveluja.",
        "no_flags": "Ei laatuhuomioita.",
        "concerns": "Koskee: {subject}.",
        "source": "Lähde: {section}.",
        "source_in": "Lähde: {section} ({municipality}n kappale).",
        "intro_area": "Tämä asiakirja kuvaa {area} kotoutumisohjelman: kotoutumisen alkuvaiheen "
        "palvelut, jotka alueen {count} kuntaa järjestävät kotoutumisen edistämisestä annetun "
        "lain (681/2023) mukaisesti. Luvut seuraavat lain järjestystä, ja jokaisen luvun alla "
        "kuvataan jokainen kunta.",
        "intro_source": "Lähde: {title} ({publisher}), tiedosto {file}. Tiedot {date}.",
        "intro_generated": "Teksti on koottu Kotokartan rakenteisista tiedoista: kuka palvelun "
        "tuottaa, kenelle, missä, miten, kenen kanssa ja ostetaanko se toiselta. Kunkin "
        "palvelun oma kuvaus seuraa koottua tekstiä. Osoitteita, päivämääriä tai "
        "palveluntuottajia, joita lähdeasiakirja ei kerro, ei ole lisätty; avoimet järjestelyt "
        "on kirjoitettu avoimiksi.",
        "intro_municipalities": "Kunnat: {names}.",
        "coordinators_intro": "Sähköpostiosoitteet ovat asiakirjassa julkaistuja työosoitteita.",
        "flags_intro": "Kohdat, jotka lähdeasiakirja jättää avoimiksi tai joissa se on "
        "epäselvä, ristiriitainen tai vanhentunut. Niitä ei ole korjattu hiljaa.",
        "repealed_13": "Kotoutumisohjelmaa kuvaavan asiakirjan laatimisvelvollisuus (KotoL 13 § "
        "3 mom.) on kumottu; asiakirja kuvaa ohjelman silti.",
        "with_county": "hyvinvointialue mukana",
    },
    "en": {
        "contents": "Contents",
        "skip": "Skip to content",
        "page": "Page",
        "area": "The whole employment area",
        "fallback": "in Finnish: no English text in the data",
        "fallback_partly": "partly in Finnish",
        "subtitle": "Compiled from the Kotokartta data · data of {date}",
        "generated": "Compiled from Kotokartta's structured data; not a word-for-word copy of "
        "the source document.",
        "municipality": "Municipality",
        "code": "Code",
        "county": "Wellbeing services county",
        "name": "Name",
        "title": "Title",
        "unit": "Organisation and unit",
        "email": "E-mail",
        "municipalities_caption": "The municipalities of the employment area",
        "coordinators_caption": "Contact persons by municipality",
        "not_named": "not named",
        "both": "Job seekers and other newcomers",
        "job-seeker": "Job seekers",
        "other": "Other newcomers",
        "both_lower": "all clients",
        "job-seeker_lower": "job seekers",
        "other_lower": "other newcomers",
        "left_open": "the document leaves the arrangement open",
        "no_provider": "no provider is named",
        "responsible_only": "responsible municipality {name}; no provider is named",
        "residence": "the person's home municipality",
        "bought_from": "bought from {seller}",
        "bought_from_plain": "bought from {seller}",
        "buyer": "by {buyer}",
        "place": "{place}",
        "planned_from": "from {year}",
        "responsible": "Responsible municipality: {name}.",
        "no_responsible": "No responsible municipality is recorded.",
        "condition": "Applies to: {text}.",
        "targets": "For: {groups}.",
        "languages": "Languages: {names}.",
        "partners": "Together with: {partners}.",
        "activity": "Activity: {name}.",
        "organised_by": "organised by {names}",
        "flag_ref": "Data-quality note: {kinds} (see section {number}).",
        "area_ref": "area-wide arrangement (see “{heading}”); {who} is responsible",
        "home": "the home municipality, {name},",
        "not_described": "The document does not describe this for {name}.",
        "area_activity": "{name}: {organisers}for all the area's municipalities ({count}).",
        "quota_yes": "According to the document, {name} receives quota refugees; the languages "
        "needed for orientation vary with the groups received.",
        "quota_no": "{name} is not among the municipalities that the document says receive "
        "quota refugees.",
        "quota_list": "Municipalities that receive quota refugees: {names}.",
        "law_note": "Note on the law: {text}",
        "bodies": "Cooperation bodies",
        "appointed_by": "Appointed by: {name}.",
        "members": "Members: {names}.",
        "coordinated_by": "Coordinated by: {people}.",
        "buys": "{name} buys services from {seller}: {phases}.",
        "buys_plain": "Bought from {seller}: {phases}.",
        "other_responsible": "Another municipality is responsible: {items}.",
        "produced_by_other": "Provided by another municipality's organisation, not recorded as "
        "bought: {items}.",
        "serves_others": "{name} also serves other municipalities: {items}.",
        "purchased_mark": "bought",
        "open_items": "Open arrangements: {items}.",
        "self_arranged": "The data records no bought services and no services for which another "
        "municipality is responsible or which it provides.",
        "no_flags": "No data-quality notes.",
        "concerns": "Concerns: {subject}.",
        "source": "Source: {section}.",
        "source_in": "Source: {section} ({municipality}'s paragraph).",
        "intro_area": "This document describes the integration programme of the {area}: the "
        "early-stage integration services that the area's {count} municipalities arrange under "
        "the Act on the Promotion of Integration (681/2023). The sections follow the order of "
        "the Act, and every municipality is described under every section.",
        "intro_source": "Source: “{title}” (in Finnish; {publisher}), file {file}. Data of {date}.",
        "intro_generated": "The text is compiled from Kotokartta's structured data: who "
        "provides a service, for whom, where, how, with whom and whether it is bought from "
        "someone else. Each service's own description follows the compiled text. No address, "
        "date or provider that the source document does not state has been added; open "
        "arrangements are written as open. Where the data has no English text, the Finnish "
        "text is shown and marked.",
        "intro_municipalities": "Municipalities: {names}.",
        "coordinators_intro": "The e-mail addresses are the work addresses published in the "
        "document.",
        "flags_intro": "Points that the source document leaves open, or where it is unclear, "
        "contradictory or out of date. None of them has been silently corrected.",
        "repealed_13": "The duty to write a document describing the integration programme "
        "(KotoL 13 § 3 mom.) has been repealed; the document still describes the programme.",
        "with_county": "with the wellbeing services county",
    },
}


def _pair(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _join(items: Iterable[str], lang: str, *, alternatives: bool = False) -> str:
    """'a, b ja c' / 'a, b and c'; with `alternatives`, 'a, b tai c' / 'a, b or c'."""
    values = [item for item in items if item]
    if len(values) <= 1:
        return "".join(values)
    if alternatives:
        word = " or " if lang == "en" else " tai "
    else:
        word = " and " if lang == "en" else " ja "
    return ", ".join(values[:-1]) + word + values[-1]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _chain(first: str, second: str) -> str:
    """'Kainuu-Koillismaan työllisyysalueen' + 'työllisyysalueen keskitetyt yrityspalvelut'
    → 'Kainuu-Koillismaan työllisyysalueen keskitetyt yrityspalvelut' (no repeated word)."""
    if not first or not second:
        return first or second
    head = first.split()
    if second.split()[0].casefold() == head[-1].casefold():
        return " ".join([*head[:-1], second])
    return f"{first} {second}"


def law_text(phase_id: str, lang: str) -> str:
    current = PHASE_BY_ID[phase_id].law.current
    if lang == "en":
        current = current.replace("hyvinvointialue mukana", LABELS["en"]["with_county"])
        current = current.replace(" ja ", " and ")
    return current


def phase_title(phase_id: str, lang: str) -> str:
    phase = PHASE_BY_ID[phase_id]
    law = law_text(phase_id, lang)
    if not law:
        return phase.name(lang)
    if "(" in law:  # "KotoL 14 § (hyvinvointialue mukana)" → "… — KotoL 14 §, hyvinvointialue …"
        law = law.replace(" (", ", ").rstrip(")")
    return f"{phase.name(lang)} ({law})"


def section_title(section_id: str, lang: str) -> str:
    if section_id in SECTION_TITLES:
        return _pair(SECTION_TITLES[section_id], lang)
    return phase_title(section_id, lang)
