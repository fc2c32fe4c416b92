"""The shape of the programme data files (YAML), as pydantic models.

One file per municipality (`<municipality-id>.yaml`) plus `area.yaml` for what the area shares.
docs/data-format.md explains every field; the models below are the executable form of it.
Cross-references between records (ids) are checked after all files are read, in `validation`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from kotokartta.programme.vocabulary import (
    CONTENT_LANGUAGES,
    ISO_639_1,
    PHASE_BY_ID,
    SECTIONS,
    ActivityKind,
    ClientGroup,
    FlagKind,
    Mode,
    OrganisationKind,
    Status,
    TargetGroup,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


def _text_from_plain_string(value: Any) -> Any:
    """A plain string in a file means Finnish text: `name: Kajaani` == `name: {fi: Kajaani}`."""
    if isinstance(value, str):
        return {"fi": value}
    return value


def _check_local_text(value: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(value) - set(CONTENT_LANGUAGES))
    if unknown:
        raise ValueError(
            f"unknown language {', '.join(unknown)}; use one of {', '.join(CONTENT_LANGUAGES)}"
        )
    if "fi" not in value:
        raise ValueError("Finnish text (fi) is required: Finnish is the authoritative language")
    return value


LocalText = Annotated[
    dict[str, Text],
    BeforeValidator(_text_from_plain_string),
]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a field name must not silently drop data."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    section: str
    municipality: Id | None = None
    quote: Text | None = None

    @field_validator("section")
    @classmethod
    def _known_section(cls, value: str) -> str:
        if value not in SECTIONS:
            raise ValueError(f"unknown section {value!r}; use one of {', '.join(SECTIONS)}")
        return value


def _local(value: dict[str, str]) -> dict[str, str]:
    return _check_local_text(value)


class Unit(Strict):
    id: Id
    name: LocalText
    parent: Id | None = None

    _name = field_validator("name")(classmethod(lambda cls, v: _local(v)))


class Organisation(Strict):
    id: Id
    kind: OrganisationKind
    name: LocalText
    municipality: Id | None = None
    units: list[Unit] = Field(default_factory=list)
    source: Source | None = None

    _name = field_validator("name")(classmethod(lambda cls, v: _local(v)))


class Place(Strict):
    id: Id
    name: LocalText
    municipality: Id
    address: Text | None = None
    postal_code: Annotated[str, StringConstraints(pattern=r"^\d{5}$")] | None = None
    latitude: Annotated[float, Field(ge=59.0, le=70.5)] | None = None
    longitude: Annotated[float, Field(ge=19.0, le=31.6)] | None = None
    source: Source | None = None

    _name = field_validator("name")(classmethod(lambda cls, v: _local(v)))

    @model_validator(mode="after")
    def _both_coordinates(self) -> Place:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("give both latitude and longitude, or neither")
        return self


class Role(Strict):
    id: Id
    name: LocalText

    _name = field_validator("name")(classmethod(lambda cls, v: _local(v)))


class Coordinator(Strict):
    name: Text
    title: LocalText
    email: Text
    organisation: Id
    unit: Id | None = None
    source: Source

    _title = field_validator("title")(classmethod(lambda cls, v: _local(v)))

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not EMAIL_RE.match(value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value


Year = Annotated[int, Field(ge=1990, le=2100)]


class Period(Strict):
    """Years only: the document gives periods as years ("vuosina 2024–2025")."""

    start_year: Year | None = None
    end_year: Year | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValueError("the period ends before it starts")
        return self


def _phase_id(value: str) -> str:
    if value not in PHASE_BY_ID:
        raise ValueError(f"unknown phase {value!r}; use one of {', '.join(PHASE_BY_ID)}")
    return value


PhaseId = Annotated[str, BeforeValidator(lambda v: _phase_id(v) if isinstance(v, str) else v)]


def _language(value: Any) -> Any:
    if isinstance(value, str) and value not in ISO_639_1:
        raise ValueError(f"{value!r} is not an ISO 639-1 language code (e.g. uk, ru, ar)")
    return value


LanguageCode = Annotated[str, BeforeValidator(_language)]


class Activity(Strict):
    id: Id
    kind: ActivityKind
    name: LocalText
    organisers: list[Id] = Field(default_factory=list)
    municipalities: list[Id] = Field(default_factory=list)
    phases: list[PhaseId] = Field(min_length=1)
    period: Period | None = None
    description: LocalText | None = None
    source: Source

    _name = field_validator("name", "description")(
        classmethod(lambda cls, v: v if v is None else _local(v))
    )


class Provider(Strict):
    organisation: Id
    unit: Id | None = None


class Partner(Strict):
    organisation: Id
    unit: Id | None = None
    role: Id | None = None
    note: LocalText | None = None


class Condition(Strict):
    """When a provision applies only to part of a client group (stated in the document)."""

    text: LocalText
    uses_finnish: bool | None = None

    _text = field_validator("text")(classmethod(lambda cls, v: _local(v)))


class Provision(Strict):
    id: Id
    phase: PhaseId
    clients: list[ClientGroup] = Field(min_length=1)
    status: Status
    responsible: Id | Literal["residence"] | None = None
    provider: Provider | None = None
    role: Id | None = None
    alternative_roles: list[Id] = Field(default_factory=list)
    purchased: bool = False
    places: list[Id] = Field(default_factory=list)
    modes: list[Mode] = Field(default_factory=list)
    partners: list[Partner] = Field(default_factory=list)
    languages: list[LanguageCode] = Field(default_factory=list)
    target_groups: list[TargetGroup] = Field(default_factory=list)
    activity: Id | None = None
    condition: Condition | None = None
    details: LocalText | None = None
    planned_from: Year | None = None
    municipalities: list[Id] | None = None
    source: Source

    _details = field_validator("details")(classmethod(lambda cls, v: v if v is None else _local(v)))

    @field_validator(
        "clients", "modes", "languages", "places", "alternative_roles", "target_groups"
    )
    @classmethod
    def _no_repeats(cls, value: list[Any]) -> list[Any]:
        seen = [item for index, item in enumerate(value) if item in value[:index]]
        if seen:
            raise ValueError(f"listed twice: {', '.join(map(str, seen))}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Provision:
        return self


class Flag(Strict):
    id: Id
    kind: FlagKind
    subject: Id | None = None
    text: LocalText
    source: Source

    _text = field_validator("text")(classmethod(lambda cls, v: _local(v)))


class CooperationBody(Strict):
    id: Id
    name: LocalText
    appointed_by: Id | None = None
    members: list[LocalText] = Field(default_factory=list)
    tasks: LocalText | None = None
    source: Source

    _name = field_validator("name", "tasks")(
        classmethod(lambda cls, v: v if v is None else _local(v))
    )


class Municipality(Strict):
    id: Id
    code: Annotated[str, StringConstraints(pattern=r"^\d{3}$")]
    name: LocalText
    aliases: list[Text] = Field(default_factory=list)
    wellbeing_county: Id
    receives_quota_refugees: bool = False
    source: Source | None = None

    _name = field_validator("name")(classmethod(lambda cls, v: _local(v)))


class DocumentInfo(Strict):
    title: LocalText
    file: Text
    publisher: LocalText | None = None
    data_date: dt.date


class Area(Strict):
    id: Id
    name: LocalText
    document: DocumentInfo
    municipalities: list[Id] = Field(min_length=1)

    _name = field_validator("name")(classmethod(lambda cls, v: _local(v)))


class RecordLists(Strict):
    organisations: list[Organisation] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


class AreaFile(RecordLists):
    area: Area
    roles: list[Role] = Field(default_factory=list)
    cooperation: list[CooperationBody] = Field(default_factory=list)


class MunicipalityFile(RecordLists):
    municipality: Municipality
    coordinators: list[Coordinator] = Field(default_factory=list)
