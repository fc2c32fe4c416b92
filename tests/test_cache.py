"""The data-versioned cache (core/cache.py): one cache for everything computed from the loaded
data, emptied by a new load, reading the data version once per request, never keeping failures
and never rendering the same PDF twice for one data set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kotokartta.core import dataversion
from kotokartta.core.cache import data_version, versioned_cache
from kotokartta.programme import models as m


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    versioned_cache.clear()
    yield
    versioned_cache.clear()


@pytest.mark.django_db
def test_a_value__is_computed_once_per_data_version() -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return 42

    assert versioned_cache.get_or_compute("test", "answer", compute) == 42
    assert versioned_cache.get_or_compute("test", "answer", compute) == 42
    assert len(calls) == 1


@pytest.mark.django_db
def test_a_new_data_version__empties_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    versioned_cache.get_or_compute("test", "answer", lambda: "old")
    monkeypatch.setattr(dataversion, "_provider", lambda: ("another load", "checksum"))
    assert versioned_cache.get_or_compute("test", "answer", lambda: "new") == "new"


@pytest.mark.django_db
def test_a_failure__is_not_cached() -> None:
    def fail() -> str:
        raise RuntimeError("the renderer is missing")

    with pytest.raises(RuntimeError, match="renderer is missing"):
        versioned_cache.get_or_compute("test", "broken", fail)
    assert versioned_cache.get_or_compute("test", "broken", lambda: "works now") == "works now"


def test_without_a_loaded_data_set__nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataversion, "_provider", lambda: None)
    assert data_version() is None
    versioned_cache.get_or_compute("test", "answer", lambda: 1)
    assert versioned_cache.size("test") == 0


@pytest.mark.django_db
def test_one_request__reads_the_data_version_once() -> None:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/fi/municipalities/kajaani/")
    assert response.status_code == 200
    # core.cache's own version query (id and checksum only; the HTTP validators read theirs)
    version_queries = [
        q["sql"]
        for q in queries.captured_queries
        if '"programme_dataset"."checksum" AS "checksum" FROM "programme_dataset"' in q["sql"]
    ]
    assert len(version_queries) == 1, version_queries


@pytest.mark.django_db
def test_the_version__is_the_current_data_sets_id_and_checksum() -> None:
    dataset = m.DataSet.objects.require_current()
    assert data_version() == (dataset.pk, dataset.checksum)


@pytest.mark.django_db
def test_a_map_svg__is_rendered_once_whatever_the_query_string(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """(Map PDFs are kept by the map store, servicemap/ahead.py.)"""
    from kotokartta.servicemap import render as maprender

    renders: list[str] = []

    def render_svg(content: object) -> str:
        renders.append("svg")
        return "<svg/>"

    monkeypatch.setattr(maprender, "render_svg", render_svg)
    client = Client()
    for query in ("", "?x=1", "?x=2", "?utm=whatever"):
        response = client.get(f"/fi/maps/kajaani/map.svg{query}")
        assert response.status_code == 200, response.status_code
    assert renders == ["svg"]


@pytest.mark.django_db
def test_the_document_pdf__keeps_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    from kotokartta.documents import views as document_views

    renders: list[str] = []
    monkeypatch.setattr(
        document_views, "render_pdf", lambda doc: renders.append(doc.lang) or b"%PDF-1.7"
    )
    for lang in ("fi", "en", "fi", "en"):
        document_views.cached_pdf(lang=lang)
    assert renders == ["fi", "en"]
