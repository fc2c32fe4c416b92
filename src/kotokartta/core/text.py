"""Reading translated texts: JSON objects keyed by language, Finnish authoritative."""

from __future__ import annotations

from collections.abc import Mapping

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
