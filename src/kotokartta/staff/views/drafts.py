"""Drafts: the list, the review (diff, preview, problems, conflicts), and the publisher's
decisions: publish with a note and a source, or return with a comment."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kotokartta.core.text import localised
from kotokartta.programme.models import Municipality
from kotokartta.programme.vocabulary import ClientGroup
from kotokartta.staff import access, review, selectors, services, snapshots
from kotokartta.staff.forms import PublishForm, ReturnForm
from kotokartta.staff.models import AuditEvent, DraftChange, PublishedVersion

# The data diff is written in Finnish, Swedish and English (documents.diff_labels).
_DIFF_LANGUAGES = ("fi", "sv", "en")


def _review_lang() -> str:
    """The change list in the staff page's language; English for the languages the staff pages
    fall back from (docs/staff.md)."""
    lang = get_language() or "fi"
    return lang if lang in _DIFF_LANGUAGES else "en"


def draft_list(request: HttpRequest) -> HttpResponse:
    drafts = selectors.visible_drafts(request.user).prefetch_related("changes")[:200]
    return render(request, "staff/drafts.html", {"drafts": drafts})


def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    latest = services.latest_version()
    changes = list(draft.changes.select_related("updated_by"))
    lines: list[review.ReviewLine] = []
    problems: list[str] = []
    if draft.is_active:
        lines, problems = review.review_diff(
            latest.snapshot, services.draft_snapshot(draft), lang=_review_lang()
        )
    conflicts = services.draft_conflicts(draft) if draft.is_active else []
    can_publish = access.can_publish(request.user, draft.municipality_id or None)
    return render(
        request,
        "staff/draft.html",
        {
            "draft": draft,
            "changes": changes,
            "lines": lines,
            "problems": problems,
            "conflicts": conflicts,
            "can_publish": can_publish and draft.is_active,
            "can_edit": access.can_edit(request.user, draft.municipality_id or None),
            "publish_form": PublishForm(),
            "return_form": ReturnForm(),
            "version": latest,
            "clients": [c.value for c in ClientGroup],
            "preview_municipalities": _named(_preview_municipalities(draft, latest.snapshot)),
        },
    )


def _preview_municipalities(draft: object, snapshot: dict) -> list[str]:
    municipality = getattr(draft, "municipality_id", "")
    if municipality:
        return [municipality]
    return list(snapshot["files"]["area.yaml"]["area"]["municipalities"])


def _named(municipality_ids: list[str]) -> list[tuple[str, str]]:
    """(id, name in the page's language) for the preview links; a municipality the published
    data does not have yet (a new one in the draft) is shown by its id."""
    lang = get_language() or "fi"
    names = {
        m.id: localised(m.name, lang) for m in Municipality.objects.filter(id__in=municipality_ids)
    }
    return [(mid, names.get(mid, mid)) for mid in municipality_ids]


def draft_submit(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.draft_submit(acting_user=request.user, draft=draft)
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("Submitted for review."))
    return redirect("staff:draft", pk)


def draft_publish(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not access.can_publish(request.user, draft.municipality_id or None):
        raise PermissionDenied("publishers only")
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Publishing needs a note (why) and a source."))
        return redirect("staff:draft", pk)
    try:
        version = services.draft_publish(
            acting_user=request.user,
            draft=draft,
            note=form.cleaned_data["note"],
            source=form.cleaned_data["source"],
        )
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    except (services.EditConflict, ValueError) as error:
        messages.error(request, str(error))
        return redirect("staff:draft", pk)
    except snapshots.InvalidProgramme as error:
        messages.error(request, "; ".join(str(p) for p in error.problems[:10]))
        return redirect("staff:draft", pk)
    messages.success(
        request,
        _("Published as version %(number)s. The public site shows it now.")
        % {"number": version.number},
    )
    return redirect("staff:version", version.number)


def draft_return(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not access.can_publish(request.user, draft.municipality_id or None):
        raise PermissionDenied("publishers only")
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what needs changing: a comment is required."))
        return redirect("staff:draft", pk)
    services.draft_return(
        acting_user=request.user, draft=draft, comment=form.cleaned_data["comment"]
    )
    messages.success(request, _("Returned to the editors with your comment."))
    return redirect("staff:draft", pk)


def draft_discard(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.draft_discard(acting_user=request.user, draft=draft)
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("The draft was discarded."))
    return redirect("staff:drafts")


def change_withdraw(request: HttpRequest, pk: int, change_pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    change = DraftChange.objects.filter(pk=change_pk, draft=draft).first()
    if change is None:
        raise Http404("no such change in this draft")
    try:
        services.draft_drop_change(acting_user=request.user, change=change)
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("The change was withdrawn from the draft."))
    return redirect("staff:draft", pk)


def draft_preview(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    if not draft.is_active:
        raise Http404("only an active draft can be previewed")
    municipality = request.GET.get("municipality") or draft.municipality_id
    client = request.GET.get("client", "other")
    if municipality not in _preview_municipalities(draft, services.latest_version().snapshot):
        raise Http404("not a municipality of this draft")
    if client not in {c.value for c in ClientGroup}:
        raise Http404("no such client group")
    try:
        response = review.preview_path_page(
            request,
            snapshot=services.draft_snapshot(draft),
            params={"municipality": municipality, "client": client},
        )
    except snapshots.InvalidProgramme as error:
        messages.error(request, "; ".join(str(p) for p in error.problems[:10]))
        return redirect("staff:draft", pk)
    banner = (
        '<p class="unofficial" role="note">'
        + _("Preview of draft %(pk)s: not published, nobody else sees this.") % {"pk": pk}
        + "</p>"
    ).encode()
    response.content = response.content.replace(
        b'<main id="main" tabindex="-1">', b'<main id="main" tabindex="-1">' + banner, 1
    )
    return response


def versions(request: HttpRequest) -> HttpResponse:
    services.latest_version()
    rows = PublishedVersion.objects.select_related("published_by").defer("snapshot")[:200]
    return render(request, "staff/versions.html", {"versions": rows})


def version(request: HttpRequest, number: int) -> HttpResponse:
    current = PublishedVersion.objects.select_related("published_by").filter(number=number).first()
    if current is None:
        raise Http404("no such version")
    before = PublishedVersion.objects.filter(number__lt=number).order_by("-number").first()
    lines: list[review.ReviewLine] = []
    if before is not None:
        lines, _problems = review.review_diff(
            before.snapshot, current.snapshot, lang=_review_lang()
        )
    return render(
        request,
        "staff/version.html",
        {"version": current, "before": before, "lines": lines},
    )


def audit_log(request: HttpRequest) -> HttpResponse:
    if not access.can_read_audit(request.user):
        raise PermissionDenied("area admins only")
    events = AuditEvent.objects.all()[:500]
    return render(request, "staff/audit.html", {"events": events})


def audit_csv(request: HttpRequest) -> HttpResponse:
    if not access.can_read_audit(request.user):
        raise PermissionDenied("area admins only")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kotokartta-audit.csv"'
    writer = csv.writer(response)
    writer.writerow(["at", "actor", "action", "municipality", "subject", "detail"])
    for event in AuditEvent.objects.order_by("at", "id").iterator():
        writer.writerow(
            _cell(value)
            for value in (
                event.at.isoformat(),
                event.actor_name,
                event.action,
                event.municipality_id,
                event.subject,
                event.detail,
            )
        )
    return response


def _cell(value: str) -> str:
    """No cell starts a spreadsheet formula (notes and names are typed by people)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
