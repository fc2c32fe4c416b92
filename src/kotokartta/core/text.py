"""Reading translated texts: JSON objects keyed by language (Finnish authoritative), and the
gettext messages of the outputs read in a given language."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils import translation
from django.utils.functional import Promise

FALLBACK_CHAIN = ("en", "fi")


def localised(text: Mapping[str, str] | None, lang: str) -> str:
    """The text in `lang`, else English, else Finnish; '' for no text."""
    if not text:
        return ""
    for candidate in (lang, *FALLBACK_CHAIN):
        value = text.get(candidate)
        if value:
            return value
    return next(iter(text.values()), "")


def text_language(text: Mapping[str, str] | None, lang: str) -> str | None:
    """Which language `localised(text, lang)` actually returns."""
    if not text:
        return None
    for candidate in (lang, *FALLBACK_CHAIN):
        if text.get(candidate):
            return candidate
    return next(iter(text), None)


CONTENT_LANGUAGES = frozenset({"fi", "en"})


def content_language(lang: str) -> str:
    """The language of programme data shown on a page in `lang`: data exists in fi and en."""
    return lang if lang in CONTENT_LANGUAGES else "en"


def data_language(lang: str) -> str:
    """The language of the programme data's own texts (names, notes) on a guide page in `lang`.

    The data's free texts are written in Finnish and English only. A page in English shows the
    English texts; a page in any other language shows the Finnish original, marked `lang="fi"`
    with a note in the reader's language, rather than English, which the reader may read no
    better than Finnish and which is not authoritative. Everything that is vocabulary (statuses,
    roles, modes, target groups…) is in the reader's language through gettext.
    """
    return "en" if lang == "en" else "fi"


def in_language(text: Promise, lang: str, **values: object) -> str:
    """A gettext message (`gettext_lazy` / `pgettext_lazy`) in `lang`, its `%(name)s`
    placeholders filled from `values`; the way every output reads its fixed sentences."""
    with translation.override(lang):
        message = str(text)
    return message % values if values else message
