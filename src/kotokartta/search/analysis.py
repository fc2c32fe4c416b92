"""Text analysis for Finnish-aware search: tokens, base forms, compound parts, stems.

Finnish is analysed with Voikko (base forms, and compound parts from WORDBASES, so
"kielikurssille" gives "kielikurssi", "kieli" and "kurssi"); Snowball stems are the
fallback for words Voikko does not know, and for everything when Voikko is missing.
English is lowercased and Snowball-stemmed. Swedish, and words in Cyrillic (Russian, Ukrainian)
and Arabic script (Arabic, Persian), get their Snowball stems too, so that "курсы"/"курси" and
"språkkurser"/"språkkurs" meet. Thai, written without spaces between words, is matched by parts:
each Thai run also gives its character trigrams as weak terms, so a query that is part of a longer
run finds it. Other languages are only lowercased.

The same analysis runs on both sides: `index_terms` for a document, `query_terms` /
`score` for what a person typed. A query is analysed as Finnish *and* English, because
people type either. If Voikko's availability changes (a machine with or without it),
documents must be re-indexed: the terms differ.

Voikko instances are not thread-safe, so each thread gets its own (about 60 ms to
create), and all are terminated at exit. Stemmers are likewise per thread.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import re
import threading
import time
import unicodedata
import weakref
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import Stemmer

try:
    import libvoikko
except Exception:  # pragma: no cover - depends on the machine
    libvoikko = None

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 200
"""Longer queries are cut (at a word boundary) to this many characters."""

MAX_TOKEN_CHARS = 60
"""Longer tokens are noise (or an attack) and are dropped, not analysed."""

CACHE_SIZE = 20_000

STOPWORDS = frozenset(
    # Finnish function words (and the base forms Voikko gives them).
    "ja tai sekä eli tahi mutta vaan sillä koska kun jos että kuin niin myös vain "
    "on ovat oli olivat olla ole ei eivät en et emme ette "
    "se sen sitä siitä siihen ne niiden niitä tämä tämän tätä nämä "
    "joka jonka jota jotka joiden mikä mitä "
    # English function words.
    "a an the and or but nor of for to in on at by with from into onto about as "
    "is are was were be been being am it its this that these those there "
    "i you he she we they me him her us them my your our their".split()
)

_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "tahi", "and", "or"})
"""Words that can follow a suspended compound part: "luku- ja kirjoitustaito"."""

_HYPHENS = frozenset("-\u2010\u2011")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
"""Soft hyphen and zero-width characters: removed, so they do not split words."""

_WORDBASE_PIECE = re.compile(r"\+([^+()]*)(?:\(([^()]*)\))?")
"""One piece of Voikko's WORDBASES, e.g. '+kotoutumis(kotoutua)', '+us(+us)', '+yhteis'."""


# --- Voikko, one instance per thread ------------------------------------------------

_local = threading.local()
_instances: weakref.WeakSet[Any] = weakref.WeakSet()
_instances_lock = threading.Lock()
VOIKKO_RETRY_SECONDS = 60.0
"""After Voikko could not be created, wait this long before trying again: not on every word,
but not for the life of the process either (a dictionary installed later is picked up)."""


@dataclass(slots=True)
class VoikkoStatus:
    """Whether Finnish morphology works in this process, and if not, why (for /healthz)."""

    available: bool
    error: str = ""


_voikko_failure: tuple[float, str] | None = None
"""When (time.monotonic()) and why Voikko could not be created last; None after a success."""


def _create_voikko() -> Any | None:
    """A new Finnish Voikko instance, or None when the library or dictionary is missing; the
    reason is kept for `voikko_status()`."""
    global _voikko_failure
    if libvoikko is None:
        reason = "libvoikko is not installed"
    else:
        try:
            instance = libvoikko.Voikko("fi")
        except Exception as error:  # OSError (no libvoikko.so), VoikkoException (no dictionary)
            reason = f"Voikko is unavailable: {error}"
        else:
            if _voikko_failure is not None:
                _voikko_failure = None
                clear_caches()  # analyses made without Voikko are forgotten
            return instance
    log.warning("%s: Finnish search uses Snowball stems only", reason)
    _voikko_failure = (time.monotonic(), reason)
    return None


