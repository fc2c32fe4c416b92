"""The programme document on the web: as a guide page, and as a PDF to download."""

from __future__ import annotations

import threading

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from kotokartta.core.text import content_language
from kotokartta.documents.build import programme_document
from kotokartta.documents.render import render_pdf
from kotokartta.programme.models import DataSet

PDF_FILENAME = "kotoutumisohjelma-kainuu-koillismaa.pdf"

_pdf_cache: dict[tuple[int, str, str], bytes] = {}
_pdf_lock = threading.Lock()


def _document_lang() -> str:
    """The document exists in Finnish and English; other guide languages get English."""
    return content_language(get_language() or "fi")


def cached_pdf(*, dataset: DataSet, lang: str) -> bytes:
    """The PDF for this load of the data, rendered once per process and language (rendering
    the whole document takes seconds)."""
    key = (dataset.pk, dataset.checksum, lang)
    with _pdf_lock:
        pdf = _pdf_cache.get(key)
        if pdf is None:
            pdf = render_pdf(programme_document(lang=lang))
            _pdf_cache.clear()  # only the current data is ever asked for
            _pdf_cache[key] = pdf
    return pdf


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
    data = cached_pdf(dataset=dataset, lang=_document_lang())
    return HttpResponse(
        data,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{PDF_FILENAME}"',
            "Content-Length": str(len(data)),
        },
    )
