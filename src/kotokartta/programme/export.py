"""`data export`: write the database back as data files in the loading format.

Loading the exported folder gives the same database (tested as a round trip). Records go to the
file of the municipality they belong to; what belongs to no single municipality goes to
area.yaml. Staff edits made in the database leave through here for review.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kotokartta.programme import models as m
from kotokartta.programme import schema
from kotokartta.programme.validation import AREA_FILE

HEADER = (
    "# Exported by `kotokartta data export` from the Kotokartta database.\n"
    "# Format: docs/data-format.md. Quotes stand word for word in the source document.\n"
)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)


def _dump(model: schema.Strict | schema.RecordLists) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_defaults=True, exclude_none=True)


def _organisation(org: m.Organisation) -> schema.Organisation:
    return schema.Organisation(
        id=org.id,
        kind=org.kind,
        name=org.name,
        municipality=org.municipality_id,
        units=[
            schema.Unit(id=u.id, name=u.name, parent=u.parent_id)
            for u in sorted(org.units.all(), key=lambda u: u.order)
        ],
        source=org.source,
    )


def _activity(a: m.Activity) -> schema.Activity:
    period = None
    if a.start_year or a.end_year:
        period = schema.Period(start_year=a.start_year, end_year=a.end_year)
    return schema.Activity(
        id=a.id,
        kind=a.kind,
        name=a.name,
        organisers=a.organiser_order,
        municipalities=a.municipality_order,
        phases=a.phases,
        period=period,
        description=a.description,
        source=a.source,
    )


def _provision(p: m.Provision) -> schema.Provision:
    responsible: str | None = "residence" if p.responsible_is_residence else p.responsible_id
    provider = None
    if p.provider_organisation_id:
        provider = schema.Provider(organisation=p.provider_organisation_id, unit=p.provider_unit_id)
    area_list = None
    if p.municipality_id is None and not p.area_wide_all:
        area_list = [mun.id for mun in p.area_municipalities.all()]
    return schema.Provision(
        id=p.id,
        phase=p.phase,
        clients=p.clients,
        status=p.status,
        responsible=responsible,
        provider=provider,
        role=p.role_id,
        alternative_roles=p.alternative_role_ids,
        purchased=p.purchased,
        places=p.place_ids,
        modes=p.modes,
        partners=[
            schema.Partner(
                organisation=partner.organisation_id,
                unit=partner.unit_id,
                role=partner.role_id,
                note=partner.note,
            )
            for partner in p.partners.all()
        ],
        languages=p.languages,
        target_groups=p.target_groups,
        activity=p.activity_id,
        condition=p.condition,
        details=p.details,
        planned_from=p.planned_from,
        municipalities=area_list,
        source=p.source,
    )


def _place(p: m.Place) -> schema.Place:
    return schema.Place(
        id=p.id,
        name=p.name,
        municipality=p.municipality_id,
        address=p.address or None,
        postal_code=p.postal_code or None,
        latitude=p.latitude,
        longitude=p.longitude,
        source=p.source,
    )


def _flag(f: m.Flag) -> schema.Flag:
    return schema.Flag(
        id=f.id, kind=f.kind, subject=f.subject or None, text=f.text, source=f.source
    )


def export_programme(*, folder: Path) -> list[Path]:
    """Write the loaded programme into `folder` (created if missing). Returns the files written."""
    dataset = m.DataSet.objects.current()
    if dataset is None:
        raise LookupError("the database holds no programme; run `kotokartta data load` first")
    folder.mkdir(parents=True, exist_ok=True)
    municipalities = list(m.Municipality.objects.all())
    municipal_ids = {mun.id for mun in municipalities}

    organisations = list(m.Organisation.objects.prefetch_related("units"))
    activities = list(m.Activity.objects.all())
    provisions = list(
        m.Provision.objects.prefetch_related("partners", "area_municipalities").order_by("order")
    )
    places = list(m.Place.objects.all())
    flags = list(m.Flag.objects.all())

    def activity_file(a: m.Activity) -> str | None:
        return a.municipality_order[0] if len(a.municipality_order) == 1 else None

    def org_file(o: m.Organisation) -> str | None:
        return o.municipality_id if o.kind == "municipality" else None

    area = schema.AreaFile(
        area=schema.Area(
            id=dataset.area_id,
            name=dataset.area_name,
            document=schema.DocumentInfo(
                title=dataset.document_title,
                file=dataset.document_file,
                data_date=dataset.data_date,
                publisher=dataset.document_publisher,
            ),
            municipalities=[mun.id for mun in municipalities],
        ),
        roles=[schema.Role(id=r.id, name=r.name) for r in m.Role.objects.all()],
        organisations=[_organisation(o) for o in organisations if org_file(o) is None],
        activities=[_activity(a) for a in activities if activity_file(a) is None],
        provisions=[_provision(p) for p in provisions if p.municipality_id is None],
        flags=[_flag(f) for f in flags if f.municipality_id is None],
        cooperation=[
            schema.CooperationBody(
                id=b.id,
                name=b.name,
                appointed_by=b.appointed_by_id,
                members=b.members,
                tasks=b.tasks,
                source=b.source,
            )
            for b in m.CooperationBody.objects.all()
        ],
    )
    written = [_write(folder / AREA_FILE, _dump(area))]
    (folder / dataset.document_file).write_text(dataset.document_text, encoding="utf-8")
    written.append(folder / dataset.document_file)

    for mun in municipalities:
        content = schema.MunicipalityFile(
            municipality=schema.Municipality(
                id=mun.id,
                code=mun.code,
                name=mun.name,
                aliases=mun.aliases,
                wellbeing_county=mun.wellbeing_county_id,
                receives_quota_refugees=mun.receives_quota_refugees,
                source=mun.source,
            ),
            coordinators=[
                schema.Coordinator(
                    name=c.name,
                    title=c.title,
                    email=c.email,
                    organisation=c.organisation_id,
                    unit=c.unit_id,
                    source=c.source,
                )
                for c in mun.coordinators.all()
            ],
            organisations=[_organisation(o) for o in organisations if org_file(o) == mun.id],
            places=[_place(p) for p in places if p.municipality_id == mun.id],
            activities=[_activity(a) for a in activities if activity_file(a) == mun.id],
            provisions=[_provision(p) for p in provisions if p.municipality_id == mun.id],
            flags=[_flag(f) for f in flags if f.municipality_id == mun.id],
        )
        written.append(_write(folder / f"{mun.id}.yaml", _dump(content)))
    assert municipal_ids  # a loaded data set always has municipalities
    return written


def _write(path: Path, content: dict[str, Any]) -> Path:
    text = yaml.dump(
        content,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    path.write_text(HEADER + text, encoding="utf-8")
    return path
