"""Every interface language is complete: no untranslated or fuzzy message, placeholders intact."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po"))

pytestmark = pytest.mark.skipif(shutil.which("msgattrib") is None, reason="gettext missing")


def test_every_guide_language_but_english_has_a_catalogue() -> None:
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {code for code, _ in settings.LANGUAGES} - {"en"}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue__is_complete_and_valid(po: Path) -> None:
    check = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    for option in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(["msgattrib", option, str(po)], capture_output=True, text=True)
        assert left.stdout.count("\nmsgid ") == 0, f"{po.parts[-3]} {option}:\n{left.stdout[:2000]}"
