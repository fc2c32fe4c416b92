"""The planner's vocabulary: municipalities as sites, demand rows, parameters, and the plan.

Plain Python, no Django. See `engine` for the model and docs/orientation-planner.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kotokartta.orientation.solver import Stage

MINIMUM_HOURS = 70
"""KotoL 25 §; decree 576/2024: civic orientation is at least 70 hours."""

IN_PERSON = "in_person"
REMOTE = "remote"
HYBRID = "hybrid"

OBJECTIVES = ("unserved", "groups", "remote", "person_km")


@dataclass(frozen=True, slots=True)
class Site:
    """A municipality as the planner sees it: its centre in degrees (WGS84)."""

    id: str
    code: str
    name: str
    lat: float
    lon: float

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True, slots=True)
class DemandRow:
    municipality: str  # Site.id
    language: str  # ISO 639-1
    count: int
    earliest_start: str | None = None  # "YYYY-MM"


@dataclass(frozen=True, slots=True)
class Parameters:
    min_size: int = 6
    max_size: int = 20
    max_travel_km: float = 80.0
    remote_allowed: bool = True
    hosts: tuple[str, ...] = ()  # Site ids
    max_start_spread_months: int | None = None
    time_limit_seconds: float = 20.0

    def __post_init__(self) -> None:
        if not 1 <= self.min_size <= self.max_size:
            raise ValueError("group sizes need 1 ≤ minimum ≤ maximum")
        if not (math.isfinite(self.max_travel_km) and self.max_travel_km >= 0):
            raise ValueError("the maximum travel distance must be a number ≥ 0")
        if self.max_start_spread_months is not None and self.max_start_spread_months < 0:
            raise ValueError("the start spread must be ≥ 0 months")
        if not self.time_limit_seconds > 0:
            raise ValueError("the time limit must be > 0 seconds")


@dataclass(frozen=True, slots=True)
class Member:
    municipality: Site
    count: int
    mode: str  # in_person or remote
    distance_km: float
    earliest_start: str | None


@dataclass(frozen=True, slots=True)
class Group:
    language: str
    host: Site | None
    mode: str
    members: tuple[Member, ...]
    starts: str | None
    explanation: str

    @property
    def size(self) -> int:
        return sum(member.count for member in self.members)

    @property
    def person_km(self) -> float:
        return sum(m.count * m.distance_km for m in self.members if m.mode == IN_PERSON)


@dataclass(frozen=True, slots=True)
class Unserved:
    municipality: Site
    language: str
    count: int
    reason: str
    reason_code: str
    reachable: int  # people of the language who could share a group with them (themselves too)


@dataclass(frozen=True, slots=True)
class Plan:
    groups: tuple[Group, ...]
    unserved: tuple[Unserved, ...]
    parameters: Parameters
    objective: dict[str, float]
    optimal: bool
    gap: float  # the largest of `gaps`
    gaps: dict[str, float] = field(default_factory=dict)  # per criterion, over all languages
    stages: dict[str, tuple[Stage, ...]] = field(default_factory=dict)

    @property
    def demand_total(self) -> int:
        return sum(g.size for g in self.groups) + sum(u.count for u in self.unserved)


def haversine_km(a: Site, b: Site) -> float:
    """Great-circle distance between two municipality centres (mean Earth radius 6371.0 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def month_index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# --------------------------------------------------------------------------- the model
