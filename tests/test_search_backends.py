"""Search on each database: the database's own text search picks and ranks the candidates (FTS5
bm25 on SQLite, ts_rank_cd over a weighted tsvector on PostgreSQL), Python re-scores the best of
them, and the best answers are the same everywhere.

The suite runs on SQLite (`scripts/test`) and on PostgreSQL (`scripts/test --postgres`); these
tests hold on both. The expected answers were written from a run on SQLite and checked on
PostgreSQL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kotokartta.programme.models import Municipality
from kotokartta.search import backends
from kotokartta.search.models import SearchDocument
from kotokartta.search.selectors import forget_index, search

pytestmark = pytest.mark.django_db

EXPECTED_FIRST = {
    "kielikurssille": "/fi/phases/training/",
    "suomen kieltä": "/fi/phases/training/",
    "lukutaito": "/fi/phases/literacy/",
    "yhteiskuntaorientaatio": "/fi/phases/orientation/",
    "kulttuuripassi": "/fi/municipalities/suomussalmi/#municipal_services",
    "työnhaku": "/fi/municipalities/kajaani/#employment",
    "integration training": "/fi/phases/training/",
    "language course": "/fi/phases/training/",
}

MORE_QUERIES = ["luku- ja kirjoitustaito", "Kajana", "ohjaus", "sää", 'o\'neil "x" AND NEAR(']

TEXT_SEARCH_SQL = {"sqlite": "MATCH", "postgresql": "@@"}


@pytest.fixture
def scanning(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Search as on a database without text search: every document is scored."""
    backends.forget_availability()
    monkeypatch.setattr(backends, "_detect", lambda db, what: False)
    yield
    backends.forget_availability()


def _scanned(query: str, **kwargs: Any) -> list[dict[str, Any]]:
    backends.forget_availability()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(backends, "_detect", lambda db, what: False)
            return search(query=query, **kwargs)
    finally:
        backends.forget_availability()


@pytest.mark.parametrize("query", list(EXPECTED_FIRST))
def test_search__best_answer__is_the_same_on_every_database(query: str) -> None:
    assert search(query=query)[0]["url"] == EXPECTED_FIRST[query]


def _scores(results: list[dict[str, Any]]) -> dict[str, float]:
    return {result["url"]: result["score"] for result in results}


@pytest.mark.parametrize("query", [*EXPECTED_FIRST, *MORE_QUERIES])
def test_search__with_the_database_index__agrees_with_scanning_every_document(
    query: str,
) -> None:
    """The index narrows and orders; Python's scores stay the same: the best score is the one
    scanning every document finds, and no page scores more than it does there (re-scoring only
    the database's best few may leave out a page's better document)."""
    assert backends.text_search_available(), f"no text-search index on {connection.vendor}"
    kajaani = Municipality.objects.get(id="kajaani")
    options: list[dict[str, Any]] = [{}, {"lang": "en"}, {"municipality": kajaani}]
    for kwargs in options:
        indexed = _scores(search(query=query, **kwargs))
        scanned = _scores(_scanned(query, **kwargs))
        assert max(indexed.values(), default=0) == max(scanned.values(), default=0)
        assert all(value <= scanned.get(url, value) for url, value in indexed.items())


def test_search__candidates_are_picked_and_ranked_by_the_databases_own_text_search() -> None:
    if connection.vendor not in TEXT_SEARCH_SQL:
        pytest.skip(f"no text search on {connection.vendor}")
    with CaptureQueriesContext(connection) as queries:
        results = search(query="kielikurssille")
    assert results
    candidate_sql = [
        q["sql"]
        for q in queries
        if TEXT_SEARCH_SQL[connection.vendor] in q["sql"] and "count(*)" not in q["sql"]
    ]
    # The query's words themselves first; with their compound parts too if those are too few.
    assert 1 <= len(candidate_sql) <= 2
    assert all("bm25" in sql or "ts_rank_cd" in sql for sql in candidate_sql)
    if connection.vendor == "postgresql":
        assert "to_tsquery" in candidate_sql[0] and backends.TSVECTOR_COLUMN in candidate_sql[0]
    else:
        assert backends.FTS5_TABLE in candidate_sql[0]


def _alnum_terms() -> dict[int, set[str]]:
    """Each document's terms that a query can yield (`analysis` cleans query terms to letters
    and digits), by document id."""
    return {
        doc_id: {term for term in terms.split() if term.isalnum()}
        for doc_id, terms in SearchDocument.objects.values_list("id", "terms")
    }


