"""The document's labels come from the gettext catalogues: flag kinds from the shared catalogue,
residence-basis groups from the documents app's own, complete in every interface language."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from kotokartta.documents.texts import (
    BASIS_LABELS,
    PHASE_SHORT_LABELS,
    basis_name,
    flag_kind_name,
    phase_short_name,
)

DOCUMENT_CATALOGUES = sorted(
    (Path(settings.BASE_DIR) / "documents" / "locale").glob("*/LC_MESSAGES/django.po")
)


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
    languages = {path.parts[-3] for path in DOCUMENT_CATALOGUES}
    assert languages == {code for code, _ in settings.LANGUAGES} - {"en"}


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="gettext missing")
@pytest.mark.parametrize("po", DOCUMENT_CATALOGUES, ids=lambda p: p.parts[-3])
def test_documents_catalogue__is_complete_and_valid(po: Path) -> None:
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    left = subprocess.run(["msgattrib", "--untranslated", str(po)], capture_output=True, text=True)
    assert left.stdout.count("\nmsgid ") == 0, left.stdout[:1000]
    assert po.read_text("utf-8").count("msgctxt") == len(BASIS_LABELS) + len(PHASE_SHORT_LABELS)
