"""`data load`: replace the programme in the database with a validated one, atomically.

Everything happens in one transaction: a failure or a killed process leaves the previously
loaded data set exactly as it was (SQLite and PostgreSQL both roll back an unfinished
transaction). Readers never see a mix of two data sets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import models, transaction

from kotokartta.programme import models as m
from kotokartta.programme import schema
from kotokartta.programme.validation import Programme

Progress = Callable[[str], None]
LOAD_STEPS = 6  # messages `load_programme` reports through `progress` (hooks add theirs)


def folder_checksum(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _source(source: schema.Source | None) -> dict[str, Any] | None:
    return None if source is None else source.model_dump(mode="json", exclude_none=True)


def _local(text: dict[str, str] | None) -> dict[str, str] | None:
    return None if text is None else dict(text)


def _clear() -> None:
    """Delete every programme row. Raw deletes: foreign keys are checked at commit."""
    tables: list[type[models.Model]] = [
        m.Provision.area_municipalities.through,
        m.Activity.organisers.through,
        m.Activity.municipalities.through,
        m.Partner,
        m.Provision,
        m.Flag,
        m.Coordinator,
        m.Activity,
        m.Place,
        m.CooperationBody,
        m.Municipality,
        m.Unit,
        m.Organisation,
        m.Role,
        m.DataSet,
    ]
    for model in tables:
        queryset = model._default_manager.all()
        queryset._raw_delete(queryset.db)


def load_programme(
    *, programme: Programme, source_folder: Path, progress: Progress | None = None
) -> m.DataSet:
    """Replace the database's programme with `programme` in one transaction."""
    say = progress or (lambda _message: None)
    with transaction.atomic():
        say("removing the previous data set")
        _clear()
        say("writing roles and organisations")
        m.Role.objects.bulk_create(
            m.Role(id=r.id, name=dict(r.name), order=i)
            for i, r in enumerate(programme.roles.values())
        )
        m.Organisation.objects.bulk_create(
            m.Organisation(
                id=o.id,
                kind=o.kind.value,
                name=dict(o.name),
                municipality_id=o.municipality,
                source=_source(o.source),
                order=i,
            )
            for i, o in enumerate(programme.organisations.values())
        )
        m.Unit.objects.bulk_create(
            m.Unit(id=u.id, organisation_id=org_id, parent_id=u.parent, name=dict(u.name), order=i)
            for i, (u, org_id) in enumerate(programme.units.values())
        )
        say("writing municipalities and places")
        order = {mun_id: i for i, mun_id in enumerate(programme.area.municipalities)}
        m.Municipality.objects.bulk_create(
            m.Municipality(
                id=mun.id,
                code=mun.code,
                name=dict(mun.name),
                aliases=list(mun.aliases),
                wellbeing_county_id=mun.wellbeing_county,
                receives_quota_refugees=mun.receives_quota_refugees,
                source=_source(mun.source),
                order=order.get(mun.id, len(order)),
            )
            for mun in programme.municipalities.values()
        )
        m.Place.objects.bulk_create(
            m.Place(
                id=p.id,
                name=dict(p.name),
                municipality_id=p.municipality,
                address=p.address or "",
                postal_code=p.postal_code or "",
                latitude=p.latitude,
                longitude=p.longitude,
                source=_source(p.source),
                order=i,
            )
            for i, p in enumerate(programme.places.values())
        )
        m.Coordinator.objects.bulk_create(
            m.Coordinator(
                municipality_id=mun_id,
                name=c.name,
                title=dict(c.title),
                email=c.email,
                organisation_id=c.organisation,
                unit_id=c.unit,
                source=_source(c.source),
                order=i,
            )
            for i, (mun_id, c) in enumerate(programme.coordinators)
        )
        say("writing activities")
        _load_activities(programme)
        say("writing provisions")
        _load_provisions(programme)
        m.Flag.objects.bulk_create(
            m.Flag(
                id=f.id,
                municipality_id=owner,
                kind=f.kind.value,
                subject=f.subject or "",
                text=dict(f.text),
                source=_source(f.source),
                order=i,
            )
            for i, (owner, f) in enumerate(programme.flags.values())
        )
        m.CooperationBody.objects.bulk_create(
            m.CooperationBody(
                id=b.id,
                name=dict(b.name),
                appointed_by_id=b.appointed_by,
                members=[dict(member) for member in b.members],
                tasks=_local(b.tasks),
                source=_source(b.source),
                order=i,
            )
            for i, b in enumerate(programme.cooperation.values())
        )
        dataset = m.DataSet.objects.create(
            area_id=programme.area.id,
            area_name=dict(programme.area.name),
            document_title=dict(programme.area.document.title),
            document_file=programme.area.document.file,
            document_publisher=_local(programme.area.document.publisher),
            document_text=programme.document_text,
            data_date=programme.area.document.data_date,
            source_folder=str(source_folder),
            checksum=folder_checksum(source_folder),
        )
        say("committing: checking every reference")
    return dataset


def _load_activities(programme: Programme) -> None:
    activities = list(programme.activities.values())
    m.Activity.objects.bulk_create(
        m.Activity(
            id=a.id,
            kind=a.kind.value,
            name=dict(a.name),
            phases=list(a.phases),
            start_year=a.period.start_year if a.period else None,
            end_year=a.period.end_year if a.period else None,
            description=_local(a.description),
            source=_source(a.source),
            organiser_order=list(a.organisers),
            municipality_order=list(a.municipalities),
            order=i,
        )
        for i, a in enumerate(activities)
    )
    m.Activity.organisers.through.objects.bulk_create(
        m.Activity.organisers.through(activity_id=a.id, organisation_id=org_id)
        for a in activities
        for org_id in a.organisers
    )
    m.Activity.municipalities.through.objects.bulk_create(
        m.Activity.municipalities.through(activity_id=a.id, municipality_id=mun_id)
        for a in activities
        for mun_id in a.municipalities
    )


def _load_provisions(programme: Programme) -> None:
    rows = list(programme.provisions.values())
    m.Provision.objects.bulk_create(
        m.Provision(
            id=p.id,
            municipality_id=owner,
            area_wide_all=owner is None and p.municipalities is None,
            phase=p.phase,
            clients=[c.value for c in p.clients],
            status=p.status.value,
            responsible_id=None if p.responsible in (None, "residence") else p.responsible,
            responsible_is_residence=p.responsible == "residence",
            provider_organisation_id=p.provider.organisation if p.provider else None,
            provider_unit_id=p.provider.unit if p.provider else None,
            role_id=p.role,
            alternative_roles=list(p.alternative_roles),
            purchased=p.purchased,
            place_ids=list(p.places),
            modes=[mode.value for mode in p.modes],
            languages=list(p.languages),
            target_groups=[t.value for t in p.target_groups],
            activity_id=p.activity,
            condition=p.condition.model_dump(mode="json", exclude_none=True)
            if p.condition
            else None,
            details=_local(p.details),
            planned_from=p.planned_from,
            source=_source(p.source),
            order=i,
        )
        for i, (owner, p) in enumerate(rows)
    )
    m.Provision.area_municipalities.through.objects.bulk_create(
        m.Provision.area_municipalities.through(provision_id=p.id, municipality_id=mun_id)
        for owner, p in rows
        if owner is None
        for mun_id in p.municipalities or []
    )
    m.Partner.objects.bulk_create(
        m.Partner(
            provision_id=p.id,
            organisation_id=partner.organisation,
            unit_id=partner.unit,
            role_id=partner.role,
            note=_local(partner.note),
            order=j,
        )
        for _owner, p in rows
        for j, partner in enumerate(p.partners)
    )
