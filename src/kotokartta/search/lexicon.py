"""The search lexicon (data/content/search-lexicon.yaml): what people call each phase's service,
in the twelve interface languages ("kielikurssi", "language course", "курси мови" for
kotoutumiskoulutus). The indexer adds these words to the phase's page and to every provision of
the phase, in their own weighted field (`SearchDocument.lexicon_terms`), so that a person finds a
service by the name they know rather than by the programme's official name.

`load_lexicon()` reads and validates the file: every phase of the programme and every interface
language has at least one phrase; no phrase is empty, too long or given twice for one phase and
language; nothing else is in the file. A broken lexicon is a `LexiconError` naming the place,
never a half-built index. A missing file gives an empty lexicon (search then knows only the
official texts).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from kotokartta.programme.vocabulary import PHASE_BY_ID
from kotokartta.search.analysis import index_terms

FILE_NAME = "search-lexicon.yaml"
LANGUAGES: tuple[str, ...] = (
    *("fi", "sv", "en", "uk", "ru", "ar"),
    *("fa", "so", "sw", "rw", "vi", "th"),
)
"""The interface languages; each phase needs phrases in every one of them."""
MAX_PHRASE_CHARS = 80


class LexiconError(ValueError):
    """The lexicon file is not valid; the message says where and what."""


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[str, dict[str, tuple[str, ...]]]
    """{phase id: {language: phrases}}"""

    def for_phase(self, phase: str) -> list[tuple[str, str]]:
        """Every phrase of a phase as (text, language), in the file's order."""
        return [
            (phrase, lang)
            for lang, phrases in self.phrases.get(phase, {}).items()
            for phrase in phrases
        ]


def lexicon_path() -> Path:
    return Path(settings.CONTENT_DIR) / FILE_NAME


def parse_lexicon(data: Any, *, source: str = FILE_NAME) -> Lexicon:
    """A validated `Lexicon` from the YAML document's data, or a `LexiconError`."""
    if not isinstance(data, dict) or set(data) != {"phases"}:
        raise LexiconError(f"{source}: the file must have one key, 'phases'")
    phases = data["phases"]
    if not isinstance(phases, dict):
        raise LexiconError(f"{source}: 'phases' must map phase ids to languages")
    unknown = sorted(set(map(str, phases)) - set(PHASE_BY_ID))
    if unknown:
        raise LexiconError(
            f"{source}: unknown phase {unknown[0]!r}; the phases are: {', '.join(PHASE_BY_ID)}"
        )
    missing = [phase for phase in PHASE_BY_ID if phase not in phases]
    if missing:
        raise LexiconError(f"{source}: phase {missing[0]!r} has no entry")
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for phase in PHASE_BY_ID:
        by_lang = phases[phase]
        where = f"{source}: phases.{phase}"
        if not isinstance(by_lang, dict):
            raise LexiconError(f"{where} must map languages to lists of phrases")
        extra = sorted(set(map(str, by_lang)) - set(LANGUAGES))
        if extra:
            raise LexiconError(
                f"{where}: unknown language {extra[0]!r}; use: {', '.join(LANGUAGES)}"
            )
        result[phase] = {}
        for lang in LANGUAGES:
            phrases = by_lang.get(lang)
            if not isinstance(phrases, list) or not phrases:
                raise LexiconError(f"{where}.{lang}: give a list of at least one phrase")
            seen: set[str] = set()
            for index, phrase in enumerate(phrases):
                if not isinstance(phrase, str) or not phrase.strip():
                    raise LexiconError(f"{where}.{lang}[{index}]: a phrase must be non-empty text")
                if len(phrase) > MAX_PHRASE_CHARS:
                    raise LexiconError(
                        f"{where}.{lang}[{index}]: longer than {MAX_PHRASE_CHARS} characters"
                    )
                key = " ".join(phrase.casefold().split())
                if key in seen:
                    raise LexiconError(f"{where}.{lang}: {phrase!r} is given twice")
                seen.add(key)
            result[phase][lang] = tuple(" ".join(p.split()) for p in phrases)
    return Lexicon(result)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon file, validated; an empty lexicon when there is no file."""
    path = path or lexicon_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lexicon({})
    except OSError as error:
        raise LexiconError(f"{path.name}: cannot read it ({error})") from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise LexiconError(f"{path.name}: not valid YAML ({error})") from error
    return parse_lexicon(data, source=path.name)


@lru_cache(maxsize=4)
def _phrase_terms(path: str, mtime: float) -> dict[str, tuple[frozenset[str], ...]]:
    lexicon = load_lexicon(Path(path))
    return {
        phase: tuple(
            terms
            for text, lang in lexicon.for_phase(phase)
            if (terms := frozenset(index_terms(text, lang)))
        )
        for phase in lexicon.phrases
    }


def phrase_terms() -> dict[str, tuple[frozenset[str], ...]]:
    """Each phase's lexicon phrases, each as the set of its index terms (analysed once per
    version of the file), so that re-scoring can ask how well the query matches one phrase:
    "language course" is one phrase of training, not "language" from one phrase of orientation
    and "course" from another."""
    path = lexicon_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    return _phrase_terms(str(path), mtime)
