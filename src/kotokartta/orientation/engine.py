"""The orientation group planner: aggregate demand in, explained groups out.

Plain Python (no Django, no HTTP): the CLI, the staff pages and the API all call `plan`.

The programme document asks the municipalities to arrange multilingual civic orientation
(KotoL 25 §, at least 70 hours under decree 576/2024) together, "depending on language groups
and group sizes". Which groups to open, where, and who joins from a distance is left open. The
model (docs/orientation-planner.md):

- Demand is counts: municipality × language (× earliest start month). Languages are planned
  independently; nobody changes language.
- A group has a host municipality from the `hosts` parameter. A participant whose municipality
  centre is within `max_travel_km` of the host attends in person; one farther away attends
  remotely when remote participation is allowed, otherwise cannot join that group. A group whose
  members all attend in person is `in_person`, one with some remote members `hybrid`, one with no
  one in person `remote` (it has no host: nobody is there). With no hosts at all, every group is
  remote (if allowed).
- Group sizes are within [min_size, max_size]. A municipality's people may be split across groups.
- With `max_start_spread_months`, the members of a group have earliest start months at most that
  many months apart; a group starts in the latest earliest month of its members.
- Objective, lexicographic: (1) fewest people without a group, (2) fewest groups, (3) fewest
  people attending remotely, (4) least travel in person-km. Criterion 3 is needed to make
  criterion 4 mean anything: a remote participant travels 0 km, so without it the least-travel
  plan would always send everyone home to a screen. It is documented as part of the model.

The integer program: for each language, each group *type* (host × start window) has an integer
count of groups n_t and, for each demand cell c that may join it, an integer number of people
x_ct. Σ_t x_ct ≤ demand_c; min·n_t ≤ Σ_c x_ct ≤ max·n_t. This aggregation is exact: any P people
with n·min ≤ P ≤ n·max can be cut into n groups each within the bounds, and the members' modes
depend only on the type, so `_split` recovers real groups with the same objective values.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kotokartta.orientation.languages import language_name
from kotokartta.orientation.solver import IntegerProgram, Solution, Stage, solve_lexicographic

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


def _month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True, slots=True)
class _Cell:
    site: Site
    month: int | None
    count: int


@dataclass(frozen=True, slots=True)
class _Type:
    host: Site | None
    window: tuple[int, int] | None  # first and last start month allowed


def _reach(cell: _Cell, kind: _Type, p: Parameters) -> tuple[str, float] | None:
    """How people of `cell` would attend a group of `kind`: (mode, km), or None if they can't."""
    if kind.window is not None and cell.month is not None:
        first, last = kind.window
        if not first <= cell.month <= last:
            return None
    if kind.host is not None:
        km = haversine_km(cell.site, kind.host)
        if km <= p.max_travel_km:
            return IN_PERSON, km
    return (REMOTE, 0.0) if p.remote_allowed else None


def _types(cells: Sequence[_Cell], hosts: Sequence[Site], p: Parameters) -> list[_Type]:
    months = sorted({c.month for c in cells if c.month is not None})
    windows: list[tuple[int, int] | None] = [None]
    if p.max_start_spread_months is not None and months:
        windows = [(m, m + p.max_start_spread_months) for m in months]
    # With any host, a group without one is never better: a hosted group takes the same people
    # (the far ones remotely) and seats the near ones in person. Without hosts, all are remote.
    places: list[Site | None] = list(hosts) if hosts else ([None] if p.remote_allowed else [])
    return [_Type(host, window) for host in places for window in windows]


def _km_tenths(km: float) -> int:
    return round(km * 10)


