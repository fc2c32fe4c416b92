"""The programme document ("kotoutumisohjelmaa kuvaava asiakirja"), regenerated from the data.

`programme_document` reads the loaded database and lays the programme out in the law's order:
title, introduction, coordinators, then one section per part of the programme (assessment,
plan, orientation, training, final test, literacy, guidance, other municipal services, community,
employment), cooperation and responsibilities, and the data-quality notes. Under every section
every municipality appears, in the area's order.

The prose is generated from the structured fields (who provides, for whom, where, how, bought
from whom, with whom); the provision's own `details` text follows it. Nothing is pasted from the
source document, and nothing the data does not hold is added: a field the data leaves empty is
said to be open, never filled in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from kotokartta.core.text import localised, text_language
from kotokartta.documents import finnish
from kotokartta.documents.model import Block, DocumentModel, Item, Paragraph, Table
from kotokartta.programme import models as m
from kotokartta.programme.models import NoProgrammeLoaded
from kotokartta.programme.vocabulary import (
    MODE_NAMES,
    PHASE_BY_ID,
    SECTIONS,
    STATUS_NAMES,
    ClientGroup,
    Status,
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

# Short phase names for lists ("bought from Suomussalmi: assessment, integration plan").
PHASE_SHORT: dict[str, tuple[str, str]] = {
    "assessment": ("arviointi", "assessment"),
    "multi_assessment": ("monialainen arviointi", "multi-professional assessment"),
    "plan": ("kotoutumissuunnitelma", "integration plan"),
    "multi_plan": ("monialainen kotoutumissuunnitelma", "multi-professional plan"),
    "orientation": ("yhteiskuntaorientaatio", "civic orientation"),
    "training": ("kotoutumiskoulutus", "integration training"),
    "final_test": ("päättötestaus", "final language test"),
    "literacy": ("luku- ja kirjoitustaito ja kielen oppiminen", "literacy and language learning"),
    "guidance": ("ohjaus ja neuvonta", "guidance and advice"),
    "municipal_services": ("muut kunnan palvelut", "other municipal services"),
    "community": ("järjestö- ja yhteisötoiminta", "community activities"),
    "employment": ("työllistyminen ja yrittäjyys", "employment and entrepreneurship"),
}

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

BASIS_NAMES: dict[str, tuple[str, str]] = {
    "quota_refugee": ("kiintiöpakolaiset", "quota refugees"),
    "temporary_protection": ("tilapäistä suojelua saavat", "people with temporary protection"),
    "international_protection": (
        "kansainvälistä suojelua saaneet",
        "people granted international protection",
    ),
    "family_reunification": ("perheenyhdistämisen kautta tulleet", "family reunification"),
    "unaccompanied_minor": (
        "ilman huoltajaa alaikäisenä tulleet",
        "people who came as unaccompanied minors",
    ),
    "work": ("työn perusteella muuttaneet", "people who moved for work"),
    "study": ("opiskelun perusteella muuttaneet", "people who moved to study"),
    "family_member": ("työ- ja opiskeluperäisten muuttajien perheenjäsenet", "family members"),
}

FLAG_KIND_NAMES: dict[str, tuple[str, str]] = {
    "misspelling": ("Kirjoitusvirhe", "Misspelling"),
    "contradiction": ("Ristiriita", "Contradiction"),
    "inconsistent_term": ("Epäjohdonmukainen nimitys", "Inconsistent term"),
    "undetermined": ("Avoin", "Open"),
    "dated_plan": ("Vanhentunut suunnitelma", "Dated plan"),
    "silent": ("Ei kuvattu", "Not described"),
    "ambiguous": ("Epäselvä", "Ambiguous"),
    "legal_reference": ("Lakiviittaus", "Legal reference"),
}

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


@dataclass
class _Lookups:
    dataset: m.DataSet
    municipalities: list[m.Municipality]
    organisations: dict[str, m.Organisation]
    units: dict[str, m.Unit]
    roles: dict[str, m.Role]
    places: dict[str, m.Place]
    provisions: list[m.Provision]
    area_served: dict[str, set[str]]
    partners: dict[str, list[m.Partner]]
    activities: dict[str, m.Activity]
    flags: list[m.Flag]
    coordinators: list[m.Coordinator]
    bodies: list[m.CooperationBody]


def _load() -> _Lookups:
    dataset = m.DataSet.objects.current()
    if dataset is None:
        raise NoProgrammeLoaded("no programme data is loaded; run `kotokartta data load`")
    municipalities = list(m.Municipality.objects.select_related("wellbeing_county"))
    provisions = list(m.Provision.objects.all())
    area_served: dict[str, set[str]] = {}
    through = m.Provision.area_municipalities.through
    for row in through.objects.values_list("provision_id", "municipality_id"):
        area_served.setdefault(row[0], set()).add(row[1])
    all_ids = {mun.id for mun in municipalities}
    for provision in provisions:
        if provision.municipality_id is None and provision.area_wide_all:
            area_served[provision.id] = set(all_ids)
    partners: dict[str, list[m.Partner]] = {}
    for partner in m.Partner.objects.all():
        partners.setdefault(partner.provision_id, []).append(partner)
    return _Lookups(
        dataset=dataset,
        municipalities=municipalities,
        organisations={o.id: o for o in m.Organisation.objects.all()},
        units={u.id: u for u in m.Unit.objects.all()},
        roles={r.id: r for r in m.Role.objects.all()},
        places={p.id: p for p in m.Place.objects.all()},
        provisions=provisions,
        area_served=area_served,
        partners=partners,
        activities={a.id: a for a in m.Activity.objects.all()},
        flags=list(m.Flag.objects.all()),
        coordinators=list(m.Coordinator.objects.all()),
        bodies=list(m.CooperationBody.objects.all()),
    )


class _Builder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.en = lang == "en"
        self.t = LABELS[lang]
        self.data = _load()
        self.by_mun = {mun.id: mun for mun in self.data.municipalities}
        self.fallbacks = 0
        self._fell_back = False
        self.flags_by_subject: dict[str, list[m.Flag]] = {}
        for flag in self.data.flags:
            if flag.subject:
                self.flags_by_subject.setdefault(flag.subject, []).append(flag)
        self.flags_number = str(len(SECTION_PLAN) + 4)
        self.area_heading = self.t["area"]

    # --- texts --------------------------------------------------------------------------
    def text(self, value: Mapping[str, str] | None) -> str:
        """A data text in the document's language; remembers when Finnish stands in."""
        out = localised(value, self.lang)
        if out and text_language(value, self.lang) != self.lang:
            self._fell_back = True
        return out

    def name(self, mun: m.Municipality | None) -> str:
        """Municipality names are proper names: the same in English, never marked."""
        if mun is None:
            return ""
        return localised(mun.name, self.lang)

    def prose(self, text: str, kind: str = "prose") -> Paragraph:
        paragraph = Paragraph(text, self.lang, kind, self._fell_back)
        self.fallbacks += paragraph.fallback
        self._fell_back = False
        return paragraph

    def own(self, value: Mapping[str, str] | None, kind: str = "details") -> Paragraph | None:
        """A text from the data as it stands (details, descriptions, flag texts)."""
        text = localised(value, self.lang)
        if not text:
            return None
        lang = text_language(value, self.lang) or self.lang
        paragraph = Paragraph(text, lang, kind, lang != self.lang)
        self.fallbacks += paragraph.fallback
        return paragraph

    def clients(self, clients: Iterable[str], lower: bool = False) -> str:
        values = set(clients)
        key = "both" if values >= {c.value for c in ClientGroup} else next(iter(sorted(values)))
        return self.t[f"{key}_lower" if lower else key]

    def status(self, provision: m.Provision) -> str:
        if provision.status == Status.AVAILABLE:
            return ""
        word = _pair(STATUS_NAMES[provision.status], self.lang)
        if provision.planned_from:
            word += ", " + self.t["planned_from"].format(year=provision.planned_from)
        return f" ({word})"

    # --- who -----------------------------------------------------------------------------
    def role_phrase(self, role_id: str | None, alternatives: Iterable[str] = ()) -> str:
        if role_id is None or role_id not in self.data.roles:
            return ""
        main = self.text(self.data.roles[role_id].name)
        alts = [self.text(self.data.roles[r].name) for r in alternatives if r in self.data.roles]
        if alts:
            main += f" ({'or' if self.en else 'tai'} {_join(alts, self.lang, alternatives=True)})"
        return main

    def actor(
        self,
        org_id: str | None,
        unit_id: str | None,
        role_id: str | None,
        alternatives: Iterable[str] = (),
    ) -> tuple[str, bool]:
        """Who does it, as a noun phrase, and whether it takes a plural verb (Finnish)."""
        org = self.data.organisations.get(org_id) if org_id else None
        unit = self.data.units.get(unit_id) if unit_id else None
        org_name = self.text(org.name) if org else ""
        unit_name = self.text(unit.name) if unit else ""
        role = self.role_phrase(role_id, alternatives)
        role_head = self.text(self.data.roles[role_id].name) if role and role_id else ""
        if self.en:  # "employment counsellor, Municipality of Suomussalmi, employment services"
            return ", ".join(x for x in (role, org_name, unit_name) if x), False
        if role:
            org_gen = finnish.genitive(org_name) if org else ""
            unit_gen = finnish.genitive(unit_name) if unit else ""
            if org_gen is not None and unit_gen is not None:
                prefix = _chain(org_gen, unit_gen)
                words = role.split()
                if prefix and words and words[0] == prefix.split()[-1]:
                    role = " ".join(words[1:])  # "kunnan" + "kunnan viranhaltijat"
                return f"{prefix} {role}".strip(), finnish.is_plural(role_head)
            where = ", ".join(x for x in (org_name, unit_name) if x)
            return f"{role} ({where})", finnish.is_plural(role_head)
        if unit:
            org_gen = finnish.genitive(org_name) if org else None
            phrase = _chain(org_gen, unit_name) if org_gen else f"{org_name}, {unit_name}"
            return phrase, finnish.is_plural(unit_name)
        return org_name, finnish.is_plural(org_name) if org_name else False

    def purchase(self, provision: m.Provision, home: m.Municipality | None, actor: str) -> str:
        if not provision.purchased:
            return ""
        org = self.data.organisations.get(provision.provider_organisation_id or "")
        seller = self.text(org.name) if org else ""
        if not seller or seller == actor:
            text = self.t["purchased_mark"]
        elif not self.en and (abl := finnish.ablative(seller)):
            text = self.t["bought_from"].format(seller=abl)
        else:
            text = self.t["bought_from_plain"].format(seller=seller)
        buyer = self.by_mun.get(provision.responsible_id or "")
        if buyer is not None and buyer != home:
            text += ("; " if not self.en else ", ") + self.t["buyer"].format(buyer=self.name(buyer))
        return f"; {text}" if self.en else f" ({text})"

    def place_phrase(self, place: m.Place, provider_names: Iterable[str]) -> str:
        """Where, with the address and municipality when the name does not already say it.
        A place named after the provider ('Kaukametsän opisto') adds only what is new."""
        name = self.text(place.name)
        mun = self.by_mun.get(place.municipality_id)
        extra = []
        same = next((p for p in provider_names if p and name.startswith(p)), None)
        if same is not None:
            rest = name[len(same) :].strip(" ,")
            extra.append(rest)
            name = ""
        if place.address:
            extra.append(place.address)
        mun_name = self.name(mun)
        org_names = [
            localised(o.name, "fi")
            for o in self.data.organisations.values()
            if o.kind == "municipality" and o.municipality_id == place.municipality_id
        ]
        stems = {mun_name, *(n.split()[0] for n in org_names if n.split())}
        if mun is not None and not any(stem and stem in (name or same or "") for stem in stems):
            extra.append(mun_name)
        extra = [x for x in extra if x]
        suffix = f" ({', '.join(extra)})" if extra else ""
        if not name:
            return suffix.strip()
        if not self.en and (loc := finnish.locative(name)):
            return loc + suffix
        return self.t["place"].format(place=name + suffix)

    # --- provisions -----------------------------------------------------------------------
    def provision_item(self, provision: m.Provision, home: m.Municipality | None) -> Item:
        lang = self.lang
        status = self.status(provision)
        actor, plural = self.actor(
            provision.provider_organisation_id,
            provision.provider_unit_id,
            provision.role_id,
            provision.alternative_roles,
        )
        if not actor and provision.responsible_is_residence:
            actor, plural = self.t["residence"], False
        lead = PHASE_LEAD[provision.phase]
        responsible = self.by_mun.get(provision.responsible_id or "")
        if actor:
            verb = lead[2] if self.en else lead[1] if plural else lead[0]
            body = f"{verb} {actor}"
        elif provision.status == Status.UNDETERMINED:
            body = self.t["left_open"]
        elif responsible is not None:
            body = self.t["responsible_only"].format(name=self.name(responsible))
        else:
            body = self.t["no_provider"]
        body += self.purchase(provision, home, actor)
        provider_names = [
            self.text(record.name)
            for record in (
                self.data.organisations.get(provision.provider_organisation_id or ""),
                self.data.units.get(provision.provider_unit_id or ""),
            )
            if record is not None
        ]
        for pid in provision.place_ids:
            if pid not in self.data.places:
                continue
            place = self.place_phrase(self.data.places[pid], provider_names)
            if self.en:
                body += ("; at " if not place.startswith("(") else " ") + place
            else:
                body += (" " if place.startswith("(") else ", ") + place
        if provision.modes:
            body += "; " + ", ".join(_pair(MODE_NAMES[mode], lang) for mode in provision.modes)
        sentences = [f"{self.clients(provision.clients)}{status}: {_sentence(body)}"]
        if actor and responsible is not None and responsible != home and not provision.purchased:
            sentences.append(self.t["responsible"].format(name=self.name(responsible)))
        elif (
            responsible is None
            and not provision.responsible_is_residence
            and provision.status != Status.UNDETERMINED
        ):
            sentences.append(self.t["no_responsible"])
        condition = provision.condition or {}
        if condition.get("text"):
            condition_text = self.text(condition["text"]).rstrip(".")
            label = self.t["condition"].split(":")[0]
            if condition_text.casefold().startswith(label.casefold()):
                sentences.append(_sentence(condition_text))  # already says "Koskee …"
            else:
                sentences.append(self.t["condition"].format(text=condition_text))
        if provision.target_groups:
            groups = [_pair(BASIS_NAMES[g], lang) for g in provision.target_groups]
            sentences.append(self.t["targets"].format(groups=_join(groups, lang)))
        if provision.languages:
            names = [_pair(LANGUAGE_NAMES.get(c, (c, c)), lang) for c in provision.languages]
            sentences.append(self.t["languages"].format(names=_join(names, lang)))
        partners = [self.partner_phrase(p) for p in self.data.partners.get(provision.id, [])]
        if partners:
            sentences.append(self.t["partners"].format(partners="; ".join(partners)))
        activity = self.data.activities.get(provision.activity_id or "")
        if activity is not None:
            named = {provision.provider_organisation_id or ""} | {
                p.organisation_id for p in self.data.partners.get(provision.id, [])
            }
            sentences.append(
                self.t["activity"].format(name=self.activity_phrase(activity, skip=named))
            )
        flags = self.flags_by_subject.get(provision.id, [])
        if flags:
            kinds = sorted({_pair(FLAG_KIND_NAMES[f.kind], lang).lower() for f in flags})
            sentences.append(
                self.t["flag_ref"].format(kinds=", ".join(kinds), number=self.flags_number)
            )
        paragraphs = [self.prose(" ".join(sentences))]
        details = self.own(provision.details)
        if details is None and activity is not None:
            details = self.own(activity.description)
        if details is not None:
            paragraphs.append(details)
        return Item(tuple(paragraphs), provision.status, provision.id)

    def partner_phrase(self, partner: m.Partner) -> str:
        actor, _plural = self.actor(partner.organisation_id, partner.unit_id, partner.role_id)
        note = self.text(partner.note)
        return f"{actor} ({note.rstrip('.')})" if note else actor

    def activity_phrase(self, activity: m.Activity, skip: Iterable[str] = ()) -> str:
        name = self.text(activity.name)
        extra = []
        organisers = [
            self.text(self.data.organisations[o].name)
            for o in activity.organiser_order
            if o in self.data.organisations and o not in set(skip)
        ]
        if organisers:
            extra.append(self.t["organised_by"].format(names=_join(organisers, self.lang)))
        if activity.start_year or activity.end_year:
            years = "–".join(str(y) for y in (activity.start_year, activity.end_year) if y)
            extra.append(years)
        return ", ".join([name, *extra])

    def area_reference(self, provision: m.Provision, home: m.Municipality) -> Item:
        who = (
            self.t["home"].format(name=self.name(home))
            if provision.responsible_is_residence
            else self.name(self.by_mun.get(provision.responsible_id or "")) or self.t["residence"]
        )
        text = self.t["area_ref"].format(heading=self.area_heading, who=who)
        sentence = f"{self.clients(provision.clients)}{self.status(provision)}: {text}."
        return Item((self.prose(sentence),), provision.status, provision.id)

    # --- sections -------------------------------------------------------------------------
    def document(self) -> DocumentModel:
        data = self.data
        dataset = data.dataset
        date = self._date(dataset)
        sections: list[Block] = [self.introduction(), self.coordinators()]
        for section_id, phases in SECTION_PLAN:
            sections.append(self.phase_section(section_id, phases))
        sections.append(self.cooperation())
        sections.append(self.flag_section())
        numbered = tuple(
            replace(block, number=f"{index}.") for index, block in enumerate(sections, start=1)
        )
        title = localised(dataset.document_title, self.lang)
        title_lang = text_language(dataset.document_title, self.lang) or "fi"
        return DocumentModel(
            lang=self.lang,
            title=title,
            title_lang=title_lang,
            subtitle=self.t["subtitle"].format(date=date),
            area_name=localised(dataset.area_name, self.lang),
            data_date=dataset.data_date,
            source_title=localised(dataset.document_title, "fi"),
            sections=numbered,
            labels=dict(self.t),
            fallback_count=self.fallbacks + (title_lang != self.lang),
        )

    def _date(self, dataset: m.DataSet) -> str:
        d = dataset.data_date
        return d.isoformat() if self.en else f"{d.day}.{d.month}.{d.year}"

    def introduction(self) -> Block:
        t = self.t
        dataset = self.data.dataset
        mun_names = [f"{self.name(mun)} ({mun.code})" for mun in self.data.municipalities]
        area = localised(dataset.area_name, self.lang)
        area_phrase = area if self.en else (finnish.genitive(area) or area)
        paragraphs = [
            self.prose(
                t["intro_area"].format(
                    area=area_phrase,
                    count=len(self.data.municipalities),
                ),
                "text",
            ),
            self.prose(t["intro_municipalities"].format(names=_join(mun_names, self.lang)), "text"),
            self.prose(
                t["intro_source"].format(
                    title=localised(dataset.document_title, "fi"),
                    publisher=self.text(dataset.document_publisher) or "–",
                    file=dataset.document_file,
                    date=self._date(dataset),
                ),
                "text",
            ),
            self.prose(t["intro_generated"], "note"),
        ]
        legal = [
            f
            for f in self.data.flags
            if f.kind == "legal_reference"
            and f.municipality_id is None
            and (f.source or {}).get("section") == "introduction"
        ]
        if legal:
            for flag in legal:
                note = self.own(flag.text, "law")
                if note is not None:
                    paragraphs.append(
                        Paragraph(
                            t["law_note"].format(text=note.text),
                            note.lang,
                            "law",
                            note.fallback,
                        )
                    )
        else:
            paragraphs.append(self.prose(t["law_note"].format(text=t["repealed_13"]), "law"))
        rows = []
        for mun in self.data.municipalities:
            name = self.name(mun)
            if mun.name.get("sv") and mun.name["sv"] != mun.name.get("fi"):
                name += f" ({'Swedish' if self.en else 'ruots.'} {mun.name['sv']})"
            county = self.text(mun.wellbeing_county.name)
            rows.append((name, mun.code, county))
        self._fell_back = False
        table = Table(
            caption=t["municipalities_caption"],
            columns=(t["municipality"], t["code"], t["county"]),
            rows=tuple(rows),
        )
        return Block(
            "introduction",
            section_title("introduction", self.lang),
            "section",
            paragraphs=tuple(paragraphs),
            table=table,
        )

    def coordinators(self) -> Block:
        t = self.t
        rows = []
        for mun in self.data.municipalities:
            people = [c for c in self.data.coordinators if c.municipality_id == mun.id]
            if not people:
                rows.append((self.name(mun), t["not_named"], "", "", ""))
            for c in people:
                org = self.data.organisations.get(c.organisation_id)
                unit = self.data.units.get(c.unit_id or "")
                where = ", ".join(
                    x
                    for x in (
                        self.text(org.name) if org else "",
                        self.text(unit.name) if unit else "",
                    )
                    if x
                )
                rows.append((self.name(mun), c.name, self.text(c.title), where, c.email))
        self._fell_back = False
        return Block(
            "coordinators",
            section_title("coordinators", self.lang),
            "section",
            paragraphs=(self.prose(t["coordinators_intro"], "text"),),
            table=Table(
                caption=t["coordinators_caption"],
                columns=(t["municipality"], t["name"], t["title"], t["unit"], t["email"]),
                rows=tuple(rows),
                email_column=4,
            ),
        )

    def phase_section(self, section_id: str, phases: tuple[str, ...]) -> Block:
        lang = self.lang
        paragraphs: list[Paragraph] = []
        for phase_id in phases:
            law = PHASE_BY_ID[phase_id].law
            note = law.note_en if self.en else law.note_fi
            if note:
                paragraphs.append(self.prose(self.t["law_note"].format(text=note), "law"))
        if section_id == "orientation":
            quota = [
                self.name(mun) for mun in self.data.municipalities if mun.receives_quota_refugees
            ]
            paragraphs.append(self.prose(self.t["quota_list"].format(names=_join(quota, lang))))
        children: list[Block] = []
        area_block = self.area_block(section_id, phases)
        if area_block is not None:
            children.append(area_block)
        for mun in self.data.municipalities:
            children.append(self.municipality_block(section_id, phases, mun))
        return Block(
            section_id,
            section_title(section_id, lang),
            "section",
            paragraphs=tuple(paragraphs),
            children=tuple(children),
        )

    def _area_activities(self, phases: tuple[str, ...]) -> list[m.Activity]:
        everyone = {mun.id for mun in self.data.municipalities}
        return [
            a
            for a in self.data.activities.values()
            if set(a.municipality_order) >= everyone and set(a.phases) & set(phases)
        ]

    def area_block(self, section_id: str, phases: tuple[str, ...]) -> Block | None:
        groups: list[tuple[str, list[Item]]] = []
        for phase_id in phases:
            items = [
                self.provision_item(p, None)
                for p in self.data.provisions
                if p.municipality_id is None and p.phase == phase_id
            ]
            for activity in self._area_activities((phase_id,)):
                organisers = [
                    self.text(self.data.organisations[o].name)
                    for o in activity.organiser_order
                    if o in self.data.organisations
                ]
                lead = (
                    self.t["organised_by"].format(names=_join(organisers, self.lang)) + "; "
                    if organisers
                    else ""
                )
                text = self.t["area_activity"].format(
                    name=self.text(activity.name),
                    organisers=lead,
                    count=len(activity.municipality_order),
                )
                paragraphs = [self.prose(_capitalise(text))]
                description = self.own(activity.description)
                if description is not None:
                    paragraphs.append(description)
                flags = self.flags_by_subject.get(activity.id, [])
                if flags:
                    kinds = sorted(
                        {_pair(FLAG_KIND_NAMES[f.kind], self.lang).lower() for f in flags}
                    )
                    paragraphs.append(
                        self.prose(
                            self.t["flag_ref"].format(
                                kinds=", ".join(kinds), number=self.flags_number
                            )
                        )
                    )
                items.append(Item(tuple(paragraphs), "", activity.id))
            if items:
                groups.append((phase_id, items))
        if not groups:
            return None
        return self._grouped_block(f"{section_id}-area", self.t["area"], "area", phases, groups)

    def municipality_block(
        self, section_id: str, phases: tuple[str, ...], mun: m.Municipality
    ) -> Block:
        groups: list[tuple[str, list[Item]]] = []
        for phase_id in phases:
            items: list[Item] = []
            for provision in self.data.provisions:
                if provision.phase != phase_id:
                    continue
                if provision.municipality_id == mun.id:
                    items.append(self.provision_item(provision, mun))
                elif provision.municipality_id is None and mun.id in self.data.area_served.get(
                    provision.id, set()
                ):
                    items.append(self.area_reference(provision, mun))
            linked = {
                p.activity_id
                for p in self.data.provisions
                if p.activity_id and (p.municipality_id in (mun.id, None)) and p.phase == phase_id
            }
            area_wide = {a.id for a in self._area_activities((phase_id,))}
            for activity in self.data.activities.values():
                if (
                    phase_id in activity.phases
                    and mun.id in activity.municipality_order
                    and activity.id not in linked
                    and activity.id not in area_wide
                ):
                    paragraphs = [
                        self.prose(self.t["activity"].format(name=self.activity_phrase(activity)))
                    ]
                    description = self.own(activity.description)
                    if description is not None:
                        paragraphs.append(description)
                    items.append(Item(tuple(paragraphs), "", activity.id))
            if not items:
                items.append(
                    Item(
                        (self.prose(self.t["not_described"].format(name=self.name(mun))),),
                        Status.UNDETERMINED,
                    )
                )
            groups.append((phase_id, items))
        if section_id == "orientation":
            key = "quota_yes" if mun.receives_quota_refugees else "quota_no"
            groups[-1][1].append(Item((self.prose(self.t[key].format(name=self.name(mun))),)))
        title = f"{self.name(mun)} ({mun.code})"
        return self._grouped_block(
            f"{section_id}-{mun.id}", title, "municipality", phases, groups, municipality=mun.id
        )

    def _grouped_block(
        self,
        block_id: str,
        title: str,
        kind: str,
        phases: tuple[str, ...],
        groups: list[tuple[str, list[Item]]],
        municipality: str = "",
    ) -> Block:
        if len(phases) == 1:
            items = tuple(item for _phase, group in groups for item in group)
            return Block(block_id, title, kind, items=items, municipality=municipality)
        children = tuple(
            Block(
                f"{block_id}-{phase_id}",
                phase_title(phase_id, self.lang),
                "phase",
                items=tuple(group),
                municipality=municipality,
            )
            for phase_id, group in groups
        )
        return Block(block_id, title, kind, children=children, municipality=municipality)

    def cooperation(self) -> Block:
        t = self.t
        bodies = {body.id: body for body in self.data.bodies}
        items = []
        for body in self.data.bodies:
            sentences = [_sentence(self.text(body.name))]
            parent = bodies.get(body.appointed_by_id or "")
            if parent is not None:
                sentences.append(t["appointed_by"].format(name=self.text(parent.name)))
            if body.members:
                members = [self.text(member) for member in body.members]
                sentences.append(t["members"].format(names=_join(members, self.lang)))
            paragraphs = [self.prose(" ".join(sentences))]
            tasks = self.own(body.tasks)
            if tasks is not None:
                paragraphs.append(tasks)
            items.append(Item(tuple(paragraphs), "", body.id))
        children = [Block("cooperation-bodies", t["bodies"], "area", items=tuple(items))]
        for mun in self.data.municipalities:
            children.append(
                Block(
                    f"cooperation-{mun.id}",
                    f"{self.name(mun)} ({mun.code})",
                    "municipality",
                    items=tuple(self.responsibilities(mun)),
                    municipality=mun.id,
                )
            )
        return Block(
            "cooperation",
            section_title("cooperation", self.lang),
            "section",
            children=tuple(children),
        )

    def _phase_list(self, provisions: Iterable[m.Provision]) -> str:
        seen: list[str] = []
        for provision in sorted(provisions, key=lambda p: list(PHASE_BY_ID).index(p.phase)):
            short = _pair(PHASE_SHORT[provision.phase], self.lang)
            if short not in seen:
                seen.append(short)
        return ", ".join(seen)

    def responsibilities(self, mun: m.Municipality) -> list[Item]:
        t = self.t
        data = self.data
        items: list[Item] = []
        people = [
            f"{c.name}, {self.text(c.title)}"
            for c in data.coordinators
            if c.municipality_id == mun.id
        ]
        if people:
            items.append(Item((self.prose(t["coordinated_by"].format(people="; ".join(people))),)))
        own = [p for p in data.provisions if p.municipality_id == mun.id]

        def provider_mun(p: m.Provision) -> str | None:
            """The municipality whose own organisation provides (not one merely based there)."""
            org = data.organisations.get(p.provider_organisation_id or "")
            if org is None or org.kind != "municipality":
                return None
            return org.municipality_id

        bought: dict[str, list[m.Provision]] = {}
        for p in own:
            if p.purchased and p.provider_organisation_id:
                bought.setdefault(p.provider_organisation_id, []).append(p)
        for org_id, provisions in bought.items():
            seller = self.text(data.organisations[org_id].name)
            phases = self._phase_list(provisions)
            if not self.en and (abl := finnish.ablative(seller)):
                text = t["buys"].format(name=self.name(mun), seller=abl, phases=phases)
            elif self.en:
                text = t["buys"].format(name=self.name(mun), seller=seller, phases=phases)
            else:
                text = t["buys_plain"].format(seller=seller, phases=phases)
            items.append(Item((self.prose(text),)))
        others: dict[str, list[m.Provision]] = {}
        for p in own:
            if p.responsible_id and p.responsible_id != mun.id and not p.purchased:
                others.setdefault(p.responsible_id, []).append(p)
        if others:
            listed = [
                f"{self.name(self.by_mun[r])} ({self._phase_list(ps)})" for r, ps in others.items()
            ]
            items.append(
                Item((self.prose(t["other_responsible"].format(items="; ".join(listed))),))
            )
        produced: dict[str, list[m.Provision]] = {}
        for p in own:
            pm = provider_mun(p)
            if pm and pm != mun.id and not p.purchased and p.provider_organisation_id:
                produced.setdefault(p.provider_organisation_id, []).append(p)
        if produced:
            listed = [
                f"{self.text(data.organisations[o].name)} ({self._phase_list(ps)})"
                for o, ps in produced.items()
            ]
            items.append(
                Item((self.prose(t["produced_by_other"].format(items="; ".join(listed))),))
            )
        served: dict[str, list[m.Provision]] = {}
        for p in data.provisions:
            if p.municipality_id in (None, mun.id):
                continue
            if provider_mun(p) == mun.id or p.responsible_id == mun.id:
                served.setdefault(p.municipality_id, []).append(p)
        if served:
            listed = []
            for other_id, ps in served.items():
                mark = f"; {t['purchased_mark']}" if any(p.purchased for p in ps) else ""
                listed.append(f"{self.name(self.by_mun[other_id])} ({self._phase_list(ps)}{mark})")
            items.append(
                Item(
                    (
                        self.prose(
                            t["serves_others"].format(name=self.name(mun), items="; ".join(listed))
                        ),
                    )
                )
            )
        if not (bought or others or produced):
            items.append(Item((self.prose(t["self_arranged"]),)))
        open_items = [
            f"{_pair(PHASE_SHORT[p.phase], self.lang)} ({self.clients(p.clients, lower=True)})"
            for p in sorted(own, key=lambda p: list(PHASE_BY_ID).index(p.phase))
            if p.status == Status.UNDETERMINED
        ]
        if open_items:
            items.append(
                Item(
                    (self.prose(t["open_items"].format(items="; ".join(open_items))),),
                    Status.UNDETERMINED,
                )
            )
        return items

    def subject_phrase(self, subject: str) -> str:
        data = self.data
        provision = next((p for p in data.provisions if p.id == subject), None)
        if provision is not None:
            return (
                f"{PHASE_BY_ID[provision.phase].name(self.lang)} "
                f"({self.clients(provision.clients, lower=True)})"
            )
        for table in (data.activities, data.organisations, data.places, data.units):
            record = table.get(subject)
            if record is not None:
                return self.text(record.name)
        if subject in self.by_mun:
            return self.name(self.by_mun[subject])
        return subject

    def flag_item(self, flag: m.Flag) -> Item:
        t = self.t
        kind = _pair(FLAG_KIND_NAMES[flag.kind], self.lang)
        text = self.own(flag.text, "text")
        paragraphs = []
        if text is not None:
            paragraphs.append(Paragraph(f"{kind}: {text.text}", text.lang, "text", text.fallback))
        meta = []
        if flag.subject:
            meta.append(t["concerns"].format(subject=self.subject_phrase(flag.subject)))
        source = flag.source or {}
        section = source.get("section", "")
        if section:
            section_name = SECTIONS.get(section, section)
            if self.en:
                section_name = self._section_name_en(section)
            where = self.by_mun.get(source.get("municipality") or "")
            if where is not None and where.id != flag.municipality_id:
                meta.append(
                    t["source_in"].format(section=section_name, municipality=self.name(where))
                )
            else:
                meta.append(t["source"].format(section=section_name))
        if meta:
            paragraphs.append(self.prose(" ".join(meta), "note"))
        return Item(tuple(paragraphs), flag.kind, flag.id)

    def _section_name_en(self, section: str) -> str:
        if section in PHASE_BY_ID:
            return PHASE_BY_ID[section].name_en
        names = {
            "introduction": "Introduction and municipalities",
            "coordinators": "Coordinators and contacts",
            "training_others": "Integration training for those who are not job seekers",
            "cooperation": "Cooperation and responsibilities",
        }
        return names.get(section, section)

    def flag_section(self) -> Block:
        t = self.t
        area_flags = [f for f in self.data.flags if f.municipality_id is None]
        children = [
            Block(
                "flags-area",
                t["area"],
                "area",
                items=tuple(self.flag_item(f) for f in area_flags)
                or (Item((self.prose(t["no_flags"]),)),),
            )
        ]
        for mun in self.data.municipalities:
            flags = [f for f in self.data.flags if f.municipality_id == mun.id]
            items = tuple(self.flag_item(f) for f in flags) or (Item((self.prose(t["no_flags"]),)),)
            children.append(
                Block(
                    f"flags-{mun.id}",
                    f"{self.name(mun)} ({mun.code})",
                    "municipality",
                    items=items,
                    municipality=mun.id,
                )
            )
        return Block(
            "flags",
            section_title("flags", self.lang),
            "section",
            paragraphs=(self.prose(t["flags_intro"], "text"),),
            children=tuple(children),
        )


def programme_document(*, lang: str = "fi") -> DocumentModel:
    """The whole programme document from the loaded data, in Finnish or English.

    Raises `NoProgrammeLoaded` when no data is loaded and `ValueError` for another language.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"the document is written in {' or '.join(LANGUAGES)}, not {lang!r}")
    return _Builder(lang).document()
