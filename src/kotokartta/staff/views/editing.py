"""Editing records into a draft: provisions, places, activities, organisations, contacts.

Every view finds the record's municipality through the scoping selector first (403 for
another municipality's record), builds the form from the record as its editors see it (the
draft's version if the draft changes it), and saves through `services.draft_save_change`,
which refuses stale forms (conflict) and changes that would break validation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kotokartta.staff import access, records, selectors, services, snapshots
from kotokartta.staff.choices import Choices
from kotokartta.staff.forms import (
    ActivityForm,
    CoordinatorFormSet,
    NoteForm,
    OrganisationForm,
    PlaceForm,
    RecordForm,
)
from kotokartta.staff.models import ChangeAction, RecordRevision
from kotokartta.staff.provision_form import (
    PartnerFormSet,
    make_provision_form,
    partner_initial,
    partners_from,
)

KIND_SLUGS = {
    "provisions": "provision",
    "places": "place",
    "activities": "activity",
    "organisations": "organisation",
}
FORMS: dict[str, type[RecordForm]] = {
    "place": PlaceForm,
    "activity": ActivityForm,
    "organisation": OrganisationForm,
}


def _kind(slug: str) -> str:
    try:
        return KIND_SLUGS[slug]
    except KeyError:
        raise Http404("no such kind of record") from None


def _snapshot_for(scope: str | None) -> dict[str, Any]:
    draft = services.active_draft(municipality_id=scope)
    return services.draft_snapshot(draft) if draft else services.latest_version().snapshot


def _form(
    kind: str,
    data: Any,
    *,
    record: dict[str, Any] | None,
    choices: Choices,
    creating: bool,
    scope: str | None,
) -> RecordForm:
    if kind == "provision":
        return make_provision_form(
            data, record=record, choices=choices, creating=creating, area_wide=scope is None
        )
    return FORMS[kind](data, record=record, choices=choices, creating=creating)


def _new_scope(kind: str, data: dict[str, Any], scope: str | None) -> str | None:
    if kind in ("place", "activity"):
        return records.scope_of(kind, records.municipality_file(scope), data)
    return scope


def _save(
    request: HttpRequest,
    *,
    kind: str,
    scope: str | None,
    record: dict[str, Any] | None,
    creating: bool,
    seen: services.Seen,
) -> HttpResponse:
    choices = Choices.from_snapshot(_snapshot_for(scope))
    post = request.POST if request.method == "POST" else None
    form = _form(kind, post, record=record, choices=choices, creating=creating, scope=scope)
    if post is None:
        form.initial.update(record_version=seen.record_version, revision=seen.revision)
        if creating and scope and kind in ("place",):
            form.initial["municipality"] = scope
        if creating and scope and kind == "activity":
            form.initial["municipalities"] = [scope]
    partners = None
    if kind == "provision":
        partners = PartnerFormSet(
            post,
            initial=None if post else partner_initial(record),
            prefix="partners",
            form_kwargs={"choices": choices},
        )
        if post is not None and partners.is_valid():
            form.partners_data = partners_from(partners, record)
    problems: list[str] = []
    status = 200
    if post is not None and form.is_valid() and (partners is None or partners.is_valid()):
        data = form.result
        record_id = data["id"]
        if not access.can_edit(request.user, _new_scope(kind, data, scope)):
            form.add_error(None, _("You may only place this record in your own municipality."))
        else:
            try:
                services.draft_save_change(
                    acting_user=request.user,
                    municipality_id=scope,
                    kind=kind,
                    record_id=record_id,
                    action=ChangeAction.SAVE,
                    data=data,
                    note=form.cleaned_data["note"],
                    seen=services.Seen(
                        form.cleaned_data["record_version"], form.cleaned_data["revision"]
                    ),
                    target_file=records.target_file_for(kind, data, scope) if creating else "",
                )
            except services.EditConflict as error:
                form.add_error(None, str(error))
                status = 409
            except snapshots.InvalidProgramme as error:
                problems = [str(p) for p in error.problems]
                status = 400
            else:
                messages.success(request, _("Saved in the draft. A publisher reviews it next."))
                return redirect("staff:municipality", scope or "area")
    if post is not None and status == 200 and (form.errors or (partners and partners.errors)):
        status = 400
    return render(
        request,
        "staff/record_form.html",
        {
            "form": form,
            "partners": partners,
            "kind": kind,
            "record": record,
            "creating": creating,
            "problems": problems,
            "slug": scope or "area",
        },
        status=status,
    )


def record_edit(request: HttpRequest, kind_slug: str, record_id: str) -> HttpResponse:
    kind = _kind(kind_slug)
    scope = selectors.record_scope(request.user, kind, record_id)
    found, _change = services.current_record(municipality_id=scope, kind=kind, record_id=record_id)
    if found is None:
        messages.info(request, _("This record is retired in the draft."))
        return redirect("staff:municipality", scope or "area")
    seen = services.seen_state(municipality_id=scope, kind=kind, record_id=record_id)
    return _save(request, kind=kind, scope=scope, record=found.data, creating=False, seen=seen)


def record_new(request: HttpRequest, kind_slug: str, municipality_id: str) -> HttpResponse:
    kind = _kind(kind_slug)
    scope = selectors.municipality_scope(request.user, municipality_id)
    if kind == "organisation" and not access.is_area_admin(request.user):
        raise PermissionDenied("area admins only")
    return _save(
        request, kind=kind, scope=scope, record=None, creating=True, seen=services.Seen(0, 0)
    )


def record_retire(request: HttpRequest, kind_slug: str, record_id: str) -> HttpResponse:
    kind = _kind(kind_slug)
    scope = selectors.record_scope(request.user, kind, record_id)
    seen = services.seen_state(municipality_id=scope, kind=kind, record_id=record_id)
    form = NoteForm(request.POST or None)
    problems: list[str] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_save_change(
                acting_user=request.user,
                municipality_id=scope,
                kind=kind,
                record_id=record_id,
                action=ChangeAction.RETIRE,
                data=None,
                note=form.cleaned_data["note"],
                seen=seen,
            )
        except services.EditConflict as error:
            form.add_error(None, str(error))
            status = 409
        except snapshots.InvalidProgramme as error:
            problems = [str(p) for p in error.problems]
            status = 400
        else:
            messages.success(request, _("Retired in the draft. A publisher reviews it next."))
            return redirect("staff:municipality", scope or "area")
    return render(
        request,
        "staff/retire.html",
        {
            "form": form,
            "kind": kind,
            "record_id": record_id,
            "problems": problems,
            "slug": scope or "area",
        },
        status=status,
    )


def record_history(request: HttpRequest, kind_slug: str, record_id: str) -> HttpResponse:
    """The record's timeline: as first loaded (with the document's quote), then every published
    version that changed it, who drafted and published it, why and on what source."""
    kind = _kind(kind_slug)
    revisions = list(
        RecordRevision.objects.filter(kind=kind, record_id=record_id)
        .select_related("version__published_by")
        .order_by("version__number")
    )
    try:
        scope = selectors.record_scope(request.user, kind, record_id)
    except Http404:
        if not revisions:
            raise
        scope = revisions[-1].municipality_id or None
        if not access.can_edit(request.user, scope):
            raise PermissionDenied("not your municipality's record") from None
    first = services.first_version()
    original = records.find(first.snapshot, kind, record_id) if first else None
    entries = []
    previous = original.data if original else None
    for revision in revisions:
        entries.append({"revision": revision, "fields": _field_diff(previous, revision.data)})
        previous = revision.data
    if request.method == "POST":
        return _restore(
            request,
            kind_slug=kind_slug,
            kind=kind,
            record_id=record_id,
            revisions=revisions,
            original=original.data if original else None,
        )
    return render(
        request,
        "staff/history.html",
        {
            "kind": kind,
            "kind_slug": kind_slug,
            "record_id": record_id,
            "original": original.data if original else None,
            "first": first,
            "entries": list(reversed(entries)),
            "slug": scope or "area",
        },
    )


def _restore(
    request: HttpRequest,
    *,
    kind_slug: str,
    kind: str,
    record_id: str,
    revisions: list[RecordRevision],
    original: Any,
) -> HttpResponse:
    wanted = request.POST.get("version", "")
    revision = next((r for r in revisions if str(r.version.number) == wanted), None)
    data = revision.data if revision is not None else original
    if data is None or (revision is None and wanted != "original"):
        messages.error(request, _("That version cannot be restored."))
        return redirect("staff:record_history", kind_slug, record_id)
    try:
        services.restore_revision(
            acting_user=request.user, revision=revision, kind=kind, record_id=record_id, data=data
        )
    except services.EditConflict as error:
        messages.error(request, str(error))
    except snapshots.InvalidProgramme as error:
        messages.error(request, "; ".join(str(p) for p in error.problems[:5]))
    else:
        messages.success(
            request, _("Restored as a change in the draft. A publisher reviews it next.")
        )
    return redirect(
        "staff:record_history",
        kind_slug,
        record_id,
    )


def _field_diff(old: Any, new: Any) -> list[tuple[str, Any, Any]]:
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    return [
        (key, old.get(key), new.get(key))
        for key in dict.fromkeys([*old, *new])
        if old.get(key) != new.get(key)
    ]


def contacts(request: HttpRequest, municipality_id: str) -> HttpResponse:
    """A municipality's coordinators, edited as one list."""
    scope = selectors.municipality_scope(request.user, municipality_id)
    if scope is None:
        raise Http404("the area has no contact list of its own")
    found, _change = services.current_record(
        municipality_id=scope, kind="coordinators", record_id=scope
    )
    existing: list[dict[str, Any]] = list(found.data) if found else []
    seen = services.seen_state(municipality_id=scope, kind="coordinators", record_id=scope)
    choices = Choices.from_snapshot(_snapshot_for(scope))
    post = request.POST if request.method == "POST" else None
    formset = CoordinatorFormSet(
        post,
        initial=None
        if post
        else [
            {
                "name": c["name"],
                "title_fi": c["title"].get("fi", ""),
                "title_en": c["title"].get("en", ""),
                "email": c["email"],
                "organisation": c["organisation"],
                "unit": c.get("unit", ""),
            }
            for c in existing
        ],
        prefix="contacts",
        form_kwargs={"choices": choices},
    )
    note = NoteForm(post)
    lock = {"record_version": seen.record_version, "revision": seen.revision}
    problems: list[str] = []
    status = 200
    if post is not None and formset.is_valid() and note.is_valid():
        people = []
        for index, form in enumerate(formset.forms):
            d = form.cleaned_data
            if not d or d.get("DELETE") or not d.get("name"):
                continue
            old = existing[index] if index < len(existing) else {}
            title = dict(old.get("title") or {})
            title.update({k: v for k, v in (("fi", d["title_fi"]), ("en", d["title_en"])) if v})
            person = {
                "name": d["name"],
                "title": title,
                "email": d["email"],
                "organisation": d["organisation"],
                "unit": d.get("unit") or None,
                "source": old.get("source") or {"section": "coordinators", "municipality": scope},
            }
            people.append(person)
        try:
            data = snapshots.normalise_record("coordinators", people)
            services.draft_save_change(
                acting_user=request.user,
                municipality_id=scope,
                kind="coordinators",
                record_id=scope,
                action=ChangeAction.SAVE,
                data=data,
                note=note.cleaned_data["note"],
                seen=services.Seen(
                    int(post.get("record_version", -1)), int(post.get("revision", -1))
                ),
            )
        except services.EditConflict as error:
            problems = [str(error)]
            status = 409
        except snapshots.InvalidProgramme as error:
            problems = [str(p) for p in error.problems]
            status = 400
        except ValueError as error:
            problems = [str(error)]
            status = 400
        else:
            messages.success(request, _("Saved in the draft. A publisher reviews it next."))
            return redirect("staff:municipality", scope)
    elif post is not None:
        status = 400
    return render(
        request,
        "staff/contacts.html",
        {"formset": formset, "note": note, "lock": lock, "problems": problems, "slug": scope},
        status=status,
    )
