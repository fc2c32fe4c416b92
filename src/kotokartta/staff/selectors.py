"""Staff reads. `visible_drafts` and `record_scope` are the scoping selectors: every list and
detail view asks them, so a Kuhmo editor can reach neither a Kajaani draft nor a Kajaani record
by any address or id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kotokartta.staff import access, records, services
from kotokartta.staff.models import Draft, DraftChange, FlagReview, PublishedVersion
from kotokartta.staff.records import Snapshot


def visible_drafts(user: Any) -> QuerySet[Draft]:
    """Drafts the user may read: their municipalities' (and the area's, for area admins)."""
    if access.is_area_admin(user):
        return Draft.objects.all()
    return Draft.objects.filter(municipality_id__in=access.editable_municipality_ids(user))


def draft_for(user: Any, pk: int) -> Draft:
    draft = Draft.objects.filter(pk=pk).first()
    if draft is None:
        raise Http404("no such draft")
    if not visible_drafts(user).filter(pk=pk).exists():
        raise PermissionDenied("not your municipality's draft")
    return draft


def record_scope(user: Any, kind: str, record_id: str) -> str | None:
    """The municipality (None: the area) of a published record, or of a new record in an
    active draft; PermissionDenied when the user may not edit it, Http404 when it exists
    nowhere."""
    if kind not in records.KINDS:
        raise Http404("no such kind of record")
    found = records.find(services.latest_version().snapshot, kind, record_id)
    if found is not None:
        scope = records.scope_of(kind, found.file, found.data, record_id)
    else:
        change = (
            DraftChange.objects.filter(
                kind=kind, record_id=record_id, action="save", draft__status__in=Draft.ACTIVE
            )
            .select_related("draft")
            .first()
        )
        if change is None:
            raise Http404("no such record")
        scope = change.draft.municipality_id or None
    if not access.can_edit(user, scope):
        raise PermissionDenied("not your municipality's record")
    return scope


def municipality_scope(user: Any, municipality_id: str) -> str | None:
    """'area' or a municipality id from an address; PermissionDenied when not the user's."""
    scope = None if municipality_id == "area" else municipality_id
    version = services.latest_version()
    if scope is not None and records.municipality_file(scope) not in version.snapshot["files"]:
        raise Http404("no such municipality")
    if not access.can_edit(user, scope):
        raise PermissionDenied("not your municipality")
    return scope


@dataclass(frozen=True, slots=True)
class WorkItem:
    kind: str
    record_id: str
    text: str
    flag_kind: str = ""
    subject: str = ""
    confirmed: FlagReview | None = None


def flags_for(snapshot: Snapshot, municipality_id: str | None) -> list[WorkItem]:
    """Data-quality flags of a municipality's file (area.yaml for None), with the latest
    confirmation that each still stands."""
    content = snapshot["files"].get(records.municipality_file(municipality_id), {})
    reviews: dict[str, FlagReview] = {}
    for review in FlagReview.objects.filter(municipality_id=municipality_id or "").select_related(
        "reviewed_by"
    ):
        reviews.setdefault(review.flag_id, review)
    return [
        WorkItem(
            "flag",
            flag["id"],
            flag["text"].get("fi", ""),
            flag.get("kind", ""),
            flag.get("subject", ""),
            reviews.get(flag["id"]),
        )
        for flag in content.get("flags", [])
    ]


def needs_checking(
    snapshot: Snapshot, municipality_id: str | None, *, today: dt.date | None = None
) -> list[WorkItem]:
    """Dated plans whose date has passed: planned provisions whose year has come, and
    activities whose period has ended."""
    year = (today or timezone.localdate()).year
    items = []
    content = snapshot["files"].get(records.municipality_file(municipality_id), {})
    for provision in content.get("provisions", []):
        planned = provision.get("planned_from")
        if provision.get("status") == "planned" and planned is not None and planned <= year:
            items.append(
                WorkItem("provision", provision["id"], f"planned from {planned}; has it started?")
            )
    for found in records.records(snapshot, "activity"):
        scope = records.scope_of("activity", found.file, found.data)
        end = (found.data.get("period") or {}).get("end_year")
        if scope == municipality_id and end is not None and end < year:
            items.append(
                WorkItem("activity", found.record_id, f"ended in {end}; does it still run?")
            )
    return items


def last_reviewed(municipality_id: str) -> dt.date | None:
    """The day a person last published a change to the municipality's data or confirmed one of
    its flags; None while nobody has."""
    published = (
        PublishedVersion.objects.filter(published_by__isnull=False)
        .filter(
            Q(records__municipality_id=municipality_id) | Q(draft__municipality_id=municipality_id)
        )
        .aggregate(at=Max("published_at"))["at"]
    )
    confirmed = FlagReview.objects.filter(municipality_id=municipality_id).aggregate(
        at=Max("reviewed_at")
    )["at"]
    latest = max((t for t in (published, confirmed) if t is not None), default=None)
    return None if latest is None else timezone.localdate(latest)