def _get_voikko() -> Any | None:
    """This thread's Voikko instance, created on first use; None when unavailable (tried again
    after `VOIKKO_RETRY_SECONDS`)."""
    instance = getattr(_local, "voikko", None)
    if instance is not None:
        return instance
    failure = _voikko_failure
    if failure is not None and time.monotonic() - failure[0] < VOIKKO_RETRY_SECONDS:
        return None
    instance = _create_voikko()
    if instance is None:
        return None
    _local.voikko = instance
    with _instances_lock:
        _instances.add(instance)
    return instance


def _terminate_all() -> None:
    with _instances_lock:
        instances = list(_instances)
    for instance in instances:
        with contextlib.suppress(Exception):  # exit must not fail
            instance.terminate()


atexit.register(_terminate_all)


def voikko_status() -> VoikkoStatus:
    """Whether Finnish morphology (Voikko) works in this process, and the last error if not."""
    if _get_voikko() is not None:
        return VoikkoStatus(available=True)
    failure = _voikko_failure
    return VoikkoStatus(available=False, error=failure[1] if failure else "")


def voikko_available() -> bool:
    """Whether Finnish morphology (Voikko) works in this process; for a health check."""
    return _get_voikko() is not None


# --- Snowball, one stemmer per thread -----------------------------------------------


def _stem(word: str, algorithm: str) -> str:
    stemmers: dict[str, Any] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    stemmer = stemmers.get(algorithm)
    if stemmer is None:
        stemmer = stemmers[algorithm] = Stemmer.Stemmer(algorithm)
    result: str = stemmer.stemWord(word)
    return result


# --- Voikko analyses ----------------------------------------------------------------


@lru_cache(maxsize=CACHE_SIZE)
def _analyses(word: str) -> tuple[tuple[str, str], ...]:
    """Voikko's (BASEFORM, WORDBASES) pairs for a lowercase word; () if unknown/unavailable."""
    voikko = _get_voikko()
    if voikko is None:
        return ()
    try:
        raw = voikko.analyze(word)
    except Exception as error:  # a broken instance must not break search
        log.warning("Voikko failed on %r: %s", word, error)
        return ()
    result: dict[tuple[str, str], None] = {}
    for analysis in raw:
        base = analysis.get("BASEFORM") or ""
        if base:
            result[(base, analysis.get("WORDBASES") or "")] = None
    return tuple(result)


def _preferred(word: str) -> list[tuple[str, list[_Unit]]]:
    """Voikko's analyses with the fewest compound parts, as (base form, parts).

    Voikko also offers unlikely splits ('hakemaan' as 'hake' + 'maa' besides 'hakea');
    preferring the fewest parts is the usual Finnish heuristic and drops them.
    """
    analyses = [(base, _units(wordbases)) for base, wordbases in _analyses(word)]
    if not analyses:
        return []
    fewest = min(max(len(units), 1) for _, units in analyses)
    return [(base, units) for base, units in analyses if max(len(units), 1) == fewest]


@dataclass
class _Unit:
    """One compound part, with derivational suffixes glued on ('kirjoit' + 'us')."""

    surface: str
    base: str | None
    sources: list[str] = field(default_factory=list)
    """Base forms the derivation came from ('kirjoittaa' for 'kirjoitus')."""

    @property
    def lemma(self) -> str:
        return self.base if self.base is not None else self.surface


