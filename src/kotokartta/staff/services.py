"""Staff writes: draft a change, submit, return, publish, restore, confirm a flag.

Every write takes `acting_user`, runs in one transaction and records itself in the audit log in
the same transaction. Publishing applies the draft to the latest published version, runs the
same validation as `kotokartta data check`, and loads the result as a new data set in one
transaction (`programme.loading.load_programme`): broken data never goes live, the public site
switches in one step, and every cache keyed by the data version follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kotokartta.programme.models import DataSet
from kotokartta.programme.services import load_programme_from_folder
from kotokartta.staff import access, audit, records, snapshots
from kotokartta.staff.models import (
    ChangeAction,
    Draft,
    DraftChange,
    DraftStatus,
    FlagReview,
    PublishedVersion,
    RecordRevision,
)
from kotokartta.staff.records import ChangeSpec, Snapshot


class EditConflict(Exception):
    """Someone else changed the same record first; nothing was overwritten."""


class NotAllowed(PermissionError):
    pass


# ---------------------------------------------------------------- versions


def sync_with_database(*, acting_user: Any = None) -> PublishedVersion:
    """The latest published version, recording the loaded data set as one when it is not yet
    (the first run, or a `kotokartta data load` from files since the last publish)."""
    dataset = DataSet.objects.require_current()
    head = PublishedVersion.objects.order_by("-number").values("pk", "dataset_checksum").first()
    if head is not None and head["dataset_checksum"] == dataset.checksum:
        return _cached_version(head["pk"], head["dataset_checksum"])
    with transaction.atomic():
        latest = PublishedVersion.objects.select_for_update().order_by("-number").first()
        if latest is not None and latest.dataset_checksum == dataset.checksum:
            return latest
        snapshot = snapshots.from_database()
        version = PublishedVersion.objects.create(
            number=1 if latest is None else latest.number + 1,
            snapshot=snapshot,
            dataset_checksum=dataset.checksum,
            published_by=None,
            note="Loaded from the data files" if latest is None else "Loaded from data files",
            source=dataset.source_folder,
        )
        if latest is not None:
            _record_revisions(version, latest.snapshot, snapshot, editors={})
            audit.record(
                action="data-load",
                actor_name="command line",
                subject=f"version {version.number}",
                detail=dataset.source_folder,
            )
    return version


# Published versions never change; each worker keeps the latest few (a snapshot is about 300 KB),
# keyed by id and data checksum so that a rolled-back id reused later is never mistaken.
_VERSIONS: dict[tuple[int, str], PublishedVersion] = {}


def _cached_version(pk: int, checksum: str) -> PublishedVersion:
    key = (pk, checksum)
    version = _VERSIONS.get(key)
    if version is None:
        version = PublishedVersion.objects.select_related("published_by").get(pk=pk)
        if len(_VERSIONS) >= 4:
            _VERSIONS.clear()
        _VERSIONS[key] = version
    return version


def latest_version() -> PublishedVersion:
    return sync_with_database()


def record_version(kind: str, record_id: str) -> int:
    """The number of the published version that last changed the record; 0 for as loaded."""
    latest = (
        RecordRevision.objects.filter(kind=kind, record_id=record_id)
        .order_by("-version__number")
        .values_list("version__number", flat=True)
        .first()
    )
    return int(latest or 0)


def _record_revisions(
    version: PublishedVersion,
    old: Snapshot,
    new: Snapshot,
    *,
    editors: dict[tuple[str, str], tuple[list[str], str]],
) -> int:
    rows = [
        RecordRevision(
            kind=kind,
            record_id=record_id,
            municipality_id=scope,
            version=version,
            action=action,
            data=data,
            editors=editors.get((kind, record_id), ([], ""))[0],
            note=editors.get((kind, record_id), ([], ""))[1],
        )
        for kind, record_id, action, data, scope in records.changed_records(old, new)
    ]
    RecordRevision.objects.bulk_create(rows)
    return len(rows)


# ---------------------------------------------------------------- drafts


def draft_specs(draft: Draft) -> list[ChangeSpec]:
    return [
        ChangeSpec(c.kind, c.record_id, c.action, c.data, c.target_file)
        for c in draft.changes.order_by("id")
    ]


def draft_snapshot(draft: Draft, *, version: PublishedVersion | None = None) -> Snapshot:
    """The latest published version (or `version`) with the draft applied."""
    base = version or latest_version()
    return records.apply(base.snapshot, draft_specs(draft))


def active_draft(*, municipality_id: str | None) -> Draft | None:
    return Draft.objects.active().filter(municipality_id=municipality_id or "").first()


def _draft_for_change(*, municipality_id: str | None, acting_user: Any) -> Draft:
    draft = (
        Draft.objects.select_for_update()
        .active()
        .filter(municipality_id=municipality_id or "")
        .first()
    )
    if draft is None:
        draft = Draft.objects.create(
            municipality_id=municipality_id or "",
            base_version=latest_version(),
            created_by=acting_user,
        )
    return draft


@dataclass(frozen=True, slots=True)
class Seen:
    """What the editor's form was based on: the record's published version and the revision of
    the draft's change to it (0: none yet)."""

    record_version: int
    revision: int


