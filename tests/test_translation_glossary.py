"""The catalogues use the words docs/translation-glossary.md chose, for the terms a newcomer meets
on every path: one word per term and language, and never a word the glossary rules out (e.g.
"open" for a service nobody has decided on)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "translation-glossary.md"
LOCALE = Path(settings.LOCALE_PATHS[0])

pytestmark = pytest.mark.skipif(shutil.which("msgcat") is None, reason="gettext missing")

# The message each term is checked on first: (context, English msgid).
KEY_MESSAGES: dict[str, tuple[str | None, str]] = {
    "integration plan": ("phase", "Integration plan"),
    "assessment": ("phase", "Assessment of skills and integration service needs"),
    "undetermined": (None, "Not decided yet"),
    "hybrid": (
        None,
        "Hybrid: you meet a local worker in person and another worker joins remotely",
    ),
    "purchased service": (None, "Purchased service"),
    "civic orientation": ("phase", "Multilingual civic orientation"),
    "integration training": ("phase", "Integration training"),
    "job seeker": (None, "Job seeker"),
}
# Other messages that carry a term: every msgid whose English matches the pattern.
TERM_PATTERNS: dict[str, str] = {
    "integration plan": r"\bintegration plans?\b",
    "undetermined": r"\bnot decided\b",
    "purchased service": r"\bpurchased service\b",
    "civic orientation": r"\bcivic orientation\b",
    "integration training": r"\bintegration training\b",
    "job seeker": r"\bjob seekers?\b",
    "programme": r"\bprogramme",
}


@dataclass(frozen=True)
class Choice:
    lang: str
    term: str
    match: tuple[str, ...]
    avoid: tuple[str, ...]


def glossary() -> list[Choice]:
    choices = []
    lang = ""
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\w\w) — ", line)
        if heading:
            lang = heading.group(1)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not lang or len(cells) != 5 or cells[0] in {"term", "---"} or set(cells[0]) == {"-"}:
            continue
        avoid = tuple(w.strip() for w in cells[3].split(";") if w.strip() not in {"", "—"})
        match = tuple(w.strip() for w in cells[2].split(";") if w.strip())
        choices.append(Choice(lang, cells[0], match, avoid))
    return choices


def messages(lang: str) -> dict[tuple[str | None, str], str]:
    """(context, msgid) → msgstr of the language's catalogue, via msgcat's plain output."""
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    text = subprocess.run(
        ["msgcat", "--no-wrap", "--no-location", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[tuple[str | None, str], str] = {}
    quoted = r'"((?:[^"\\]|\\.)*)"'
    pattern = re.compile(rf"^(?:msgctxt {quoted}\n)?msgid {quoted}\nmsgstr {quoted}$", re.M)
    for ctx, msgid, msgstr in pattern.findall(text):
        found[(ctx or None, msgid.replace('\\"', '"'))] = msgstr.replace('\\"', '"')
    return found


CHOICES = glossary()
LANGUAGES = sorted({c.lang for c in CHOICES})


def test_glossary__covers_every_key_term_in_every_interface_language_but_english() -> None:
    expected = {code for code, _ in settings.LANGUAGES} - {"en"}
    assert set(LANGUAGES) == expected
    for lang in LANGUAGES:
        terms = {c.term for c in CHOICES if c.lang == lang}
        assert set(KEY_MESSAGES) <= terms, (lang, set(KEY_MESSAGES) - terms)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue__uses_the_glossary_words_and_none_it_rules_out(lang: str) -> None:
    catalogue = messages(lang)
    problems = []
    for choice in (c for c in CHOICES if c.lang == lang):
        key = KEY_MESSAGES.get(choice.term)
        carriers = {
            k: v
            for k, v in catalogue.items()
            if choice.term in TERM_PATTERNS
            and re.search(TERM_PATTERNS[choice.term], k[1], re.I)
            and v
        }
        if key is not None:
            assert key in catalogue, f"{lang}: the catalogue has no message {key}"
            carriers[key] = catalogue[key]
        for (_ctx, msgid), msgstr in carriers.items():
            if not any(word.lower() in msgstr.lower() for word in choice.match):
                problems.append(f"{choice.term}: «{msgstr}» lacks «{choice.match}» ({msgid})")
            for word in choice.avoid:
                if word.lower() in msgstr.lower():
                    problems.append(f"{choice.term}: «{msgstr}» uses «{word}» ({msgid})")
    assert problems == []


def test_persian__keeps_programme_and_plan_apart() -> None:
    catalogue = messages("fa")
    for (_ctx, msgid), msgstr in catalogue.items():
        if re.search(r"\bintegration plans?\b", msgid, re.I):
            assert "طرح" in msgstr, msgid
        if re.search(r"\bprogramme", msgid, re.I) and not re.search(r"\bplans?\b", msgid, re.I):
            assert "طرح" not in msgstr, msgid