def _units(wordbases: str) -> list[_Unit]:
    """The compound parts in WORDBASES, e.g. '+kirjoit(kirjoittaa)+us(+us)+taito(taito)'
    gives kirjoitus (from kirjoittaa) and taito."""
    pieces = [(m.group(1), m.group(2)) for m in _WORDBASE_PIECE.finditer(wordbases)]
    units: list[_Unit] = []
    for index, (surface, base) in enumerate(pieces):
        if not surface or surface in _HYPHENS:
            continue
        derivational = base is not None and base.startswith("+")
        # A piece without a base glues onto the previous part when a derivational suffix
        # follows ('toimi' + 'n' + 'ta' = 'toiminta'); otherwise it is a part ('yhteis').
        glue = base is None and index + 1 < len(pieces) and (pieces[index + 1][1] or "")[:1] == "+"
        if units and (derivational or glue):
            unit = units[-1]
            if unit.base is not None:
                unit.sources.append(unit.base)
                unit.base = None
            unit.surface += surface
        elif not derivational:
            units.append(_Unit(surface, base.replace("=", "") if base else None))
    return units


def _compound_terms(units: list[_Unit]) -> Iterator[str]:
    """Parts (surface and base form), derivation sources, and shorter compounds inside a
    long one ('lukutaito' in 'lukutaitovaihe', 'yhteiskunta' in 'yhteiskuntaorientaatio')."""
    for unit in units:
        yield unit.lemma
        yield unit.surface
        yield from unit.sources
    count = len(units)
    for start in range(count):
        for end in range(start + 1, count):
            if end - start + 1 < count:
                yield "".join(u.surface for u in units[start:end]) + units[end].lemma


def _tails(word: str) -> list[str]:
    """What follows the first part of a compound: 'taito' for 'kirjoitustaidon'."""
    tails: dict[str, None] = {}
    for _, units in _preferred(word):
        if len(units) >= 2:
            rest = units[1:]
            tails["".join(u.surface for u in rest[:-1]) + rest[-1].lemma] = None
    return list(tails)


# --- Tokens -------------------------------------------------------------------------


def _clean(term: str) -> str:
    return "".join(ch for ch in term.lower() if ch.isalnum())


def _chunks(text: str) -> list[str]:
    """Lowercase runs of letters, digits and hyphens; everything else separates."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).lower()
    chars = [
        ch if ch.isalnum() or ch in _HYPHENS or unicodedata.category(ch)[0] == "M" else " "
        for ch in text
    ]
    return "".join("-" if ch in _HYPHENS else ch for ch in chars).split()


def _keep(token: str) -> bool:
    return (
        0 < len(token) <= MAX_TOKEN_CHARS
        and (len(token) > 1 or token.isdigit())
        and token not in STOPWORDS
    )


@dataclass
class _Token:
    text: str
    elided: list[str] = field(default_factory=list)
    """Compounds a suspended part stands for: 'luku-' in 'luku- ja kirjoitustaito'
    stands for 'lukutaito'."""


def _tokens(text: str, lang: str) -> list[_Token]:
    tokens: list[_Token] = []
    suspended: list[_Token] = []
    for chunk in _chunks(text):
        parts = [part for part in chunk.split("-") if part]
        if not parts:
            continue
        if suspended and chunk in _CONJUNCTIONS:
            continue
        if suspended and len(parts) == 1 and not chunk.endswith("-") and lang == "fi":
            for tail in _tails(parts[0]):
                for token in suspended:
                    token.elided.append(token.text + tail)
        if not (chunk.endswith("-") and not chunk.startswith("-")):
            suspended = []
        new = [_Token(part) for part in parts if _keep(part)]
        tokens.extend(new)
        if chunk.endswith("-") and new and new[-1].text == parts[-1]:
            suspended.append(new[-1])
    return tokens


# --- Terms per word -----------------------------------------------------------------


@dataclass(frozen=True)
class _Terms:
    strong: tuple[str, ...]
    """The word itself, its base forms or stems: a match means this word."""
    weak: tuple[str, ...]
    """Compound parts and sources: a match means something related."""


def _ordered(terms: Iterable[str], exclude: Iterable[str] = ()) -> tuple[str, ...]:
    excluded = set(exclude)
    result: dict[str, None] = {}
    for term in terms:
        cleaned = _clean(term)
        if cleaned and cleaned not in STOPWORDS and cleaned not in excluded:
            result[cleaned] = None
    return tuple(result)


@lru_cache(maxsize=CACHE_SIZE)
def _finnish_terms(word: str) -> _Terms:
    analyses = _preferred(word)
    strong = [word]
    weak: list[str] = []
    if not analyses:
        strong.append(_stem(word, "finnish"))
    for base, units in analyses:
        strong.append(base)
        if len(units) > 1 or (units and units[0].sources):
            weak.extend(_compound_terms(units))
    strong_terms = _ordered(strong)
    return _Terms(strong_terms, _ordered(weak, exclude=strong_terms))


@lru_cache(maxsize=CACHE_SIZE)
def _english_terms(word: str) -> _Terms:
    return _Terms(_ordered([word, _stem(word, "english")]), ())


def _script(word: str) -> str:
    """'latin', 'cyrillic', 'arabic', 'thai' or 'other', by the word's first letter."""
    for ch in word:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            for script in ("LATIN", "CYRILLIC", "ARABIC", "THAI"):
                if name.startswith(script):
                    return script.lower()
            return "other"
    return "other"


