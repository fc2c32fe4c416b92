"""Choices for the edit forms, read from a snapshot (the draft as its editors see it), so that
a place or organisation added in the draft can be chosen at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kotokartta.core.text import localised
from kotokartta.staff.records import Snapshot, records

Choice = tuple[str, str]


@dataclass
class Choices:
    municipalities: list[Choice] = field(default_factory=list)
    organisations: list[Choice] = field(default_factory=list)
    units: list[Choice] = field(default_factory=list)
    unit_organisation: dict[str, str] = field(default_factory=dict)
    roles: list[Choice] = field(default_factory=list)
    places: list[Choice] = field(default_factory=list)
    activities: list[Choice] = field(default_factory=list)

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, lang: str = "fi") -> Choices:
        files: dict[str, Any] = snapshot["files"]
        area = files.get("area.yaml", {})
        order = area.get("area", {}).get("municipalities", [])
        muns = {
            content["municipality"]["id"]: content["municipality"]
            for content in files.values()
            if "municipality" in content
        }
        result = cls()
        result.municipalities = [
            (mid, localised(muns[mid]["name"], lang)) for mid in order if mid in muns
        ]
        org_names: dict[str, str] = {}
        for found in records(snapshot, "organisation"):
            org = found.data
            org_names[org["id"]] = localised(org["name"], lang)
            result.organisations.append((org["id"], f"{org_names[org['id']]} [{org['id']}]"))
            for unit in org.get("units", []):
                result.units.append(
                    (unit["id"], f"{org_names[org['id']]} – {localised(unit['name'], lang)}")
                )
                result.unit_organisation[unit["id"]] = org["id"]
        result.roles = [(r["id"], localised(r["name"], lang)) for r in area.get("roles", [])]
        mun_names = dict(result.municipalities)
        result.places = [
            (
                f.data["id"],
                f"{localised(f.data['name'], lang)} ({mun_names.get(f.data['municipality'], '')})",
            )
            for f in records(snapshot, "place")
        ]
        result.activities = [
            (f.data["id"], f"{localised(f.data['name'], lang)} [{f.data['id']}]")
            for f in records(snapshot, "activity")
        ]
        return result