@dataclass
class LanguageProgram:
    """One language's integer program and what its columns mean.

    Group counts n_t are integers. In-person people x_ct (cell c, type t whose host is within
    reach) and remote people are continuous: remote participants of a start window are pooled
    (r_cw from each cell, y_t into each type of the window), since a remote participant can sit
    in any group of the window. With the n_t fixed the rest is a flow network (cells → types
    directly, or cells → window → types), so its optima are integral; the solver's last step
    makes the point integral.
    """

    program: IntegerProgram
    types: list[_Type]
    n: dict[int, int]  # type → column: number of groups of the type
    x: dict[tuple[int, int], int]  # (cell, type) → column: in-person people
    r: dict[tuple[int, int], int]  # (cell, window) → column: remote people
    y: dict[int, int]  # type → column: remote people in its groups
    windows: list[tuple[int, int] | None]
    members: dict[int, tuple[int, ...]]  # type → the cells that can join it at all


def _group_rows(
    program: IntegerProgram,
    cells: Sequence[_Cell],
    members: Mapping[int, Sequence[int]],
    p: Parameters,
) -> tuple[dict[tuple[int, int], int], dict[int, int]]:
    """The simple model (people per cell and type) for the classes of types in `members`."""
    x: dict[tuple[int, int], int] = {}
    n: dict[int, int] = {}
    for t, joinable in members.items():
        for c in joinable:
            x[c, t] = program.column(0, cells[c].count, integer=False)
        n[t] = program.column(0, sum(cells[c].count for c in joinable) // p.min_size)
        size = {x[c, t]: 1.0 for c in joinable}
        program.row({**size, n[t]: -float(p.min_size)}, lo=0)
        program.row({**size, n[t]: -float(p.max_size)}, hi=0)
    joined: dict[int, dict[int, float]] = defaultdict(dict)
    for (c, _), column in x.items():
        joined[c][column] = 1.0
    for c, columns in joined.items():
        program.row(columns, hi=cells[c].count)
    return x, n


def build_program(cells: Sequence[_Cell], hosts: Sequence[Site], p: Parameters) -> LanguageProgram:
    types = _types(cells, hosts, p)
    windows = list(dict.fromkeys(kind.window for kind in types))
    near: dict[tuple[int, int], float] = {}
    members: dict[int, tuple[int, ...]] = {}
    for t, kind in enumerate(types):
        joinable = []
        for c, cell in enumerate(cells):
            how = _reach(cell, kind, p)
            if how is None:
                continue
            joinable.append(c)
            if how[0] == IN_PERSON:
                near[c, t] = how[1]
        if sum(cells[c].count for c in joinable) >= p.min_size:  # else no group can be filled
            members[t] = tuple(joinable)

    program = IntegerProgram()
    n = {
        t: program.column(0, sum(cells[c].count for c in joinable) // p.min_size)
        for t, joinable in members.items()
    }
    x = {key: program.column(0, cells[key[0]].count, integer=False) for key in near if key[1] in n}
    r: dict[tuple[int, int], int] = {}
    y: dict[int, int] = {}
    if p.remote_allowed:
        for w, window in enumerate(windows):
            if not any(types[t].window == window for t in n):
                continue
            for c, cell in enumerate(cells):
                probe = _Type(None, window)
                if _reach(cell, probe, p) is not None:
                    r[c, w] = program.column(0, cell.count, integer=False)
        y = {t: program.column(0, p.max_size * program.upper[n[t]], integer=False) for t in n}
    for t in n:
        inside = {x[c, tt]: 1.0 for (c, tt) in x if tt == t}
        if t in y:
            inside[y[t]] = 1.0
        program.row({**inside, n[t]: -float(p.min_size)}, lo=0)
        program.row({**inside, n[t]: -float(p.max_size)}, hi=0)
    for (c, t), column in x.items():  # no one in a type without groups (a tighter relaxation)
        program.row({column: 1.0, n[t]: -float(min(cells[c].count, p.max_size))}, hi=0)
    for w, window in enumerate(windows):
        pooled = {r[key]: 1.0 for key in r if key[1] == w}
        if pooled:
            for t in y:
                if types[t].window == window:
                    pooled[y[t]] = -1.0
            program.row(pooled, lo=0, hi=0)
    per_cell: dict[int, dict[int, float]] = defaultdict(dict)
    for (c, _), column in [*x.items(), *r.items()]:
        per_cell[c][column] = 1.0
    for c, columns in per_cell.items():
        program.row(columns, hi=cells[c].count)
    placed = [*x.values(), *r.values()]
    program.objectives = [
        dict.fromkeys(placed, -1.0),  # (1) most people placed = fewest unserved
        dict.fromkeys(n.values(), 1.0),  # (2) fewest groups
        dict.fromkeys(r.values(), 1.0),  # (3) fewest remote
        {x[key]: float(_km_tenths(near[key])) for key in x},  # (4) least travel
    ]
    return LanguageProgram(program, types, n, x, r, y, windows, members)


def _solve_in_two_phases(
    cells: Sequence[_Cell], built: LanguageProgram, p: Parameters, time_limit: float
) -> Solution:
    """Criteria 1 and 2 depend only on which cells can join which type, not on distances, so
    types that admit the same cells are interchangeable for them. Phase A solves 1 and 2 with
    such types merged into one class (removing the symmetry that slows the full model down,
    e.g. 77 hosts all reachable remotely), phase B solves 3 and 4 on the full model with
    1 and 2 held at phase A's optima, starting from phase A's plan."""
    began = time.monotonic()
    classes: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for t in built.n:
        classes[built.members[t]].append(t)
    merged = IntegerProgram()
    keys = list(classes)
    x, n = _group_rows(merged, cells, dict(enumerate(keys)), p)
    merged.objectives = [dict.fromkeys(x.values(), -1.0), dict.fromkeys(n.values(), 1.0)]
    phase_a = solve_lexicographic(merged, time_limit=time_limit / 3)
    placed, groups = -phase_a.stages[0].value, phase_a.stages[1].value

    program = built.program
    start = [0.0] * len(program.lower)
    for k, joinable in enumerate(keys):
        first = classes[joinable][0]  # all of a class's groups go to its first type
        start[built.n[first]] = phase_a.values[n[k]]
        w = built.windows.index(built.types[first].window)
        for c in joinable:
            people = phase_a.values[x[c, k]]
            if (c, first) in built.x:
                start[built.x[c, first]] += people
            elif people:
                start[built.r[c, w]] += people
                start[built.y[first]] += people
    full = IntegerProgram(
        program.lower,
        program.upper,
        program.integer,
        [
            *program.rows,
            (program.objectives[0], -math.inf, -placed),
            (program.objectives[1], -math.inf, groups),
        ],
        program.objectives[2:],
    )
    left = max(0.1, time_limit - (time.monotonic() - began))
    phase_b = solve_lexicographic(full, time_limit=left, start=start)
    return Solution(phase_b.values, phase_a.stages + phase_b.stages)


def _solve_language(
    cells: Sequence[_Cell], hosts: Sequence[Site], p: Parameters, time_limit: float
) -> tuple[dict[tuple[int, int], int], dict[int, int], Solution, list[_Type]]:
    """People per (cell, type) and groups per type; the pooled remote people are handed out to
    the types of their window (each type takes as many as its groups have room for)."""
    built = build_program(cells, hosts, p)
    solution = _solve_in_two_phases(cells, built, p, time_limit)
    value = solution.values
    assigned: dict[tuple[int, int], int] = defaultdict(int)
    for key, column in built.x.items():
        assigned[key] += value[column]
    for w, window in enumerate(built.windows):
        pool = [[c, value[column]] for (c, ww), column in built.r.items() if ww == w]
        for t, column in built.y.items():
            if built.types[t].window != window:
                continue
            room = value[column]
            for item in pool:
                take = min(room, item[1])
                if take:
                    assigned[item[0], t] += take
                    item[1] -= take
                    room -= take
    counts = {t: value[column] for t, column in built.n.items()}
    return dict(assigned), counts, solution, built.types


def _split(
    language: str,
    kind: _Type,
    groups: int,
    people: list[tuple[_Cell, int]],
    p: Parameters,
) -> list[Group]:
    """Cut `groups` groups of one type out of its people, sizes as even as possible, keeping
    each municipality's people together where the sizes allow (nearest first)."""
    queue: list[tuple[_Cell, int, str, float]] = []
    for cell, count in people:
        how = _reach(cell, kind, p)
        assert how is not None
        queue.append((cell, count, *how))
    queue.sort(key=lambda item: (item[2] != IN_PERSON, item[3], item[0].site.name))
    total = sum(count for _, count, _, _ in queue)
    sizes = [total // groups + (1 if i < total % groups else 0) for i in range(groups)]
    result: list[Group] = []
    for size in sizes:
        chosen: list[Member] = []
        while size:
            cell, count, mode, km = queue[0]
            take = min(size, count)
            month = None if cell.month is None else _month_text(cell.month)
            chosen.append(Member(cell.site, take, mode, round(km, 1), month))
            size -= take
            if take == count:
                queue.pop(0)
            else:
                queue[0] = (cell, count - take, mode, km)
        result.append(_group(language, kind, _merge(chosen), p))
    return result


def _merge(members: Iterable[Member]) -> tuple[Member, ...]:
    """One line per municipality and start month."""
    merged: dict[tuple[str, str | None], Member] = {}
    for m in members:
        key = (m.municipality.id, m.earliest_start)
        if key in merged:
            old = merged[key]
            merged[key] = Member(
                old.municipality, old.count + m.count, m.mode, m.distance_km, key[1]
            )
        else:
            merged[key] = m
    return tuple(merged.values())


def _group(language: str, kind: _Type, members: tuple[Member, ...], p: Parameters) -> Group:
    in_person = [m for m in members if m.mode == IN_PERSON]
    remote = [m for m in members if m.mode == REMOTE]
    host = kind.host if in_person else None
    mode = REMOTE if not in_person else (HYBRID if remote else IN_PERSON)
    months = [month_index(m.earliest_start) for m in members if m.earliest_start]
    starts = _month_text(max(months)) if months else None
    size = sum(m.count for m in members)
    name = language_name(language)
    places = sorted({m.municipality.name for m in members})
    parts = [
        f"{size} {name} speakers from {_join(places)} make one group "
        f"(a group has {p.min_size}–{p.max_size} people)."
    ]
    if host is not None:
        near = sorted({m.municipality.name for m in in_person})
        parts.append(
            f"It meets in {host.name}: {_join(near)} "
            f"{'is' if len(near) == 1 else 'are'} within {p.max_travel_km:g} km of it."
        )
    if remote:
        far = sorted({m.municipality.name for m in remote})
        if host is None and not p.hosts:
            parts.append("No host municipality was given, so the group meets remotely.")
        elif host is None:
            parts.append(
                f"No participant lives within {p.max_travel_km:g} km of a host municipality, "
                "so the group meets remotely."
            )
        else:
            parts.append(
                f"{_join(far)} {'is' if len(far) == 1 else 'are'} farther than "
                f"{p.max_travel_km:g} km and join{'s' if len(far) == 1 else ''} remotely."
            )
    if starts:
        parts.append(f"It can start in {starts}, when all its members can.")
    return Group(language, host, mode, members, starts, " ".join(parts))


def _join(names: Sequence[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _unserved_reason(
    cell: _Cell,
    count: int,
    language: str,
    cells: Sequence[_Cell],
    types: Sequence[_Type],
    p: Parameters,
) -> tuple[str, str, int]:
    name = language_name(language)
    total = sum(c.count for c in cells)
    reachable_types = [kind for kind in types if _reach(cell, kind, p) is not None]
    reachable = max(
        (sum(c.count for c in cells if _reach(c, kind, p) is not None) for kind in reachable_types),
        default=0,
    )
    speakers = "speaker" if total == 1 else "speakers"
    if total < p.min_size:
        return (
            f"{total} {name} {speakers} in the area; a group needs {p.min_size}.",
            "too_few_in_area",
            total,
        )
    if not reachable_types:
        if not p.hosts:
            why = "no host municipality was given and remote participation is not allowed"
        else:
            why = (
                f"no host municipality is within {p.max_travel_km:g} km and remote "
                "participation is not allowed"
            )
        return f"{cell.site.name}: {why}.", "out_of_reach", 0
    if reachable < p.min_size:
        extra = " with a close enough start month" if p.max_start_spread_months is not None else ""
        return (
            f"Only {reachable} {name} speakers can reach the same group{extra}; "
            f"a group needs {p.min_size}.",
            "too_few_in_reach",
            reachable,
        )
    return (
        f"The {name} speakers who could share a group with them are needed to fill other "
        f"groups; the {count} left over are fewer than {p.min_size}.",
        "left_over",
        reachable,
    )


def demand_cells(demand: Sequence[DemandRow], sites: Mapping[str, Site]) -> dict[str, list[_Cell]]:
    """The demand as cells (municipality × start month) per language; counts of 0 dropped."""
    by_language: dict[str, dict[tuple[str, int | None], int]] = defaultdict(dict)
    for row in demand:
        if row.count <= 0:
            continue
        month = month_index(row.earliest_start) if row.earliest_start else None
        cells_of = by_language[row.language]
        cells_of[row.municipality, month] = cells_of.get((row.municipality, month), 0) + row.count
    return language_cells(by_language, sites)


def language_cells(
    by_language: Mapping[str, Mapping[tuple[str, int | None], int]], sites: Mapping[str, Site]
) -> dict[str, list[_Cell]]:
    return {
        language: [
            _Cell(sites[site_id], month, count)
            for (site_id, month), count in sorted(
                cells.items(), key=lambda kv: (sites[kv[0][0]].code, kv[0][1] or 0)
            )
        ]
        for language, cells in by_language.items()
    }


def plan(
    *,
    demand: Sequence[DemandRow],
    sites: Mapping[str, Site],
    parameters: Parameters,
) -> Plan:
    """The lexicographically best plan for `demand` (see the module docstring)."""
    p = parameters
    unknown = sorted({row.municipality for row in demand} - set(sites)) + sorted(
        set(p.hosts) - set(sites)
    )
    if unknown:
        raise ValueError(f"unknown municipality ids: {', '.join(unknown)}")
    hosts = [sites[h] for h in dict.fromkeys(p.hosts)]
    by_language: dict[str, dict[tuple[str, int | None], int]] = defaultdict(dict)
    for row in demand:
        if row.count <= 0:
            continue
        month = month_index(row.earliest_start) if row.earliest_start else None
        cells_of = by_language[row.language]
        cells_of[row.municipality, month] = cells_of.get((row.municipality, month), 0) + row.count

    languages = sorted(by_language)
    cells_by_language = language_cells(by_language, sites)
    groups: list[Group] = []
    unserved: list[Unserved] = []
    stages: dict[str, tuple[Stage, ...]] = {}
    remaining = p.time_limit_seconds
    for index, language in enumerate(languages):
        cells = cells_by_language[language]
        # Time in proportion to the language's share of the demand cells still to plan.
        later = sum(len(cells_by_language[lang]) for lang in languages[index:])
        budget = remaining * len(cells) / later
        assigned, counts, solution, types = _solve_language(cells, hosts, p, budget)
        remaining = max(0.1, remaining - sum(s.seconds for s in solution.stages))
        stages[language] = solution.stages
        people: dict[int, list[tuple[_Cell, int]]] = defaultdict(list)
        placed = [0] * len(cells)
        for (c, t), v in assigned.items():
            if v:
                people[t].append((cells[c], v))
                placed[c] += v
        for t, number in counts.items():
            if number:
                groups.extend(_split(language, types[t], number, people[t], p))
        for c, cell in enumerate(cells):
            left = cell.count - placed[c]
            if left:
                reason, code, reachable = _unserved_reason(cell, left, language, cells, types, p)
                unserved.append(Unserved(cell.site, language, left, reason, code, reachable))

    groups.sort(key=lambda g: (g.language, g.host.code if g.host else "~", -g.size))
    unserved = _merge_unserved(unserved)
    all_stages = [s for per_language in stages.values() for s in per_language]
    gaps = {}
    for k, name in enumerate(OBJECTIVES):
        value = sum(per[k].value for per in stages.values())
        bound = sum(per[k].bound for per in stages.values())
        gap = abs(value - bound) / max(abs(value), 1.0) if math.isfinite(bound) else 1.0
        gaps[name] = round(gap, 6)
    objective: dict[str, float] = {
        "unserved": sum(u.count for u in unserved),
        "groups": len(groups),
        "remote": sum(m.count for g in groups for m in g.members if m.mode == REMOTE),
        "person_km": round(sum(g.person_km for g in groups), 1),
    }
    return Plan(
        groups=tuple(groups),
        unserved=tuple(unserved),
        parameters=p,
        objective=objective,
        optimal=all(s.optimal for s in all_stages),
        gap=max(gaps.values(), default=0.0),
        gaps=gaps,
        stages=stages,
    )


def _merge_unserved(items: list[Unserved]) -> list[Unserved]:
    """One line per municipality and language (start months are summed)."""
    merged: dict[tuple[str, str], Unserved] = {}
    for u in items:
        key = (u.municipality.id, u.language)
        if key in merged:
            old = merged[key]
            merged[key] = Unserved(
                old.municipality,
                old.language,
                old.count + u.count,
                old.reason,
                old.reason_code,
                max(old.reachable, u.reachable),
            )
        else:
            merged[key] = u
    return sorted(merged.values(), key=lambda u: (u.language, u.municipality.code))


def parameters_dict(p: Parameters, sites: Mapping[str, Site]) -> dict[str, Any]:
    return {
        "min_size": p.min_size,
        "max_size": p.max_size,
        "max_travel_km": p.max_travel_km,
        "remote_allowed": p.remote_allowed,
        "hosts": [sites[h].as_dict() for h in p.hosts if h in sites],
        "max_start_spread_months": p.max_start_spread_months,
        "time_limit_seconds": p.time_limit_seconds,
    }


def plan_dict(result: Plan, sites: Mapping[str, Site]) -> dict[str, Any]:
    """The plan as the JSON contract of the CLI and the API."""
    return {
        "groups": [
            {
                "language": g.language,
                "language_name": language_name(g.language),
                "host": g.host.as_dict() if g.host else None,
                "mode": g.mode,
                "size": g.size,
                "hours": MINIMUM_HOURS,
                "starts": g.starts,
                "members": [
                    {
                        "municipality": m.municipality.as_dict(),
                        "count": m.count,
                        "mode": m.mode,
                        "distance_km": m.distance_km if m.mode == IN_PERSON else None,
                        "earliest_start": m.earliest_start,
                    }
                    for m in g.members
                ],
                "explanation": g.explanation,
            }
            for g in result.groups
        ],
        "unserved": [
            {
                "municipality": u.municipality.as_dict(),
                "language": u.language,
                "count": u.count,
                "reason": u.reason,
                "reason_code": u.reason_code,
            }
            for u in result.unserved
        ],
        "parameters": parameters_dict(result.parameters, sites),
        "objective": result.objective,
        "optimal": result.optimal,
        "gap": round(result.gap, 6),
        "gaps": result.gaps,
        "hours": MINIMUM_HOURS,
        "legal_basis": "KotoL 25 §; decree 576/2024 (at least 70 hours)",
    }
