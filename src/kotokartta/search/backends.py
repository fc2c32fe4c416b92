"""Candidate documents from each database's own text search.

The analysis (`analysis.py`: Voikko base forms, Snowball fallback) is the same on every
database, and so is the ranking (`analysis.score`, in Python). The database only narrows the
index down to the documents that share at least one term with the query, using its own full-text
index over the analysed terms:

- PostgreSQL: the column `search_vector`, a `tsvector` of the terms with the 'simple'
  configuration (the terms are base forms already: no stemming, no stopwords), generated from
  `terms` by the database itself and indexed with GIN; candidates are
  `search_vector @@ to_tsquery('simple', 'term1' | 'term2' …)`.
- SQLite: the FTS5 table `search_searchdocument_fts` (rowid = document id, tokenizer unicode61
  without diacritics removal: "sää" is not "saa"), refreshed by `sync_index()` after every index
  rebuild; candidates are `… MATCH '"term1" OR "term2" …'`.

Both migrations are in `migrations/0002_text_search.py`, made only on their own database. Any
other database, or one where the migration could not make the index (an SQLite without FTS5),
scans every document instead, and says so once in the log.

A document scores above zero exactly when it contains one of the query's terms (see `score`),
so these candidates are a superset of what is ranked, and the results are the same with or
without the database's index: on SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from kotokartta.search.analysis import query_terms
from kotokartta.search.models import SearchDocument

log = logging.getLogger(__name__)

FTS5_TABLE = "search_searchdocument_fts"
"""SQLite: the FTS5 table; rowid is the SearchDocument id, its one column `terms`."""
TSVECTOR_COLUMN = "search_vector"
"""PostgreSQL: the generated tsvector column of search_searchdocument."""
TS_CONFIG = "simple"

_available: dict[tuple[str, str, str], bool] = {}
_warned: set[tuple[str, str, str]] = set()
_lock = threading.Lock()


def candidate_terms(words: Iterable[str]) -> list[str]:
    """Every term that can make `score(words, document)` positive: each word's own analysis
    (strong and weak terms), exactly as `score` analyses it; first-seen order, no duplicates."""
    terms: dict[str, None] = {}
    for word in words:
        terms.update(dict.fromkeys(query_terms(word)))
    return [term for term in terms if term]


def fts5_query(terms: Iterable[str]) -> str:
    """An FTS5 MATCH expression: each term an FTS5 string ("" doubles a quote), joined by OR.
    Inside a string nothing is an operator: AND, NEAR, *, ^, : and parentheses are text."""
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def tsquery_text(terms: Iterable[str]) -> str:
    """The text for `to_tsquery('simple', …)`: each term a quoted lexeme (backslash and quote
    escaped), joined by |. Inside quotes &, |, !, <->, :* and parentheses are text."""
    return " | ".join("'" + term.replace("\\", "\\\\").replace("'", "\\'") + "'" for term in terms)


def _key(db: BaseDatabaseWrapper) -> tuple[str, str, str]:
    return (db.alias, db.vendor, str(db.settings_dict.get("NAME")))


def _detect(db: BaseDatabaseWrapper) -> bool:
    table = SearchDocument._meta.db_table
    with db.cursor() as cursor:
        if db.vendor == "sqlite":
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS5_TABLE]
            )
            return cursor.fetchone() is not None
        if db.vendor == "postgresql":
            cursor.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = %s AND column_name = %s AND udt_name = 'tsvector'",
                [table, TSVECTOR_COLUMN],
            )
            return cursor.fetchone() is not None
    return False


def text_search_available(db: BaseDatabaseWrapper | None = None) -> bool:
    """Whether this database has its text-search index for the search documents (looked up once
    per database); logs once when it has not, because search then scans every document."""
    db = db or connection
    key = _key(db)
    with _lock:
        known = _available.get(key)
    if known is None:
        known = _detect(db)
        with _lock:
            _available[key] = known
    if not known:
        with _lock:
            first = key not in _warned
            _warned.add(key)
        if not first:
            return False
        missing = {"sqlite": "no FTS5 table", "postgresql": "no tsvector column"}
        log.warning(
            "Search scans every document: the %s database has no text-search index (%s)",
            db.vendor,
            missing.get(db.vendor, "not supported"),
        )
    return known


def forget_availability() -> None:
    """Look the index up again next time (after a migration, e.g. in tests)."""
    with _lock:
        _available.clear()
        _warned.clear()


def candidates(documents: QuerySet[SearchDocument], terms: list[str]) -> QuerySet[SearchDocument]:
    """`documents` narrowed to those containing at least one of `terms`, by the database's own
    text search; all of `documents` when it has none."""
    if not terms:
        return documents.none()
    db = connections[documents.db]
    if not text_search_available(db):
        return documents
    quote = db.ops.quote_name
    table = SearchDocument._meta.db_table
    if db.vendor == "sqlite":
        ids = RawSQL(
            f"SELECT rowid FROM {quote(FTS5_TABLE)} WHERE {quote(FTS5_TABLE)} MATCH %s",
            (fts5_query(terms),),
        )
        return documents.filter(id__in=ids)
    matches = RawSQL(
        f"{quote(table)}.{quote(TSVECTOR_COLUMN)} @@ to_tsquery(%s::regconfig, %s)",
        (TS_CONFIG, tsquery_text(terms)),
        output_field=BooleanField(),
    )
    return documents.filter(matches)


def sync_index(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Bring the database's text-search index in step with the search documents. The indexer
    calls it after every rebuild. SQLite's FTS5 table is refilled; PostgreSQL's generated
    column needs nothing."""
    db = connections[using]
    if db.vendor != "sqlite" or not text_search_available(db):
        return
    quote = db.ops.quote_name
    with db.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quote(FTS5_TABLE)}")
        cursor.execute(
            f"INSERT INTO {quote(FTS5_TABLE)} (rowid, terms) "
            f"SELECT id, terms FROM {quote(SearchDocument._meta.db_table)}"
        )
