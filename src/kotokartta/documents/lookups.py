"""Everything the document reads from the database, read once per build."""

from __future__ import annotations

from dataclasses import dataclass

from kotokartta.programme import models as m
from kotokartta.programme.facts import (
    served_municipalities,
)
from kotokartta.programme.models import NoProgrammeLoaded


@dataclass
class Lookups:
    dataset: m.DataSet
    municipalities: list[m.Municipality]
    organisations: dict[str, m.Organisation]
    units: dict[str, m.Unit]
    roles: dict[str, m.Role]
    places: dict[str, m.Place]
    provisions: list[m.Provision]
    area_served: dict[str, set[str]]
    partners: dict[str, list[m.Partner]]
    activities: dict[str, m.Activity]
    flags: list[m.Flag]
    coordinators: list[m.Coordinator]
    bodies: list[m.CooperationBody]


def load_lookups() -> Lookups:
    dataset = m.DataSet.objects.current()
    if dataset is None:
        raise NoProgrammeLoaded("no programme data is loaded; run `kotokartta data load`")
    municipalities = list(m.Municipality.objects.select_related("wellbeing_county"))
    provisions = list(
        m.Provision.objects.select_related(
            "provider_organisation__municipality", "provider_unit", "role"
        ).prefetch_related("area_municipalities")
    )
    area_served = {
        provision.id: {
            mun.id for mun in served_municipalities(provision, municipalities=municipalities)
        }
        for provision in provisions
        if provision.municipality_id is None
    }
    partners: dict[str, list[m.Partner]] = {}
    for partner in m.Partner.objects.all():
        partners.setdefault(partner.provision_id, []).append(partner)
    return Lookups(
        dataset=dataset,
        municipalities=municipalities,
        organisations={o.id: o for o in m.Organisation.objects.all()},
        units={u.id: u for u in m.Unit.objects.all()},
        roles={r.id: r for r in m.Role.objects.all()},
        places={p.id: p for p in m.Place.objects.all()},
        provisions=provisions,
        area_served=area_served,
        partners=partners,
        activities={a.id: a for a in m.Activity.objects.all()},
        flags=list(m.Flag.objects.all()),
        coordinators=list(m.Coordinator.objects.all()),
        bodies=list(m.CooperationBody.objects.all()),
    )
