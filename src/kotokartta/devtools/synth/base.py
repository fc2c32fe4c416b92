"""The generator's state and shared helpers: areas and counties, profiles, records."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from typing import Any

from kotokartta.devtools.synth.constants import NATIONAL_AREAS, NATIONAL_COUNTIES
from kotokartta.devtools.synth.geography import SourceMunicipality, group_areas
from kotokartta.devtools.synth.model import _Area, _County, _Document, _Profile
from kotokartta.devtools.synth.words import EMPLOYMENT_UNITS, INTEGRATION_UNITS
from kotokartta.devtools.synth.yamlout import _Flow, _FlowList

# --------------------------------------------------------------------------- the generator


class _GeneratorBase:
    def __init__(
        self,
        municipalities: list[SourceMunicipality],
        *,
        seed: int,
        area_count: int,
        command: str,
    ) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.command = command
        self.munis = municipalities
        self.doc = _Document()
        self.provision_count = 0
        self.purchased_count = 0
        self.flag_count = 0
        self.activity_count = 0
        self.organisation_count = 0
        groups = group_areas(municipalities, area_count)
        county_count = max(
            1, min(len(groups), round(len(groups) * NATIONAL_COUNTIES / NATIONAL_AREAS))
        )
        self.areas: list[_Area] = []
        self.counties: list[_County] = []
        county_groups: list[list[list[SourceMunicipality]]] = [[] for _ in range(county_count)]
        for index, members in enumerate(groups):
            county_groups[index * county_count // len(groups)].append(members)
        for members_list in county_groups:
            biggest = max(members_list, key=len)
            named = self._lead_of(biggest)
            county_id = f"hyvinvointialue-{named.id}"
            county = _County(
                id=county_id,
                name_fi=f"Hyvinvointialue {named.name_fi}",
                name_sv=f"Välfärdsområde {named.name_sv}",
                units=(
                    f"{county_id}-aikuisten-sosiaalityo",
                    f"{county_id}-tyoikaisten-sosiaalipalvelut",
                ),
            )
            self.counties.append(county)
            for members in members_list:
                lead = self._lead_of(members)
                hubs = [lead]
                if len(members) >= 8:
                    hubs.append(max(members, key=lambda m: (lead.distance(m), m.code)))
                area = _Area(
                    id=f"tyollisyysalue-{lead.id}",
                    index=len(self.areas),
                    members=members,
                    lead=lead,
                    hubs=hubs,
                    county=county,
                    name_fi=f"Työllisyysalue {lead.name_fi}",
                )
                self.areas.append(area)
        self.area_of = {m.code: area for area in self.areas for m in area.members}
        self.profiles: dict[str, _Profile] = {}
        self.kaikukortti: set[str] = set()
        self.area_intro: dict[str, str] = {}

    @staticmethod
    def _lead_of(members: Sequence[SourceMunicipality]) -> SourceMunicipality:
        cx = sum(m.x for m in members) / len(members)
        cy = sum(m.y for m in members) / len(members)
        return min(members, key=lambda m: (math.hypot(m.x - cx, m.y - cy), m.code))

    # ----------------------------------------------------------------- choices

    def _choose_profiles(self) -> None:
        rng = self.rng
        for area in self.areas:
            hub_codes = [h.code for h in area.hubs]
            others = [m for m in area.members if m.code not in hub_codes]
            buyers = {m.code for m in others if rng.random() < 0.4}
            if others and not buyers:
                buyers.add(others[rng.randrange(len(others))].code)
            for mun in area.members:
                if mun.code == area.lead.code:
                    kind = "lead"
                elif mun.code in hub_codes:
                    kind = "hub"
                elif mun.code in buyers:
                    kind = "purchaser"
                else:
                    kind = "own"
                nearest_hub = min(area.hubs, key=lambda h: (mun.distance(h), h.code))
                self.profiles[mun.code] = _Profile(
                    mun=mun,
                    area=area,
                    employment=rng.choice(EMPLOYMENT_UNITS),
                    integration=rng.choice(INTEGRATION_UNITS),
                    admin_parent=rng.random() < 0.4,
                    kind=kind,
                    seller=nearest_hub if kind in ("purchaser", "own") else None,
                    conditioned=kind == "own" and rng.random() < 0.15,
                    spr=rng.random() < 0.35,
                    county_unit=area.county.units[rng.randrange(2)],
                    partner_role=rng.choice(
                        ("sosiaaliohjaaja", "sosiaaliohjaaja", "sosiaalihoitaja")
                    ),
                    quota=rng.random() < (0.7 if kind in ("lead", "hub") else 0.15),
                )

    # ----------------------------------------------------------------- helpers

    def _provision(
        self,
        *,
        id: str,
        phase: str,
        clients: Iterable[str],
        status: str,
        source: _Flow,
        responsible: str | None = None,
        purchased: bool = False,
        provider: _Flow | None = None,
        role: str | None = None,
        places: Sequence[str] = (),
        modes: Sequence[str] = (),
        partners: Sequence[_Flow] = (),
        languages: Sequence[str] = (),
        target_groups: Sequence[str] = (),
        condition: dict[str, Any] | None = None,
        activity: str | None = None,
        details: tuple[str, str] | None = None,
        planned_from: int | None = None,
        municipalities: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": id,
            "phase": phase,
            "clients": _FlowList(clients),
            "status": status,
        }
        if planned_from is not None:
            record["planned_from"] = planned_from
        if responsible is not None:
            record["responsible"] = responsible
        if purchased:
            record["purchased"] = True
            self.purchased_count += 1
        if provider is not None:
            record["provider"] = provider
        if role is not None:
            record["role"] = role
        if places:
            record["places"] = _FlowList(places)
        if modes:
            record["modes"] = _FlowList(modes)
        if partners:
            record["partners"] = list(partners)
        if languages:
            record["languages"] = _FlowList(languages)
        if target_groups:
            record["target_groups"] = _FlowList(target_groups)
        if condition is not None:
            record["condition"] = condition
        if activity is not None:
            record["activity"] = activity
        if municipalities is not None:
            record["municipalities"] = _FlowList(municipalities)
        if details is not None:
            record["details"] = {"fi": details[0], "en": details[1]}
        record["source"] = source
        self.provision_count += 1
        return record

    def _flag(
        self,
        flags: list[dict[str, Any]],
        id: str,
        kind: str,
        subject: str | None,
        fi: str,
        en: str,
        source: _Flow,
    ) -> None:
        flag: dict[str, Any] = {"id": id, "kind": kind}
        if subject is not None:
            flag["subject"] = subject
        flag["text"] = {"fi": fi, "en": en}
        flag["source"] = source
        flags.append(flag)
        self.flag_count += 1

    def _activity(
        self,
        *,
        id: str,
        kind: str,
        name: _Flow,
        organisers: Sequence[str],
        municipalities: Sequence[str],
        phases: Sequence[str],
        source: _Flow,
        period: tuple[int, int] | None = None,
        description: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        record: dict[str, Any] = {"id": id, "kind": kind, "name": name}
        if organisers:
            record["organisers"] = _FlowList(organisers)
        record["municipalities"] = _FlowList(municipalities)
        record["phases"] = _FlowList(phases)
        if period is not None:
            record["period"] = _Flow(start_year=period[0], end_year=period[1])
        if description is not None:
            record["description"] = {"fi": description[0], "en": description[1]}
        record["source"] = source
        self.activity_count += 1
        return record
