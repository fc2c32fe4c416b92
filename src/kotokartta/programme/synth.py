"""`data synth`: a synthetic, national-scale programme data set in exactly the loading format.

The Kainuu-Koillismaa files (`data/kainuu-koillismaa/`) are the pattern: every municipality of
Finland (or the first N by code) from `data/geo/finland-municipalities.geojson` gets the same
kind of records the ten real municipalities have: coordinators, its own organisation and units,
places, provisions for all twelve phases and both client groups, purchase arrangements, partners,
projects, conditions and flags. Everything but the municipalities' names and codes is invented:
people's names are drawn from lists of common Finnish names and their e-mail addresses are at
example.fi.

The result is ONE data folder (what `data check` and `data load` accept): `area.yaml` for the
whole country ("Suomi (synteettinen)"), one `<municipality-id>.yaml` per municipality and the
source document `kotoutumisohjelma.txt`. The document is written from the same sentences the
records quote, so the checker's quote test stays meaningful.

Employment areas are modelled inside the data. Municipalities are ordered along a Hilbert curve
through their centroids and the curve is cut at its widest gaps into areas of 1-20 municipalities
(geography only: the seed does not change the areas). In each area the municipality nearest the
area's centre is the lead: the training vastuukunta and the seller of purchased services; areas of
eight or more municipalities have a second service hub at their far edge (like Kajaani and
Suomussalmi). Consecutive areas form the wellbeing services counties.

Deterministic: `random.Random(seed)` is the only source of randomness, and the same arguments
give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kotokartta.geo.svgmap import Feature, load_features
from kotokartta.programme.validation import AREA_FILE
from kotokartta.programme.vocabulary import SECTIONS

DOCUMENT_FILE = "kotoutumisohjelma.txt"
AREA_ID = "suomi-synteettinen"
DATA_DATE = dt.date(2026, 1, 1)
MAX_AREA_SIZE = 20
NATIONAL_AREAS = 45  # employment areas for all 309 municipalities
NATIONAL_COUNTIES = 21  # wellbeing services counties for all 309 municipalities
NATIONAL_MUNICIPALITIES = 309

Progress = Callable[[int, int, str], None]


class SynthError(ValueError):
    """A bad argument or an output folder that may not be written: exit code 2."""


# --------------------------------------------------------------------------- YAML output


class _Flow(dict[str, Any]):
    """A mapping written on one line: `{fi: Kajaani, en: Kajaani}`."""


class _FlowList(list[Any]):
    """A list written on one line: `[job-seeker, other]`."""


class _Quoted(str):
    """A string always written in double quotes (municipal codes: "005")."""

    __slots__ = ()


class _Dumper(yaml.SafeDumper):
    def choose_scalar_style(self) -> str:
        # Quote with double quotes, like the hand-written files, where quoting is needed.
        style: str = super().choose_scalar_style()
        return '"' if style == "'" else style

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent block lists under their key, as the hand-written files do.
        super().increase_indent(flow, False)


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(
    _Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"')
)


def _dump(header: Sequence[str], sections: Sequence[tuple[str, Any]]) -> str:
    """Top-level sections separated by blank lines, after a comment header."""
    parts = ["".join(f"# {line}\n" if line else "#\n" for line in header)]
    for key, value in sections:
        if value is None or value == []:
            continue
        parts.append(
            yaml.dump(
                {key: value},
                Dumper=_Dumper,
                sort_keys=False,
                allow_unicode=True,
                width=100_000,
                default_flow_style=False,
            )
        )
    return "\n".join(parts)


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


# --------------------------------------------------------------------------- geography


@dataclass(frozen=True, slots=True)
class SourceMunicipality:
    """One municipality from the GeoJSON: code, names, and its centroid in km."""

    code: str
    id: str
    name_fi: str
    name_sv: str
    x: float
    y: float

    def distance(self, other: SourceMunicipality) -> float:
        return math.hypot(self.x - other.x, self.y - other.y)


def _centroid(feature: Feature) -> tuple[float, float]:
    """Area-weighted centroid (lon, lat) of the outer rings."""
    total = cx = cy = 0.0
    for polygon in feature.rings:
        ring = polygon[0]
        x0, y0 = ring[-1]
        for x1, y1 in ring:
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
            x0, y0 = x1, y1
    if total == 0:
        ring = feature.rings[0][0]
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * total), cy / (3 * total)


def read_municipalities(geojson: Path, count: int | None = None) -> list[SourceMunicipality]:
    """The municipalities of the GeoJSON in code order; the first `count` when given.

    Ids are slugs of the Finnish names (made unique with the code if two collide); a Swedish
    name that would name another municipality too is left out, so every name is unambiguous.
    """
    features = sorted(load_features(geojson), key=lambda f: f.code)
    if count is not None:
        if not 1 <= count <= len(features):
            raise SynthError(
                f"--municipalities must be 'all' or a number from 1 to {len(features)}, not {count}"
            )
        features = features[:count]
    cos_lat = math.cos(math.radians(64.0))
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for feature in features:
        mun_id = slug(feature.name_fi) or f"kunta-{feature.code}"
        if mun_id in ids:
            mun_id = f"{mun_id}-{feature.code}"
        ids[mun_id] = feature.code
        for key in (mun_id, feature.code, feature.name_fi):
            if names.setdefault(key.casefold(), feature.code) != feature.code:
                raise SynthError(f"municipality name {key!r} is not unique in {geojson}")
    result = []
    for feature, mun_id in zip(features, ids, strict=True):
        name_sv = feature.name_sv or feature.name_fi
        if names.setdefault(name_sv.casefold(), feature.code) != feature.code:
            name_sv = feature.name_fi  # would name another municipality too: leave it out
        lon, lat = _centroid(feature)
        result.append(
            SourceMunicipality(
                code=feature.code,
                id=mun_id,
                name_fi=feature.name_fi,
                name_sv=name_sv,
                x=lon * cos_lat * 111.32,
                y=lat * 110.57,
            )
        )
    return result


def _hilbert(order: int, x: int, y: int) -> int:
    """Position of cell (x, y) along the Hilbert curve filling a 2**order square."""
    d = 0
    s = 1 << (order - 1)
    while s > 0:
        rx = 1 if x & s else 0
        ry = 1 if y & s else 0
        d += s * s * ((3 * rx) ^ ry)
        if ry == 0:
            if rx == 1:
                x, y = s - 1 - x, s - 1 - y
            x, y = y, x
        s >>= 1
    return d


def default_area_count(municipalities: int) -> int:
    wanted = round(municipalities * NATIONAL_AREAS / NATIONAL_MUNICIPALITIES)
    return max(math.ceil(municipalities / MAX_AREA_SIZE), min(municipalities, max(1, wanted)))


def group_areas(
    municipalities: Sequence[SourceMunicipality], count: int
) -> list[list[SourceMunicipality]]:
    """Cut the municipalities into `count` areas of 1-20 neighbours, by geography only.

    The centroids are ordered along a Hilbert curve; the curve is cut where consecutive
    municipalities lie farthest apart (weighted against cutting off very small pieces),
    splitting oversized areas first.
    """
    n = len(municipalities)
    low = math.ceil(n / MAX_AREA_SIZE)
    if not low <= count <= n:
        raise SynthError(
            f"--areas must be from {low} to {n} for {n} municipalities "
            f"(an area has 1-{MAX_AREA_SIZE}), not {count}"
        )
    min_x = min(m.x for m in municipalities)
    min_y = min(m.y for m in municipalities)
    span = max(
        max(m.x for m in municipalities) - min_x, max(m.y for m in municipalities) - min_y, 1.0
    )
    cells = 1 << 10

    def cell(value: float) -> int:
        return min(cells - 1, int(value / span * cells))

    order = sorted(
        municipalities,
        key=lambda m: (_hilbert(10, cell(m.x - min_x), cell(m.y - min_y)), m.code),
    )
    gaps = [order[i].distance(order[i + 1]) for i in range(n - 1)]

    def best_cut(start: int, end: int) -> tuple[float, int]:
        best = (-1.0, start + 1)
        for i in range(start, end - 1):
            score = gaps[i] * math.sqrt(min(i + 1 - start, end - i - 1))
            if score > best[0]:
                best = (score, i + 1)
        return best

    chunks = [(0, n)]
    while len(chunks) < count:
        oversized = [c for c in chunks if c[1] - c[0] > MAX_AREA_SIZE]
        candidates = oversized or [c for c in chunks if c[1] - c[0] > 1]
        scored = [(best_cut(*c), c) for c in candidates]
        (_score, cut), chosen = max(scored, key=lambda item: (item[0][0], -item[1][0]))
        chunks.remove(chosen)
        chunks += [(chosen[0], cut), (cut, chosen[1])]
        chunks.sort()
    return [sorted(order[s:e], key=lambda m: m.code) for s, e in chunks]


# --------------------------------------------------------------------------- the document


class _Document:
    """The synthetic source document, written from the sentences the records quote."""

    def __init__(self) -> None:
        self.paragraphs: dict[str, dict[str, list[str]]] = {section: {} for section in SECTIONS}

    def say(self, section: str, label: str, sentence: str) -> str:
        self.paragraphs[section].setdefault(label, []).append(sentence)
        return sentence

    def render(self, title: str, preface: Sequence[str]) -> str:
        lines = [title, "", *(f"{p}\n" for p in preface)]
        for section, heading in SECTIONS.items():
            paragraphs = self.paragraphs[section]
            if not paragraphs:
                continue
            lines += [heading, ""]
            for label, sentences in paragraphs.items():
                lines += [f"{label}: {' '.join(sentences)}", ""]
        return "\n".join(lines)


# --------------------------------------------------------------------------- the model


@dataclass
class _County:
    id: str
    name_fi: str
    name_sv: str
    units: tuple[str, str]  # aikuisten sosiaalityö, työikäisten sosiaalipalvelut


@dataclass
class _Area:
    id: str
    index: int
    members: list[SourceMunicipality]
    lead: SourceMunicipality
    hubs: list[SourceMunicipality]
    county: _County
    name_fi: str = ""
    projects: list[dict[str, Any]] = field(default_factory=list)

    @property
    def college(self) -> str:
        return f"ammattiopisto-{self.lead.id}"

    @property
    def online_training(self) -> str:
        return f"{self.id}-verkkokotokoulutus"


@dataclass
class _Profile:
    """The choices made for one municipality before its file is written."""

    mun: SourceMunicipality
    area: _Area
    employment: _UnitName
    integration: _UnitName
    admin_parent: bool
    kind: str  # lead | hub | own | purchaser
    seller: SourceMunicipality | None
    conditioned: bool
    spr: bool
    county_unit: str
    partner_role: str
    quota: bool


@dataclass
class SynthSummary:
    folder: Path
    files: int
    bytes: int
    municipalities: int
    areas: int
    counties: int
    provisions: int
    organisations: int
    activities: int
    flags: int
    purchased: int


@dataclass
class _Written:
    name: str
    label: str
    text: str


# --------------------------------------------------------------------------- the generator


class _Generator:
    def __init__(
        self,
        municipalities: list[SourceMunicipality],
        *,
        seed: int,
        area_count: int,
        command: str,
    ) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.command = command
        self.munis = municipalities
        self.doc = _Document()
        self.provision_count = 0
        self.purchased_count = 0
        self.flag_count = 0
        self.activity_count = 0
        self.organisation_count = 0
        groups = group_areas(municipalities, area_count)
        county_count = max(
            1, min(len(groups), round(len(groups) * NATIONAL_COUNTIES / NATIONAL_AREAS))
        )
        self.areas: list[_Area] = []
        self.counties: list[_County] = []
        county_groups: list[list[list[SourceMunicipality]]] = [[] for _ in range(county_count)]
        for index, members in enumerate(groups):
            county_groups[index * county_count // len(groups)].append(members)
        for members_list in county_groups:
            biggest = max(members_list, key=len)
            named = self._lead_of(biggest)
            county_id = f"hyvinvointialue-{named.id}"
            county = _County(
                id=county_id,
                name_fi=f"Hyvinvointialue {named.name_fi}",
                name_sv=f"Välfärdsområde {named.name_sv}",
                units=(
                    f"{county_id}-aikuisten-sosiaalityo",
                    f"{county_id}-tyoikaisten-sosiaalipalvelut",
                ),
            )
            self.counties.append(county)
            for members in members_list:
                lead = self._lead_of(members)
                hubs = [lead]
                if len(members) >= 8:
                    hubs.append(max(members, key=lambda m: (lead.distance(m), m.code)))
                area = _Area(
                    id=f"tyollisyysalue-{lead.id}",
                    index=len(self.areas),
                    members=members,
                    lead=lead,
                    hubs=hubs,
                    county=county,
                    name_fi=f"Työllisyysalue {lead.name_fi}",
                )
                self.areas.append(area)
        self.area_of = {m.code: area for area in self.areas for m in area.members}
        self.profiles: dict[str, _Profile] = {}
        self.kaikukortti: set[str] = set()
        self.area_intro: dict[str, str] = {}

    @staticmethod
    def _lead_of(members: Sequence[SourceMunicipality]) -> SourceMunicipality:
        cx = sum(m.x for m in members) / len(members)
        cy = sum(m.y for m in members) / len(members)
        return min(members, key=lambda m: (math.hypot(m.x - cx, m.y - cy), m.code))

    # ----------------------------------------------------------------- choices

    def _choose_profiles(self) -> None:
        rng = self.rng
        for area in self.areas:
            hub_codes = [h.code for h in area.hubs]
            others = [m for m in area.members if m.code not in hub_codes]
            buyers = {m.code for m in others if rng.random() < 0.4}
            if others and not buyers:
                buyers.add(others[rng.randrange(len(others))].code)
            for mun in area.members:
                if mun.code == area.lead.code:
                    kind = "lead"
                elif mun.code in hub_codes:
                    kind = "hub"
                elif mun.code in buyers:
                    kind = "purchaser"
                else:
                    kind = "own"
                nearest_hub = min(area.hubs, key=lambda h: (mun.distance(h), h.code))
                self.profiles[mun.code] = _Profile(
                    mun=mun,
                    area=area,
                    employment=rng.choice(EMPLOYMENT_UNITS),
                    integration=rng.choice(INTEGRATION_UNITS),
                    admin_parent=rng.random() < 0.4,
                    kind=kind,
                    seller=nearest_hub if kind in ("purchaser", "own") else None,
                    conditioned=kind == "own" and rng.random() < 0.15,
                    spr=rng.random() < 0.35,
                    county_unit=area.county.units[rng.randrange(2)],
                    partner_role=rng.choice(
                        ("sosiaaliohjaaja", "sosiaaliohjaaja", "sosiaalihoitaja")
                    ),
                    quota=rng.random() < (0.7 if kind in ("lead", "hub") else 0.15),
                )

    # ----------------------------------------------------------------- helpers

    def _provision(
        self,
        *,
        id: str,
        phase: str,
        clients: Iterable[str],
        status: str,
        source: _Flow,
        responsible: str | None = None,
        purchased: bool = False,
        provider: _Flow | None = None,
        role: str | None = None,
        places: Sequence[str] = (),
        modes: Sequence[str] = (),
        partners: Sequence[_Flow] = (),
        languages: Sequence[str] = (),
        target_groups: Sequence[str] = (),
        condition: dict[str, Any] | None = None,
        activity: str | None = None,
        details: tuple[str, str] | None = None,
        planned_from: int | None = None,
        municipalities: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": id,
            "phase": phase,
            "clients": _FlowList(clients),
            "status": status,
        }
        if planned_from is not None:
            record["planned_from"] = planned_from
        if responsible is not None:
            record["responsible"] = responsible
        if purchased:
            record["purchased"] = True
            self.purchased_count += 1
        if provider is not None:
            record["provider"] = provider
        if role is not None:
            record["role"] = role
        if places:
            record["places"] = _FlowList(places)
        if modes:
            record["modes"] = _FlowList(modes)
        if partners:
            record["partners"] = list(partners)
        if languages:
            record["languages"] = _FlowList(languages)
        if target_groups:
            record["target_groups"] = _FlowList(target_groups)
        if condition is not None:
            record["condition"] = condition
        if activity is not None:
            record["activity"] = activity
        if municipalities is not None:
            record["municipalities"] = _FlowList(municipalities)
        if details is not None:
            record["details"] = {"fi": details[0], "en": details[1]}
        record["source"] = source
        self.provision_count += 1
        return record

    def _flag(
        self,
        flags: list[dict[str, Any]],
        id: str,
        kind: str,
        subject: str | None,
        fi: str,
        en: str,
        source: _Flow,
    ) -> None:
        flag: dict[str, Any] = {"id": id, "kind": kind}
        if subject is not None:
            flag["subject"] = subject
        flag["text"] = {"fi": fi, "en": en}
        flag["source"] = source
        flags.append(flag)
        self.flag_count += 1

    def _activity(
        self,
        *,
        id: str,
        kind: str,
        name: _Flow,
        organisers: Sequence[str],
        municipalities: Sequence[str],
        phases: Sequence[str],
        source: _Flow,
        period: tuple[int, int] | None = None,
        description: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        record: dict[str, Any] = {"id": id, "kind": kind, "name": name}
        if organisers:
            record["organisers"] = _FlowList(organisers)
        record["municipalities"] = _FlowList(municipalities)
        record["phases"] = _FlowList(phases)
        if period is not None:
            record["period"] = _Flow(start_year=period[0], end_year=period[1])
        if description is not None:
            record["description"] = {"fi": description[0], "en": description[1]}
        record["source"] = source
        self.activity_count += 1
        return record

    # ----------------------------------------------------------------- area.yaml

    def _area_file(self) -> str:
        rng = self.rng
        doc = self.doc
        organisations: list[dict[str, Any]] = []
        activities: list[dict[str, Any]] = []
        provisions: list[dict[str, Any]] = []
        cooperation: list[dict[str, Any]] = []
        flags: list[dict[str, Any]] = []
        for county in self.counties:
            organisations.append(
                {
                    "id": county.id,
                    "kind": "wellbeing_county",
                    "name": _text(
                        county.name_fi,
                        f"{county.name_fi.removeprefix('Hyvinvointialue ')} Wellbeing Services "
                        "County",
                        county.name_sv,
                    ),
                    "units": [
                        {
                            "id": county.units[0],
                            "name": _text("aikuisten sosiaalityö", "adult social work"),
                        },
                        {
                            "id": county.units[1],
                            "name": _text(
                                "työikäisten sosiaalipalvelut",
                                "social services for working-age adults",
                            ),
                        },
                    ],
                }
            )
        for area in self.areas:
            label = area.name_fi
            member_ids = [m.id for m in area.members]
            names = [m.name_fi for m in area.members]
            if len(names) == 1:
                intro = doc.say("introduction", label, f"Alueeseen kuuluu yksi kunta, {names[0]}.")
            else:
                intro = doc.say(
                    "introduction", label, f"Alueeseen kuuluvat kunnat {_join_fi(names)}."
                )
            area.projects = []
            self.area_intro[area.id] = intro
            lead = area.lead.name_fi
            if len(area.members) > 1:
                doc.say(
                    "introduction",
                    label,
                    f"Kotoutumiskoulutuksen vastuukuntana toimii {lead}, joka myy "
                    "lakisääteisiä kotoutumispalveluita myös alueen muille kunnille.",
                )
            organisations.append(
                {
                    "id": area.id,
                    "kind": "authority",
                    "municipality": area.lead.id,
                    "name": _text(
                        area.name_fi,
                        f"{lead} employment area",
                        f"Sysselsättningsområde {area.lead.name_sv}",
                    ),
                    "units": [
                        {
                            "id": f"{area.id}-johtoryhma",
                            "name": _text(
                                "työllisyysalueen johtoryhmä",
                                "leadership group of the employment area",
                            ),
                        },
                        {
                            "id": f"{area.id}-yrityspalvelut",
                            "name": _text(
                                "työllisyysalueen keskitetyt yrityspalvelut",
                                "the employment area's centralised business services",
                            ),
                        },
                    ],
                }
            )
            college_quote = doc.say(
                "training",
                label,
                f"Vastuukunnan ({lead}) kotoutumiskoulutuksen toteuttaa Ammattiopisto {lead}.",
            )
            organisations.append(
                {
                    "id": area.college,
                    "kind": "education",
                    "municipality": area.lead.id,
                    "name": _text(f"Ammattiopisto {lead}", f"{lead} Vocational College"),
                    "source": _source("training", college_quote),
                }
            )
            online_quote = doc.say(
                "training",
                label,
                "Työllisyysalue kilpailuttaa verkkokotokoulutuksen kaikille alueen kunnille.",
            )
            activities.append(
                self._activity(
                    id=area.online_training,
                    kind="project",
                    name=_text(
                        f"Verkkokotokoulutus ({area.name_fi})",
                        f"Online integration training ({lead} employment area)",
                    ),
                    organisers=[area.id],
                    municipalities=member_ids,
                    phases=["training"],
                    description=(
                        "Työllisyysalue kilpailuttaa verkossa järjestettävän kotoutumiskoulutuksen "
                        "kaikille alueen kunnille.",
                        "The employment area puts online integration training out to tender for "
                        "all its municipalities.",
                    ),
                    source=_source("training", online_quote),
                )
            )
            for index in range(1 + (len(member_ids) >= 4) + (rng.random() < 0.5)):
                word_fi, word_en = PROJECT_WORDS[(area.index * 3 + index) % len(PROJECT_WORDS)]
                size = rng.randint(max(1, len(member_ids) // 2), len(member_ids))
                chosen = sorted(rng.sample(area.members, size), key=lambda m: m.code)
                start = rng.randint(2023, 2026)
                end = start + rng.randint(1, 3)
                organiser = rng.choice((area.id, "suomen-punainen-risti", area.college))
                project_id = f"{area.id}-{slug(word_fi)}"
                quote = doc.say(
                    "employment",
                    label,
                    f"{word_fi} -hanke vuosina {start}–{end} tarjoaa yksilöllistä tukea "
                    "työllistymiseen ja työnhakuun kunnissa "
                    f"{_join_fi([m.name_fi for m in chosen])}.",
                )
                activities.append(
                    self._activity(
                        id=project_id,
                        kind="project",
                        name=_text(f"{word_fi} -hanke ({lead})", f"{word_en} project ({lead})"),
                        organisers=[organiser],
                        municipalities=[m.id for m in chosen],
                        phases=["employment"],
                        period=(start, end),
                        description=(
                            "Yksilöllistä tukea työllistymiseen ja työnhakuun, työnantajien "
                            "tukea rekrytoinnissa sekä työelämän suomen kielen valmennusta.",
                            "Individual support for finding work and job search, support for "
                            "employers in recruiting, and coaching in working-life Finnish.",
                        ),
                        source=_source("employment", quote),
                    )
                )
                area.projects.append(
                    {
                        "id": project_id,
                        "organiser": organiser,
                        "codes": [m.code for m in chosen],
                        "fi": word_fi,
                        "en": word_en,
                        "quote": quote,
                    }
                )
            # Area-wide provisions: orientation, training for non-job-seekers, final test.
            languages = sorted(rng.sample(sorted(LANGUAGE_NAMES), rng.randint(2, 6)))
            orientation_quote = doc.say(
                "orientation",
                label,
                "Yhteiskuntaorientaatiota tullaan mahdollisesti järjestämään seuraavilla "
                f"kielillä: {_join_fi([LANGUAGE_NAMES[c] for c in languages])}.",
            )
            note = _text(
                "Tieto siitä, mihin muihin kuntiin vastaanotetaan kiintiöpakolaisryhmiä samasta "
                "otosta.",
                "Which other municipalities receive quota refugee groups from the same selection.",
            )
            provisions.append(
                self._provision(
                    id=f"{area.id}-orientation",
                    phase="orientation",
                    clients=["job-seeker", "other"],
                    status="on_need",
                    responsible="residence",
                    languages=languages,
                    target_groups=[*REFUGEE_BASES, "family_member"],
                    partners=[
                        _Flow(organisation="ely-keskukset", note=note),
                        _Flow(organisation="migri", note=note),
                    ],
                    municipalities=member_ids,
                    details=(
                        "Alueen kunnat hankkivat lakisääteisen monikielisen "
                        "yhteiskuntaorientaation yhdessä kieliryhmien ja ryhmäkokojen mukaan. "
                        "Tarve arvioidaan palvelutarpeen arvioinnissa.",
                        "The area's municipalities procure statutory multilingual civic "
                        "orientation together, depending on language groups and group sizes. "
                        "The need is assessed in the service-needs assessment.",
                    ),
                    source=_source("orientation", orientation_quote),
                )
            )
            if rng.random() < 0.5:
                self._flag(
                    flags,
                    f"{area.id}-orientation-languages-tentative",
                    "ambiguous",
                    f"{area.id}-orientation",
                    'Orientaatiokielet ovat asiakirjassa mahdollisia ("tullaan mahdollisesti '
                    'järjestämään"), eivät sovittuja.',
                    'The orientation languages are tentative in the document ("may be '
                    'arranged"), not agreed.',
                    _source("orientation", orientation_quote),
                )
            others_quote = doc.say(
                "training_others",
                label,
                f"Alueen ({lead}) kunnissa asiakas ohjataan palvelutarpeensa mukaan opiskelemaan "
                "suomen kieltä; palvelutarve arvioidaan kotikunnassa.",
            )
            provisions.append(
                self._provision(
                    id=f"{area.id}-training-others",
                    phase="training",
                    clients=["other"],
                    status="on_need",
                    responsible="residence",
                    municipalities=member_ids,
                    details=(
                        "Asiakas ohjataan palvelutarpeensa mukaan opiskelemaan suomen kieltä. "
                        "Palvelutarve arvioidaan kotikunnassa.",
                        "The client is referred to study Finnish according to their service "
                        "needs, which are assessed in their home municipality.",
                    ),
                    source=_source("training_others", others_quote),
                )
            )
            test_quote = doc.say(
                "final_test",
                label,
                "Kielitaidon päättötestaus järjestetään osana kotoutumislain mukaista "
                f"kotoutumiskoulutusta, ja sen toteuttaa Ammattiopisto {lead}.",
            )
            provisions.append(
                self._provision(
                    id=f"{area.id}-final-test",
                    phase="final_test",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible="residence",
                    provider=_Flow(organisation=area.college),
                    municipalities=member_ids,
                    details=(
                        f"Päättötestaus on osa kotoutumiskoulutusta; testaa Ammattiopisto {lead}.",
                        f"The final test is part of integration training; {lead} Vocational "
                        "College tests.",
                    ),
                    source=_source("final_test", test_quote),
                )
            )
            board_quote = doc.say(
                "cooperation",
                label,
                "Työllisyysalueen johtoryhmä asettaa maahanmuuton ja kotoutumisen edistämisen "
                "monialaisen yhteistyöryhmän.",
            )
            group_quote = doc.say(
                "cooperation",
                label,
                "Yhteistyöryhmän tehtävänä on seurata ja kehittää alueellista yhteistyötä "
                f"kotoutumisen edistämisen palveluissa; ryhmän kutsuu koolle {lead}.",
            )
            cooperation.append(
                {
                    "id": f"{area.id}-johtoryhma",
                    "name": _text(
                        f"Johtoryhmä ({area.name_fi})", f"Leadership group ({lead} employment area)"
                    ),
                    "tasks": {
                        "fi": "Asettaa maahanmuuton ja kotoutumisen edistämisen monialaisen "
                        "yhteistyöryhmän.",
                        "en": "Appoints the multi-sector cooperation group for immigration and "
                        "integration.",
                    },
                    "source": _source("cooperation", board_quote),
                }
            )
            cooperation.append(
                {
                    "id": f"{area.id}-yhteistyoryhma",
                    "name": _text(
                        "Maahanmuuton ja kotoutumisen edistämisen monialainen yhteistyöryhmä "
                        f"({area.name_fi})",
                        f"Multi-sector cooperation group for immigration and integration ({lead} "
                        "employment area)",
                    ),
                    "appointed_by": f"{area.id}-johtoryhma",
                    "members": [
                        _text("kuntien edustajat", "representatives of the municipalities"),
                        _text(
                            area.county.name_fi,
                            f"{area.county.name_fi.removeprefix('Hyvinvointialue ')} Wellbeing "
                            "Services County",
                        ),
                        _text("ELY-keskus", "the ELY Centre"),
                        _text("poliisi", "the police"),
                        _text(
                            "järjestöt, yhdistykset ja yhteisöt",
                            "organisations, associations and communities",
                        ),
                        _text("elinkeinoelämän edustajat", "representatives of business"),
                    ],
                    "tasks": {
                        "fi": "Seurata ja kehittää alueellista yhteistyötä kotoutumisen "
                        "edistämisen palveluissa.",
                        "en": "To follow and develop regional cooperation in integration services.",
                    },
                    "source": _source("cooperation", group_quote),
                }
            )
        spr_units = [
            {
                "id": f"spr-{p.mun.id}",
                "name": _text(
                    f"SPR:n osasto ({p.mun.name_fi})", f"Finnish Red Cross, {p.mun.name_fi} branch"
                ),
            }
            for p in self.profiles.values()
            if p.spr
        ]
        shared: list[dict[str, Any]] = [
            {
                "id": "suomen-punainen-risti",
                "kind": "association",
                "name": _text(
                    "Suomen Punainen Risti (SPR)", "Finnish Red Cross", "Finlands Röda Kors"
                ),
                "units": spr_units,
            },
            {
                "id": "mll",
                "kind": "association",
                "name": _text(
                    "MLL (Mannerheimin Lastensuojeluliitto)",
                    "Mannerheim League for Child Welfare (MLL)",
                ),
            },
            {
                "id": "ely-keskukset",
                "kind": "authority",
                "name": _text("alueen ELY-keskukset", "the region's ELY Centres"),
            },
            {
                "id": "migri",
                "kind": "authority",
                "name": _text(
                    "Maahanmuuttovirasto (Migri)",
                    "Finnish Immigration Service (Migri)",
                    "Migrationsverket",
                ),
            },
            {
                "id": "tyovoimaviranomainen",
                "kind": "authority",
                "name": _text("työvoimaviranomainen", "the employment authority"),
            },
        ]
        if not spr_units:
            del shared[0]["units"]
        organisations = [
            *organisations[: len(self.counties)],
            *shared,
            *organisations[len(self.counties) :],
        ]
        kaikukortti_ids = [m.id for m in self.munis if m.code in self.kaikukortti]
        if kaikukortti_ids:
            quote = doc.say(
                "municipal_services",
                "Kaikukortti",
                "Kaikukortti-verkostossa ovat mukana "
                f"{_join_fi([m.name_fi for m in self.munis if m.code in self.kaikukortti])}.",
            )
            activities.append(
                self._activity(
                    id="kaikukortti",
                    kind="benefit",
                    name=_text("Kaikukortti", "Kaikukortti (culture card)"),
                    organisers=[],
                    municipalities=kaikukortti_ids,
                    phases=["municipal_services"],
                    description=(
                        "Kortti oikeuttaa maksuttomaan pääsyyn kulttuuritapahtumiin.",
                        "The card gives free entry to cultural events.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )
        self._flag(
            flags,
            "repealed-15-and-17",
            "legal_reference",
            None,
            "Asiakirja viittaa KotoL 15 §:ään (monialainen arviointi) ja 17 §:ään (monialainen "
            "suunnitelma). Laki 1100/2024 kumosi ne ennen lain voimaantuloa; hyvinvointialue "
            "osallistuu nyt 14 §:n arviointiin ja 20 §:n suunnitelmaan.",
            "The document cites KotoL 15 § (multi-professional assessment) and 17 § "
            "(multi-professional plan). Act 1100/2024 repealed them before the law came into "
            "force; the wellbeing services county now takes part in the 14 § assessment and the "
            "20 § plan.",
            _source("assessment", "(KotoL 14 ja 15 §)"),
        )
        self.organisation_count += len(organisations)
        area_record = {
            "id": AREA_ID,
            "name": _text("Suomi (synteettinen)", "Finland (synthetic)", "Finland (syntetisk)"),
            "document": {
                "title": _text(
                    "Suomen kuntien kotoutumisohjelmia kuvaava synteettinen asiakirja",
                    "Synthetic document describing the integration programmes of Finland's "
                    "municipalities",
                ),
                "file": DOCUMENT_FILE,
                "publisher": _text(
                    "Kotokartta (synteettinen testiaineisto)", "Kotokartta (synthetic test data)"
                ),
                "data_date": DATA_DATE,
            },
            "municipalities": _FlowList(m.id for m in self.munis),
        }
        header = [
            "SYNTHETIC national data set: not a real integration programme. Generated by",
            f"`{self.command}`.",
            "Municipal names and codes come from data/geo (© Maanmittauslaitos, CC BY 4.0);",
            "everything else (people, e-mail addresses at example.fi, services) is invented.",
            f"{count_noun(len(self.areas), 'employment area', 'employment areas')} and "
            + count_noun(
                len(self.counties), "wellbeing services county", "wellbeing services counties"
            )
            + ", grouped by geography.",
            f"Format: docs/data-format.md. Every `quote` stands word for word in {DOCUMENT_FILE}.",
        ]
        return _dump(
            header,
            [
                ("area", area_record),
                ("roles", [{"id": r, "name": _text(fi, en)} for r, fi, en in ROLES]),
                ("organisations", organisations),
                ("activities", activities),
                ("provisions", provisions),
                ("cooperation", cooperation),
                ("flags", flags),
            ],
        )

    # ----------------------------------------------------------------- municipality files

    def _municipality_file(self, profile: _Profile) -> str:
        rng = self.rng
        doc = self.doc
        mun = profile.mun
        area = profile.area
        m = mun.id
        name = mun.name_fi
        label = name
        emp = profile.employment
        integ = profile.integration
        e_unit = f"{m}-{emp.suffix}"
        i_unit = f"{m}-{integ.suffix}"
        hall = f"kunnantalo-{m}"
        opisto = f"kansalaisopisto-{m}"
        seller = profile.seller
        seller_profile = self.profiles[seller.code] if seller is not None else None
        buys = profile.kind == "purchaser"
        lead = area.lead
        flags: list[dict[str, Any]] = []
        provisions: list[dict[str, Any]] = []
        activities: list[dict[str, Any]] = []

        # --- the municipality, its people, organisation and places
        municipality = {
            "id": m,
            "code": _Quoted(mun.code),
            "name": _text(name, None, mun.name_sv),
            "wellbeing_county": area.county.id,
            "receives_quota_refugees": profile.quota,
            "source": _source("introduction", self.area_intro[area.id]),
        }
        units: list[dict[str, Any]] = []
        if profile.admin_parent:
            units.append(
                {"id": f"{m}-{ADMIN_UNIT.suffix}", "name": _text(ADMIN_UNIT.fi, ADMIN_UNIT.en)}
            )
        units.append({"id": e_unit, "name": _text(emp.fi, emp.en)})
        integration_unit: dict[str, Any] = {"id": i_unit, "name": _text(integ.fi, integ.en)}
        if profile.admin_parent:
            integration_unit = {
                "id": i_unit,
                "parent": f"{m}-{ADMIN_UNIT.suffix}",
                "name": _text(integ.fi, integ.en),
            }
        units.append(integration_unit)
        organisations: list[dict[str, Any]] = [
            {
                "id": m,
                "kind": "municipality",
                "municipality": m,
                "name": _text(
                    f"{name} (kunta)", f"Municipality of {name}", f"{mun.name_sv} (kommun)"
                ),
                "units": units,
            },
        ]
        opisto_quote = doc.say(
            "literacy",
            label,
            rng.choice(
                (
                    f"Kansalaisopisto ({name}) järjestää suomen kielen ja luku- ja "
                    "kirjoitustaidon opetusta.",
                    "Luku- ja kirjoitustaidon koulutusta järjestetään kunnan kansalaisopistossa.",
                )
            ),
        )
        organisations.append(
            {
                "id": opisto,
                "kind": "education",
                "municipality": m,
                "name": _text(f"Kansalaisopisto ({name})", f"Adult education centre ({name})"),
                "source": _source("literacy", opisto_quote),
            }
        )
        unit_forms = {e_unit: emp, i_unit: integ}
        coordinators = []
        for _ in range(1 + (rng.random() < 0.25)):
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(LAST_NAMES)
            title_fi, title_en = rng.choice(TITLES)
            unit_id = rng.choice((e_unit, i_unit, None))
            email = f"{slug(first)}.{slug(last)}@{m}.example.fi"
            where = f"{unit_forms[unit_id].fi}, " if unit_id else ""
            quote = f"{where}{title_fi} {first} {last}, {email}"
            quote = quote[0].upper() + quote[1:]
            doc.say("coordinators", label, quote + ".")
            coordinator: dict[str, Any] = {
                "name": f"{first} {last}",
                "title": _text(title_fi, title_en),
                "email": email,
                "organisation": m,
            }
            if unit_id:
                coordinator["unit"] = unit_id
            coordinator["source"] = _source("coordinators", quote)
            coordinators.append(coordinator)
        hall_quote = doc.say(
            "assessment",
            label,
            f"Vieraskielisten asiakkaiden palvelut järjestetään {emp.ine} kunnantalolla.",
        )
        places: list[dict[str, Any]] = [
            {
                "id": hall,
                "name": _text(f"Kunnantalo ({name})", f"{name} municipal hall"),
                "municipality": m,
                "source": _source("assessment", hall_quote),
            },
        ]
        meeting_place = None
        if rng.random() < 0.3:
            meeting_place = f"kohtaamispaikka-{m}"
            quote = doc.say(
                "guidance",
                label,
                f"Matalan kynnyksen ohjausta ja neuvontaa saa kunnan kohtaamispaikassa, jota "
                f"ylläpitävät {integ.fi}.",
            )
            places.append(
                {
                    "id": meeting_place,
                    "name": _text(f"Kohtaamispaikka ({name})", f"Meeting place ({name})"),
                    "municipality": m,
                    "source": _source("guidance", quote),
                }
            )
        in_person = ["in_person"] if rng.random() < 0.7 else ["in_person", "remote"]

        def own(unit: str) -> _Flow:
            return _Flow(organisation=m, unit=unit)

        def bought(kind: str) -> _Flow:
            assert seller is not None and seller_profile is not None
            unit = seller_profile.employment if kind == "e" else seller_profile.integration
            return _Flow(organisation=seller.id, unit=f"{seller.id}-{unit.suffix}")

        def county_partner() -> _Flow:
            return _Flow(
                organisation=area.county.id, unit=profile.county_unit, role=profile.partner_role
            )

        def silent(phase: str, what_fi: str, what_en: str, section: str | None = None) -> None:
            section = section or phase
            pid = f"{m}-{phase.replace('_', '-')}-undetermined"
            provisions.append(
                self._provision(
                    id=pid,
                    phase=phase,
                    clients=["job-seeker", "other"],
                    status="undetermined",
                    responsible=m,
                    details=(
                        f"Asiakirja ei kuvaa tätä palvelua ({what_fi}) tämän kunnan ({name}) "
                        "osalta.",
                        f"The document does not describe this ({what_en}) for {name}.",
                    ),
                    source=_source(section),
                )
            )
            self._flag(
                flags,
                f"{m}-{phase.replace('_', '-')}-silent",
                "silent",
                pid,
                f'Asiakirjan kohdassa "{SECTIONS[section]}" ei ole tämän kunnan '
                f"({name}) kappaletta.",
                f'The document\'s part "{SECTIONS[section]}" has no paragraph for {name}.',
                _source(section),
            )

        seller_name = seller.name_fi if seller is not None else ""
        sp = seller_profile

        # --- assessment and plan (KotoL 14 and 16 §), job seekers and others
        for phase, noun_fi, short_fi, noun_en in (
            (
                "assessment",
                "osaamisen ja kotoutumisen palvelutarpeen arvioinnista",
                "arviointi",
                "assessment",
            ),
            ("plan", "kotoutumissuunnitelman laatimisesta", "suunnitelma", "integration plan"),
        ):
            if profile.conditioned:
                assert seller is not None and sp is not None
                quote = doc.say(
                    phase,
                    label,
                    f"Vieraskielisten, jotka eivät asioi suomeksi, työnhakija-asiakkaiden "
                    f"{noun_fi} vastaa naapurikunta {seller_name}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-job-seeker",
                        phase=phase,
                        clients=["job-seeker"],
                        status="available",
                        responsible=seller.id,
                        provider=bought("e"),
                        role="tyollisyysohjaaja",
                        places=[hall],
                        modes=["in_person", "hybrid"],
                        condition={
                            "text": _text(
                                "Vieraskieliset työnhakija-asiakkaat, jotka eivät asioi suomeksi",
                                "Job-seeker clients whose language is not Finnish and who do not "
                                "use Finnish with the services",
                            ),
                            "uses_finnish": False,
                        },
                        details=(
                            f"Palvelusta vastaa naapurikunta {seller_name} ({sp.employment.fi}); "
                            f"asiakkaat tavataan kunnantalolla ({name}).",
                            f"{seller_name} ({sp.employment.en}) is responsible; clients are met "
                            f"at {name} municipal hall.",
                        ),
                        source=_source(phase, quote),
                    )
                )
                open_id = f"{m}-{phase}-job-seeker-finnish"
                provisions.append(
                    self._provision(
                        id=open_id,
                        phase=phase,
                        clients=["job-seeker"],
                        status="undetermined",
                        condition={
                            "text": _text(
                                "Työnhakija-asiakkaat, jotka asioivat suomeksi",
                                "Job-seeker clients who use Finnish with the services",
                            ),
                            "uses_finnish": True,
                        },
                        details=(
                            "Asiakirja kertoo vain, kuka palvelee työnhakijoita, jotka eivät "
                            "asioi suomeksi; suomeksi asioivien palvelu jää avoimeksi.",
                            "The document only says who serves job seekers who do not use "
                            "Finnish; who serves those who do is left open.",
                        ),
                        source=_source(phase, quote),
                    )
                )
                self._flag(
                    flags,
                    f"{m}-{phase}-finnish-speakers-open",
                    "undetermined",
                    open_id,
                    "Asiakirja jättää avoimeksi, kuka vastaa suomeksi asioivien "
                    f"työnhakija-asiakkaiden palvelusta ({short_fi}) tässä kunnassa ({name}).",
                    f"The document leaves open who serves job seekers who use Finnish ({noun_en}) "
                    f"in {name}.",
                    _source(phase, quote),
                )
            elif buys:
                assert sp is not None
                quote = doc.say(
                    phase,
                    label,
                    rng.choice(
                        (
                            f"Ostopalveluna hankittavan työnhakija-asiakkaiden {noun_fi} vastaa "
                            f"myyjäkunnan ({seller_name}) {sp.employment.gen} työllisyysohjaaja.",
                            f"Työnhakija-asiakkaiden {noun_fi} vastaa ostopalveluna myyjäkunnan "
                            f"({seller_name}) työllisyysohjaaja, lähipalveluna kunnantalolla.",
                        )
                    ),
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-job-seeker",
                        phase=phase,
                        clients=["job-seeker"],
                        status="available",
                        responsible=m,
                        purchased=True,
                        provider=bought("e"),
                        role="tyollisyysohjaaja",
                        places=[hall],
                        modes=["in_person"],
                        details=(
                            f"Ostopalvelu myyjäkunnalta ({seller_name}): työllisyysohjaaja "
                            f"({sp.employment.fi}) palvelee lähipalveluna kunnantalolla ({name}).",
                            f"Bought from {seller_name}: its employment counsellor "
                            f"({sp.employment.en}) serves clients in person at {name} municipal "
                            "hall.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            else:
                quote = doc.say(
                    phase,
                    label,
                    f"Työnhakija-asiakkaiden {noun_fi} vastaa asiakkaan oma työllisyysohjaaja "
                    f"{emp.ine}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-job-seeker",
                        phase=phase,
                        clients=["job-seeker"],
                        status="available",
                        responsible=m,
                        provider=own(e_unit),
                        role="tyollisyysohjaaja",
                        places=[hall],
                        modes=in_person,
                        details=(
                            f"Vastuu on asiakkaan omalla työllisyysohjaajalla ({emp.fi}).",
                            f"The client's own employment counsellor in the {emp.en} is "
                            "responsible.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            other_role = rng.choice(("maahanmuutto-ohjaaja", "kotoutumisohjaaja", "oma-tyontekija"))
            if buys:
                assert sp is not None
                quote = doc.say(
                    phase,
                    label,
                    f"Samoin ostopalveluna hankittavan muiden kotoutuja-asiakkaiden {noun_fi} "
                    f"vastaa myyjäkunnan ({seller_name}) {sp.integration.gen} "
                    f"{ROLE_FI[other_role]}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-other",
                        phase=phase,
                        clients=["other"],
                        status="available",
                        responsible=m,
                        purchased=True,
                        provider=bought("i"),
                        role=other_role,
                        places=[hall],
                        modes=["in_person"],
                        details=(
                            f"Ostopalvelu myyjäkunnalta ({seller_name}, {sp.integration.fi}), "
                            f"lähipalveluna kunnantalolla ({name}).",
                            f"Bought from {seller_name} ({sp.integration.en}), in person at "
                            f"{name} municipal hall.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            elif rng.random() < 0.3:
                # Like Kuhmo: services for those outside the labour force under an open agreement.
                quote = doc.say(
                    phase,
                    label,
                    f"Työvoiman ulkopuolella olevien kotoutujien {noun_fi} sovitaan erikseen "
                    "sopimuksella, jonka sisältö selviää myöhemmin.",
                )
                open_id = f"{m}-{phase}-other"
                provisions.append(
                    self._provision(
                        id=open_id,
                        phase=phase,
                        clients=["other"],
                        status="undetermined",
                        responsible=m,
                        details=(
                            "Palvelut tuotetaan sopimuksen perusteella, jonka sisältö on "
                            "asiakirjassa avoin.",
                            "The services are produced under an agreement whose content the "
                            "document leaves open.",
                        ),
                        source=_source(phase, quote),
                    )
                )
                self._flag(
                    flags,
                    f"{m}-{phase}-other-agreement-open",
                    "undetermined",
                    open_id,
                    "Asiakirjan mukaan muiden kuin työnhakija-asiakkaiden palvelusta "
                    f"({short_fi}) sovitaan myöhemmin; kuka palvelun tuottaa, jää avoimeksi.",
                    f"The document says the service ({noun_en}) for clients who are not job "
                    "seekers will be agreed later; who provides it is left open.",
                    _source(phase, quote),
                )
            else:
                quote = doc.say(
                    phase,
                    label,
                    f"Muiden kotoutuja-asiakkaiden {noun_fi} vastaa {integ.ine} "
                    f"{ROLE_FI[other_role]}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-other",
                        phase=phase,
                        clients=["other"],
                        status="available",
                        responsible=m,
                        provider=own(i_unit),
                        role=other_role,
                        places=[hall],
                        modes=in_person,
                        details=(
                            f"Vastuussa on {ROLE_FI[other_role]} ({integ.fi}).",
                            f"The {integ.en} are responsible ({ROLE_EN[other_role]}).",
                        ),
                        source=_source(phase, quote),
                    )
                )
            # multi-professional assessment / plan, with the wellbeing services county
            multi = f"multi_{phase}"
            if rng.random() < 0.35:
                silent(
                    multi,
                    "monialainen " + ("arviointi" if phase == "assessment" else "suunnitelma"),
                    "multi-professional " + noun_en,
                    section=phase,
                )
                continue
            role_word = (
                "sosiaaliohjaaja"
                if profile.partner_role == "sosiaaliohjaaja"
                else "sosiaalihoitaja"
            )
            county_name = area.county.name_fi
            if buys:
                assert seller is not None
                quote = doc.say(
                    phase,
                    label,
                    "Ostopalveluna hankittavan monialaisen palvelun tekevät myyjäkunnan "
                    f"({seller_name}) "
                    f"viranhaltijat yhteistyössä hyvinvointialueen ({county_name}) kanssa.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{multi.replace('_', '-')}",
                        phase=multi,
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        purchased=True,
                        provider=_Flow(organisation=seller.id),
                        role="viranhaltija",
                        places=[hall],
                        modes=["in_person"],
                        partners=[county_partner()],
                        details=(
                            f"Ostopalvelu: myyjäkunnan ({seller_name}) viranhaltijat yhdessä "
                            f"hyvinvointialueen {role_word}n kanssa.",
                            f"Bought service: officials of {seller_name} together with the "
                            f"wellbeing services county's {ROLE_EN[profile.partner_role]}.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            else:
                quote = doc.say(
                    phase,
                    label,
                    f"Monialaiseen palveluun kutsutaan mukaan hyvinvointialueelta ({county_name}) "
                    f"{role_word}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{multi.replace('_', '-')}",
                        phase=multi,
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        provider=own(e_unit),
                        places=[hall],
                        partners=[county_partner()],
                        details=(
                            f"Mukaan kutsutaan hyvinvointialueen {role_word}.",
                            f"A {role_word} from the wellbeing services county is invited.",
                        ),
                        source=_source(phase, quote),
                    )
                )

        # --- integration training (KotoL 26-27 §); non-job-seekers: area-wide provision
        if mun.code == lead.code:
            quote = doc.say(
                "training",
                label,
                f"Koulutuksen toteuttajana on Ammattiopisto {lead.name_fi}; koulutus on "
                "puhepainotteista ja työelämälähtöistä lähiopetusta.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-training-job-seeker",
                    phase="training",
                    clients=["job-seeker"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=area.college),
                    modes=["in_person"] if rng.random() < 0.5 else ["in_person", "remote"],
                    details=(
                        "Puhepainotteinen, käytännönläheinen ja työelämälähtöinen lähiopetus; "
                        "kesto enintään 250 päivää.",
                        "Speech-focused, practical, work-oriented classroom teaching; at most 250 "
                        "days.",
                    ),
                    source=_source("training", quote),
                )
            )
        else:
            quote = doc.say(
                "training",
                label,
                f"Vastuukunta {lead.name_fi} järjestää kotoutumiskoulutuksen "
                "työnhakija-asiakkaille.",
            )
            pid = f"{m}-training-vastuukunta"
            provisions.append(
                self._provision(
                    id=pid,
                    phase="training",
                    clients=["job-seeker"],
                    status="available",
                    responsible=lead.id,
                    activity=area.online_training,
                    details=(
                        f"Vastuukunta {lead.name_fi} järjestää koulutuksen; asiakkaat ohjataan "
                        "todennäköisesti verkkokotokoulutukseen.",
                        f"{lead.name_fi}, as the responsible municipality, arranges the training; "
                        "clients will probably be referred to online training.",
                    ),
                    source=_source("training", quote),
                )
            )
            if rng.random() < 0.15:
                self._flag(
                    flags,
                    f"{m}-training-tentative",
                    "ambiguous",
                    pid,
                    "Ohjaus verkkokotokoulutukseen on asiakirjassa todennäköisyys, ei sovittu "
                    "järjestely.",
                    "Referral to online integration training is a likelihood in the document, not "
                    "an agreed arrangement.",
                    _source("training", quote),
                )
        if rng.random() < 0.3:
            quote = doc.say(
                "training",
                label,
                f"Tarvittaessa kansalaisopisto ({name}) järjestää kotoutumiskoulutusta "
                "lähiopetuksena ja etäopetuksena.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-training-kansalaisopisto",
                    phase="training",
                    clients=["job-seeker"],
                    status="on_need",
                    responsible=m,
                    provider=_Flow(organisation=opisto),
                    modes=["in_person", "remote"],
                    details=(
                        "Kansalaisopisto järjestää tarvittaessa kotoutumiskoulutusta lähi- ja "
                        "etäopetuksena.",
                        "When needed, the adult education centre runs integration training in "
                        "class and remotely.",
                    ),
                    source=_source("training", quote),
                )
            )

        # --- literacy and other language learning
        provisions.append(
            self._provision(
                id=f"{m}-literacy-kansalaisopisto",
                phase="literacy",
                clients=["job-seeker", "other"],
                status="available" if rng.random() < 0.5 else "on_need",
                responsible=m,
                provider=_Flow(organisation=opisto),
                details=(
                    "Luku- ja kirjoitustaidon koulutusta kansalaisopistossa.",
                    "Literacy training at the adult education centre.",
                ),
                source=_source("literacy", opisto_quote),
            )
        )
        if profile.spr:
            group_id = f"luetaan-yhdessa-{m}"
            quote = doc.say(
                "literacy",
                label,
                "SPR järjestää kerran viikossa matalan kynnyksen suomen kielen opiskeluryhmän, "
                "johon ei tarvitse ilmoittautua.",
            )
            activities.append(
                self._activity(
                    id=group_id,
                    kind="group",
                    name=_text(
                        f"Luetaan yhdessä -ryhmä ({name})", f"Let's read together group ({name})"
                    ),
                    organisers=["suomen-punainen-risti"],
                    municipalities=[m],
                    phases=["literacy"],
                    description=(
                        "SPR:n matalan kynnyksen suomen kielen opiskeluryhmä kerran viikossa.",
                        "The Red Cross's low-threshold Finnish study group, once a week.",
                    ),
                    source=_source("literacy", quote),
                )
            )
            provisions.append(
                self._provision(
                    id=f"{m}-literacy-spr",
                    phase="literacy",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation="suomen-punainen-risti", unit=f"spr-{m}"),
                    activity=group_id,
                    details=(
                        "SPR:n Luetaan yhdessä -ryhmä kerran viikossa; matala kynnys, ei "
                        "ilmoittautumista.",
                        "The Red Cross's weekly reading group; low threshold, no registration.",
                    ),
                    source=_source("literacy", quote),
                )
            )
        if buys and rng.random() < 0.5:
            assert seller is not None
            quote = doc.say(
                "literacy",
                label,
                "Tarpeen tullen luku- ja kirjoitustaidon koulutus voidaan ostaa myyjäkunnalta "
                "({seller_name}).",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-literacy-{seller.id}",
                    phase="literacy",
                    clients=["job-seeker", "other"],
                    status="on_need",
                    responsible=m,
                    purchased=True,
                    provider=_Flow(organisation=seller.id),
                    details=(
                        f"Tarpeen tullen koulutus ostetaan myyjäkunnalta ({seller_name}).",
                        f"When needed, the training is bought from {seller_name}.",
                    ),
                    source=_source("literacy", quote),
                )
            )

        # --- guidance and advice (KotoL 13 §)
        if buys:
            assert sp is not None
            quote = doc.say(
                "guidance",
                label,
                "Työnhakija-asiakkaiden kohdalla palvelu hankitaan ostopalveluna myyjäkunnalta "
                "({seller_name}).",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-guidance-job-seeker",
                    phase="guidance",
                    clients=["job-seeker"],
                    status="available",
                    responsible=m,
                    purchased=True,
                    provider=bought("e"),
                    role="tyollisyysohjaaja",
                    details=(
                        f"Ostopalvelu myyjäkunnalta ({seller_name}): työllisyysohjaaja antaa "
                        "yksilöllistä ohjausta ja tukee työnhaussa.",
                        f"Bought from {seller_name}: the employment counsellor gives individual "
                        "guidance and supports job search.",
                    ),
                    source=_source("guidance", quote),
                )
            )
            quote = doc.say(
                "guidance",
                label,
                f"Myyjäkunnan ({seller_name}) {sp.integration.fi} vastaavat kaikkien kuntaan "
                "muuttaneiden "
                "asiakkaiden alkuvaiheen kotoutumisen ohjauksesta ja neuvonnasta.",
            )
            pid = f"{m}-guidance-{slug(sp.integration.fi)}"
            provisions.append(
                self._provision(
                    id=pid,
                    phase="guidance",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    purchased=True,
                    provider=bought("i"),
                    details=(
                        f"Alkuvaiheen ohjaus ja neuvonta myyjäkunnalta ({seller_name}) "
                        f"({sp.integration.fi}).",
                        f"Early-stage guidance and advice from {seller_name} "
                        f"({sp.integration.en}).",
                    ),
                    source=_source("guidance", quote),
                )
            )
            if rng.random() < 0.3:
                self._flag(
                    flags,
                    f"{m}-guidance-purchase-unclear",
                    "ambiguous",
                    pid,
                    "Ohjauskappale mainitsee ostopalvelun vain työnhakija-asiakkaiden kohdalla; "
                    "muiden asiakkaiden ohjauksen ostamisesta asiakirja ei kerro.",
                    "The guidance paragraph mentions buying the service only for job seekers; the "
                    "document does not say whether guidance for others is bought.",
                    _source("guidance", quote),
                )
        else:
            quote = doc.say(
                "guidance",
                label,
                "Työnhakija-asiakkaiden kohdalla oma työllisyysohjaaja antaa yksilöllistä "
                "ohjausta, "
                "tukee työnhaussa ja neuvoo työttömyyteen liittyvissä viranomaisasioissa.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-guidance-job-seeker",
                    phase="guidance",
                    clients=["job-seeker"],
                    status="available",
                    responsible=m,
                    provider=own(e_unit),
                    role="tyollisyysohjaaja",
                    details=(
                        "Oma työllisyysohjaaja antaa yksilöllistä ohjausta, tukee työnhaussa ja "
                        "ohjaa palveluihin.",
                        "The client's own employment counsellor gives individual guidance, "
                        "supports job search and refers to services.",
                    ),
                    source=_source("guidance", quote),
                )
            )
            refugees = profile.quota and rng.random() < 0.6
            quote = doc.say(
                "guidance",
                label,
                (
                    f"{integ.fi.capitalize()} vastaavat kiintiöpakolaisten ja kansainvälistä "
                    "suojelua "
                    "saaneiden ohjauksesta ja neuvonnasta."
                    if refugees
                    else f"{integ.fi.capitalize()} vastaavat kaikkien kuntaan muuttaneiden "
                    "asiakkaiden alkuvaiheen ohjauksesta ja neuvonnasta."
                ),
            )
            provisions.append(
                self._provision(
                    id=f"{m}-guidance-{slug(integ.fi)}",
                    phase="guidance",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=own(i_unit),
                    places=[meeting_place] if meeting_place else [],
                    target_groups=REFUGEE_BASES if refugees else [],
                    details=(
                        f"Alkuvaiheen ohjaus ja neuvonta: {integ.fi}.",
                        f"Early-stage guidance and advice: the {integ.en}.",
                    ),
                    source=_source("guidance", quote),
                )
            )
            if refugees or (profile.kind in ("lead", "hub") and rng.random() < 0.5):
                quote = doc.say(
                    "guidance",
                    label,
                    "Opiskelun tai työn vuoksi kuntaan muuttaneita vieraskielisiä ohjataan ja "
                    "neuvotaan asettautumispalveluissa.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-guidance-asettautuminen",
                        phase="guidance",
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        provider=own(e_unit),
                        target_groups=["work", "study", "family_member"],
                        details=(
                            "Asettautumispalvelut ohjaavat opiskelun tai työn vuoksi muuttaneita.",
                            "Settling-in services guide people who moved to study or work.",
                        ),
                        source=_source("guidance", quote),
                    )
                )

        # --- other municipal services
        quote = doc.say(
            "municipal_services",
            label,
            rng.choice(
                (
                    "Kunta järjestää nuorisotyön, kulttuurin ja liikunnan palveluita "
                    "maahanmuuttajille yhdenvertaisin perustein muun väestön kanssa.",
                    "Nuorisotyön, kulttuurin, liikunnan ja kansalaisopiston palvelut ovat "
                    "yhdenvertaisesti kaikkien käytettävissä.",
                )
            ),
        )
        provisions.append(
            self._provision(
                id=f"{m}-municipal-leisure",
                phase="municipal_services",
                clients=["job-seeker", "other"],
                status="available",
                responsible=m,
                provider=_Flow(organisation=m),
                details=(
                    "Nuorisotyön, kulttuurin ja liikunnan palvelut ovat yhdenvertaisesti kaikkien "
                    "käytettävissä.",
                    "Youth work, culture and sports services are open to everyone on an equal "
                    "basis.",
                ),
                source=_source("municipal_services", quote),
            )
        )
        if mun.code in self.kaikukortti:
            quote = doc.say("municipal_services", label, "Kunta on mukana Kaikukortti-verkostossa.")
            provisions.append(
                self._provision(
                    id=f"{m}-municipal-kaikukortti",
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=m),
                    activity="kaikukortti",
                    source=_source("municipal_services", quote),
                )
            )
        elif rng.random() < 0.25:
            pass_id = f"kulttuuripassi-{m}"
            quote = doc.say(
                "municipal_services",
                label,
                "Käytössä on kulttuuripassi, jolla kaikki uudet kuntalaiset pääsevät tutustumaan "
                "kulttuuritapahtumiin.",
            )
            activities.append(
                self._activity(
                    id=pass_id,
                    kind="benefit",
                    name=_text(f"Kulttuuripassi ({name})", f"Culture pass ({name})"),
                    organisers=[m],
                    municipalities=[m],
                    phases=["municipal_services", "community"],
                    source=_source("municipal_services", quote),
                )
            )
            provisions.append(
                self._provision(
                    id=f"{m}-municipal-kulttuuripassi",
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=m),
                    activity=pass_id,
                    details=(
                        "Uudet kuntalaiset pääsevät kulttuuripassilla kulttuuritapahtumiin.",
                        "With the culture pass, new residents get to cultural events.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )
        roll = rng.random()
        if roll < 0.18:
            year = rng.randint(2024, 2027)
            quote = doc.say(
                "municipal_services",
                label,
                "Suunnitelmissa on käynnistää omia ryhmätoimintoja kotoutuja-asiakkaille vuoden "
                f"{year} aikana.",
            )
            pid = f"{m}-municipal-group-activities"
            provisions.append(
                self._provision(
                    id=pid,
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="planned",
                    planned_from=year,
                    responsible=m,
                    provider=own(i_unit),
                    details=(
                        f"{integ.fi.capitalize()} suunnittelevat omia ryhmätoimintoja "
                        "kotoutuja-asiakkaille.",
                        f"The {integ.en} plan their own group activities for clients.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )
            if year <= 2025:
                self._flag(
                    flags,
                    f"{m}-group-activities-{year}",
                    "dated_plan",
                    pid,
                    f"Asiakirjan mukaan ryhmätoiminnot käynnistyvät vuoden {year} aikana. "
                    "Ajankohta on ohitettu.",
                    f"The document says the group activities start during {year}. That date has "
                    "passed.",
                    _source("municipal_services", quote),
                )
        elif roll < 0.265:
            quote = doc.say(
                "municipal_services",
                label,
                "Kunta ei järjestä erillisiä ryhmätoimintoja kotoutuja-asiakkaille.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-municipal-group-activities",
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="not_organised",
                    responsible=m,
                    details=(
                        "Erillisiä ryhmätoimintoja kotoutujille ei järjestetä.",
                        "No separate group activities for newcomers are arranged.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )

        # --- associations and community activities
        if rng.random() < 0.55 and not profile.spr:
            silent("community", "järjestö- ja yhteisötoiminta", "associations and community")
        else:
            association = f"monikulttuurinen-yhdistys-{m}"
            club = f"kohtaamiset-{m}"
            quote = doc.say(
                "community",
                label,
                rng.choice(
                    (
                        "Monikulttuurinen yhdistys järjestää kaikille avoimia tapahtumia ja "
                        "kerran viikossa kielikahvilan.",
                        "Paikallinen yhdistys ylläpitää kohtaamispaikkaa, jossa paikalliset ja "
                        "ulkomaalaiset voivat luoda yhteyksiä.",
                    )
                ),
            )
            organisations.append(
                {
                    "id": association,
                    "kind": "association",
                    "municipality": m,
                    "name": _text(
                        f"Monikulttuurinen yhdistys ({name}) ry",
                        f"Multicultural association ({name})",
                    ),
                    "source": _source("community", quote),
                }
            )
            activities.append(
                self._activity(
                    id=club,
                    kind="group",
                    name=_text(
                        f"Kielikahvila ja kohtaamiset ({name})",
                        f"Language café and meetings ({name})",
                    ),
                    organisers=[association],
                    municipalities=[m],
                    phases=["community"],
                    description=(
                        "Kaikille avoimia tapahtumia ja viikoittainen kielikahvila.",
                        "Events open to all and a weekly language café.",
                    ),
                    source=_source("community", quote),
                )
            )
            provisions.append(
                self._provision(
                    id=f"{m}-community-yhdistys",
                    phase="community",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=association),
                    activity=club,
                    partners=[_Flow(organisation="mll")] if rng.random() < 0.2 else [],
                    source=_source("community", quote),
                )
            )
            if profile.spr:
                quote = doc.say(
                    "community",
                    label,
                    "SPR:llä on kerran viikossa avointa kahvilatoimintaa, ja se järjestää "
                    "tapahtumia yhdessä kunnan kanssa.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-community-spr",
                        phase="community",
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        provider=_Flow(organisation="suomen-punainen-risti", unit=f"spr-{m}"),
                        partners=[_Flow(organisation=m)],
                        source=_source("community", quote),
                    )
                )

        # --- employment and entrepreneurship
        employment_before = len(provisions)
        for project in area.projects:
            if mun.code not in project["codes"]:
                continue
            provisions.append(
                self._provision(
                    id=f"{m}-employment-{slug(project['fi'])}",
                    phase="employment",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=project["organiser"]),
                    activity=project["id"],
                    role="hanketyontekija" if rng.random() < 0.4 else None,
                    source=_source("employment", project["quote"]),
                )
            )
        if rng.random() < 0.35:
            planned = rng.random() < 0.4
            quote = doc.say(
                "employment",
                label,
                "Lisäksi pyritään tarjoamaan työkokeiluja kunnan omissa yksiköissä."
                if planned
                else "Kunta tarjoaa matalan kynnyksen työkokeiluja omissa yksiköissään.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-employment-tyokokeilut",
                    phase="employment",
                    clients=["job-seeker", "other"],
                    status="planned" if planned else "available",
                    responsible=m,
                    provider=_Flow(organisation=m),
                    details=(
                        "Työkokeiluja kunnan omissa yksiköissä"
                        + (" (tavoite, ei sovittu palvelu)." if planned else "."),
                        "Work trials in the municipality's own units"
                        + (" (an aim, not an agreed service)." if planned else "."),
                    ),
                    source=_source("employment", quote),
                )
            )
        if mun.code == lead.code:
            quote = doc.say(
                "employment",
                label,
                "Työllisyysalueen keskitetyt yrityspalvelut neuvovat vieraskielisiä yrittäjiä ja "
                "yrittäjiksi aikovia.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-employment-yrityspalvelut",
                    phase="employment",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=area.id, unit=f"{area.id}-yrityspalvelut"),
                    role="yritysasiantuntija",
                    details=(
                        "Yritysneuvontaa vieraskielisille yrittäjille ja yrittäjiksi aikoville.",
                        "Business advice for entrepreneurs and would-be entrepreneurs whose "
                        "language is not Finnish.",
                    ),
                    source=_source("employment", quote),
                )
            )
        if len(provisions) == employment_before:
            silent("employment", "työllistymistä tukevat palvelut", "employment services")

        header = [
            f"{name} ({mun.code}) — SYNTHETIC data (seed {self.seed}), not a real programme.",
            f"Employment area: {area.name_fi} (lead {lead.name_fi}); this municipality: "
            + {
                "lead": "the lead (training vastuukunta)",
                "hub": "a service hub of the area",
                "own": "arranges its services itself",
                "purchaser": f"buys its statutory services from {seller_name}",
            }[profile.kind]
            + ".",
            f"Wellbeing services county: {area.county.name_fi}. Format: docs/data-format.md.",
        ]
        self.organisation_count += len(organisations)
        return _dump(
            header,
            [
                ("municipality", municipality),
                ("coordinators", coordinators),
                ("organisations", organisations),
                ("places", places),
                ("activities", activities),
                ("provisions", provisions),
                ("flags", flags),
            ],
        )

    # ----------------------------------------------------------------- all files

    def generate(self) -> list[_Written]:
        self._choose_profiles()
        self.kaikukortti = {m.code for m in self.munis if self.rng.random() < 0.12}
        # area.yaml first: its paragraphs open each section of the document, and the
        # municipalities' files refer to its projects.
        area_text = self._area_file()
        written = [
            _Written(f"{m.id}.yaml", m.name_fi, self._municipality_file(self.profiles[m.code]))
            for m in self.munis
        ]
        document = self.doc.render(
            "Suomen kuntien kotoutumisohjelmia kuvaava synteettinen asiakirja",
            [
                "SYNTEETTINEN AINEISTO. Tämä asiakirja ei ole todellinen kotoutumisohjelma: "
                "kuntien nimet ja numerot ovat oikeita, kaikki muu on keksittyä "
                f"(`{self.command}`).",
                f"Asiakirja kuvaa {len(self.munis)} kunnan kotoutumisen alkuvaiheen palvelut "
                f"{len(self.areas)} työllisyysalueella ja {len(self.counties)} "
                "hyvinvointialueella.",
            ],
        )
        return [
            _Written(AREA_FILE, "area.yaml", area_text),
            *written,
            _Written(DOCUMENT_FILE, DOCUMENT_FILE, document),
        ]


# --------------------------------------------------------------------------- public API


def parse_municipality_count(value: str) -> int | None:
    """`all` → None (every municipality); `N` → N; anything else is an error."""
    text = value.strip().lower()
    if text == "all":
        return None
    if not re.fullmatch(r"\d+", text):
        raise SynthError(f"--municipalities must be 'all' or a positive number, not {value!r}")
    return int(text)


def _check_output(folder: Path, *, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise SynthError(f"{folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        if not force:
            raise SynthError(
                f"{folder} is not empty; choose an empty or new folder, or use --force to "
                "replace its data files"
            )
        strays = [p.name for p in folder.iterdir() if p.is_dir()]
        if strays:
            raise SynthError(
                f"{folder} holds sub-folders ({', '.join(sorted(strays)[:3])}); --force only "
                "replaces data files in a data folder"
            )


def synthesise(
    folder: Path,
    *,
    geojson: Path,
    municipalities: int | None = None,
    seed: int = 1,
    areas: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> SynthSummary:
    """Write a synthetic data folder; see the module docstring."""
    _check_output(folder, force=force)
    sources = read_municipalities(geojson, municipalities)
    area_count = default_area_count(len(sources)) if areas is None else areas
    count_arg = "all" if municipalities is None else str(municipalities)
    area_arg = "" if areas is None else f" --areas {areas}"
    command = f"kotokartta data synth --municipalities {count_arg} --seed {seed}{area_arg}"
    generator = _Generator(sources, seed=seed, area_count=area_count, command=command)
    files = generator.generate()
    folder.mkdir(parents=True, exist_ok=True)
    if force:
        for stale in sorted(folder.iterdir()):
            if stale.is_file() and (stale.suffix == ".yaml" or stale.name == DOCUMENT_FILE):
                stale.unlink()
    total = 0
    municipal = len(files) - 2  # all but area.yaml (first) and the document (last)
    for index, item in enumerate(files):
        data = item.text.encode("utf-8")
        (folder / item.name).write_bytes(data)
        total += len(data)
        if progress is not None and 1 <= index <= municipal:
            progress(index, municipal, item.label)
    return SynthSummary(
        folder=folder,
        files=len(files),
        bytes=total,
        municipalities=len(sources),
        areas=len(generator.areas),
        counties=len(generator.counties),
        provisions=generator.provision_count,
        organisations=generator.organisation_count,
        activities=generator.activity_count,
        flags=generator.flag_count,
        purchased=generator.purchased_count,
    )