def seen_state(*, municipality_id: str | None, kind: str, record_id: str) -> Seen:
    draft = active_draft(municipality_id=municipality_id)
    change = None if draft is None else draft.changes.filter(kind=kind, record_id=record_id).first()
    if change is not None:
        return Seen(change.base_record_version, change.revision)
    return Seen(record_version(kind, record_id), 0)


def current_record(
    *, municipality_id: str | None, kind: str, record_id: str
) -> tuple[records.Found | None, DraftChange | None]:
    """The record as its editors see it: the draft's version if the active draft changes it,
    else the published one. (None, change) for a record the draft retires."""
    version = latest_version()
    draft = active_draft(municipality_id=municipality_id)
    change = None if draft is None else draft.changes.filter(kind=kind, record_id=record_id).first()
    if change is None:
        return records.find(version.snapshot, kind, record_id), None
    if change.action == ChangeAction.RETIRE:
        return None, change
    applied = records.apply(
        version.snapshot,
        [ChangeSpec(change.kind, change.record_id, change.action, change.data, change.target_file)],
    )
    return records.find(applied, kind, record_id), change


def draft_save_change(
    *,
    acting_user: Any,
    municipality_id: str | None,
    kind: str,
    record_id: str,
    action: str,
    data: Any,
    note: str,
    seen: Seen,
    target_file: str = "",
    audit_action: str = "draft-change",
) -> DraftChange:
    """Put one record's change into its municipality's active draft (creating the draft).

    Raises EditConflict when the record changed since the editor's form was opened (published
    meanwhile, or saved into the draft by someone else), and InvalidProgramme when the
    programme with this change would not pass validation: nothing is saved then."""
    if not access.can_edit(acting_user, municipality_id):
        raise NotAllowed(_("You may not edit this municipality's data."))
    if not note.strip():
        raise ValueError(_("Say why: a note is required."))
    with transaction.atomic():
        version = latest_version()
        draft = _draft_for_change(municipality_id=municipality_id, acting_user=acting_user)
        change = draft.changes.select_for_update().filter(kind=kind, record_id=record_id).first()
        current = record_version(kind, record_id)
        if change is None:
            if seen.revision != 0 or seen.record_version != current:
                raise EditConflict(
                    _(
                        "This record was changed and published by someone else after you "
                        "opened it. Your change was not saved: open the record again to see "
                        "the current version, then redo your change."
                    )
                )
            change = DraftChange(draft=draft, kind=kind, record_id=record_id, revision=0)
            change.base_record_version = current
        elif seen.revision != change.revision:
            who = change.updated_by.get_username() if change.updated_by else "?"
            raise EditConflict(
                _(
                    "%(who)s saved a change to this record while you were editing it. Your "
                    "change was not saved: open the record again to see their version, then "
                    "redo your change."
                )
                % {"who": who}
            )
        change.action = action
        change.data = data
        change.target_file = target_file
        change.note = note.strip()
        change.updated_by = acting_user
        change.revision += 1
        specs = [s for s in draft_specs(draft) if (s.kind, s.record_id) != (kind, record_id)]
        specs.append(ChangeSpec(kind, record_id, action, data, target_file))
        snapshots.validate(records.apply(version.snapshot, specs))
        change._history_user = acting_user  # type: ignore[attr-defined]
        change.save()
        if draft.status == DraftStatus.RETURNED:
            draft.status = DraftStatus.OPEN
        draft.save()
        audit.record(
            action=audit_action,
            actor=acting_user,
            municipality_id=municipality_id,
            subject=f"{kind} {record_id}",
            detail=f"{action}: {note.strip()}",
        )
    return change


