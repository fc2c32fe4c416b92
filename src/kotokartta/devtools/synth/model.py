"""The generated source document and the generator's own records (areas, counties, profiles)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kotokartta.devtools.synth.geography import SourceMunicipality
from kotokartta.devtools.synth.words import _UnitName
from kotokartta.programme.vocabulary import SECTIONS

# --------------------------------------------------------------------------- the document


class _Document:
    """The synthetic source document, written from the sentences the records quote."""

    def __init__(self) -> None:
        self.paragraphs: dict[str, dict[str, list[str]]] = {section: {} for section in SECTIONS}

    def say(self, section: str, label: str, sentence: str) -> str:
        self.paragraphs[section].setdefault(label, []).append(sentence)
        return sentence

    def render(self, title: str, preface: Sequence[str]) -> str:
        lines = [title, "", *(f"{p}\n" for p in preface)]
        for section, heading in SECTIONS.items():
            paragraphs = self.paragraphs[section]
            if not paragraphs:
                continue
            lines += [heading, ""]
            for label, sentences in paragraphs.items():
                lines += [f"{label}: {' '.join(sentences)}", ""]
        return "\n".join(lines)


# --------------------------------------------------------------------------- the model


@dataclass
class _County:
    id: str
    name_fi: str
    name_sv: str
    units: tuple[str, str]  # aikuisten sosiaalityö, työikäisten sosiaalipalvelut


@dataclass
class _Area:
    id: str
    index: int
    members: list[SourceMunicipality]
    lead: SourceMunicipality
    hubs: list[SourceMunicipality]
    county: _County
    name_fi: str = ""
    projects: list[dict[str, Any]] = field(default_factory=list)

    @property
    def college(self) -> str:
        return f"ammattiopisto-{self.lead.id}"

    @property
    def online_training(self) -> str:
        return f"{self.id}-verkkokotokoulutus"


@dataclass
class _Profile:
    """The choices made for one municipality before its file is written."""

    mun: SourceMunicipality
    area: _Area
    employment: _UnitName
    integration: _UnitName
    admin_parent: bool
    kind: str  # lead | hub | own | purchaser
    seller: SourceMunicipality | None
    conditioned: bool
    spr: bool
    county_unit: str
    partner_role: str
    quota: bool


@dataclass
class SynthSummary:
    folder: Path
    files: int
    bytes: int
    municipalities: int
    areas: int
    counties: int
    provisions: int
    organisations: int
    activities: int
    flags: int
    purchased: int


@dataclass
class _Written:
    name: str
    label: str
    text: str
