from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.builders import DataFolder

# Playwright's sync API leaves an event loop running in the main thread; Django's database tests
# that run after the browser tests would otherwise refuse to touch the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REAL_DATA = Path(settings.DATA_DIR)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the interface translations when a .po file is newer than its .mo."""
    stale = [
        po
        for locale_dir in settings.LOCALE_PATHS
        for po in Path(locale_dir).glob("*/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        call_command("compilemessages", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def rendered_files_in_a_session_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Rendered PDFs (the disk tier of core/cache.py) are kept in a folder of this test session,
    never in the project's var/ folder, and never carried over from an earlier run."""
    settings.CACHE_DIR = tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def language_reset_after_each_test() -> Iterator[None]:
    """A request through the test client leaves its page's language active in the thread (the
    locale middleware activates it); the next test starts from the default language again, so
    that no test depends on which page the one before it asked for."""
    yield
    translation.deactivate()


@pytest.fixture
def data_folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "data")


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[None]:
    """The test database starts with the real Kainuu-Koillismaa data loaded, once."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        call_command("data", "load", str(REAL_DATA), verbosity=0)
    yield


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """pytest-playwright launches Debian's Chromium (no browser is downloaded)."""
    import shutil

    return {
        "executable_path": shutil.which("chromium") or "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The site's CSP forbids every script; the tests inject axe-core, so the browser may bypass it.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server (gunicorn via `kotokartta serve`, 2 workers) with the data loaded."""
    from tests.servers import running_server

    with running_server(tmp_path_factory.mktemp("server")) as base:
        yield base
