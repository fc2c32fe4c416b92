"""Builders for small, valid programme data folders that tests then break on purpose."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from kotokartta.programme.vocabulary import PHASES

DOCUMENT = (
    "Testikunnan kotoutumisohjelma.\n\n"
    "Testikunta: Palvelutarpeen arvioinnista vastaa työllisyysohjaaja kunnantalolla.\n"
)


def minimal_area() -> dict[str, Any]:
    return {
        "area": {
            "id": "testialue",
            "name": {"fi": "Testialue", "en": "Test area"},
            "document": {
                "title": "Testikunnan kotoutumisohjelma",
                "file": "document.txt",
                "data_date": "2026-01-01",
            },
            "municipalities": ["testikunta"],
        },
        "roles": [{"id": "tyollisyysohjaaja", "name": {"fi": "työllisyysohjaaja"}}],
        "organisations": [
            {"id": "testi-hva", "kind": "wellbeing_county", "name": "Testin hyvinvointialue"}
        ],
        "provisions": [
            {
                "id": f"area-{phase.id.replace('_', '-')}",
                "phase": phase.id,
                "clients": ["job-seeker", "other"],
                "status": "undetermined",
                "responsible": "residence",
                "source": {"section": phase.section},
            }
            for phase in PHASES
            if phase.id != "assessment"
        ],
    }


def minimal_municipality() -> dict[str, Any]:
    return {
        "municipality": {
            "id": "testikunta",
            "code": "999",
            "name": {"fi": "Testikunta", "sv": "Testkommun"},
            "aliases": ["Tesikunta"],
            "wellbeing_county": "testi-hva",
        },
        "coordinators": [
            {
                "name": "Testi Henkilö",
                "title": "koordinaattori",
                "email": "testi.henkilo@example.fi",
                "organisation": "testikunta",
                "source": {"section": "coordinators"},
            }
        ],
        "organisations": [
            {
                "id": "testikunta",
                "kind": "municipality",
                "municipality": "testikunta",
                "name": "Testikunnan kunta",
                "units": [{"id": "testi-tyollisyyspalvelut", "name": "työllisyyspalvelut"}],
            }
        ],
        "places": [{"id": "testi-kunnantalo", "name": "Kunnantalo", "municipality": "testikunta"}],
        "provisions": [
            {
                "id": "testikunta-assessment",
                "phase": "assessment",
                "clients": ["job-seeker", "other"],
                "status": "available",
                "responsible": "testikunta",
                "provider": {"organisation": "testikunta", "unit": "testi-tyollisyyspalvelut"},
                "role": "tyollisyysohjaaja",
                "places": ["testi-kunnantalo"],
                "modes": ["in_person"],
                "source": {
                    "section": "assessment",
                    "quote": "Palvelutarpeen arvioinnista vastaa työllisyysohjaaja kunnantalolla.",
                },
            }
        ],
    }


class DataFolder:
    """A data folder under construction: edit `area` and `municipality`, then `write()`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.area = minimal_area()
        self.municipality = minimal_municipality()
        self.raw: dict[str, str] = {}

    def write(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "document.txt").write_text(DOCUMENT, encoding="utf-8")
        for name, content in (("area.yaml", self.area), ("testikunta.yaml", self.municipality)):
            if name in self.raw:
                (self.root / name).write_text(self.raw[name], encoding="utf-8")
            else:
                text = yaml.safe_dump(copy.deepcopy(content), allow_unicode=True, sort_keys=False)
                (self.root / name).write_text(text, encoding="utf-8")
        return self.root
