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

from kotokartta.devtools.synth.api import parse_municipality_count, synthesise
from kotokartta.devtools.synth.constants import (
    AREA_ID,
    DOCUMENT_FILE,
    MAX_AREA_SIZE,
    Progress,
    SynthError,
)
from kotokartta.devtools.synth.geography import (
    SourceMunicipality,
    default_area_count,
    group_areas,
    read_municipalities,
)
from kotokartta.devtools.synth.model import SynthSummary
from kotokartta.devtools.synth.words import count_noun, slug

__all__ = [
    "AREA_ID",
    "DOCUMENT_FILE",
    "MAX_AREA_SIZE",
    "Progress",
    "SourceMunicipality",
    "SynthError",
    "SynthSummary",
    "count_noun",
    "default_area_count",
    "group_areas",
    "parse_municipality_count",
    "read_municipalities",
    "slug",
    "synthesise",
]