_SCRIPT_STEMMERS: dict[str, tuple[str, ...]] = {
    "cyrillic": ("russian",),
    "arabic": ("arabic", "persian"),
}
"""Snowball stemmers for words in a script, whatever the text's language: Ukrainian has no
Snowball stemmer, and Russian's strips most of the same endings (курси/курсы → курс)."""

THAI_GRAM = 3


def _grams(word: str) -> tuple[str, ...]:
    """A Thai run's character trigrams ('คอร์สภาษา' → 'คอร', 'อร์', …); () when shorter."""
    if len(word) <= THAI_GRAM:
        return ()
    return tuple(dict.fromkeys(word[i : i + THAI_GRAM] for i in range(len(word) - THAI_GRAM + 1)))


@lru_cache(maxsize=CACHE_SIZE)
def _script_terms(word: str, swedish: bool) -> _Terms:
    """The terms every language other than Finnish and English gives a word: the word, the
    stems of its script's stemmers (and the Swedish stem of a Latin word when `swedish`), and a
    Thai run's trigrams as weak terms."""
    script = _script(word)
    algorithms = _SCRIPT_STEMMERS.get(script, ())
    if swedish and script == "latin":
        algorithms = ("swedish",)
    strong = _ordered([word, *(_stem(word, algorithm) for algorithm in algorithms)])
    weak = _ordered(_grams(_clean(word)), exclude=strong) if script == "thai" else ()
    return _Terms(strong, weak)


def _language(lang: str) -> str:
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]


def _token_terms(token: _Token, lang: str) -> _Terms:
    if lang == "fi":
        terms = _finnish_terms(token.text)
        if not token.elided:
            return terms
        strong, weak = list(terms.strong), list(terms.weak)
        for compound in token.elided:
            elided = _finnish_terms(compound)
            strong.extend(elided.strong)
            weak.extend(elided.weak)
        strong_terms = _ordered(strong)
        return _Terms(strong_terms, _ordered(weak, exclude=strong_terms))
    if lang == "en":
        return _english_terms(token.text)
    return _script_terms(token.text, lang == "sv")


def index_terms(text: str, lang: str) -> list[str]:
    """The terms to index for a document `text` written in `lang` ("fi", "en", …).

    Finnish: tokens, Voikko base forms, compound parts (base form and surface) and
    Snowball stems for words Voikko does not know. English: tokens and Snowball stems.
    Other languages: tokens, with stems for Swedish, Cyrillic and Arabic script and trigrams
    for Thai. Stopwords dropped; first-seen order; no duplicates.
    """
    lang = _language(lang)
    result: dict[str, None] = {}
    for token in _tokens(text or "", lang):
        terms = _token_terms(token, lang)
        result.update(dict.fromkeys(terms.strong))
        result.update(dict.fromkeys(terms.weak))
    return list(result)


