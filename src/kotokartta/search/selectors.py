"""Search: analyse the query (Voikko base forms, Snowball fallback, English too), let the
database's own text search pick the documents that share a term with it (FTS5 on SQLite, a
tsvector on PostgreSQL: `backends`), and rank those with `analysis.score`, best first. The
ranking is plain Python, so the results are the same on every database.

Each worker keeps the documents' parsed terms in memory, once per loaded data set; titles and
snippets are read from the database only for the documents that make the results."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from kotokartta.core.pagecache import data_version
from kotokartta.core.text import localised, text_language
from kotokartta.programme import models as m
from kotokartta.search import backends
from kotokartta.search.analysis import query_words, score
from kotokartta.search.models import SearchDocument

TITLE_BONUS = 0.25
MAX_RESULTS = 30


@dataclass(frozen=True, slots=True)
class _Entry:
    id: int
    kind: str
    ref: str
    municipality_id: str | None
    phase: str
    title: dict[str, str]
    snippet: dict[str, str]
    title_terms: frozenset[str]
    terms: frozenset[str]


_INDEX: dict[str, Any] = {}
_INDEX_LOCK = threading.Lock()


def _index() -> dict[int, _Entry]:
    """Every document's analysed terms, parsed once per loaded data set in each worker."""
    version = data_version()
    with _INDEX_LOCK:
        if _INDEX.get("version") == version:
            entries: dict[int, _Entry] = _INDEX["entries"]
            return entries
    rows = SearchDocument.objects.values_list(
        "id", "kind", "ref", "municipality_id", "phase", "title_terms", "terms"
    )
    entries = {
        doc_id: _Entry(
            id=doc_id,
            kind=kind,
            ref=ref,
            municipality_id=municipality_id,
            phase=phase,
            title={},
            snippet={},
            title_terms=frozenset(title_terms.split()),
            terms=frozenset(terms.split()),
        )
        for doc_id, kind, ref, municipality_id, phase, title_terms, terms in rows
    }
    with _INDEX_LOCK:
        _INDEX.update(version=version, entries=entries)
    return entries


def forget_index() -> None:
    """Drop the worker's parsed terms (a new data load also replaces them by its version)."""
    with _INDEX_LOCK:
        _INDEX.clear()


def _candidates(words: list[str], municipality: m.Municipality | None) -> list[_Entry]:
    """The documents that share a term with the query, found by the database's own text search
    (`backends`), in index order (so that equal scores resolve the same way everywhere)."""
    documents = SearchDocument.objects.order_by("id")
    if municipality is not None:
        documents = documents.filter(
            Q(municipality__isnull=True) | Q(municipality_id=municipality.id)
        )
    ids = backends.candidates(documents, backends.candidate_terms(words)).values_list(
        "id", flat=True
    )
    index = _index()
    return [index[doc_id] for doc_id in ids if doc_id in index]


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
    url_of = _Urls(lang)
    scored: dict[str, tuple[float, _Entry]] = {}
    for entry in _candidates(words, municipality):
        value = score(words, entry.terms)
        if value <= 0:
            continue
        if score(words, entry.title_terms) > 0:
            value += TITLE_BONUS
        if entry.kind == "phase":
            value += 0.01  # the phase's own page first among equals
        url = url_of(entry)
        if url not in scored or scored[url][0] < value:
            scored[url] = (value, entry)
    ranked = sorted(scored.items(), key=lambda item: (-item[1][0], item[0]))[:MAX_RESULTS]
    texts = {
        doc_id: (title, snippet)
        for doc_id, title, snippet in SearchDocument.objects.filter(
            id__in=[entry.id for _, (_, entry) in ranked]
        ).values_list("id", "title", "snippet")
    }
    wanted = {entry.municipality_id for _, (_, entry) in ranked if entry.municipality_id}
    names = dict(m.Municipality.objects.filter(id__in=wanted).values_list("id", "name"))
    results = []
    for url, (value, bare) in ranked:
        title, snippet = texts.get(bare.id, ({}, {}))
        entry = replace(bare, title=title, snippet=snippet)
        content_lang = lang if lang in entry.title else ("en" if "en" in entry.title else "fi")
        results.append(
            {
                "phase": entry.phase or None,
                "municipality": entry.municipality_id,
                "municipality_name": localised(names.get(entry.municipality_id or ""), lang),
                "title": localised(entry.title, content_lang),
                "url": url,
                "kind": entry.kind,
                "score": round(value, 3),
                "lang": text_language(entry.title, content_lang) or "fi",
                "snippet": localised(entry.snippet, content_lang),
            }
        )
    return results
