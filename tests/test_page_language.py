"""Every page type in all twelve languages speaks to people, not in code: no vocabulary id, status
id or phase id in visible text (URLs and attributes may carry them). On a path page in a language
that is neither Finnish nor English, the main content has no English: the structured facts are in
the reader's language, and what exists only in Finnish (names, the document's notes) is marked
`lang="fi"`."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from kotokartta.paths import labels as path_labels
from kotokartta.programme import labels
from kotokartta.programme.vocabulary import (
    PHASES,
    ActivityKind,
    FlagKind,
    Mode,
    OrganisationKind,
    ResidenceBasis,
    Status,
    TargetGroup,
)

pytestmark = pytest.mark.django_db

LANGS = [code for code, _ in settings.LANGUAGES]
NEITHER_FINNISH_NOR_ENGLISH = [code for code in LANGS if code not in {"fi", "en"}]

PATHS = [
    "/{lang}/path?municipality=kuusamo&client=job-seeker",
    "/{lang}/path?municipality=taivalkoski&client=job-seeker&finnish=no&basis=temporary_protection",
    "/{lang}/path?municipality=kuhmo&client=other&finnish=yes&basis=family_member",
    "/{lang}/path?municipality=puolanka&client=other&basis=quota_refugee",
]
PAGES = [
    "/{lang}/",
    "/{lang}/path",
    *PATHS,
    "/{lang}/municipalities/kuusamo/",
    "/{lang}/phases/multi_plan/",
    "/{lang}/search?q=kieli",
    "/{lang}/maps/",
    "/{lang}/coverage/",
    "/{lang}/document/",
    "/{lang}/accessibility/",
]

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class VisibleText(HTMLParser):
    """Text a reader sees, each piece with the language of its element; <main> only if asked."""

    def __init__(self, page_lang: str, *, main_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", page_lang, not main_only)]
        self.pieces: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _, lang, inside = self.stack[-1]
        own = dict(attrs).get("lang")
        hidden = tag in {"script", "style", "title", "svg"}
        entry = (tag, own or lang, (inside or tag == "main") and not hidden)
        if tag not in VOID:
            self.stack.append(entry)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        _, lang, inside = self.stack[-1]
        if inside and data.strip():
            self.pieces.append((data, lang))


def visible(html: str, lang: str, *, main_only: bool = False) -> list[tuple[str, str]]:
    parser = VisibleText(lang, main_only=main_only)
    parser.feed(html)
    # An address shown as a link's text is a URL, not words.
    return [(re.sub(r"\S*https?://\S+", " ", text), text_lang) for text, text_lang in parser.pieces]


INTERNAL_IDS = sorted(
    {
        *(phase.id for phase in PHASES),
        *(s.value for s in Status),
        *(m.value for m in Mode),
        *(k.value for k in OrganisationKind),
        *(k.value for k in FlagKind),
        *(k.value for k in ActivityKind),
        *(b.value for b in ResidenceBasis),
        *(g.value for g in TargetGroup),
        "job-seeker",
        "uses_finnish",
        "does_not_use_finnish",
        "not_described",
        "only_for_others",
    }
)
# Ids that are also ordinary words ("available", "remote", "project"…) are English and caught by
# the English check; here: ids no person writes.
CODE_PATTERN = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\bjob-seeker\b")
# English words the engine once wrote into every language's page.
ENGLISH_CODE_PATTERN = re.compile(r"\buses Finnish\b|\bdoes not use Finnish\b")


def codes_in(pieces: list[tuple[str, str]]) -> list[str]:
    found = []
    for text, text_lang in pieces:
        found += CODE_PATTERN.findall(text)
        if text_lang != "en":
            found += ENGLISH_CODE_PATTERN.findall(text)
    return found


@pytest.fixture(scope="module")
def pages(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> dict[tuple[str, str], str]:
    client = Client()
    rendered = {}
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        for lang in LANGS:
            for page in PAGES:
                response = client.get(page.format(lang=lang))
                assert response.status_code == 200, (page.format(lang=lang), response.status_code)
                rendered[(lang, page)] = response.content.decode()
    return rendered


def test_code_pattern__finds_the_codes_that_used_to_leak() -> None:
    leaked = "Muut ryhmät (family_member, family_reunification, uses Finnish)"
    assert codes_in([(leaked, "sv")]) == ["family_member", "family_reunification", "uses Finnish"]
    assert set(INTERNAL_IDS) >= {"multi_plan", "not_organised", "spouse_of_worker_or_student"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type__shows_no_internal_code(
    pages: dict[tuple[str, str], str], lang: str
) -> None:
    found = {
        page: codes_in(visible(pages[(lang, page)], lang))
        for page in PAGES
        if codes_in(visible(pages[(lang, page)], lang))
    }
    assert found == {}


def english_phrases() -> set[str]:
    """What the templates and the vocabulary could leak in English."""
    words = {
        "Who",
        "Where",
        "How",
        "Status",
        "Bought from",
        "Together with",
        "available",
        "remote",
        "in person",
        "job seeker",
        "purchased",
        "provider",
        "not decided",
        "undetermined",
        "for professionals",
        "in Finnish",
        "the document",
        "Details",
        "Condition",
        "Languages",
    }
    with translation.override("en"):
        for vocabulary in labels.VOCABULARIES.values():
            words.update(str(name) for name in vocabulary.values())
        words.update(str(name) for name in path_labels.FINNISH_CONDITION.values())
        words.add(labels.law_note("multi_plan"))
    return {w for w in words if len(w) >= 3}


def own_words(lang: str) -> str:
    """Everything the language's catalogue says, to spare words it shares with English."""
    from django.utils.translation import trans_real

    catalogue = trans_real.translation(lang)._catalog  # type: ignore[attr-defined]
    return " ".join(str(value) for _key, value in catalogue.items()).lower()


def english_pattern(lang: str) -> re.Pattern[str]:
    """English phrases, but not those the language itself uses (Swedish "Status")."""
    shared = own_words(lang)
    phrases = [
        p
        for p in english_phrases()
        if not re.search(rf"(?<!\w){re.escape(p.lower())}(?!\w)", shared)
    ]
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.I)


def test_english_pattern__finds_what_used_to_leak() -> None:
    pattern = english_pattern("uk")
    leaked = "Who — employment counsellor; Hybrid: in person with a remote connection; available"
    assert {m.group(0) for m in pattern.finditer(leaked)} >= {
        "Who",
        "employment counsellor",
        "in person",
        "remote",
        "available",
    }
    assert not pattern.search("Хто — консультант із працевлаштування")


@pytest.mark.parametrize("lang", NEITHER_FINNISH_NOR_ENGLISH)
def test_path_page__main_content_has_no_english(
    pages: dict[tuple[str, str], str], lang: str
) -> None:
    pattern = english_pattern(lang)
    found = {}
    for page in PATHS:
        pieces = visible(pages[(lang, page)], lang, main_only=True)
        own = [text for text, text_lang in pieces if text_lang not in {"fi"}]
        leaks = sorted({m.group(0) for text in own for m in pattern.finditer(text)})
        if leaks:
            found[page] = leaks
    assert found == {}


def test_path_page__marks_finnish_names_and_notes_as_finnish(
    pages: dict[tuple[str, str], str],
) -> None:
    html = pages[("uk", PATHS[0])]
    name = "Kuusamon kaupunki, työllisyys- ja kansainvälisyyspalvelut"
    assert f'<span lang="fi">{name}</span>' in html
    assert "(фінською мовою)" in html
