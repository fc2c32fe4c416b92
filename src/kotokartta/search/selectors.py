"""Search: analyse the query (Voikko base forms, Snowball fallback, English and other scripts
too), correct words that no document has (the nearest indexed term by trigram similarity), let the
database pick and rank the documents that share a term with the query (weighted bm25 on SQLite,
ts_rank_cd on PostgreSQL: `backends`), and re-score only its best `RESCORE_LIMIT` in Python
(`analysis.score`, with bonuses for the title and the search lexicon), best first.

The re-scoring decides the order; the database's rank breaks ties. Titles and snippets are read
from the database only for the documents that make the results."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import translation

from kotokartta.core.pagecache import data_version
from kotokartta.core.text import localised, text_language
from kotokartta.programme import models as m
from kotokartta.search import backends
from kotokartta.search.analysis import query_groups, query_terms, query_words, score_groups
from kotokartta.search.lexicon import phrase_terms
from kotokartta.search.models import SearchDocument

TITLE_BONUS = 0.3
"""Times how well the title alone matches (`score`, 0–1)."""
LEXICON_BONUS = 0.3
"""Times how well the best-matching phrase of the search lexicon (what people call the phase)
alone matches."""
MAX_RESULTS = 30
RESCORE_LIMIT = 60
"""How many of the database's best documents Python re-scores. Measured on the national synthetic
set (docs/search.md): MRR@3 0.950 re-scoring 300, 0.944 re-scoring 100 or 60; search time grows
with it, and at 60 national search stays within 1.5× the ten municipalities' time."""


@dataclass(frozen=True, slots=True)
class _Entry:
    id: int
    kind: str
    ref: str
    municipality_id: str | None
    phase: str


def corrected_words(words: list[str]) -> list[str]:
    """`words` with each word that no indexed term matches (no base form, stem or compound part
    in the vocabulary) replaced by the nearest indexed term (`backends.similar_terms`), when
    there is one: "kotoutumiskolutus" reads as "kotoutumiskoulutus"."""
    terms_of = {word: query_terms(word) for word in words}
    known = backends.known_terms(term for terms in terms_of.values() for term in terms)
    result = []
    for word in words:
        if known.intersection(terms_of[word]) or word.isdigit():
            result.append(word)
            continue
        nearest = backends.similar_terms(word, limit=1)
        result.append(nearest[0] if nearest else word)
    return result


_TERMS: dict[str, Any] = {}
_TERMS_LOCK = threading.Lock()


def _parsed_terms(ids: Iterable[int]) -> dict[int, frozenset[str]]:
    """The documents' terms as sets, parsed once per loaded data set in each worker: only the
    documents a search has ranked are read and parsed (terms shared between documents are one
    string in memory)."""
    version = data_version()
    with _TERMS_LOCK:
        if _TERMS.get("version") != version:
            _TERMS.clear()
            _TERMS.update(version=version, sets={})
        sets: dict[int, frozenset[str]] = _TERMS["sets"]
        wanted = list(ids)
        missing = [doc_id for doc_id in wanted if doc_id not in sets]
    if missing:
        intern = sys.intern
        read = {
            doc_id: frozenset(map(intern, terms.split()))
            for doc_id, terms in SearchDocument.objects.filter(id__in=missing).values_list(
                "id", "terms"
            )
        }
        with _TERMS_LOCK:
            if _TERMS.get("version") == version:
                sets.update(read)
        return {**{i: sets[i] for i in wanted if i in sets}, **read}
    return {doc_id: sets[doc_id] for doc_id in wanted if doc_id in sets}


def forget_index() -> None:
    """Drop the worker's parsed terms (a new data load also replaces them by its version)."""
    with _TERMS_LOCK:
        _TERMS.clear()


