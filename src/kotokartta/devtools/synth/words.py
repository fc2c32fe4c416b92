"""The words the generator draws from: unit names, roles, people's names, titles, languages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from kotokartta.devtools.synth.yamlout import _Flow

# --------------------------------------------------------------------------- words


def slug(text: str) -> str:
    """`Mänttä-Vilppula` → `mantta-vilppula`; ä→a, ö→o, å→a."""
    folded = text.casefold().replace("ä", "a").replace("ö", "o").replace("å", "a")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def count_noun(count: int, singular: str, plural: str) -> str:
    """`1 employment area`, `45 employment areas`."""
    return f"{count} {singular if count == 1 else plural}"


def _join_fi(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " ja " + names[-1]


@dataclass(frozen=True, slots=True)
class _UnitName:
    suffix: str  # unit id = <municipality>-<suffix>
    fi: str  # työllisyyspalvelut
    ine: str  # työllisyyspalveluissa
    gen: str  # työllisyyspalveluiden
    en: str


EMPLOYMENT_UNITS = (
    _UnitName(
        "tyollisyyspalvelut",
        "työllisyyspalvelut",
        "työllisyyspalveluissa",
        "työllisyyspalveluiden",
        "employment services",
    ),
    _UnitName(
        "elinvoimapalvelut",
        "elinvoimapalvelut",
        "elinvoimapalveluissa",
        "elinvoimapalveluiden",
        "vitality services",
    ),
    _UnitName(
        "tyollisyys-ja-kansainvalisyyspalvelut",
        "työllisyys- ja kansainvälisyyspalvelut",
        "työllisyys- ja kansainvälisyyspalveluissa",
        "työllisyys- ja kansainvälisyyspalveluiden",
        "employment and international services",
    ),
    _UnitName(
        "hallinto-ja-elinvoimapalvelut",
        "hallinto- ja elinvoimapalvelut",
        "hallinto- ja elinvoimapalveluissa",
        "hallinto- ja elinvoimapalveluiden",
        "administration and vitality services",
    ),
)
INTEGRATION_UNITS = (
    _UnitName(
        "maahanmuuttopalvelut",
        "maahanmuuttopalvelut",
        "maahanmuuttopalveluissa",
        "maahanmuuttopalveluiden",
        "immigration services",
    ),
    _UnitName(
        "kotoutumispalvelut",
        "kotoutumispalvelut",
        "kotoutumispalveluissa",
        "kotoutumispalveluiden",
        "integration services",
    ),
    _UnitName(
        "kansainvaliset-palvelut",
        "kansainväliset palvelut",
        "kansainvälisissä palveluissa",
        "kansainvälisten palveluiden",
        "international services",
    ),
)
ADMIN_UNIT = _UnitName(
    "hallintopalvelut",
    "hallintopalvelut",
    "hallintopalveluissa",
    "hallintopalveluiden",
    "administrative services",
)

ROLES: tuple[tuple[str, str, str], ...] = (
    ("tyollisyysohjaaja", "työllisyysohjaaja", "employment counsellor"),
    ("kotoutumisohjaaja", "kotoutumisohjaaja", "integration counsellor"),
    ("maahanmuutto-ohjaaja", "maahanmuutto-ohjaaja", "immigration counsellor"),
    ("palveluohjaaja", "palveluohjaaja", "service counsellor"),
    ("oma-tyontekija", "asiakkaan oma työntekijä", "the client's own named worker"),
    ("sosiaaliohjaaja", "sosiaaliohjaaja", "social counsellor"),
    ("sosiaalihoitaja", "sosiaalihoitaja", "social nurse"),
    ("viranhaltija", "kunnan viranhaltijat", "municipal officials"),
    ("tyollisyyskoordinaattori", "työllisyyskoordinaattori", "employment coordinator"),
    ("hanketyontekija", "hanketyöntekijä", "project worker"),
    ("yritysasiantuntija", "yritysasiantuntija", "business adviser"),
    ("asiantuntija", "asiantuntija", "specialist"),
    ("tyoelamatulkki", "työelämätulkki", "working-life interpreter"),
)
ROLE_FI = {role_id: fi for role_id, fi, _en in ROLES}
ROLE_EN = {role_id: en for role_id, _fi, en in ROLES}

FIRST_NAMES = (
    "Aino",
    "Anna",
    "Eeva",
    "Elina",
    "Hanna",
    "Heidi",
    "Jenni",
    "Johanna",
    "Katja",
    "Laura",
    "Leena",
    "Maria",
    "Marja",
    "Minna",
    "Noora",
    "Outi",
    "Päivi",
    "Riikka",
    "Sanna",
    "Satu",
    "Tiina",
    "Tuula",
    "Antti",
    "Eero",
    "Heikki",
    "Jari",
    "Jukka",
    "Juha",
    "Kari",
    "Lauri",
    "Markku",
    "Matti",
    "Mikko",
    "Olli",
    "Pasi",
    "Petri",
    "Sami",
    "Timo",
    "Tuomas",
    "Ville",
)
LAST_NAMES = (
    "Aaltonen",
    "Heikkinen",
    "Hiltunen",
    "Honkanen",
    "Huttunen",
    "Hyvönen",
    "Härkönen",
    "Jääskeläinen",
    "Kallio",
    "Karjalainen",
    "Kauppinen",
    "Keränen",
    "Kinnunen",
    "Koivisto",
    "Korhonen",
    "Koskinen",
    "Laitinen",
    "Lehtonen",
    "Leinonen",
    "Lindholm",
    "Mattila",
    "Miettinen",
    "Mäkelä",
    "Nieminen",
    "Niemi",
    "Nurmi",
    "Ojala",
    "Partanen",
    "Pesonen",
    "Rantanen",
    "Räsänen",
    "Salminen",
    "Savolainen",
    "Seppälä",
    "Tuominen",
    "Turunen",
    "Väisänen",
    "Virtanen",
    "Ylönen",
    "Åberg",
)
TITLES = (
    ("maahanmuuttokoordinaattori", "Immigration Coordinator"),
    ("kotoutumiskoordinaattori", "Integration Coordinator"),
    ("työllisyyskoordinaattori", "Employment Coordinator"),
    ("maahanmuutto-ohjaaja", "Immigration Counsellor"),
    ("palveluohjaaja", "Service Counsellor"),
    ("hallintopäällikkö", "Head of Administration"),
    ("elinvoimapäällikkö", "Head of Vitality Services"),
    ("työllisyyspäällikkö", "Head of Employment Services"),
    ("sivistysjohtaja", "Director of Education and Culture"),
)
PROJECT_WORDS = (
    ("Polku töihin", "Path to Work"),
    ("Osaajaksi", "Becoming a Professional"),
    ("Kieli käyttöön", "Put the Language to Use"),
    ("Kohti työtä", "Towards Work"),
    ("Uusi alku", "A New Start"),
    ("Taitoa ja työtä", "Skills and Work"),
    ("Yrittäjyyspolku", "Entrepreneurship Path"),
    ("Työelämään", "Into Working Life"),
    ("Arjen kieli", "Everyday Language"),
    ("Yhdessä töihin", "To Work Together"),
)
LANGUAGE_NAMES = {
    "uk": "ukraina",
    "ru": "venäjä",
    "ar": "arabia",
    "fa": "persia",
    "so": "somali",
    "vi": "vietnam",
    "th": "thai",
    "sw": "swahili",
    "rw": "ruanda",
    "en": "englanti",
    "ku": "kurdi",
    "ti": "tigrinja",
    "ps": "pasto",
    "tr": "turkki",
    "fr": "ranska",
}
REFUGEE_BASES = [
    "quota_refugee",
    "international_protection",
    "family_reunification",
    "temporary_protection",
]


def _text(fi: str, en: str | None = None, sv: str | None = None) -> _Flow:
    text = _Flow(fi=fi)
    if sv is not None and sv != fi:
        text["sv"] = sv
    if en is not None:
        text["en"] = en
    return text


def _source(section: str, quote: str | None = None) -> _Flow:
    return _Flow(section=section) if quote is None else _Flow(section=section, quote=quote)
