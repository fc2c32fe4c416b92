"""The planner's own catalogues: every interface language complete and valid for msgfmt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = [code for code, _ in settings.LANGUAGES if code != "en"]
LOCALE = Path(settings.BASE_DIR) / "orientation" / "locale"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_orientation_catalogue__is_complete_and_valid(lang: str) -> None:
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"{po} is missing"
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) is not installed")
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    for option in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(["msgattrib", option, str(po)], capture_output=True, text=True)
        assert "msgid" not in left.stdout.replace('msgid ""\nmsgstr ""', "", 1), option
