"""The PTV export's fixed words and sentences come from the PTV app's gettext catalogue (Finnish and
Swedish, the English message ids), and no fi/en tuple table, Finnish text or English branch is left
in the export's code."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from kotokartta.integrations.ptv.labels import (
    DESCRIPTION_SOURCE,
    KEYWORD,
    LAW_NAME,
    REQUIREMENT_BASES,
    REQUIREMENT_CLIENTS,
    RESIDENCE_BASIS_LABELS,
    SUMMARY_PROVIDED_BY_BOUGHT,
    label,
    residence_basis_name,
)
from kotokartta.programme.vocabulary import ResidenceBasis
from tests.catalogues import finnish_literals, pgettext_calls, untranslated

PTV_DIR = Path(settings.BASE_DIR) / "integrations" / "ptv"
PTV_CATALOGUES = sorted((PTV_DIR / "locale").glob("*/LC_MESSAGES/django.po"))


def test_residence_bases__read_in_finnish_swedish_and_english() -> None:
    assert residence_basis_name("quota_refugee", "fi") == "kiintiöpakolaiset"
    assert residence_basis_name("quota_refugee", "sv") == "kvotflyktingar"
    assert residence_basis_name("quota_refugee", "en") == "quota refugees"


def test_an_unknown_residence_basis__is_named_by_its_code() -> None:
    assert residence_basis_name("no_such_basis", "fi") == "no_such_basis"


def test_every_residence_basis__has_a_ptv_label() -> None:
    assert {basis.value for basis in ResidenceBasis} <= set(RESIDENCE_BASIS_LABELS)


def test_the_law__is_named_in_finnish_swedish_and_english() -> None:
    assert label(LAW_NAME, "fi") == "laki kotoutumisen edistämisestä (681/2023)"
    assert label(LAW_NAME, "sv") == "lagen om främjande av integration (681/2023)"
    assert label(LAW_NAME, "en") == "Act on the Promotion of Integration (681/2023)"


def _string_pair_tables(source: str) -> list[str]:
    """Names of module-level assignments whose value is a dict with a tuple-of-strings value."""
    found = []
    for node in ast.parse(source).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if not isinstance(value, ast.Dict):
            continue
        for item in value.values:
            if isinstance(item, ast.Tuple) and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in item.elts
            ):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found.append(ast.unparse(targets[0]))
                break
    return found


def test_the_table_scan__finds_a_fi_en_tuple_table() -> None:
    assert _string_pair_tables('NAMES = {"a": ("yksi", "one")}') == ["NAMES"]


def test_no_fi_en_tuple_table__is_left_in_the_ptv_export() -> None:
    for module in ("export.py", "channels.py", "channel_values.py", "labels.py"):
        source = (PTV_DIR / module).read_text(encoding="utf-8")
        assert _string_pair_tables(source) == [], module
        assert "RESIDENCE_BASES" not in source, module


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="gettext missing")
@pytest.mark.parametrize("po", PTV_CATALOGUES, ids=lambda p: p.parts[-3])
def test_ptv_catalogue__is_complete_and_valid(po: Path) -> None:
    check = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    for option in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(["msgattrib", option, str(po)], capture_output=True, text=True)
        assert left.stdout.count("\nmsgid ") == 0, f"{po.parts[-3]} {option}:\n{left.stdout}"


def test_ptv_catalogues__cover_finnish_and_swedish() -> None:
    assert {po.parts[-3] for po in PTV_CATALOGUES} == {"fi", "sv"}


def test_requirement_sentences__read_in_finnish_and_swedish() -> None:
    assert label(REQUIREMENT_CLIENTS, "fi").format(clients="x") == "Kenelle: x."
    assert label(REQUIREMENT_BASES, "sv").format(bases="y") == "Uppehållsgrund: y."
    assert label(KEYWORD, "fi") == "kotoutuminen"


EXPORT_MODULES = ("export.py", "channels.py", "channel_values.py", "shapes.py", "labels.py")


def test_the_sentence_scan__finds_the_export_sentences() -> None:
    found = pgettext_calls(PTV_DIR / "labels.py")
    assert ("PTV export", "Status: %(status)s.") in found
    assert ("PTV target group", "Citizens") in found


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="gettext missing")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_export_word__has_a_finnish_and_a_swedish_translation(lang: str) -> None:
    po = PTV_DIR / "locale" / lang / "LC_MESSAGES" / "django.po"
    contexts = {context for context, _ in pgettext_calls(PTV_DIR / "labels.py")}
    assert untranslated(PTV_DIR / "labels.py", po, contexts=contexts) == []


def test_summary_and_source_sentences__read_in_finnish_swedish_and_english() -> None:
    provider = {"provider": "Suomussalmen kunta"}
    assert (
        label(SUMMARY_PROVIDED_BY_BOUGHT, "fi", **provider)
        == "Palvelun tuottaa Suomussalmen kunta (ostopalvelu)."
    )
    assert (
        label(SUMMARY_PROVIDED_BY_BOUGHT, "sv", **provider)
        == "Tjänsten produceras av Suomussalmen kunta (köpt tjänst)."
    )
    source = {"document": "Kotoutumisohjelma", "section": "Johdanto"}
    assert (
        label(DESCRIPTION_SOURCE, "fi", **source) == "Lähde: Kotoutumisohjelma, kohta ”Johdanto”."
    )
    assert label(DESCRIPTION_SOURCE, "en", **source) == (
        "Source: Kotoutumisohjelma, section “Johdanto”."
    )


def test_no_finnish_text_or_english_branch__is_left_in_the_export() -> None:
    for module in EXPORT_MODULES:
        source = (PTV_DIR / module).read_text(encoding="utf-8")
        assert finnish_literals(PTV_DIR / module) == [], module
        assert 'lang == "en"' not in source and "if en" not in source, module
        assert "_bilingual" not in source, module
