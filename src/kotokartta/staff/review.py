"""The review: a draft as field-level changes against the published version (the same reader
as `kotokartta document --diff`), and the public path page previewed with the draft applied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict

from kotokartta.documents.diff import Change, diff_programmes, municipality_name
from kotokartta.guide import views as guide_views
from kotokartta.programme.loading import load_programme
from kotokartta.programme.validation import Programme
from kotokartta.programme.vocabulary import PHASE_BY_ID
from kotokartta.staff import snapshots
from kotokartta.staff.records import Snapshot


@dataclass(frozen=True, slots=True)
class ReviewLine:
    municipality: str
    heading: str
    change: Change


def review_diff(
    old: Snapshot, new: Snapshot, *, lang: str = "fi"
) -> tuple[list[ReviewLine], list[str]]:
    """(changes, problems): problems when the draft does not pass validation."""
    old_programme = snapshots.validate(old)
    try:
        new_programme = snapshots.validate(new)
    except snapshots.InvalidProgramme as error:
        return [], [str(p) for p in error.problems]
    return _lines(old_programme, new_programme, lang), []


def _lines(old: Programme, new: Programme, lang: str) -> list[ReviewLine]:
    lines = []
    for change in diff_programmes(old, new, lang=lang):
        heading = (
            PHASE_BY_ID[change.phase].name(lang)
            if change.group == "provision" and change.phase in PHASE_BY_ID
            else change.group
        )
        lines.append(
            ReviewLine(municipality_name((new, old), change.municipality, lang), heading, change)
        )
    return lines


class _Rollback(Exception):
    pass


def preview_path_page(
    request: HttpRequest, *, snapshot: Snapshot, params: dict[str, str]
) -> HttpResponse:
    """The public path page rendered from the draft: the draft is loaded inside a transaction
    that is always rolled back, so no reader ever sees it and nothing stays behind."""
    programme = snapshots.validate(snapshot)
    preview = HttpRequest()
    preview.method = "GET"
    preview.path = preview.path_info = "/fi/path"
    preview.META = {
        key: value
        for key, value in request.META.items()
        if key in ("SERVER_NAME", "SERVER_PORT", "HTTP_HOST", "wsgi.url_scheme")
    }
    query = QueryDict(mutable=True)
    query.update(params)
    preview.GET = query  # type: ignore[assignment]
    response: Any = None
    try:
        with transaction.atomic(), snapshots.as_folder(snapshot) as folder:
            load_programme(programme=programme, source_folder=folder)
            response = guide_views.path(preview)
            content = response.content
            raise _Rollback
    except _Rollback:
        pass
    return HttpResponse(content, status=response.status_code)
