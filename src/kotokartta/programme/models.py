"""The programme in the database. Loaded from the data files by `data load`, written back by
`data export`; the files stay the review format. Texts are JSON objects keyed by language
(Finnish authoritative), read through `core.text.localised`.
"""

from __future__ import annotations

from django.db import models

from kotokartta.core.cache import versioned_cache
from kotokartta.programme.vocabulary import (
    ActivityKind,
    ClientGroup,
    FlagKind,
    OrganisationKind,
    Status,
)


class NoProgrammeLoaded(LookupError):
    """No programme data set is in the database (run `kotokartta data load`)."""


class DataSetQuerySet(models.QuerySet["DataSet"]):
    def current(self) -> DataSet | None:
        """The data set the public site shows: the latest load, or None before the first.
        The source document's text (hundreds of kilobytes for a big data set) is read only
        when `document_text` is used."""
        return self.order_by("-loaded_at").defer("document_text").first()

    def require_current(self) -> DataSet:
        """The current data set; `NoProgrammeLoaded` when nothing is loaded."""
        dataset = self.current()
        if dataset is None:
            raise NoProgrammeLoaded("no programme data is loaded; run `kotokartta data load`")
        return dataset


class DataSet(models.Model):
    """One load of the data files: what was loaded, from where, when."""

    area_id = models.CharField(max_length=80)
    area_name = models.JSONField()
    document_title = models.JSONField()
    document_file = models.CharField(max_length=200)
    document_publisher = models.JSONField(null=True, blank=True)
    document_text = models.TextField()
    data_date = models.DateField()
    source_folder = models.CharField(max_length=500)
    checksum = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now_add=True)

    objects = DataSetQuerySet.as_manager()


