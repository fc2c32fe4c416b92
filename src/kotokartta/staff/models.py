"""Staff editing: who may edit which municipality, drafts, published versions, the audit log.

The programme tables (programme.models) are rebuilt on every load, so nothing here points at
them with a foreign key: municipalities and records are named by their ids, which are stable
across loads. A published version keeps the whole programme as the data files' own structure
(`snapshot`), so any version can be validated, diffed, exported or restored again.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    EDITOR = "editor", "editor"
    PUBLISHER = "publisher", "publisher"
    AREA_ADMIN = "area-admin", "area admin"


class Membership(models.Model):
    """One role of a user: editor or publisher of one municipality, or area admin (no
    municipality). A user may hold several (an editor of two municipalities)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    municipality_id = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "municipality_id"], name="staff_membership_unique"
            )
        ]


class PublishedVersion(models.Model):
    """One published version of the whole programme, as the data files' structure:
    `{"files": {"area.yaml": {...}, "kuhmo.yaml": {...}}, "texts": {"<document>.txt": "..."}}`.
    Version 1 is the data set that was loaded from files when staff editing first ran; a later
    `data load` from files is recorded as a version too."""

    number = models.PositiveIntegerField(unique=True)
    snapshot = models.JSONField()
    dataset_checksum = models.CharField(max_length=64)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField()
    source = models.TextField(blank=True)
    draft = models.OneToOneField(
        "Draft", null=True, blank=True, on_delete=models.PROTECT, related_name="published_as"
    )

    class Meta:
        ordering = ["-number"]


class RecordRevision(models.Model):
    """A record as it became in one published version: the per-record timeline."""

    kind = models.CharField(max_length=20)
    record_id = models.CharField(max_length=80)
    municipality_id = models.CharField(max_length=80, blank=True)  # "" = area-wide
    version = models.ForeignKey(PublishedVersion, on_delete=models.PROTECT, related_name="records")
    action = models.CharField(max_length=10)  # added | changed | retired
    data = models.JSONField(null=True)
    editors = models.JSONField(default=list)  # usernames of the people who drafted it
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-version__number"]
        indexes = [models.Index(fields=["kind", "record_id"])]


class DraftStatus(models.TextChoices):
    OPEN = "open", "open"
    SUBMITTED = "submitted", "submitted for review"
    RETURNED = "returned", "returned"
    PUBLISHED = "published", "published"
    DISCARDED = "discarded", "discarded"


class DraftQuerySet(models.QuerySet["Draft"]):
    def active(self) -> DraftQuerySet:
        return self.filter(
            status__in=[DraftStatus.OPEN, DraftStatus.SUBMITTED, DraftStatus.RETURNED]
        )


class Draft(models.Model):
    """Changes to one municipality's part of the programme (or to the area's, `municipality_id`
    ""), kept apart from the published version until a publisher publishes them. At most one
    active draft per municipality: its editors work on it together."""

    ACTIVE: ClassVar[tuple[str, ...]] = ("open", "submitted", "returned")

    municipality_id = models.CharField(max_length=80, blank=True)
    base_version = models.ForeignKey(PublishedVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=DraftStatus.choices, default="open")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    review_comment = models.TextField(blank=True)
    origin = models.CharField(max_length=200, blank=True)  # e.g. "data load --as-draft FOLDER"

    objects = DraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class ChangeAction(models.TextChoices):
    SAVE = "save", "save"
    RETIRE = "retire", "retire"


class DraftChange(models.Model):
    """One record changed in a draft, in the data files' structure (`data`).

    `base_record_version` is the record's version when the change was started (the number of
    the published version that last changed it, 0 for as loaded); `revision` counts saves of
    this change. Both travel in the edit form: a stale one is a conflict, never an overwrite.
    """

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20)
    record_id = models.CharField(max_length=80)
    action = models.CharField(max_length=10, choices=ChangeAction.choices)
    data: models.JSONField[Any] = models.JSONField(null=True)
    target_file = models.CharField(max_length=100, blank=True)  # for new records
    base_record_version = models.PositiveIntegerField(default=0)
    revision = models.PositiveIntegerField(default=1)
    note = models.TextField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "kind", "record_id"], name="staff_change_once_per_draft"
            )
        ]


class FlagReview(models.Model):
    """A coordinator's answer to a data-quality flag that still stands: confirmed, with a note."""

    flag_id = models.CharField(max_length=80)
    municipality_id = models.CharField(max_length=80, blank=True)
    note = models.TextField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_at"]


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("the audit log is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log is append-only")


class AuditEvent(models.Model):
    """Append-only: who did what to staff data, when. Staff actions only; nothing about any
    newcomer is ever recorded (the public site records nothing at all)."""

    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=40)
    municipality_id = models.CharField(max_length=80, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    detail = models.TextField(blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log is append-only")
