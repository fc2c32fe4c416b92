"""Service map PDFs rendered ahead: stored once per data version in core's shared disk tier,
answered from it, never rendered twice at once, and all of them rendered by the warm-up."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from django.test import Client

from kotokartta.core.cache import versioned_cache
from kotokartta.programme.models import Municipality
from kotokartta.servicemap import ahead
from kotokartta.servicemap.selectors import PAPERS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def map_store(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    settings.CACHE_DIR = tmp_path / "cache"  # type: ignore[attr-defined]
    settings.MAPS_AHEAD = False  # type: ignore[attr-defined]
    return tmp_path / "cache"


def kajaani() -> Municipality:
    found = Municipality.objects.find("kajaani")
    assert found is not None
    return found


def test_map_pdf__renders_once_then_answers_from_the_store() -> None:
    builds: list[tuple[str, str, str]] = []

    def build(municipality: Municipality, lang: str, paper: str) -> bytes:
        builds.append((municipality.id, lang, paper))
        return b"%PDF-fake"

    for _ in range(3):
        assert ahead.map_pdf(municipality=kajaani(), second_lang="ar", paper="a4", build=build)
    assert builds == [("kajaani", "ar", "a4")]


def test_map_pdf__two_requests_at_once_render_the_map_once() -> None:
    builds = []

    def slow_build(municipality: Municipality, lang: str, paper: str) -> bytes:
        builds.append(1)
        time.sleep(0.3)
        return b"%PDF-fake"

    target = kajaani()
    results: list[bytes] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(
                ahead.map_pdf(municipality=target, second_lang="uk", paper="a3", build=slow_build)
            )
        )
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert results == [b"%PDF-fake"] * 3


def test_warm__renders_every_map_of_the_version_and_then_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ahead, "_build", lambda m, lang, paper: f"{m.id}{lang}{paper}".encode())
    monkeypatch.setattr(ahead, "_build_area", lambda lang: b"%PDF-area")
    rendered, present = ahead.warm()
    languages = len(ahead.second_languages())
    expected = (Municipality.objects.count() * len(PAPERS) + 1) * languages
    assert (rendered, present) == (expected, 0)
    assert ahead.warm() == (0, expected)


def test_warm__removes_the_maps_of_older_versions(
    monkeypatch: pytest.MonkeyPatch, map_store: Path
) -> None:
    monkeypatch.setattr(ahead, "_build", lambda m, lang, paper: b"%PDF-fake")
    monkeypatch.setattr(ahead, "_build_area", lambda lang: b"%PDF-area")
    old = map_store / "0000000000000001-0123456789abcdef" / "pdf"
    old.mkdir(parents=True)
    (old / "map-kajaani-en-a4").write_bytes(b"old")
    ahead.warm()
    assert not old.exists()


def test_web_pdf__comes_from_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "_build", lambda m, lang, paper: b"%PDF-from-the-store")
    response = Client().get("/fi/maps/kajaani/map-a3.pdf?second=sv")
    assert response.status_code == 200
    assert response.content == b"%PDF-from-the-store"
    assert versioned_cache.shared.get("pdf", "map-kajaani-sv-a3") == b"%PDF-from-the-store"


def test_web_area_pdf__comes_from_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "_build_area", lambda lang: f"%PDF-area-{lang}".encode())
    response = Client().get("/fi/maps/area.pdf?second=ar")
    assert response.content == b"%PDF-area-ar"
    assert Client().get("/fi/maps/area.pdf?second=ar").content == b"%PDF-area-ar"


def test_start_warming__is_off_unless_asked_for() -> None:
    assert ahead.start_warming() is False


def test_start_warming__starts_one_warm_up_per_data_version(
    settings: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    started: list[list[str]] = []
    monkeypatch.setattr(subprocess, "Popen", lambda args, **kwargs: started.append(args))
    settings.MAPS_AHEAD = True  # type: ignore[attr-defined]
    assert ahead.start_warming() is True
    assert ahead.start_warming() is False
    assert len(started) == 1 and started[0][-2:] == ["map", "--warm"]


def test_warm__leaves_a_map_someone_else_is_rendering_to_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A web request renders Kajaani's Arabic A4 map while the warm-up passes by."""
    monkeypatch.setattr(ahead, "_build", lambda m, lang, paper: b"%PDF-fake")
    monkeypatch.setattr(ahead, "_build_area", lambda lang: b"%PDF-area")
    in_render, release = threading.Event(), threading.Event()

    def slow_build(municipality: Municipality, lang: str, paper: str) -> bytes:
        in_render.set()
        release.wait(5)
        return b"%PDF-by-the-request"

    target = kajaani()
    request = threading.Thread(
        target=ahead.map_pdf,
        kwargs={"municipality": target, "second_lang": "ar", "paper": "a4", "build": slow_build},
    )
    request.start()
    try:
        assert in_render.wait(5)
        rendered, present = ahead.warm()
    finally:
        release.set()
        request.join()
    languages = len(ahead.second_languages())
    every_file = (Municipality.objects.count() * len(PAPERS) + 1) * languages
    assert (rendered, present) == (every_file - 1, 0)
    assert versioned_cache.shared.get("pdf", "map-kajaani-ar-a4") == b"%PDF-by-the-request"


def test_map_warm_command__reports_what_it_rendered(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management import call_command

    monkeypatch.setattr(ahead, "_build", lambda m, lang, paper: b"%PDF-fake")
    monkeypatch.setattr(ahead, "_build_area", lambda lang: b"%PDF-area")
    call_command("map", "--warm")
    assert "Maps ahead: 252 rendered, 0 already there" in capsys.readouterr().out
