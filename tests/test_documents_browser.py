"""The programme document in a real browser (Debian's Chromium through Playwright): the guide
page and the standalone HTML pass axe-core (WCAG 2.1 A/AA), and the PDF link downloads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kotokartta.documents.views import PDF_FILENAME
from tests.conftest import REAL_DATA
from tests.servers import server_env

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium missing"),
]

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def violations(page: Any) -> list[tuple[str, list[Any]]]:
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("lang", ["fi", "en", "ar"])
def test_document_page__no_wcag_violations(page: Any, server: str, lang: str) -> None:
    page.goto(f"{server}/{lang}/document/")
    assert violations(page) == []


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The standalone page as `kotokartta document` writes it (in a subprocess: Playwright's
    event loop leaves no room for the test database in this process)."""
    var = tmp_path_factory.mktemp("standalone")
    env = server_env(var)
    cli = [sys.executable, "-m", "kotokartta.cli"]
    subprocess.run([*cli, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*cli, "data", "-v0", "load", str(REAL_DATA)], env=env, check=True)
    target = var / "document.html"
    subprocess.run([*cli, "document", "-o", str(target)], env=env, check=True, capture_output=True)
    return target.read_text(encoding="utf-8")


def test_standalone_html__no_wcag_violations(page: Any, standalone: str) -> None:
    page.set_content(standalone)
    assert violations(page) == []


def test_pdf_link__downloads_the_named_file(page: Any, server: str) -> None:
    page.goto(f"{server}/fi/document/")
    with page.expect_download(timeout=60_000) as download:
        page.click("a[href='/fi/document/pdf']")
    assert download.value.suggested_filename == PDF_FILENAME
