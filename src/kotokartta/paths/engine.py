"""The path engine: a person's profile in, their ordered path through the programme out.

Plain Python over plain data (no Django, no HTTP): the web, the API, the CLI and the PDF code
all call `build_path` through `paths.selectors.path_for`, so they all give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
    PHASE_ORDER,
    PHASES,
    ClientGroup,
    ResidenceBasis,
    Status,
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What the person told us. Nothing here is stored."""

    client: ClientGroup
    uses_finnish: bool | None = None
    residence_basis: ResidenceBasis | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "client": self.client.value,
            "uses_finnish": self.uses_finnish,
            "residence_basis": self.residence_basis.value if self.residence_basis else None,
        }


@dataclass(frozen=True, slots=True)
class MunicipalityRef:
    id: str
    code: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True, slots=True)
class ProvisionFacts:
    """One provision with every reference resolved to text in the requested language."""

    id: str
    phase: str
    clients: tuple[str, ...]
    status: str
    responsible: MunicipalityRef | None
    responsible_is_residence: bool
    provider: dict[str, Any] | None
    purchased: bool
    places: tuple[dict[str, Any], ...]
    modes: tuple[str, ...]
    partners: tuple[dict[str, Any], ...]
    languages: tuple[str, ...]
    target_groups: tuple[str, ...]
    uses_finnish: bool | None
    condition: str
    details: str
    activity: dict[str, Any] | None
    alternative_roles: tuple[str, ...]
    planned_from: int | None
    source: dict[str, Any]
    flags: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    phase: str
    facts: ProvisionFacts | None
    status: str
    responsible: MunicipalityRef | None
    details: str
    lang: str

    def as_dict(self) -> dict[str, Any]:
        phase = PHASE_BY_ID[self.phase]
        f = self.facts
        return {
            "phase": self.phase,
            "phase_name": phase.name(self.lang),
            "law": phase.law.as_dict(),
            "status": self.status,
            "responsible": self.responsible.as_dict() if self.responsible else None,
            "provider": f.provider if f else None,
            "purchased": f.purchased if f else False,
            "places": list(f.places) if f else [],
            "modes": list(f.modes) if f else [],
            "partners": list(f.partners) if f else [],
            "languages": list(f.languages) if f else [],
            "target_groups": list(f.target_groups) if f else [],
            "condition": (f.condition or None) if f else None,
            "alternative_roles": list(f.alternative_roles) if f else [],
            "activity": f.activity if f else None,
            "planned_from": f.planned_from if f else None,
            "details": self.details,
            "flags": list(f.flags) if f else [],
            "source": f.source if f else None,
            "provision": f.id if f else None,
        }


@dataclass(frozen=True, slots=True)
class Path:
    municipality: MunicipalityRef
    profile: Profile
    coordinators: tuple[dict[str, Any], ...]
    steps: tuple[Step, ...]
    lang: str
    data_date: str = ""
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality.as_dict(),
            "client": self.profile.client.value,
            "profile": self.profile.as_dict(),
            "lang": self.lang,
            "data_date": self.data_date,
            "coordinators": list(self.coordinators),
            "steps": [step.as_dict() for step in self.steps],
        }


NOT_DESCRIBED = {
    "fi": "Asiakirja ei kuvaa tätä palvelua tälle asiakasryhmälle.",
    "en": "The document does not describe this service for this client group.",
}
ONLY_FOR_OTHERS = {
    "fi": "Asiakirja kuvaa tämän palvelun vain toisille ryhmille ({groups}); sitä, mikä koskee "
    "tätä tilannetta, asiakirja ei kerro.",
    "en": "The document describes this service only for other groups ({groups}); it does not say "
    "what applies in this situation.",
}


def _applies(facts: ProvisionFacts, profile: Profile) -> bool:
    if profile.client.value not in facts.clients:
        return False
    if (
        facts.uses_finnish is not None
        and profile.uses_finnish is not None
        and facts.uses_finnish != profile.uses_finnish
    ):
        return False
    return not (
        facts.target_groups
        and profile.residence_basis is not None
        and profile.residence_basis.value not in facts.target_groups
    )


def build_path(
    *,
    municipality: MunicipalityRef,
    profile: Profile,
    provisions: list[ProvisionFacts],
    coordinators: list[dict[str, Any]],
    lang: str = "fi",
    data_date: str = "",
) -> Path:
    """Order the provisions that serve this person into steps, one phase after another.

    Every phase appears: a phase with no provision for this person becomes a step with status
    `undetermined` that says what the document leaves open, never a silent gap.
    """
    text_lang = "en" if lang == "en" else "fi"
    for_client = [p for p in provisions if profile.client.value in p.clients]
    steps: list[Step] = []
    for phase in PHASES:
        candidates = [p for p in for_client if p.phase == phase.id]
        chosen = [p for p in candidates if _applies(p, profile)]
        for facts in chosen:
            responsible = municipality if facts.responsible_is_residence else facts.responsible
            steps.append(Step(phase.id, facts, facts.status, responsible, facts.details, lang))
        if chosen:
            continue
        if candidates:
            groups = sorted(
                {g for p in candidates for g in p.target_groups}
                | {
                    "uses Finnish" if p.uses_finnish else "does not use Finnish"
                    for p in candidates
                    if p.uses_finnish is not None
                }
            )
            details = ONLY_FOR_OTHERS[text_lang].format(groups=", ".join(groups))
        else:
            details = NOT_DESCRIBED[text_lang]
        steps.append(Step(phase.id, None, Status.UNDETERMINED.value, None, details, lang))
    steps.sort(key=lambda step: PHASE_ORDER[step.phase])
    return Path(
        municipality=municipality,
        profile=profile,
        coordinators=tuple(coordinators),
        steps=tuple(steps),
        lang=lang,
        data_date=data_date,
    )
