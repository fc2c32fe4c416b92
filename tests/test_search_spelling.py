"""Misspelt words: a query word that no indexed term matches is read as the nearest indexed term
(trigram similarity, through pg_trgm on PostgreSQL or an FTS5 trigram table on SQLite), with the
same answer on both; a scan finds the same where neither index exists."""

from __future__ import annotations

import pytest
from django.db import connection

from kotokartta.search import backends
from kotokartta.search.selectors import corrected_words, search

pytestmark = pytest.mark.django_db


def test_similarity__counts_trigrams_as_pg_trgm_does() -> None:
    assert backends.similarity("kurssi", "kurssi") == 1.0
    assert backends.similarity("abc", "xyz") == 0.0
    assert backends.trigrams("ab") == {"  a", " ab", "ab "}
    assert 0.3 < backends.similarity("kotoutumiskolutus", "kotoutumiskoulutus") < 1


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("kotoutumiskolutus", "kotoutumiskoulutus"),
        ("kulttuuripasi", "kulttuuripassi"),
        ("yhteiskuntaorientatio", "yhteiskuntaorientaatio"),
        ("lesons", "lessons"),
    ],
)
def test_a_misspelt_word__reads_as_the_nearest_indexed_term(typed: str, meant: str) -> None:
    assert corrected_words([typed]) == [meant]


def test_known_words_and_short_words__are_left_as_they_are() -> None:
    assert corrected_words(["kielikurssille", "xq", "2025"]) == ["kielikurssille", "xq", "2025"]


def test_a_misspelt_query__finds_what_the_right_spelling_finds() -> None:
    assert search(query="kotoutumiskolutus")[0]["url"] == "/fi/phases/training/"
    assert search(query="kulttuuripasi")[0]["url"] == search(query="kulttuuripassi")[0]["url"]


def test_nonsense__still_finds_nothing() -> None:
    assert search(query="qwxzqwxz") == []


def test_the_database_trigram_index__is_used_and_a_scan_agrees(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert backends.trigram_search_available(), f"no trigram index on {connection.vendor}"
    indexed = backends.similar_terms("kotoutumiskolutus", limit=3)
    backends.forget_availability()
    monkeypatch.setattr(backends, "_detect", lambda db, what: what == "text")
    try:
        assert backends.similar_terms("kotoutumiskolutus", limit=3) == indexed
    finally:
        backends.forget_availability()


def test_status__names_the_ranking_and_spelling_indexes() -> None:
    expected = {
        "sqlite": {"ranking": "bm25", "spelling": "fts5-trigram"},
        "postgresql": {"ranking": "ts_rank_cd", "spelling": "pg_trgm"},
    }
    assert backends.status() == expected[connection.vendor]
