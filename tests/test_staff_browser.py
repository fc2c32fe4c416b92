"""Staff editing in a real browser against a real server: a Kuhmo editor marks the provision of
the Kuhmo agreement paragraph (status undetermined: "selviää joulukuussa 2024") as available
with a provider and a note; a publisher signs in with a one-time code, reviews the diff and
publishes; the public Kuhmo path page shows it in Finnish and Arabic; the history names both."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp

from tests.servers import running_server, server_env
from tests.test_browser import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium missing"),
]

PASSWORD = "Kuhmo-koordinaattori-2026"
AGREEMENT = "kuhmo-assessment-other"


@pytest.fixture(scope="module")
def staff_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    var = tmp_path_factory.mktemp("staff-server")
    with running_server(var) as base:
        for username, role in (("kuhmo-editor", "editor"), ("kuhmo-publisher", "publisher")):
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "kotokartta.cli",
                    "staff",
                    "add",
                    username,
                    "--role",
                    role,
                    "--municipality",
                    "Kuhmo",
                    "--password-stdin",
                ],
                input=PASSWORD + "\n",
                text=True,
                env=server_env(var),
                check=True,
                capture_output=True,
            )
        yield base


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/staff/")
    assert "/staff/login/" in page.url
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def _code_from_uri(uri: str) -> str:
    query = urllib.parse.parse_qs(urllib.parse.urlparse(uri).query)
    secret = query["secret"][0]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    period = int(query.get("period", ["30"])[0])
    digits = int(query.get("digits", ["6"])[0])
    return f"{totp(key, step=period, digits=digits):0{digits}d}"


def _first_step(page: Any) -> Any:
    return page.locator("dd.status").first


def test_kuhmo_agreement__edited_reviewed_published_and_shown_publicly(
    browser: Any, staff_server: str
) -> None:
    base = staff_server
    public = browser.new_page()
    public.goto(f"{base}/fi/path?municipality=kuhmo&client=other")
    assert "status--undetermined" in (_first_step(public).get_attribute("class") or "")

    # The editor drafts the change.
    editor = browser.new_context(bypass_csp=True).new_page()
    _sign_in(editor, base, "kuhmo-editor")
    assert editor.url.endswith("/staff/")
    assert axe_violations(editor) == []
    editor.goto(f"{base}/staff/provisions/{AGREEMENT}/")
    assert axe_violations(editor) == []
    editor.select_option("select[name=status]", "available")
    editor.select_option("select[name=provider_organisation]", "kuhmo")
    editor.select_option("select[name=provider_unit]", "kuhmo-elinvoimapalvelut")
    editor.fill("textarea[name=note]", "Sopimus tehty: Kuhmon elinvoimapalvelut tuottaa palvelun.")
    editor.click("text=Save in the draft")
    assert editor.url.endswith("/staff/municipalities/kuhmo/")
    assert editor.locator(".message").first.is_visible()

    # The publisher signs in with a one-time code, reviews and publishes.
    publisher = browser.new_context(bypass_csp=True).new_page()
    _sign_in(publisher, base, "kuhmo-publisher")
    assert publisher.url.endswith("/staff/two-factor/enrol/")
    assert axe_violations(publisher) == []
    uri = publisher.input_value("#otpauth")
    publisher.fill("input[name=token]", _code_from_uri(uri))
    publisher.click("text=Confirm")
    assert publisher.url.endswith("/staff/")
    publisher.click("main a[href^='/staff/drafts/']")
    diff = publisher.locator("table.diff")
    # The change list is in the staff page's language (this browser asks for English).
    assert "open, not yet agreed" in diff.inner_text() and "available" in diff.inner_text()
    assert axe_violations(publisher) == []
    preview_link = publisher.locator("a[href*='preview'][href*='client=other']").first
    publisher.goto(base + preview_link.get_attribute("href"))
    assert "status--available" in (_first_step(publisher).get_attribute("class") or "")
    publisher.go_back()
    publisher.fill("textarea[name=note]", "Kuhmon sopimus palveluista on tehty.")
    publisher.fill("input[name=source]", "Yhteistyöryhmän päätös 14.3.2025")
    publisher.click("button:text-is('Publish')")
    assert re.search(r"/staff/versions/\d+/$", publisher.url)

    # The public site shows it at once, in Finnish and in Arabic, to any new visitor. (A browser
    # that already holds the page may keep it for its max-age, see core/httpcache.py.)
    public = browser.new_context().new_page()
    public.goto(f"{base}/fi/path?municipality=kuhmo&client=other")
    assert "status--available" in (_first_step(public).get_attribute("class") or "")
    assert "Kuhmon kaupunki, elinvoimapalvelut" in public.locator("dl.facts").first.inner_text()
    public.goto(f"{base}/ar/path?municipality=kuhmo&client=other")
    assert public.locator("html").get_attribute("dir") == "rtl"
    assert "status--available" in (_first_step(public).get_attribute("class") or "")
    # Proper names stay in Finnish on every non-English page (marked lang="fi"); the rest is Arabic.
    facts = public.locator("dl.facts").first
    assert "Kuhmon kaupunki, elinvoimapalvelut" in facts.inner_text()
    assert "متاح" in facts.inner_text()  # "available"

    # The history names both people.
    publisher.goto(f"{base}/staff/provisions/{AGREEMENT}/history/")
    history = publisher.locator("main").inner_text()
    assert "kuhmo-editor" in history and "kuhmo-publisher" in history
    assert "Yhteistyöryhmän päätös 14.3.2025" in history
    assert axe_violations(publisher) == []