def _database_index() -> dict[int, set[str]]:
    """What the database's own text-search index holds for each document."""
    table = connection.ops.quote_name(backends.FTS5_TABLE)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT id, tsvector_to_array({backends.TSVECTOR_COLUMN}) "
                f"FROM {SearchDocument._meta.db_table}"
            )
            return {doc_id: set(words) for doc_id, words in cursor.fetchall()}
        cursor.execute(f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {table}, instance)")
        try:
            cursor.execute("SELECT doc, term FROM temp.vocab")
            index: dict[int, set[str]] = {}
            for doc_id, word in cursor.fetchall():
                index.setdefault(doc_id, set()).add(word)
            return index
        finally:
            cursor.execute("DROP TABLE temp.vocab")


def test_database_index__holds_every_word_of_every_document_as_itself() -> None:
    """So the candidates are a superset of what `score` ranks, for any query: a query term
    (letters and digits) is tokenised as itself, like the same word among a document's terms."""
    if connection.vendor not in TEXT_SEARCH_SQL:
        pytest.skip(f"no text search on {connection.vendor}")
    expected = _alnum_terms()
    index = _database_index()
    assert sum(map(len, expected.values())) > 5000
    missing = {
        doc_id: terms - index.get(doc_id, set())
        for doc_id, terms in expected.items()
        if not terms <= index.get(doc_id, set())
    }
    assert not missing


def test_tsquery__of_every_indexed_word_is_that_word() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's to_tsquery")
    words = sorted(set().union(*_alnum_terms().values()))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsquery(%s::regconfig, q)::text FROM unnest(%s::text[]) "
            "WITH ORDINALITY AS t(q, n) ORDER BY n",
            [backends.TS_CONFIG, [backends.tsquery_text([word]) for word in words]],
        )
        parsed = [row[0] for row in cursor.fetchall()]
    assert [q for q, word in zip(parsed, words, strict=True) if q != f"'{word}'"] == []


@pytest.mark.parametrize(
    "nasty",
    [
        '"',
        "'",
        "\\",
        "''",
        '""',
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "kieli*",
        "kieli:*",
        "(",
        ")",
        "&",
        "|",
        "!",
        "<->",
        "^",
        ":",
        "-",
        "a'b\"c\\d",
        "'); DROP TABLE search_searchdocument; --",
    ],
)
def test_candidates__quotes_and_operators_in_terms_are_only_text(nasty: str) -> None:
    everything = SearchDocument.objects.all()
    found = set(backends.candidates(everything, [nasty, "lukutaito"]).values_list("id", flat=True))
    with_lukutaito = {d.id for d in everything if "lukutaito" in d.terms.split()}
    assert with_lukutaito and with_lukutaito <= found
    assert SearchDocument.objects.count() == len(everything)


def test_query_texts__quote_every_term() -> None:
    assert backends.fts5_query(["kieli", 'a"b']) == '"kieli" OR "a""b"'
    assert backends.tsquery_text(["kieli", "o'neil", "a\\b"]) == "'kieli' | 'o\\'neil' | 'a\\\\b'"


def test_index__follows_the_documents() -> None:
    """SQLite's FTS5 table is refilled by the indexer (`sync_index`); PostgreSQL's tsvector is
    a generated column. Either way a changed document is found by its new terms."""
    document = SearchDocument.objects.filter(kind="phase").order_by("id").first()
    assert document is not None
    document.terms += " zyxwvutsanaa"
    document.save()
    backends.sync_index()
    forget_index()  # a data load does this; the test edits a document in place
    found = backends.candidates(SearchDocument.objects.all(), ["zyxwvutsanaa"])
    assert list(found.values_list("id", flat=True)) == [document.id]
    assert search(query="zyxwvutsanaa")[0]["url"] == "/fi/phases/" + document.phase + "/"


def test_without_a_text_search_index__search_scans_and_says_so_once(
    scanning: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=backends.__name__):
        first = search(query="lukutaito")
        second = search(query="kulttuuripassi")
    assert first[0]["url"] == EXPECTED_FIRST["lukutaito"]
    assert second[0]["url"] == EXPECTED_FIRST["kulttuuripassi"]
    warnings = [r for r in caplog.records if "scans every document" in r.getMessage()]
    assert len(warnings) == 1