class Role(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    name = models.JSONField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


class Organisation(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    kind = models.CharField(max_length=30, choices=[(k.value, k.value) for k in OrganisationKind])
    name = models.JSONField()
    municipality = models.ForeignKey(
        "Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.JSONField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


class Unit(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    name = models.JSONField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def find(self, term: str) -> Municipality | None:
        """By Finnish or Swedish name, code or alias, case-insensitively. The names are read
        once per loaded data set; then a lookup is one primary-key query."""
        wanted = term.strip().casefold()
        if not wanted:
            return None
        municipality_id = self._lookup().get(wanted)
        return None if municipality_id is None else self.filter(id=municipality_id).first()

    def _lookup(self) -> dict[str, str]:
        def table() -> dict[str, str]:
            found: dict[str, str] = {}
            for municipality in self.all():
                for key in municipality.lookup_keys():
                    found.setdefault(key, municipality.id)
            return found

        return versioned_cache.get_or_compute("municipality-names", "lookup", table)


class Municipality(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    code = models.CharField(max_length=3, unique=True)
    name = models.JSONField()
    aliases = models.JSONField(default=list)
    wellbeing_county = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    receives_quota_refugees = models.BooleanField(default=False)
    source = models.JSONField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return str(self.name.get("fi", self.id))

    def lookup_keys(self) -> set[str]:
        return {key.casefold() for key in (self.id, self.code, *self.name.values(), *self.aliases)}


class Place(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    name = models.JSONField()
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="places")
    address = models.CharField(max_length=300, blank=True)
    postal_code = models.CharField(max_length=5, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    source = models.JSONField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


class Coordinator(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="coordinators"
    )
    name = models.CharField(max_length=200)
    title = models.JSONField()
    email = models.CharField(max_length=254)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.JSONField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


class Activity(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in ActivityKind])
    name = models.JSONField()
    organisers = models.ManyToManyField(Organisation, related_name="activities", blank=True)
    municipalities = models.ManyToManyField(Municipality, related_name="activities", blank=True)
    phases = models.JSONField(default=list)
    start_year = models.PositiveIntegerField(null=True, blank=True)
    end_year = models.PositiveIntegerField(null=True, blank=True)
    description = models.JSONField(null=True, blank=True)
    source = models.JSONField()
    # Organisers and municipalities in file order (M2M tables keep no order).
    organiser_order = models.JSONField(default=list)
    municipality_order = models.JSONField(default=list)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


# A provision's client groups, places and alternative roles are rows of their own (below), in
# the data files' order. Every provision query fetches them with the provision (three queries per
# query set, not per provision): `Provision.clients`, `place_ids` and `alternative_role_ids` read
# them from memory.
_LINKS = ("client_links", "place_links", "alternative_role_links")


class ProvisionManager(models.Manager["Provision"]):
    def get_queryset(self) -> ProvisionQuerySet:
        return ProvisionQuerySet(self.model, using=self._db).prefetch_related(*_LINKS)


class ProvisionQuerySet(models.QuerySet["Provision"]):
    def serving(self, municipality: Municipality) -> ProvisionQuerySet:
        """Provisions for residents of `municipality`: its own, and the area-wide ones."""
        return self.filter(
            models.Q(municipality=municipality)
            | models.Q(municipality__isnull=True, area_wide_all=True)
            | models.Q(municipality__isnull=True, area_municipalities=municipality)
        ).distinct()

    def for_client(self, client: str) -> ProvisionQuerySet:
        """Provisions for this client group (`job-seeker`, `other`)."""
        return self.filter(client_links__client=client)

    def with_related(self) -> ProvisionQuerySet:
        return self.select_related(
            "responsible",
            "provider_organisation__municipality",
            "provider_unit",
            "role",
            "activity",
        ).prefetch_related(
            models.Prefetch(
                "partners", queryset=Partner.objects.select_related("organisation", "unit", "role")
            ),
            "activity__organisers",
            "area_municipalities",
        )


class Provision(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="provisions"
    )
    area_wide_all = models.BooleanField(default=False)
    area_municipalities = models.ManyToManyField(Municipality, related_name="+", blank=True)
    phase = models.CharField(max_length=30)
    status = models.CharField(max_length=20, choices=[(s.value, s.value) for s in Status])
    responsible = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responsible_is_residence = models.BooleanField(default=False)
    provider_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    provider_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.ForeignKey(
        Role, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purchased = models.BooleanField(default=False)
    modes = models.JSONField(default=list)
    languages = models.JSONField(default=list)
    target_groups = models.JSONField(default=list)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="provisions"
    )
    condition = models.JSONField(null=True, blank=True)
    details = models.JSONField(null=True, blank=True)
    planned_from = models.PositiveIntegerField(null=True, blank=True)
    source = models.JSONField()
    order = models.PositiveIntegerField(default=0)

    objects = ProvisionManager.from_queryset(ProvisionQuerySet)()

    class Meta:
        ordering = ["order"]
        indexes = [models.Index(fields=["municipality", "phase"])]

    @property
    def clients(self) -> list[str]:
        """The client groups it serves, in the data's order."""
        return [link.client for link in self.client_links.all()]

    @property
    def place_ids(self) -> list[str]:
        """Its places' ids, in the data's order."""
        return [link.place_id for link in self.place_links.all()]

    @property
    def alternative_role_ids(self) -> list[str]:
        """The roles that may do the work instead of `role`, in the data's order."""
        return [link.role_id for link in self.alternative_role_links.all()]


class ProvisionClient(models.Model):
    """One client group a provision serves."""

    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="client_links")
    client = models.CharField(max_length=20, choices=[(c.value, c.value) for c in ClientGroup])
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["provision", "client"], name="one_client_group_once")
        ]
        indexes = [models.Index(fields=["client"])]


class ProvisionPlace(models.Model):
    """One place where a provision is given."""

    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="place_links")
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="provision_links")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["provision", "place"], name="one_place_once")
        ]


class ProvisionAlternativeRole(models.Model):
    """A role that may do a provision's work instead of its main role."""

    provision = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="alternative_role_links"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["provision", "role"], name="one_alternative_role_once")
        ]


class Partner(models.Model):
    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.ForeignKey(
        Role, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.JSONField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


class Flag(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    kind = models.CharField(max_length=30, choices=[(k.value, k.value) for k in FlagKind])
    subject = models.CharField(max_length=80, blank=True)
    text = models.JSONField()
    source = models.JSONField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]


class CooperationBody(models.Model):
    id = models.CharField(primary_key=True, max_length=80)
    name = models.JSONField()
    appointed_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    members = models.JSONField(default=list)
    tasks = models.JSONField(null=True, blank=True)
    source = models.JSONField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]
