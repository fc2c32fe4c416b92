"""The dashboard and a municipality's workspace: its records, its draft, its flags as work."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kotokartta.core.text import localised
from kotokartta.staff import access, records, selectors, services
from kotokartta.staff.forms import NoteForm
from kotokartta.staff.models import ChangeAction


def _name(snapshot: dict[str, Any], municipality_id: str | None) -> str:
    if not municipality_id:
        return _("The whole area (area-wide records)")
    content = snapshot["files"].get(records.municipality_file(municipality_id), {})
    return localised(content.get("municipality", {}).get("name"), "fi") or municipality_id


def dashboard(request: HttpRequest) -> HttpResponse:
    version = services.latest_version()
    snapshot = version.snapshot
    order = snapshot["files"]["area.yaml"]["area"]["municipalities"]
    editable = access.editable_municipality_ids(request.user)
    scopes: list[str | None] = [mid for mid in order if mid in editable]
    if access.is_area_admin(request.user):
        scopes.insert(0, None)
    rows = []
    for scope in scopes:
        draft = services.active_draft(municipality_id=scope)
        rows.append(
            {
                "slug": scope or "area",
                "name": _name(snapshot, scope),
                "draft": draft,
                "changes": draft.changes.count() if draft else 0,
                "flags": len(selectors.flags_for(snapshot, scope)),
                "checking": len(selectors.needs_checking(snapshot, scope)),
                "can_publish": access.can_publish(request.user, scope),
            }
        )
    return render(
        request,
        "staff/dashboard.html",
        {"rows": rows, "version": version, "is_area_admin": access.is_area_admin(request.user)},
    )


def municipality(request: HttpRequest, municipality_id: str) -> HttpResponse:
    scope = selectors.municipality_scope(request.user, municipality_id)
    draft = services.active_draft(municipality_id=scope)
    snapshot = services.draft_snapshot(draft) if draft else services.latest_version().snapshot
    changed = {(c.kind, c.record_id): c.action for c in draft.changes.all()} if draft else {}
    content = snapshot["files"].get(records.municipality_file(scope), {})
    lists = {}
    for kind in ("provision", "place", "activity", "organisation"):
        if kind == "organisation" and scope is not None:
            continue
        items = [
            {
                "id": f.record_id,
                "label": _label(kind, f.data),
                "status": f.data.get("status", ""),
                "changed": changed.get((kind, f.record_id)),
            }
            for f in records.records(snapshot, kind)
            if records.scope_of(kind, f.file, f.data, f.record_id) == scope
        ]
        retired = [
            {"id": c.record_id, "label": c.record_id, "status": "", "changed": ChangeAction.RETIRE}
            for c in (draft.changes.filter(kind=kind, action=ChangeAction.RETIRE) if draft else [])
        ]
        lists[kind] = items + retired
    return render(
        request,
        "staff/municipality.html",
        {
            "slug": scope or "area",
            "scope": scope,
            "name": _name(snapshot, scope),
            "draft": draft,
            "lists": lists,
            "coordinators": content.get("coordinators", []),
            "flags": selectors.flags_for(snapshot, scope),
            "checking": selectors.needs_checking(snapshot, scope),
            "last_reviewed": selectors.last_reviewed(scope) if scope else None,
        },
    )


def _label(kind: str, data: dict[str, Any]) -> str:
    if kind == "provision":
        return f"{data['id']} — {data.get('phase')} / {', '.join(data.get('clients', []))}"
    return f"{localised(data.get('name'), 'fi')} [{data['id']}]"


def flag(request: HttpRequest, flag_id: str) -> HttpResponse:
    """A flag as work: resolve it (retire it in the draft, after changing what it is about) or
    confirm that it still stands, each with a note."""
    scope = selectors.record_scope(request.user, "flag", flag_id)
    found, change = services.current_record(municipality_id=scope, kind="flag", record_id=flag_id)
    confirm_form = NoteForm(request.POST if request.POST.get("action") == "confirm" else None)
    resolve_form = NoteForm(request.POST if request.POST.get("action") == "resolve" else None)
    if request.method == "POST":
        if request.POST.get("action") == "confirm" and confirm_form.is_valid():
            services.flag_confirm(
                acting_user=request.user,
                flag_id=flag_id,
                municipality_id=scope,
                note=confirm_form.cleaned_data["note"],
            )
            messages.success(request, _("Confirmed: the flag still stands."))
            return redirect("staff:municipality", scope or "area")
        if request.POST.get("action") == "resolve" and resolve_form.is_valid():
            seen = services.seen_state(municipality_id=scope, kind="flag", record_id=flag_id)
            try:
                services.draft_save_change(
                    acting_user=request.user,
                    municipality_id=scope,
                    kind="flag",
                    record_id=flag_id,
                    action=ChangeAction.RETIRE,
                    data=None,
                    note=resolve_form.cleaned_data["note"],
                    seen=seen,
                )
            except (services.EditConflict, ValueError) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The flag is resolved in the draft."))
                return redirect("staff:municipality", scope or "area")
    return render(
        request,
        "staff/flag.html",
        {
            "flag": found.data if found else None,
            "flag_id": flag_id,
            "retired": change is not None and found is None,
            "confirm_form": confirm_form,
            "resolve_form": resolve_form,
            "slug": scope or "area",
            "reviews": [
                f
                for f in selectors.flags_for(services.latest_version().snapshot, scope)
                if f.record_id == flag_id
            ],
        },
    )


def users(request: HttpRequest) -> HttpResponse:
    if not access.can_manage_users(request.user):
        raise PermissionDenied("area admins only")
    people = (
        get_user_model()
        .objects.filter(staff_memberships__isnull=False)
        .distinct()
        .prefetch_related("staff_memberships")
        .order_by("username")
    )
    return render(request, "staff/users.html", {"people": people})
