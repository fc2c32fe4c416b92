"""The programme's fixed vocabulary: phases, client groups, statuses, modes, sections, languages.

These ids are shared by the data files, the database, the path engine and the JSON interface
(see docs/glossary.md). Their names in every interface language are in the gettext catalogues,
read through `programme.labels`; this module holds no words for people to read (except the
Finnish headings of the source document's sections, which are quoted, not translated).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kotokartta.programme.labels import FinnishEnglishPairs


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


class TargetGroup(StrEnum):
    """Whom a provision is for: the residence bases, and narrower groups the document names."""

    QUOTA_REFUGEE = "quota_refugee"
    TEMPORARY_PROTECTION = "temporary_protection"
    INTERNATIONAL_PROTECTION = "international_protection"
    FAMILY_REUNIFICATION = "family_reunification"
    UNACCOMPANIED_MINOR = "unaccompanied_minor"
    WORK = "work"
    STUDY = "study"
    FAMILY_MEMBER = "family_member"
    # "työ- ja opiskeluperäisten maahanmuuttajien puolisot" (the orientation's target group)
    SPOUSE_OF_WORKER_OR_STUDENT = "spouse_of_worker_or_student"


# A narrower target group and the residence bases of the people it may include: the guide does
# not ask whether a family member is a spouse, so such a person is shown the service, and its
# target group says "spouses".
TARGET_GROUP_BASES: dict[str, frozenset[str]] = {
    TargetGroup.SPOUSE_OF_WORKER_OR_STUDENT: frozenset(
        {"family_member", "family_of_worker_or_student"}
    ),
}


def target_groups_include(groups: tuple[str, ...] | list[str], basis: str) -> bool:
    """Whether a person with residence basis `basis` is in one of `groups`."""
    return any(basis == g or basis in TARGET_GROUP_BASES.get(g, ()) for g in groups)


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
    phase: str = ""

    @property
    def note_fi(self) -> str:
        return _labels().law_note(self.phase, "fi")

    @property
    def note_en(self) -> str:
        return _labels().law_note(self.phase, "en")

    def note(self, lang: str | None = None) -> str:
        """Why the document's citation differs from the law in force, in `lang`; '' if it
        does not."""
        return _labels().law_note(self.phase, lang)

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
    law: Law
    section: str

    def name(self, lang: str = "fi") -> str:
        return _labels().phase_name(self.id, lang)

    @property
    def name_fi(self) -> str:
        return self.name("fi")

    @property
    def name_en(self) -> str:
        return self.name("en")


def _labels() -> ModuleType:
    """The names live in the gettext catalogues (`programme.labels`, which imports this module's
    enums); imported on first use so that this module stays free of Django."""
    from kotokartta.programme import labels

    return labels


PHASES: tuple[Phase, ...] = (
    Phase(
        "assessment",
        Law("KotoL 14 §", "KotoL 14 §"),
        "assessment",
    ),
    Phase(
        "multi_assessment",
        Law(
            "KotoL 14 § (hyvinvointialue mukana)",
            "KotoL 15 §",
            "multi_assessment",
        ),
        "assessment",
    ),
    Phase(
        "plan",
        Law("KotoL 16 §, 18–23 §", "KotoL 16 §"),
        "plan",
    ),
    Phase(
        "multi_plan",
        Law(
            "KotoL 20 § ja 22 § (hyvinvointialue mukana)",
            "KotoL 17 §",
            "multi_plan",
        ),
        "plan",
    ),
    Phase(
        "orientation",
        Law("KotoL 25 §", "KotoL 25 §"),
        "orientation",
    ),
    Phase(
        "training",
        Law("KotoL 26–27 §", "KotoL 26 ja 27 §"),
        "training",
    ),
    Phase(
        "final_test",
        Law("KotoL 26 §", "KotoL 26 §"),
        "final_test",
    ),
    Phase(
        "literacy",
        Law(""),
        "literacy",
    ),
    Phase(
        "guidance",
        Law("KotoL 13 § 1 mom. 5 k.", "KotoL 13 §:n 1 mom. 5 kohta"),
        "guidance",
    ),
    Phase(
        "municipal_services",
        Law(""),
        "municipal_services",
    ),
    Phase(
        "community",
        Law(""),
        "community",
    ),
    Phase(
        "employment",
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


def __getattr__(name: str) -> FinnishEnglishPairs:
    """STATUS_NAMES, MODE_NAMES and CLIENT_NAMES (`{id: (Finnish, English)}`) moved to
    `programme.labels`, read from the catalogues; kept importable from here for the outputs that
    still ask for them by this name."""
    if name in {"STATUS_NAMES", "MODE_NAMES", "CLIENT_NAMES"}:
        return getattr(_labels(), name)
    raise AttributeError(name)


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