def draft_drop_change(*, acting_user: Any, change: DraftChange) -> None:
    draft = change.draft
    if not access.can_edit(acting_user, draft.municipality_id or None) or not draft.is_active:
        raise NotAllowed(_("You may not change this draft."))
    with transaction.atomic():
        subject = f"{change.kind} {change.record_id}"
        change._history_user = acting_user  # type: ignore[attr-defined]
        change.delete()
        audit.record(
            action="draft-change",
            actor=acting_user,
            municipality_id=draft.municipality_id,
            subject=subject,
            detail="change withdrawn from the draft",
        )


def draft_submit(*, acting_user: Any, draft: Draft) -> None:
    if not access.can_edit(acting_user, draft.municipality_id or None) or not draft.is_active:
        raise NotAllowed(_("You may not submit this draft."))
    with transaction.atomic():
        draft.status = DraftStatus.SUBMITTED
        draft.save()
        audit.record(
            action="draft-submit",
            actor=acting_user,
            municipality_id=draft.municipality_id,
            subject=f"draft {draft.pk}",
        )


def draft_return(*, acting_user: Any, draft: Draft, comment: str) -> None:
    if not access.can_publish(acting_user, draft.municipality_id or None) or not draft.is_active:
        raise NotAllowed(_("You may not review this draft."))
    if not comment.strip():
        raise ValueError(_("Say what needs changing: a comment is required."))
    with transaction.atomic():
        draft.status = DraftStatus.RETURNED
        draft.review_comment = comment.strip()
        draft.save()
        audit.record(
            action="draft-return",
            actor=acting_user,
            municipality_id=draft.municipality_id,
            subject=f"draft {draft.pk}",
            detail=comment.strip(),
        )


def draft_discard(*, acting_user: Any, draft: Draft) -> None:
    if not access.can_publish(acting_user, draft.municipality_id or None) or not draft.is_active:
        raise NotAllowed(_("You may not discard this draft."))
    with transaction.atomic():
        draft.status = DraftStatus.DISCARDED
        draft.save()
        audit.record(
            action="draft-discard",
            actor=acting_user,
            municipality_id=draft.municipality_id,
            subject=f"draft {draft.pk}",
        )


def draft_conflicts(draft: Draft) -> list[str]:
    """Records the draft changes that were published by someone else since it changed them."""
    messages = []
    for change in draft.changes.all():
        now = record_version(change.kind, change.record_id)
        if now != change.base_record_version:
            messages.append(
                _(
                    "%(kind)s %(id)s was changed in published version %(version)s after this "
                    "draft changed it. Withdraw the change from the draft and make it again on "
                    "the current version."
                )
                % {"kind": change.kind, "id": change.record_id, "version": now}
            )
    return messages


def draft_publish(*, acting_user: Any, draft: Draft, note: str, source: str) -> PublishedVersion:
    """Publish the draft as a new version of the whole programme, atomically."""
    if not access.can_publish(acting_user, draft.municipality_id or None) or not draft.is_active:
        raise NotAllowed(_("You may not publish this draft."))
    if not note.strip():
        raise ValueError(_("Say why: a note is required to publish."))
    if not source.strip():
        raise ValueError(_("Give the source: a decision (who and when), a link or a document."))
    with transaction.atomic():
        latest = PublishedVersion.objects.select_for_update().order_by("-number").first()
        dataset = DataSet.objects.require_current()
        if latest is None or latest.dataset_checksum != dataset.checksum:
            latest = sync_with_database()
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        if not draft.is_active:
            raise NotAllowed(_("This draft was already published or discarded."))
        conflicts = draft_conflicts(draft)
        if conflicts:
            raise EditConflict(" ".join(conflicts))
        if not draft.changes.exists():
            raise ValueError(_("The draft has no changes to publish."))
        snapshot = draft_snapshot(draft, version=latest)
        snapshots.validate(snapshot)  # the problems, if any, before anything is written
        with snapshots.as_folder(snapshot) as folder:
            # The same load as `kotokartta data load`, with every after-load hook (the search
            # index) in this transaction.
            dataset = load_programme_from_folder(folder=folder).dataset
        dataset.source_folder = f"published version {latest.number + 1}"
        dataset.save(update_fields=["source_folder"])
        version = PublishedVersion.objects.create(
            number=latest.number + 1,
            snapshot=snapshot,
            dataset_checksum=dataset.checksum,
            published_by=acting_user,
            note=note.strip(),
            source=source.strip(),
            draft=draft,
        )
        editors: dict[tuple[str, str], tuple[list[str], str]] = {}
        for change in draft.changes.all():
            names = sorted(
                {
                    h.history_user.get_username()
                    for h in change.history.all()
                    if h.history_user is not None
                }
            )
            editors[(change.kind, change.record_id)] = (names, change.note)
        _record_revisions(version, latest.snapshot, snapshot, editors=editors)
        draft.status = DraftStatus.PUBLISHED
        draft.save()
        audit.record(
            action="publish",
            actor=acting_user,
            municipality_id=draft.municipality_id,
            subject=f"draft {draft.pk} → version {version.number}",
            detail=f"{note.strip()} | source: {source.strip()}",
        )
    return version


