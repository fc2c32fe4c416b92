"""The coordinators' coverage page and its CSV and JSON downloads. No JavaScript, no cookies."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from kotokartta.core.text import content_language, data_language
from kotokartta.coverage import formats
from kotokartta.coverage.selectors import (
    DISPLAY_CLASSES,
    GAP_KINDS,
    Cell,
    Gap,
    coverage_matrix,
    current_dataset,
    gap_list,
    orientation_languages,
)
from kotokartta.programme.models import NoProgrammeLoaded
from kotokartta.programme.vocabulary import PHASES

NO_DATA = "No programme data is loaded.\n"


def _lang() -> str:
    return get_language() or "fi"


def _cell_url(cell: Cell) -> str:
    """The municipality page's section for the cell's phase, in the current language."""
    page = reverse("guide:municipality", kwargs={"slug": cell.municipality.id})
    return f"{page}#{cell.phase}"


def _gap_url(gap: Gap) -> str:
    """Where to read more: the municipality page (at the phase), or the phase page for the area."""
    if gap.municipality is not None:
        page = reverse("guide:municipality", kwargs={"slug": gap.municipality.id})
        return f"{page}#{gap.phase}" if gap.phase else page
    if gap.phase is not None:
        return reverse("guide:phase", kwargs={"phase_id": gap.phase})
    return ""


def _filename(extension: str) -> str:
    try:
        date = current_dataset().data_date.isoformat()
    except NoProgrammeLoaded:
        date = "no-data"
    return f"kotokartta-coverage-{date}.{extension}"


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    # The page's own words in its language; the data's notes in Finnish, never English, off en.
    content_lang = data_language(lang)
    today = timezone.localdate()
    try:
        dataset = current_dataset()
    except NoProgrammeLoaded:
        return render(request, "coverage/index.html", {"no_data": True}, status=503)
    rows = coverage_matrix(lang=lang, data_lang=content_lang)
    gaps = gap_list(today=today, lang=lang, data_lang=content_lang)
    orientation = orientation_languages(lang=lang)
    table = [
        {
            "municipality": row.municipality,
            "url": reverse("guide:municipality", kwargs={"slug": row.municipality.id}),
            "cells": [{"cell": cell, "url": _cell_url(cell)} for cell in row.cells],
        }
        for row in rows
    ]
    gap_groups: list[dict[str, Any]] = [
        {
            "kind": kind,
            "gaps": [{"gap": gap, "url": _gap_url(gap)} for gap in gaps if gap.kind == kind],
        }
        for kind in GAP_KINDS
    ]
    return render(
        request,
        "coverage/index.html",
        {
            "dataset": dataset,
            "phases": PHASES,
            "table": table,
            "classes": DISPLAY_CLASSES,
            "gap_groups": gap_groups,
            "gap_count": len(gaps),
            "orientation": orientation,
            "quota_municipalities": [
                o.municipality for o in orientation if o.receives_quota_refugees
            ],
            "today": today,
        },
    )


@require_safe
def csv_download(request: HttpRequest) -> HttpResponse:
    try:
        body = formats.matrix_csv(coverage_matrix(lang=content_language(_lang())))
    except NoProgrammeLoaded:
        return HttpResponse(NO_DATA, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


@require_safe
def json_download(request: HttpRequest) -> HttpResponse:
    try:
        document = formats.coverage_document(
            today=timezone.localdate(),
            lang=content_language(_lang()),
            cell_url=lambda cell: request.build_absolute_uri(_cell_url(cell)),
        )
    except NoProgrammeLoaded:
        return HttpResponse(NO_DATA, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(
        formats.coverage_json(document).encode("utf-8"),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response
