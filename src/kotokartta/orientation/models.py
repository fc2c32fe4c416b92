"""Saved planning scenarios and the demand municipalities enter. Counts only: no names, no
dates of birth, nothing about a person — a row is "Paltamo, Arabic, 3 people, from 2027-03"."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Scenario(models.Model):
    """A named plan: the demand and parameters it was made from, and the plan as JSON (the
    contract of `kotokartta orientation plan --json`), so it reads back as it was."""

    name = models.CharField(max_length=200)
    demand = models.JSONField()  # [{"municipality": id, "language", "count", "earliest_start"}]
    parameters = models.JSONField()
    result = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class DemandEntry(models.Model):
    """Expected participants entered by a municipality's staff: one count per municipality,
    language and earliest start month. The municipality is kept by id (not a foreign key) so
    that reloading the programme data never touches it."""

    municipality_id = models.CharField(max_length=80)
    language = models.CharField(max_length=2)
    earliest_start = models.CharField(max_length=7, blank=True, default="")
    count = models.PositiveIntegerField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["municipality_id", "language", "earliest_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality_id", "language", "earliest_start"],
                name="orientation_demand_unique_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.language} {self.count}"