# --- Queries ------------------------------------------------------------------------


def _cap(query: str) -> str:
    """At most MAX_QUERY_CHARS characters, without a cut-off word at the end."""
    if len(query) <= MAX_QUERY_CHARS:
        return query
    cut = query[:MAX_QUERY_CHARS]
    if query[MAX_QUERY_CHARS].isalnum():
        cut = re.sub(r"\w+$", "", cut)
    return cut


@dataclass(frozen=True)
class _QueryWord:
    word: str
    strong: frozenset[str]
    weak: frozenset[str]
    ordered: tuple[str, ...]


@lru_cache(maxsize=1024)
def _query_groups(query: str) -> tuple[_QueryWord, ...]:
    """One group of terms per query word: the Finnish, English and script analyses together
    (a query's language is not known)."""
    query = _cap(query or "")
    groups: list[_QueryWord] = []
    seen: set[str] = set()
    for token in _tokens(query, "fi"):
        if token.text in seen:  # a repeated word does not count twice
            continue
        seen.add(token.text)
        fi = _token_terms(token, "fi")
        en = _english_terms(token.text)
        other = _script_terms(token.text, True)
        strong = _ordered([*fi.strong, *en.strong, *other.strong])
        weak = _ordered([*fi.weak, *en.weak, *other.weak], exclude=strong)
        groups.append(_QueryWord(token.text, frozenset(strong), frozenset(weak), strong + weak))
    return tuple(groups)


def query_words(query: str) -> list[str]:
    """The words of a query (lowercase, stopwords dropped, length-capped), for `score`."""
    return [group.word for group in _query_groups(query)]


def query_terms(query: str) -> list[str]:
    """All terms of a query, analysed as Finnish and as English; match against
    `index_terms`. Queries over MAX_QUERY_CHARS are cut; an empty query gives []."""
    result: dict[str, None] = {}
    for group in _query_groups(query):
        result.update(dict.fromkeys(group.ordered))
    return list(result)


STRONG_MATCH = 1.0
WEAK_MATCH = 0.5


def score(query: list[str], document: AbstractSet[str]) -> float:
    """How well a document (its `index_terms`, a set or frozenset) matches, in [0, 1].

    `query` is the query's words (`query_words(q)`, `q.split()` or `[q]` all work: each
    item is analysed like a query; do not pass `query_terms`, it has lost the grouping).
    A word matches if any of its terms is in the document: fully (1) by itself, a base
    form or stem; up to half (0.5, scaled by the share of its compound parts found) only
    by compound parts. The score is the mean over words, halved; documents matching every
    word get 0.5 on top, so they always rank above documents matching only some.
    0: no match.
    """
    return score_groups(query_groups(query), document)


def query_groups(query: list[str]) -> tuple[_QueryWord, ...]:
    """The analysed words of `query` (as `score` takes it), for scoring many documents with
    `score_groups` without analysing the query again for each."""
    return tuple(group for item in query for group in _query_groups(item))


def score_groups(groups: tuple[_QueryWord, ...], document: AbstractSet[str]) -> float:
    """`score` for a query analysed once with `query_groups`."""
    if not groups:
        return 0.0
    credits = []
    for group in groups:
        if not group.strong.isdisjoint(document):
            credits.append(STRONG_MATCH)
        elif not group.weak.isdisjoint(document):
            credits.append(WEAK_MATCH * len(group.weak & document) / len(group.weak))
        else:
            credits.append(0.0)
    matched = sum(credits) / len(credits)
    if matched == 0:
        return 0.0
    return matched / 2 + (0.5 if all(credits) else 0.0)


def clear_caches() -> None:
    """Forget cached analyses (after Voikko's availability changed, e.g. in tests)."""
    _analyses.cache_clear()
    _finnish_terms.cache_clear()
    _english_terms.cache_clear()
    _script_terms.cache_clear()
    _query_groups.cache_clear()
