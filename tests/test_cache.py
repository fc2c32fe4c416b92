"""The data-versioned cache (core/cache.py): one cache for everything computed from the loaded
data, emptied by a new load, reading the data version once per request, never keeping failures
and never rendering the same PDF twice for one data set. Its disk tier keeps rendered PDFs for
every worker: a second worker reads what the first rendered, a new data version renders anew,
and older versions' files are removed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kotokartta.core import dataversion
from kotokartta.core.cache import DataVersion, VersionedCache, data_version, versioned_cache
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
    monkeypatch.setattr(dataversion, "_provider", lambda: DataVersion("another load:checksum"))
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


def _version_reads(queries: CaptureQueriesContext) -> list[str]:
    """The queries that read the data version: the narrow read of the data set's checksum (not
    the whole data set row that pages read for its names)."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "programme_dataset"' in q["sql"] and '"checksum" AS "checksum"' in q["sql"]
    ]


@pytest.mark.django_db
def test_one_guide_page_request__reads_the_data_version_once() -> None:
    """The HTTP validators, the page cache and the path cache share one read."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/fi/municipalities/kajaani/")
    assert response.status_code == 200
    assert response["ETag"]  # the HTTP layer did read the version
    assert len(_version_reads(queries)) == 1, _version_reads(queries)


@pytest.mark.django_db
def test_a_conditional_get_that_still_matches__costs_one_query() -> None:
    client = Client()
    first = client.get("/fi/municipalities/kajaani/")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/fi/municipalities/kajaani/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert len(queries.captured_queries) == 1
    assert len(_version_reads(queries)) == 1


@pytest.mark.django_db
def test_outside_a_request__every_call_asks_the_provider_again() -> None:
    """A long command (the map warm-up) notices a new load."""
    with CaptureQueriesContext(connection) as queries:
        data_version()
        data_version()
    assert len(_version_reads(queries)) == 2


@pytest.mark.django_db
def test_the_version__is_the_current_data_sets_id_checksum_and_load_time() -> None:
    dataset = m.DataSet.objects.require_current()
    assert data_version() == DataVersion(
        token=f"{dataset.pk}:{dataset.checksum}", published_at=dataset.loaded_at
    )


@pytest.mark.django_db
def test_a_map_svg__is_rendered_once_whatever_the_query_string(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
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
def test_the_document_pdf__keeps_both_languages(
    monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path
) -> None:
    settings.CACHE_DIR = tmp_path
    from kotokartta.documents import views as document_views

    renders: list[str] = []
    monkeypatch.setattr(
        document_views, "render_pdf", lambda doc: renders.append(doc.lang) or b"%PDF-1.7"
    )
    for lang in ("fi", "en", "fi", "en"):
        document_views.cached_pdf(lang=lang)
    assert renders == ["fi", "en"]


# The disk tier (versioned_cache.shared): rendered PDFs shared by every worker.


@pytest.fixture
def store(settings: Any, tmp_path: Path) -> Path:
    settings.CACHE_DIR = tmp_path / "cache"
    return tmp_path / "cache"


class Renders:
    """A stand-in renderer that counts its renders."""

    def __init__(self, output: bytes = b"%PDF-1.7 rendered") -> None:
        self.count = 0
        self.output = output

    def __call__(self) -> bytes:
        self.count += 1
        return self.output


def another_worker() -> VersionedCache:
    """What a second worker process has: its own, empty, in-process cache."""
    return VersionedCache()


def a_newer_version() -> DataVersion:
    return DataVersion("999:newer", published_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC))


@pytest.mark.django_db
def test_a_pdf_rendered_once__is_read_from_the_store_by_a_second_worker(store: Path) -> None:
    render = Renders()
    first = versioned_cache.shared.get_or_compute("pdf", "document-fi", render)
    second = another_worker().shared.get_or_compute("pdf", "document-fi", render)
    assert first == second == b"%PDF-1.7 rendered"
    assert render.count == 1
    assert len(list(store.glob("*/pdf/document-fi"))) == 1


@pytest.mark.django_db
def test_a_new_data_version__does_not_serve_the_old_pdf(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    versioned_cache.shared.get_or_compute("pdf", "document-fi", Renders(b"%PDF old data"))
    monkeypatch.setattr(dataversion, "_provider", a_newer_version)
    assert versioned_cache.shared.get("pdf", "document-fi") is None
    new = versioned_cache.shared.get_or_compute("pdf", "document-fi", Renders(b"%PDF new data"))
    assert new == b"%PDF new data"


@pytest.mark.django_db
def test_a_new_data_version__removes_the_older_versions_files(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    versioned_cache.shared.get_or_compute("pdf", "document-fi", Renders())
    (old,) = store.iterdir()
    monkeypatch.setattr(dataversion, "_provider", a_newer_version)
    versioned_cache.shared.get_or_compute("pdf", "document-fi", Renders())
    assert not old.exists()
    assert len(list(store.iterdir())) == 1


@pytest.mark.django_db
def test_a_worker_still_on_the_older_version__leaves_the_newer_versions_files(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = dataversion._provider
    monkeypatch.setattr(dataversion, "_provider", a_newer_version)
    versioned_cache.shared.get_or_compute("pdf", "document-fi", Renders())
    (newer,) = store.iterdir()
    monkeypatch.setattr(dataversion, "_provider", current)
    versioned_cache.shared.get_or_compute("pdf", "document-fi", Renders())
    assert (newer / "pdf" / "document-fi").exists()


@pytest.mark.django_db
def test_sweeping__never_removes_what_the_cache_did_not_make(store: Path) -> None:
    (store / "notes").mkdir(parents=True)
    (store / "0123456789abcdef").mkdir()  # a folder of the older map store's layout
    versioned_cache.shared.get_or_compute("pdf", "document-fi", Renders())
    assert versioned_cache.shared.sweep() == 0
    assert (store / "notes").exists()


@pytest.mark.django_db
def test_a_render_that_raises__stores_nothing_and_is_tried_again(store: Path) -> None:
    def broken() -> bytes:
        raise RuntimeError("the PDF renderer is missing")

    with pytest.raises(RuntimeError, match="renderer is missing"):
        versioned_cache.shared.get_or_compute("pdf", "document-fi", broken)
    assert versioned_cache.shared.get("pdf", "document-fi") is None
    assert not [path for path in store.rglob("*") if path.is_file() and ".lock" not in path.name]
    render = Renders()
    assert versioned_cache.shared.get_or_compute("pdf", "document-fi", render)
    assert render.count == 1


@pytest.mark.django_db
def test_without_a_loaded_data_set__no_file_is_kept(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dataversion, "_provider", lambda: None)
    render = Renders()
    versioned_cache.shared.get_or_compute("pdf", "document-fi", render)
    versioned_cache.shared.get_or_compute("pdf", "document-fi", render)
    assert render.count == 2
    assert not store.exists() or not any(store.iterdir())


@pytest.mark.django_db
def test_a_key_that_is_not_a_file_name__is_refused(store: Path) -> None:
    with pytest.raises(ValueError, match="file name"):
        versioned_cache.shared.get_or_compute("pdf", "../escape", Renders())


@pytest.mark.django_db
def test_first_time__is_true_once_per_data_version(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert versioned_cache.shared.first_time("warming") is True
    assert another_worker().shared.first_time("warming") is False
    monkeypatch.setattr(dataversion, "_provider", a_newer_version)
    assert versioned_cache.shared.first_time("warming") is True
