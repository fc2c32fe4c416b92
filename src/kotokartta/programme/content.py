"""The guide's plain-language texts (data/content/phases.yaml): phase names and explanations,
the programme in three sentences, client groups — in all the guide's languages.

Finnish is authoritative; the languages not listed under `reviewed` are unofficial translations
and the guide marks them so. Missing texts fall back to English, then Finnish.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from kotokartta.core.text import localised, text_language
from kotokartta.programme.vocabulary import PHASE_BY_ID


@dataclass(frozen=True, slots=True)
class Localised:
    """A text and the language it is actually in (which may be a fallback)."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return data if isinstance(data, dict) else {}


def content() -> dict[str, Any]:
    path = Path(settings.CONTENT_DIR) / "phases.yaml"
    try:
        return _load(path, path.stat().st_mtime)
    except OSError:
        return {}


def _pick(texts: dict[str, str] | None, lang: str) -> Localised:
    return Localised(localised(texts, lang), text_language(texts, lang) or "fi")


def phase_name(phase: str, lang: str) -> Localised:
    texts = content().get("phases", {}).get(phase, {}).get("name")
    if not texts and phase in PHASE_BY_ID:
        texts = {"fi": PHASE_BY_ID[phase].name_fi, "en": PHASE_BY_ID[phase].name_en}
    return _pick(texts, lang)


def phase_summary(phase: str, lang: str) -> Localised:
    return _pick(content().get("phases", {}).get(phase, {}).get("summary"), lang)


def intro(lang: str) -> Localised:
    return _pick(content().get("intro"), lang)


def client_summary(client: str, lang: str) -> Localised:
    return _pick(content().get("client_groups", {}).get(client, {}).get("summary"), lang)


def reviewed_languages() -> set[str]:
    return set(content().get("reviewed", ["fi"]))
