"""Which language an API answer is in: `?lang=` first, else the Accept-Language header, else
Finnish (the programme's authoritative language).

Resource endpoints (municipalities, organisations, …) accept every guide language; a text missing
in that language falls back to English, then Finnish (`core.text.localised`), and every translated
field says which language it is in (`{"text": …, "lang": …}`). The document endpoints (path,
search, coverage) are built by the same code as the command line and exist in Finnish and
English: `?lang=` takes `fi` or `en` there, and another language asked for by Accept-Language is
answered in English, as the guide's pages do (`core.text.content_language`).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation.trans_real import parse_accept_lang_header

from kotokartta.core.text import content_language

GUIDE_LANGUAGES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
DOCUMENT_LANGUAGES: tuple[str, ...] = ("fi", "en")
DEFAULT_LANGUAGE = "fi"


def from_header(request: HttpRequest) -> str | None:
    """The first guide language in the Accept-Language header (by quality), if any."""
    header = request.headers.get("Accept-Language", "")
    for code, quality in parse_accept_lang_header(header):
        if quality <= 0:
            continue
        base = code.split("-")[0].lower()
        if base in GUIDE_LANGUAGES:
            return base
    return None


def negotiate(request: HttpRequest, requested: str | None, *, documents: bool = False) -> str:
    """The answer's language. `requested` is the validated `?lang=` value."""
    if requested:
        return requested
    lang = from_header(request) or DEFAULT_LANGUAGE
    return content_language(lang) if documents else lang