def restore_revision(
    *, acting_user: Any, revision: RecordRevision | None, kind: str, record_id: str, data: Any
) -> DraftChange:
    """Take an earlier version of a record into the draft, as a new change for review."""
    found = records.find(latest_version().snapshot, kind, record_id)
    scope = revision.municipality_id if revision is not None else None
    if found is not None:
        scope = records.scope_of(kind, found.file, found.data, record_id) or ""
    municipality_id = scope or None
    label = f"version {revision.version.number}" if revision else "as first loaded"
    target = "" if found is not None else records.target_file_for(kind, data, municipality_id)
    return draft_save_change(
        acting_user=acting_user,
        municipality_id=municipality_id,
        kind=kind,
        record_id=record_id,
        action=ChangeAction.SAVE,
        data=data,
        note=_("Restored %(label)s") % {"label": label},
        seen=seen_state(municipality_id=municipality_id, kind=kind, record_id=record_id),
        target_file=target,
        audit_action="restore",
    )


def flag_confirm(
    *, acting_user: Any, flag_id: str, municipality_id: str | None, note: str
) -> FlagReview:
    if not access.can_edit(acting_user, municipality_id):
        raise NotAllowed(_("You may not review this municipality's flags."))
    if not note.strip():
        raise ValueError(_("Say why the flag still stands: a note is required."))
    with transaction.atomic():
        review = FlagReview.objects.create(
            flag_id=flag_id,
            municipality_id=municipality_id or "",
            note=note.strip(),
            reviewed_by=acting_user,
        )
        audit.record(
            action="flag-confirm",
            actor=acting_user,
            municipality_id=municipality_id,
            subject=f"flag {flag_id}",
            detail=note.strip(),
        )
    return review


def draft_from_folder(*, folder: Path, origin: str) -> tuple[Draft | None, list[str]]:
    """`data load FOLDER --as-draft`: every record that differs from the published version
    becomes a change in a draft of the whole area, for review. Returns the draft (None when
    nothing differs) and notes on what a draft cannot carry (area, roles, municipality records,
    the document)."""
    programme_problems = snapshots.check(folder)
    if programme_problems:
        raise snapshots.InvalidProgramme(programme_problems)
    incoming = snapshots.normalised(snapshots.read_folder(folder))
    with transaction.atomic():
        version = latest_version()
        notes = snapshots.untracked_differences(version.snapshot, incoming)
        changed = list(records.changed_records(version.snapshot, incoming))
        if not changed:
            return None, notes
        draft = Draft.objects.create(
            municipality_id="",
            base_version=version,
            origin=origin[:200],
            status=DraftStatus.SUBMITTED,
        )
        for kind, record_id, action, data, scope in changed:
            found = records.find(incoming, kind, record_id)
            DraftChange.objects.create(
                draft=draft,
                kind=kind,
                record_id=record_id,
                action=ChangeAction.RETIRE if action == "retired" else ChangeAction.SAVE,
                data=data,
                target_file=found.file if found is not None and action == "added" else "",
                base_record_version=record_version(kind, record_id),
                note=origin[:200],
            )
            del scope
        audit.record(
            action="draft-change",
            actor_name="command line",
            subject=f"draft {draft.pk}",
            detail=f"{len(changed)} changes from {origin}",
        )
    return draft, notes


def first_version() -> PublishedVersion | None:
    """Version 1: the programme as loaded from the document's data files."""
    latest_version()
    return PublishedVersion.objects.order_by("number").first()


def staff_version_in_use() -> int | None:
    """The number of the published version the database holds when staff published it (not a
    load from files); None otherwise. `data load --if-changed` leaves such a database alone."""
    dataset = DataSet.objects.current()
    if dataset is None:
        return None
    version = (
        PublishedVersion.objects.filter(
            dataset_checksum=dataset.checksum, published_by__isnull=False
        )
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return None if version is None else int(version)