class _Urls:
    """Page addresses of results, reversed once per search rather than once per document."""

    def __init__(self, lang: str) -> None:
        with translation.override(lang):
            self.phase = reverse("guide:phase", kwargs={"phase_id": "PHASE"})
            self.municipality = reverse("guide:municipality", kwargs={"slug": "SLUG"})

    def __call__(self, entry: _Entry) -> str:
        if entry.kind == "phase":
            return self.phase.replace("PHASE", entry.phase)
        url = self.municipality.replace("SLUG", entry.municipality_id or "")
        return f"{url}#{entry.phase}" if entry.phase else url


def search(
    *, query: str, municipality: m.Municipality | None = None, lang: str = "fi"
) -> list[dict[str, Any]]:
    """Results `{phase, municipality, title, url, …}`, best first, one per page address."""
    words = query_words(query)
    if not words:
        return []
    words = corrected_words(words)
    url_of = _Urls(lang)
    scored: dict[str, tuple[float, int, _Entry]] = {}
    terms = backends.candidate_terms(words)
    groups = query_groups(words)
    strong = list(dict.fromkeys(term for group in groups for term in group.strong))
    rows = backends.ranked(
        terms=terms,
        strong=strong,
        municipality_id=municipality.id if municipality is not None else None,
        limit=RESCORE_LIMIT,
    )
    own = municipality.id if municipality is not None else None
    phrases = phrase_terms()
    query_set = frozenset(terms)
    by_phase: dict[str, tuple[frozenset[str], float]] = {}
    """Per phase: the query's terms among the lexicon's words, and how well the best phrase
    matches (the same for every document of the phase)."""
    parsed = _parsed_terms([row.id for row in rows])
    for position, row in enumerate(rows):
        document = parsed.get(row.id, frozenset())
        found = {term for term in query_set if term in document}
        lexicon_score = 0.0
        if row.phase in phrases:
            if row.phase not in by_phase:
                touched = [
                    phrase for phrase in phrases[row.phase] if not query_set.isdisjoint(phrase)
                ]
                in_lexicon = frozenset[str]().union(*(query_set & phrase for phrase in touched))
                best = max((score_groups(groups, phrase) for phrase in touched), default=0.0)
                by_phase[row.phase] = (in_lexicon, best)
            in_lexicon_terms, lexicon_score = by_phase[row.phase]
            found |= in_lexicon_terms
        value = score_groups(groups, found)
        if value <= 0:
            continue
        value += TITLE_BONUS * score_groups(groups, query_set.intersection(row.title_terms.split()))
        value += LEXICON_BONUS * lexicon_score
        if row.municipality_id == own:
            value += 0.01  # first among equals: the phase's own page, or the chosen municipality's
        entry = _Entry(row.id, row.kind, row.ref, row.municipality_id, row.phase)
        url = url_of(entry)
        if url not in scored or scored[url][0] < value:
            scored[url] = (value, position, entry)
    ranked = sorted(scored.items(), key=lambda item: (-item[1][0], item[1][1]))[:MAX_RESULTS]
    texts = {
        doc_id: (title, snippet)
        for doc_id, title, snippet in SearchDocument.objects.filter(
            id__in=[entry.id for _, (_, _, entry) in ranked]
        ).values_list("id", "title", "snippet")
    }
    wanted = {entry.municipality_id for _, (_, _, entry) in ranked if entry.municipality_id}
    names = dict(m.Municipality.objects.filter(id__in=wanted).values_list("id", "name"))
    results = []
    for url, (value, _, entry) in ranked:
        title, snippet = texts.get(entry.id, ({}, {}))
        content_lang = lang if lang in title else ("en" if "en" in title else "fi")
        results.append(
            {
                "phase": entry.phase or None,
                "municipality": entry.municipality_id,
                "municipality_name": localised(names.get(entry.municipality_id or ""), lang),
                "title": localised(title, content_lang),
                "url": url,
                "kind": entry.kind,
                "score": round(value, 3),
                "lang": text_language(title, content_lang) or "fi",
                "snippet": localised(snippet, content_lang),
            }
        )
    return results
