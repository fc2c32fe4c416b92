"""Reading a person's path from the database: resolve every reference, then run the engine."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from kotokartta.core.pagecache import data_version
from kotokartta.core.text import localised
from kotokartta.paths.engine import MunicipalityRef, Path, Profile, ProvisionFacts, build_path
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import PHASES, ClientGroup


def municipality_ref(municipality: m.Municipality, lang: str) -> MunicipalityRef:
    return MunicipalityRef(municipality.id, municipality.code, localised(municipality.name, lang))


def _provision_facts(
    provision: m.Provision,
    *,
    lang: str,
    places: dict[str, m.Place],
    roles: dict[str, m.Role],
    flags: dict[str, list[m.Flag]],
) -> ProvisionFacts:
    provider: dict[str, Any] | None = None
    org = provision.provider_organisation
    if org is not None:
        unit = provision.provider_unit
        role = provision.role
        provider = {
            "organisation": localised(org.name, lang),
            "organisation_id": org.id,
            "unit": localised(unit.name, lang) if unit else None,
            "unit_id": unit.id if unit else None,
            "municipality": municipality_ref(org.municipality, lang).as_dict()
            if org.municipality
            else None,
            "role": localised(role.name, lang) if role else None,
            "role_id": role.id if role else None,
        }
    elif provision.role is not None:
        provider = {
            "organisation": None,
            "organisation_id": None,
            "unit": None,
            "unit_id": None,
            "municipality": None,
            "role": localised(provision.role.name, lang),
            "role_id": provision.role.id,
        }
    activity = None
    if provision.activity is not None:
        a = provision.activity
        activity = {
            "id": a.id,
            "name": localised(a.name, lang),
            "description": localised(a.description, lang),
            "organisers": [localised(o.name, lang) for o in a.organisers.all()],
            "period": {"start_year": a.start_year, "end_year": a.end_year}
            if a.start_year or a.end_year
            else None,
        }
    condition = provision.condition or {}
    return ProvisionFacts(
        id=provision.id,
        phase=provision.phase,
        clients=tuple(provision.clients),
        status=provision.status,
        responsible=municipality_ref(provision.responsible, lang)
        if provision.responsible
        else None,
        responsible_is_residence=provision.responsible_is_residence,
        provider=provider,
        purchased=provision.purchased,
        places=tuple(
            {
                "id": place.id,
                "name": localised(place.name, lang),
                "address": place.address or None,
                "postal_code": place.postal_code or None,
                "municipality": localised(place.municipality.name, lang),
            }
            for place in (places[pid] for pid in provision.place_ids if pid in places)
        ),
        modes=tuple(provision.modes),
        partners=tuple(
            {
                "organisation": localised(partner.organisation.name, lang),
                "organisation_id": partner.organisation_id,
                "unit": localised(partner.unit.name, lang) if partner.unit else None,
                "role": localised(partner.role.name, lang) if partner.role else None,
                "note": localised(partner.note, lang) or None,
            }
            for partner in provision.partners.all()
        ),
        languages=tuple(provision.languages),
        target_groups=tuple(provision.target_groups),
        uses_finnish=condition.get("uses_finnish"),
        condition=localised(condition.get("text"), lang),
        details=localised(provision.details, lang),
        activity=activity,
        alternative_roles=tuple(
            localised(roles[r].name, lang) for r in provision.alternative_roles if r in roles
        ),
        planned_from=provision.planned_from,
        source=dict(provision.source),
        flags=tuple(
            {"id": f.id, "kind": f.kind, "text": localised(f.text, lang)}
            for f in flags.get(provision.id, [])
        ),
    )


_PATHS: OrderedDict[tuple[object, ...], Path] = OrderedDict()
_PATHS_LOCK = threading.Lock()
_PATHS_MAX = 4096


def path_for(*, municipality: m.Municipality, profile: Profile, lang: str = "fi") -> Path:
    """The person's path. Paths are immutable and depend only on the loaded data set, the
    municipality, the profile (client group, Finnish, residence basis — no dates, no names)
    and the language, so each worker keeps the recent ones in memory."""
    key = (data_version(), municipality.id, profile, lang)
    with _PATHS_LOCK:
        cached = _PATHS.get(key)
        if cached is not None:
            _PATHS.move_to_end(key)
            return cached
    path = _compute_path(municipality=municipality, profile=profile, lang=lang)
    with _PATHS_LOCK:
        _PATHS[key] = path
        while len(_PATHS) > _PATHS_MAX:
            _PATHS.popitem(last=False)
    return path


def _compute_path(*, municipality: m.Municipality, profile: Profile, lang: str) -> Path:
    dataset = m.DataSet.objects.require_current()
    provisions = list(m.Provision.objects.serving(municipality).with_related())
    place_ids = {pid for p in provisions for pid in p.place_ids}
    places = {
        p.id: p for p in m.Place.objects.filter(id__in=place_ids).select_related("municipality")
    }
    roles = {r.id: r for r in m.Role.objects.all()}
    flags: dict[str, list[m.Flag]] = {}
    for flag in m.Flag.objects.filter(subject__in=[p.id for p in provisions]):
        flags.setdefault(flag.subject, []).append(flag)
    facts = [
        _provision_facts(p, lang=lang, places=places, roles=roles, flags=flags) for p in provisions
    ]
    coordinators = [
        {
            "name": c.name,
            "title": localised(c.title, lang),
            "email": c.email,
            "organisation": localised(c.organisation.name, lang),
            "unit": localised(c.unit.name, lang) if c.unit else None,
        }
        for c in municipality.coordinators.select_related("organisation", "unit")
    ]
    return build_path(
        municipality=municipality_ref(municipality, lang),
        profile=profile,
        provisions=facts,
        coordinators=coordinators,
        lang=lang,
        data_date=dataset.data_date.isoformat(),
    )


def municipality_overview(*, municipality: m.Municipality, lang: str) -> list[dict[str, Any]]:
    """Every phase with the steps for both client groups, from the path engine:
    `[{"phase": Phase, "clients": [{"client": "job-seeker", "steps": [...]}, …]}, …]`."""
    paths = {
        client.value: path_for(municipality=municipality, profile=Profile(client=client), lang=lang)
        for client in ClientGroup
    }
    rows = []
    for phase in PHASES:
        rows.append(
            {
                "phase": phase,
                "clients": [
                    {
                        "client": client,
                        "steps": [
                            s for s in paths[client].as_dict()["steps"] if s["phase"] == phase.id
                        ],
                    }
                    for client in paths
                ],
            }
        )
    return rows
