"""The generator's fixed numbers and names, and its error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
