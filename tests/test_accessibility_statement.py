"""The accessibility statement (saavutettavuusseloste) that the Act on the Provision of Digital
Services (306/2019) requires: in Finnish, Swedish and English, linked from every page's footer,
with the conformance level, how it was tested, known gaps and where to give feedback."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from kotokartta.programme.models import Coordinator

pytestmark = pytest.mark.django_db

LANGS = [code for code, _ in settings.LANGUAGES]


def html_of(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi", ("Saavutettavuusseloste", "osittain", "WCAG 2.1", "axe-core", "Ruudunlukijalla")),
        ("sv", ("Tillgänglighetsutlåtande", "delvis", "WCAG 2.1", "axe-core", "skärmläsare")),
        ("en", ("Accessibility statement", "partially", "WCAG 2.1", "axe-core", "screen reader")),
    ],
)
def test_statement__in_finnish_swedish_and_english(lang: str, words: tuple[str, ...]) -> None:
    html = html_of(f"/{lang}/accessibility/")
    assert f'<div lang="{lang}" dir="ltr" class="statement">' in html
    for word in words:
        assert word in html
    assert "306/2019" in html and "2026" in html


def test_statement__gives_every_coordinator_and_the_supervisory_authority() -> None:
    html = html_of("/fi/accessibility/")
    for email in Coordinator.objects.values_list("email", flat=True):
        assert f'href="mailto:{email}"' in html
    assert "Etelä-Suomen aluehallintovirasto" in html
    assert "saavutettavuusvaatimukset.fi" in html


def test_statement__in_another_language_shows_english_and_says_so() -> None:
    html = html_of("/uk/accessibility/")
    assert '<div lang="en" dir="ltr" class="statement">' in html
    assert "Цю заяву написано фінською, шведською та англійською мовами." in html


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "page", ["/{lang}/", "/{lang}/path?municipality=kajaani&client=other", "/{lang}/coverage/"]
)
def test_every_page__links_the_statement_from_its_footer(lang: str, page: str) -> None:
    html = html_of(page.format(lang=lang))
    footer = html[html.index('<footer class="site">') :]
    assert f'href="/{lang}/accessibility/"' in footer
