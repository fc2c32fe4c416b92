"""The context processor of every page (settings.TEMPLATES)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from kotokartta.core.text import content_language
from kotokartta.guide.selectors import current_dataset, municipality_list
from kotokartta.programme.content import reviewed_languages


def site(request: HttpRequest) -> dict[str, Any]:
    """What `site/base.html` needs on every page: the language, its direction, the language menu,
    the unofficial-translation note and the data set's date."""
    lang = get_language() or settings.LANGUAGE_CODE
    current = request.get_full_path()
    return {
        "lang": lang,
        # callables: evaluated only by templates that use them
        "municipality_choices": lambda: municipality_list(lang="fi"),
        "dataset": current_dataset,
        "is_rtl": lang in settings.LANGUAGES_BIDI,
        "content_lang": content_language(lang),
        "content_dir": "rtl" if content_language(lang) in settings.LANGUAGES_BIDI else "ltr",
        "unofficial": lang not in reviewed_languages(),
        "nav_languages": [
            {
                "code": code,
                "name": name,
                "url": translate_url(current, code),
                "current": code == lang,
                "rtl": code in settings.LANGUAGES_BIDI,
            }
            for code, name in settings.LANGUAGES
        ],
        "finnish_url": translate_url(current, "fi"),
    }
