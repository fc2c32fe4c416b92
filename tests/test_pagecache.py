"""The page cache serves repeated public pages from memory, stays correct after a data load, and
never keeps pages computed from a person's dates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from kotokartta.core.cache import versioned_cache
from kotokartta.core.pagecache import NAMESPACE
from tests.builders import DataFolder
from tests.conftest import REAL_DATA


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    versioned_cache.clear()


@pytest.mark.django_db
def test_repeated_page__is_served_from_the_cache() -> None:
    client = Client()
    first = client.get("/fi/municipalities/kajaani/")
    assert versioned_cache.size(NAMESPACE) == 1
    second = client.get("/fi/municipalities/kajaani/")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.django_db
def test_pages_with_personal_dates__are_never_cached() -> None:
    Client().get("/fi/path?municipality=kajaani&client=other&permit=2024-05-01")
    assert versioned_cache.size(NAMESPACE) == 0


@pytest.mark.django_db
def test_errors__are_not_cached() -> None:
    Client().get("/fi/municipalities/atlantis/")
    assert versioned_cache.size(NAMESPACE) == 0


@pytest.mark.django_db
def test_a_pdf__is_left_to_the_shared_store_not_kept_per_address_in_memory(
    monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path
) -> None:
    from kotokartta.servicemap import ahead

    settings.CACHE_DIR = tmp_path  # the fake map must not reach other tests

    monkeypatch.setattr(ahead, "_build", lambda m, lang, paper: b"%PDF-map")
    client = Client()
    for query in ("", "?utm=a", "?utm=b"):
        response = client.get(f"/fi/maps/kajaani/map-a4.pdf{query}")
        assert response.content == b"%PDF-map"
    assert versioned_cache.size(NAMESPACE) == 0


@pytest.mark.django_db(transaction=True)
def test_after_a_data_load__pages_show_the_new_data(data_folder: DataFolder) -> None:
    call_command("data", "-v0", "load", str(REAL_DATA))
    client = Client()
    assert "Kajaani" in client.get("/fi/").content.decode()
    call_command("data", "-v0", "load", str(data_folder.write()))
    html = client.get("/fi/").content.decode()
    assert "Testikunta" in html and "Kajaani" not in html
    call_command("data", "-v0", "load", str(REAL_DATA))
