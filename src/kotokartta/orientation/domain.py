"""The planner's vocabulary: municipalities as sites, demand rows, parameters, and the plan.

Plain Python, no Django. See `engine` for the model and docs/orientation-planner.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import ClassVar

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


# --------------------------------------------------------------------------- explanations
# What the engine decided, as facts (ids, names, numbers, codes), never as sentences: the words
# are `labels`' job, in the reader's language. Municipalities are named as the sites name them.

NO_HOSTS = "no_hosts"  # no host municipality was given: the group meets remotely
NONE_NEAR = "none_near"  # no member lives within reach of a host: the group meets remotely
FARTHER = "farther"  # some members live beyond the travel limit and join remotely


@dataclass(frozen=True, slots=True)
class GroupFacts:
    """Why a group is as it is."""

    language: str
    size: int
    municipalities: tuple[str, ...]  # the members' municipality names, sorted
    min_size: int
    max_size: int
    max_travel_km: float
    host: str | None = None  # the host's name when someone attends in person
    near: tuple[str, ...] = ()  # municipalities attending in person (within max_travel_km)
    far: tuple[str, ...] = ()  # municipalities attending remotely
    remote_because: str | None = None  # NO_HOSTS, NONE_NEAR or FARTHER when someone is remote
    starts: str | None = None  # "YYYY-MM": the latest earliest start month of the members


@dataclass(frozen=True, slots=True)
class TooFewInArea:
    """Fewer speakers of the language in the whole area than a group needs."""

    code: ClassVar[str] = "too_few_in_area"
    language: str
    total: int
    min_size: int


@dataclass(frozen=True, slots=True)
class OutOfReach:
    """No group type can take the municipality's people: no host near and no remote."""

    code: ClassVar[str] = "out_of_reach"
    municipality: str
    hosts_given: bool
    max_travel_km: float


@dataclass(frozen=True, slots=True)
class TooFewInReach:
    """Fewer people who can reach one same group (place, start months) than a group needs."""

    code: ClassVar[str] = "too_few_in_reach"
    language: str
    reachable: int
    min_size: int
    start_spread: bool  # a start spread limit is what kept them apart (or part of it)


@dataclass(frozen=True, slots=True)
class LeftOver:
    """The people they could share a group with fill other groups; too few are left."""

    code: ClassVar[str] = "left_over"
    language: str
    count: int
    min_size: int


UnservedReason = TooFewInArea | OutOfReach | TooFewInReach | LeftOver
REASONS: dict[str, type[UnservedReason]] = {
    kind.code: kind for kind in (TooFewInArea, OutOfReach, TooFewInReach, LeftOver)
}


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
    explanation: GroupFacts

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
    reason: UnservedReason
    reachable: int  # people of the language who could share a group with them (themselves too)

    @property
    def reason_code(self) -> str:
        return self.reason.code


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
