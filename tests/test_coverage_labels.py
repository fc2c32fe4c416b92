"""The coverage view's own sentences (why a row is on the gap list, a seller not named) come from
the coverage app's gettext catalogue in every interface language, and follow the page's language;
the programme data's notes beside them stay in the data's language, marked so."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from kotokartta.core.text import in_language
from kotokartta.coverage.labels import NO_CONTACT, PLANNED_PAST
from kotokartta.coverage.selectors import gap_list
from kotokartta.programme.labels import phase_name
from tests.catalogues import finnish_literals, pgettext_calls, untranslated

COVERAGE_DIR = Path(settings.BASE_DIR) / "coverage"
LABELS = COVERAGE_DIR / "labels.py"
TODAY = dt.date(2026, 11, 28)
NOT_ENGLISH = sorted(code for code, _ in settings.LANGUAGES if code != "en")


def test_the_sentence_scan__finds_the_gap_sentences() -> None:
    found = pgettext_calls(LABELS)
    assert ("coverage gap", "seller not named") in found
    assert len(found) == 4


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="gettext missing")
@pytest.mark.parametrize("lang", NOT_ENGLISH)
def test_every_gap_sentence__is_translated_into_every_interface_language(lang: str) -> None:
    po = COVERAGE_DIR / "locale" / lang / "LC_MESSAGES" / "django.po"
    assert po.exists(), lang
    assert untranslated(LABELS, po, contexts={"coverage gap"}) == []


def test_the_finnish_gap_sentences__are_the_original_ones() -> None:
    assert (
        in_language(PLANNED_PAST, "fi", year=2025, today="2026-11-28")
        == "Suunniteltu alkavaksi vuonna 2025; vuosi on ohi (2026-11-28)."
    )
    assert in_language(NO_CONTACT, "fi") == "Asiakirja ei nimeä palvelun tuottajaa eikä paikkaa."


def test_no_finnish_text__is_left_in_the_coverage_code() -> None:
    for module in ("selectors.py", "formats.py", "views.py", "labels.py"):
        assert finnish_literals(COVERAGE_DIR / module) == [], module
        assert "_TEXTS" not in (COVERAGE_DIR / module).read_text(encoding="utf-8"), module


@pytest.mark.django_db
def test_gap_list__in_swedish_gives_swedish_notes_and_phase_names_beside_finnish_details() -> None:
    gaps = gap_list(today=TODAY, lang="sv", data_lang="fi")
    (late,) = [
        g
        for g in gaps
        if g.kind == "planned_past" and g.provision == "sotkamo-training-kansalaisopisto"
    ]
    assert late.note == "Planerad att börja år 2025; det året har redan gått (2026-11-28)."
    assert "kansalaisopisto" in late.details  # the data's own Finnish note
    assert late.text == f"{late.note} {late.details}"
    assert late.phase_name == phase_name("training", "sv") != phase_name("training", "fi")


@pytest.mark.django_db
def test_coverage_page__in_arabic_gives_the_gap_note_in_arabic_and_the_data_in_finnish() -> None:
    html = Client().get("/ar/coverage/").content.decode()
    arabic_note = in_language(NO_CONTACT, "ar")
    texts = re.findall(r'<p class="gap-text">(.*?)</p>', html, re.S)
    noted = [t for t in texts if t.startswith(arabic_note)]
    assert noted, "no gap row with the Arabic no-contact note"
    assert all(
        '<span lang="fi" dir="ltr">' in t for t in noted if t != arabic_note
    )  # details, when there are any, are marked Finnish
    assert in_language(NO_CONTACT, "fi") not in html
