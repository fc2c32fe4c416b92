"""Headings in order on every page type: one h1, and no level skipped on the way down."""

from __future__ import annotations

import itertools
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = [
    "/{lang}/",
    "/{lang}/path",
    "/{lang}/path?municipality=taivalkoski&client=job-seeker&permit=2024-05-01&plan=2024-09-01",
    "/{lang}/municipalities/paltamo/",
    "/{lang}/phases/orientation/",
    "/{lang}/search?q=lukutaito",
    "/{lang}/maps/",
    "/{lang}/maps/kajaani/",
    "/{lang}/document/",
    "/{lang}/coverage/",
    "/{lang}/municipalities/atlantis/",
    "/{lang}/accessibility/",
]


@pytest.mark.parametrize("lang", ["fi", "ar", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_headings__one_h1_and_no_skipped_level(lang: str, page: str) -> None:
    html = Client().get(page.format(lang=lang)).content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels.count(1) == 1, levels
    assert levels[0] == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels
