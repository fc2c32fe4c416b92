"""The programme document on the web: as a guide page, and as a PDF to download."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from kotokartta.core.cache import versioned_cache
from kotokartta.core.text import content_language
from kotokartta.documents.build import programme_document
from kotokartta.documents.render import render_pdf
from kotokartta.programme.models import DataSet

PDF_FILENAME = "kotoutumisohjelma-kainuu-koillismaa.pdf"


def _document_lang() -> str:
    """The document exists in Finnish and English; other guide languages get English."""
    return content_language(get_language() or "fi")


def cached_pdf(*, lang: str) -> bytes:
    """The PDF of the loaded data set in `lang`, rendered once per data version and language
    for every worker (rendering the whole document takes seconds), kept on disk across
    restarts: the disk tier of core/cache.py."""
    return versioned_cache.shared.get_or_compute(
        "pdf", f"document-{lang}", lambda: render_pdf(programme_document(lang=lang))
    )


@require_safe
def page(request: HttpRequest) -> HttpResponse:
    dataset = DataSet.objects.current()
    if dataset is None:
        return render(request, "documents/page.html", {"doc": None}, status=503)
    doc = programme_document(lang=_document_lang())
    return render(request, "documents/page.html", {"doc": doc})


@require_safe
def pdf(request: HttpRequest) -> HttpResponse:
    dataset = DataSet.objects.current()
    if dataset is None:
        return render(request, "documents/page.html", {"doc": None}, status=503)
    data = cached_pdf(lang=_document_lang())
    return HttpResponse(
        data,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{PDF_FILENAME}"',
            "Content-Length": str(len(data)),
        },
    )
