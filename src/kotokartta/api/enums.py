"""The value lists the schema names as enums (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]),
one name for each list wherever a field uses it."""

from __future__ import annotations

from kotokartta.api.errors import ERROR_CODES as _ERROR_CODES
from kotokartta.coverage.selectors import DISPLAY_CLASSES, GAP_KINDS
from kotokartta.programme.vocabulary import (
    CONTENT_LANGUAGES,
    PHASES,
    SECTIONS,
    ActivityKind,
    ClientGroup,
    FlagKind,
    Mode,
    OrganisationKind,
    ResidenceBasis,
    Status,
)

LANGUAGES: list[str] = list(CONTENT_LANGUAGES)
DOCUMENT_LANGUAGES: list[str] = ["fi", "en"]
PHASE_IDS: list[str] = [p.id for p in PHASES]
CLIENTS: list[str] = [c.value for c in ClientGroup]
STATUSES: list[str] = [s.value for s in Status]
FLAG_KINDS: list[str] = [k.value for k in FlagKind]
ORGANISATION_KINDS: list[str] = [k.value for k in OrganisationKind]
ACTIVITY_KINDS: list[str] = [k.value for k in ActivityKind]
MODES: list[str] = [x.value for x in Mode]
RESIDENCE_BASES: list[str] = [b.value for b in ResidenceBasis]
SECTION_IDS: list[str] = list(SECTIONS)
STATUS_CLASSES: list[str] = list(DISPLAY_CLASSES)
GAP_KIND_IDS: list[str] = list(GAP_KINDS)
FEATURE: list[str] = ["Feature"]
FEATURE_COLLECTION: list[str] = ["FeatureCollection"]


def _errors() -> list[str]:
    return list(_ERROR_CODES)


ERROR_CODES = _errors
