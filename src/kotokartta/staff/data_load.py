"""What staff editing adds to `kotokartta data load`: `--as-draft` takes a folder in as a draft
for review, and `--if-changed` leaves a version published by staff in place."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from kotokartta.programme.data_subcommands import LoadOption

# staff.services (and through it the load service and validation) is imported where it is used:
# this module is imported by every command's start-up (StaffConfig.ready registers the option).


def take_in_as_draft(command: BaseCommand, folder: Path) -> None:
    from kotokartta.staff.services import draft_from_folder

    draft, notes = draft_from_folder(folder=folder, origin=f"data load --as-draft {folder}")
    for note in notes:
        command.stderr.write(note)
    if draft is None:
        command.stdout.write(f"{folder} does not differ from the published programme; no draft")
        return
    command.stdout.write(
        f"Draft {draft.pk}: {draft.changes.count()} changes from {folder}, waiting for review "
        f"at /staff/drafts/{draft.pk}/"
    )


def keep_staff_version() -> str | None:
    from kotokartta.staff.services import staff_version_in_use

    number = staff_version_in_use()
    if number is None:
        return None
    return (
        f"the database holds version {number} published by staff; not replaced by the files "
        "(load without --if-changed to replace it, or with --as-draft to review the files)"
    )


AS_DRAFT = LoadOption(
    option="--as-draft",
    help="take the folder in as a draft for review in the staff pages instead of replacing "
    "the published programme",
    take_in=take_in_as_draft,
    keep_reason=keep_staff_version,
)
