from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from kotokartta.guide.content import reviewed_languages


def content_language(lang: str) -> str:
    """The language of programme data in the outputs that write Finnish and English (the API's
    documents, the service maps, the regenerated document): data texts exist in fi and en."""
    return lang if lang in {"fi", "en"} else "en"


def data_language(lang: str) -> str:
    """The language of the programme data's own texts (names, notes) on a guide page in `lang`.

    The data's free texts are written in Finnish and English only. A page in English shows the
    English texts; a page in any other language shows the Finnish original, marked `lang="fi"`
    with a note in the reader's language, rather than English, which the reader may read no
    better than Finnish and which is not authoritative. Everything that is vocabulary (statuses,
    roles, modes, target groups…) is in the reader's language through gettext.
    """
    return "en" if lang == "en" else "fi"


def guide(request: HttpRequest) -> dict[str, Any]:
    lang = get_language() or settings.LANGUAGE_CODE
    current = request.get_full_path()
    from kotokartta.guide.selectors import current_dataset, municipality_list

    return {
        "lang": lang,
        # callables: evaluated only by templates that use them
        "municipality_choices": lambda: municipality_list(lang="fi"),
        "dataset": current_dataset,
        "is_rtl": lang in settings.LANGUAGES_BIDI,
        "content_lang": data_language(lang),
        "content_dir": "rtl" if data_language(lang) in settings.LANGUAGES_BIDI else "ltr",
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
