"""The programme's fixed vocabulary: phases, client groups, statuses, modes, sections, languages.

These ids are shared by the data files, the database, the path engine and the JSON interface
(see docs/glossary.md). Names are given in Finnish (authoritative) and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ClientGroup(StrEnum):
    JOB_SEEKER = "job-seeker"
    OTHER = "other"


class Status(StrEnum):
    AVAILABLE = "available"
    PLANNED = "planned"
    ON_NEED = "on_need"
    NOT_ORGANISED = "not_organised"
    UNDETERMINED = "undetermined"


class Mode(StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"
    HYBRID = "hybrid"


class OrganisationKind(StrEnum):
    MUNICIPALITY = "municipality"
    WELLBEING_COUNTY = "wellbeing_county"
    EDUCATION = "education"
    ASSOCIATION = "association"
    COMPANY = "company"
    AUTHORITY = "authority"
    PROJECT = "project"
    OTHER = "other"


class FlagKind(StrEnum):
    MISSPELLING = "misspelling"
    CONTRADICTION = "contradiction"
    INCONSISTENT_TERM = "inconsistent_term"
    UNDETERMINED = "undetermined"
    DATED_PLAN = "dated_plan"
    SILENT = "silent"
    AMBIGUOUS = "ambiguous"
    LEGAL_REFERENCE = "legal_reference"


class ResidenceBasis(StrEnum):
    """Why the person has a residence permit; some arrangements depend on it."""

    QUOTA_REFUGEE = "quota_refugee"
    TEMPORARY_PROTECTION = "temporary_protection"
    INTERNATIONAL_PROTECTION = "international_protection"
    FAMILY_REUNIFICATION = "family_reunification"
    UNACCOMPANIED_MINOR = "unaccompanied_minor"
    WORK = "work"
    STUDY = "study"
    FAMILY_MEMBER = "family_member"


class ActivityKind(StrEnum):
    PROJECT = "project"
    ACTIVITY = "activity"
    BENEFIT = "benefit"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Law:
    """Legal basis: the section the law in force gives, and what the document cites."""

    current: str
    document: str = ""
    note_fi: str = ""
    note_en: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "current": self.current,
            "document": self.document,
            "note": self.note_fi,
            "note_en": self.note_en,
        }


@dataclass(frozen=True, slots=True)
class Phase:
    id: str
    name_fi: str
    name_en: str
    law: Law
    section: str

    def name(self, lang: str = "fi") -> str:
        return self.name_en if lang == "en" else self.name_fi


_REPEAL_NOTE_FI = (
    "Asiakirja viittaa {section}:ään, joka kumottiin lailla 1100/2024 ennen lain voimaantuloa. "
    "1.1.2025 alkaen hyvinvointialue osallistuu 14 §:n arviointiin, 20 §:n suunnitelmaan ja "
    "22 §:n tarkistuksiin, kun sen palveluja on tarpeen sovittaa yhteen."
)
_REPEAL_NOTE_EN = (
    "The document cites {section}, which Act 1100/2024 repealed before the law came into force. "
    "Since 1 January 2025 the wellbeing services county takes part in the 14 § assessment, the "
    "20 § plan and the 22 § reviews when its services need coordinating."
)

PHASES: tuple[Phase, ...] = (
    Phase(
        "assessment",
        "Osaamisen ja kotoutumisen palvelutarpeen arviointi",
        "Assessment of skills and integration service needs",
        Law("KotoL 14 §", "KotoL 14 §"),
        "assessment",
    ),
    Phase(
        "multi_assessment",
        "Monialainen osaamisen ja kotoutumisen palvelutarpeen arviointi",
        "Multi-professional assessment of skills and integration service needs",
        Law(
            "KotoL 14 § (hyvinvointialue mukana)",
            "KotoL 15 §",
            _REPEAL_NOTE_FI.format(section="15 §"),
            _REPEAL_NOTE_EN.format(section="15 §"),
        ),
        "assessment",
    ),
    Phase(
        "plan",
        "Kotoutumissuunnitelma",
        "Integration plan",
        Law("KotoL 16 §, 18–23 §", "KotoL 16 §"),
        "plan",
    ),
    Phase(
        "multi_plan",
        "Monialainen kotoutumissuunnitelma",
        "Multi-professional integration plan",
        Law(
            "KotoL 20 § ja 22 § (hyvinvointialue mukana)",
            "KotoL 17 §",
            _REPEAL_NOTE_FI.format(section="17 §"),
            _REPEAL_NOTE_EN.format(section="17 §"),
        ),
        "plan",
    ),
    Phase(
        "orientation",
        "Monikielinen yhteiskuntaorientaatio",
        "Multilingual civic orientation",
        Law("KotoL 25 §", "KotoL 25 §"),
        "orientation",
    ),
    Phase(
        "training",
        "Kotoutumiskoulutus",
        "Integration training",
        Law("KotoL 26–27 §", "KotoL 26 ja 27 §"),
        "training",
    ),
    Phase(
        "final_test",
        "Kielitaidon päättötestaus",
        "Final language test",
        Law("KotoL 26 §", "KotoL 26 §"),
        "final_test",
    ),
    Phase(
        "literacy",
        "Luku- ja kirjoitustaidon koulutus ja muu kielen oppiminen",
        "Literacy training and other language learning",
        Law(""),
        "literacy",
    ),
    Phase(
        "guidance",
        "Ohjaus ja neuvonta kotoutumisohjelman aikana",
        "Guidance and advice during the programme",
        Law("KotoL 13 § 1 mom. 5 k.", "KotoL 13 §:n 1 mom. 5 kohta"),
        "guidance",
    ),
    Phase(
        "municipal_services",
        "Muut kunnan palvelut kotoutumisen edistämiseksi",
        "Other municipal services that promote integration",
        Law(""),
        "municipal_services",
    ),
    Phase(
        "community",
        "Järjestö-, yhdistys- ja yhteisötoiminta",
        "Associations, community and leisure activities",
        Law(""),
        "community",
    ),
    Phase(
        "employment",
        "Työllistymistä ja yrittäjyyttä tukevat palvelut",
        "Services for employment and entrepreneurship",
        Law(""),
        "employment",
    ),
)

PHASE_BY_ID: dict[str, Phase] = {phase.id: phase for phase in PHASES}
PHASE_ORDER: dict[str, int] = {phase.id: index for index, phase in enumerate(PHASES)}

# Sections of the programme document, in the document's order. `source.section` uses these ids.
SECTIONS: dict[str, str] = {
    "introduction": "Johdanto ja kunnat",
    "coordinators": "Kotoutumisohjelmaa koordinoiva taho, yhteyshenkilöt ja yhteystiedot",
    "assessment": "Osaamisen ja kotoutumisen palvelutarpeen arviointi ja monialainen arviointi "
    "(KotoL 14 ja 15 §)",
    "plan": "Kotoutumissuunnitelma tai monialainen kotoutumissuunnitelma (KotoL 16 ja 17 §)",
    "orientation": "Monikielinen yhteiskuntaorientaatio (KotoL 25 §)",
    "training": "Kotoutumiskoulutus (KotoL 26 ja 27 §)",
    "training_others": "Kotoutumiskoulutus muille kuin työnhakijana oleville kotoutujille",
    "final_test": "Kielitaidon päättötestaus (KotoL 26 §)",
    "literacy": "Muu koulutus ja palvelut, jotka edistävät suomen kielen osaamista, luku- ja "
    "kirjoitustaitoa, yhteiskunta- ja työelämävalmiuksia sekä työllistymistä ja yrittäjyyttä",
    "guidance": "Kotoutumisohjelman aikainen ohjaus ja neuvonta (KotoL 13 §:n 1 mom. 5 kohta)",
    "municipal_services": "Muut kuntien järjestämisvastuulla olevat palvelut kotoutumisen "
    "edistämiseksi",
    "community": "Muut palvelut ja toiminta kotoutumisen tueksi (järjestö-, yhdistys- ja "
    "yhteisötoiminta)",
    "employment": "Palvelut yhteiskunta- ja työelämävalmiuksien sekä työllistymisen ja "
    "yrittäjyyden tukemiseksi",
    "cooperation": "Yhteistyö ja vastuut",
}

STATUS_NAMES: dict[str, tuple[str, str]] = {
    Status.AVAILABLE: ("järjestetty", "available"),
    Status.PLANNED: ("suunnitteilla", "planned"),
    Status.ON_NEED: ("järjestetään tarvittaessa", "arranged if needed"),
    Status.NOT_ORGANISED: ("ei järjestetty", "not organised"),
    Status.UNDETERMINED: ("avoin, sopimatta", "open, not yet agreed"),
}

MODE_NAMES: dict[str, tuple[str, str]] = {
    Mode.IN_PERSON: ("lähipalvelu", "in person"),
    Mode.REMOTE: ("etäpalvelu", "remote"),
    Mode.HYBRID: ("hybridimalli", "hybrid"),
}

CLIENT_NAMES: dict[str, tuple[str, str]] = {
    ClientGroup.JOB_SEEKER: ("työnhakija-asiakas", "job seeker"),
    ClientGroup.OTHER: ("muu kotoutuja-asiakas", "other newcomer"),
}

# ISO 639-1 two-letter codes.
ISO_639_1: frozenset[str] = frozenset(
    (
        "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
        "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht "
        "hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky "
        "la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny "
        "oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss "
        "st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo "
        "za zh zu "
    ).split()
)

# Languages in which a data text (LocalText) may be written.
CONTENT_LANGUAGES: tuple[str, ...] = (
    "fi", "sv", "en", "uk", "ru", "ar", "vi", "th", "sw", "rw", "so", "fa",
)  # fmt: skip
