"""The document's and the data diff's words come from the gettext catalogues: every message has
a Finnish translation (the diff's also a Swedish one) in the documents app's own catalogue, and
the vocabulary the open data shares (language names, residence-basis groups, flag kinds) lives in
the programme app's labels."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise

from kotokartta.documents import diff_labels, labels
from kotokartta.documents.diff import render_diff_text
from kotokartta.documents.labels import phase_lead, phase_short_name
from kotokartta.programme.labels import (
    LANGUAGE_NAME,
    RESIDENCE_BASIS_GROUP,
    basis_name,
    flag_kind_name,
    language_name,
)
from kotokartta.programme.validation import check_folder

DOCUMENTS_LOCALE = Path(settings.BASE_DIR) / "documents" / "locale"
PROGRAMME_LOCALE = Path(settings.BASE_DIR) / "programme" / "locale"
DOCUMENT_CATALOGUES = sorted(DOCUMENTS_LOCALE.glob("*/LC_MESSAGES/django.po"))
PROGRAMME_CATALOGUES = sorted(PROGRAMME_LOCALE.glob("*/LC_MESSAGES/django.po"))
INTERFACE_LANGUAGES_BUT_ENGLISH = {code for code, _ in settings.LANGUAGES} - {"en"}

DOCUMENT_MESSAGES: dict[str, Promise] = {
    **{f"section title {k}": v for k, v in labels.SECTION_TITLES.items()},
    **{f"label {k}": v for k, v in labels.LABELS.items()},
    **{f"source section {k}": v for k, v in labels.SOURCE_SECTIONS.items()},
    "and": labels.AND,
    "or": labels.OR,
    "Swedish name": labels.SWEDISH_NAME,
}
DIFF_MESSAGES: dict[str, Promise] = {
    **{f"text {k}": v for k, v in diff_labels.TEXTS.items()},
    **{f"field {k}": v for k, v in diff_labels.FIELD_LABELS.items()},
}
# Swedish words that are spelt as in English.
SAME_IN_SWEDISH = {"field status", "field organisation", "field text", "field period"}


def read(message: Promise, lang: str) -> str:
    with translation.override(lang):
        return str(message)


def contexts(po: Path) -> set[str]:
    return set(re.findall(r'^msgctxt "([^"]*)"', po.read_text("utf-8"), re.MULTILINE))


@pytest.mark.parametrize("key", sorted(DOCUMENT_MESSAGES))
def test_every_document_message__has_its_own_finnish(key: str) -> None:
    english = read(DOCUMENT_MESSAGES[key], "en")
    assert read(DOCUMENT_MESSAGES[key], "fi") not in {"", english}


@pytest.mark.parametrize("phase", sorted(labels.PHASE_LEAD))
def test_every_phase_lead__has_finnish_singular_and_plural(phase: str) -> None:
    singular = phase_lead(phase, "fi", plural=False)
    plural = phase_lead(phase, "fi", plural=True)
    english = phase_lead(phase, "en", plural=False)
    assert english == phase_lead(phase, "en", plural=True)
    assert len({singular, plural, english}) == 3


@pytest.mark.parametrize("key", sorted(DIFF_MESSAGES))
def test_every_diff_message__has_its_own_finnish_and_swedish(key: str) -> None:
    english, finnish = read(DIFF_MESSAGES[key], "en"), read(DIFF_MESSAGES[key], "fi")
    swedish = read(DIFF_MESSAGES[key], "sv")
    assert finnish not in {"", english}
    # A message missing in Swedish falls back to Finnish (settings.LANGUAGE_CODE).
    assert swedish not in {"", finnish}
    assert swedish != english or key in SAME_IN_SWEDISH


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_diff_count__agrees_with_the_number(lang: str) -> None:
    one, many = diff_labels.count_text(1, lang), diff_labels.count_text(14, lang)
    assert one.startswith("1 ") and many.startswith("14 ")
    assert one[2:] != many[3:]


def test_the_diff__reads_in_swedish_for_staff() -> None:
    programme, problems = check_folder(settings.DATA_DIR)
    assert programme is not None, problems
    text = render_diff_text(
        [], old=programme, new=programme, old_label="a", new_label="b", lang="sv"
    )
    assert text == "Ändringar: a → b\nInga ändringar.\n"


def test_language_names__in_finnish_swedish_and_english() -> None:
    assert language_name("uk", "fi") == "ukraina"
    assert language_name("uk", "sv") == "ukrainska"
    assert language_name("uk", "en") == "Ukrainian"
    assert language_name("xx", "fi") == "xx"


def catalogue(po: Path, context: str) -> dict[str, str]:
    """msgid → msgstr of the one-line messages with this context."""
    pattern = rf'^msgctxt "{re.escape(context)}"\nmsgid "([^"]*)"\nmsgstr "([^"]*)"$'
    return dict(re.findall(pattern, po.read_text("utf-8"), re.MULTILINE))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_language_name__is_in_the_programme_catalogue(lang: str) -> None:
    """Swedish writes some names as Finnish does ("thai"), so the catalogue itself is read."""
    names = catalogue(PROGRAMME_LOCALE / lang / "LC_MESSAGES" / "django.po", "language name")
    for code, message in LANGUAGE_NAME.items():
        english = read(message, "en")
        assert names.get(english, "") not in {"", english}, code
        assert language_name(code, lang) == names[english]


def test_residence_basis_groups__read_in_finnish_and_english() -> None:
    assert basis_name("quota_refugee", "fi") == "kiintiöpakolaiset"
    assert basis_name("quota_refugee", "en") == "quota refugees"
    assert basis_name("family_member", "sv").startswith("familjemedlemmar")


def test_short_phase_names__read_in_finnish_and_swedish() -> None:
    assert phase_short_name("plan", "fi") == "kotoutumissuunnitelma"
    assert phase_short_name("plan", "sv") == "integrationsplan"
    assert phase_short_name("plan", "en") == "integration plan"


def test_flag_kinds__read_from_the_shared_catalogue() -> None:
    assert flag_kind_name("misspelling", "fi") == "Kirjoitusvirhe"
    assert flag_kind_name("undetermined", "en") == "Open"


def test_an_unknown_basis__is_shown_as_its_code() -> None:
    assert basis_name("pilgrim", "fi") == "pilgrim"


def test_the_documents_catalogue__covers_every_interface_language_but_english() -> None:
    assert {path.parts[-3] for path in DOCUMENT_CATALOGUES} == INTERFACE_LANGUAGES_BUT_ENGLISH


def test_the_document_and_diff_messages__only_in_finnish_and_swedish() -> None:
    """The document is written in Finnish and English, the diff also read in Swedish: the other
    languages' catalogues hold only the short phase names."""
    for po in DOCUMENT_CATALOGUES:
        found = contexts(po)
        if po.parts[-3] in {"fi", "sv"}:
            assert "data diff" in found and "data diff, field" in found
        else:
            assert found == {"programme phase, short"}, po


@pytest.mark.parametrize("basis", sorted(RESIDENCE_BASIS_GROUP))
@pytest.mark.parametrize("lang", sorted(INTERFACE_LANGUAGES_BUT_ENGLISH))
def test_residence_basis_groups__translated_in_every_interface_language(
    basis: str, lang: str
) -> None:
    assert basis_name(basis, lang) != basis_name(basis, "en")


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="gettext missing")
@pytest.mark.parametrize(
    "po", DOCUMENT_CATALOGUES + PROGRAMME_CATALOGUES, ids=lambda p: "/".join(p.parts[-5:-2])
)
def test_catalogue__is_complete_and_valid(po: Path) -> None:
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    left = subprocess.run(["msgattrib", "--untranslated", str(po)], capture_output=True, text=True)
    assert left.stdout.count("\nmsgid ") == 0, left.stdout[:1000]
