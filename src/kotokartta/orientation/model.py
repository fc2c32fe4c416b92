"""The integer program behind the planner, one language at a time (see `engine` for the model
and docs/adr/0005-orientation-solver.md for the solver)."""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kotokartta.orientation.domain import (
    IN_PERSON,
    REMOTE,
    DemandRow,
    Parameters,
    Site,
    haversine_km,
    month_index,
)
from kotokartta.orientation.solver import IntegerProgram, Solution, solve_lexicographic


@dataclass(frozen=True, slots=True)
class Cell:
    site: Site
    month: int | None
    count: int


@dataclass(frozen=True, slots=True)
class GroupType:
    host: Site | None
    window: tuple[int, int] | None  # first and last start month allowed


def reach(cell: Cell, kind: GroupType, p: Parameters) -> tuple[str, float] | None:
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


def group_types(cells: Sequence[Cell], hosts: Sequence[Site], p: Parameters) -> list[GroupType]:
    months = sorted({c.month for c in cells if c.month is not None})
    windows: list[tuple[int, int] | None] = [None]
    if p.max_start_spread_months is not None and months:
        windows = [(m, m + p.max_start_spread_months) for m in months]
    # With any host, a group without one is never better: a hosted group takes the same people
    # (the far ones remotely) and seats the near ones in person. Without hosts, all are remote.
    places: list[Site | None] = list(hosts) if hosts else ([None] if p.remote_allowed else [])
    return [GroupType(host, window) for host in places for window in windows]


def km_tenths(km: float) -> int:
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
    types: list[GroupType]
    n: dict[int, int]  # type → column: number of groups of the type
    x: dict[tuple[int, int], int]  # (cell, type) → column: in-person people
    r: dict[tuple[int, int], int]  # (cell, window) → column: remote people
    y: dict[int, int]  # type → column: remote people in its groups
    windows: list[tuple[int, int] | None]
    members: dict[int, tuple[int, ...]]  # type → the cells that can join it at all


def _group_rows(
    program: IntegerProgram,
    cells: Sequence[Cell],
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


def build_program(cells: Sequence[Cell], hosts: Sequence[Site], p: Parameters) -> LanguageProgram:
    types = group_types(cells, hosts, p)
    windows = list(dict.fromkeys(kind.window for kind in types))
    near: dict[tuple[int, int], float] = {}
    members: dict[int, tuple[int, ...]] = {}
    for t, kind in enumerate(types):
        joinable = []
        for c, cell in enumerate(cells):
            how = reach(cell, kind, p)
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
                probe = GroupType(None, window)
                if reach(cell, probe, p) is not None:
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
        {x[key]: float(km_tenths(near[key])) for key in x},  # (4) least travel
    ]
    return LanguageProgram(program, types, n, x, r, y, windows, members)


def _solve_in_two_phases(
    cells: Sequence[Cell], built: LanguageProgram, p: Parameters, time_limit: float
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


def solve_language(
    cells: Sequence[Cell], hosts: Sequence[Site], p: Parameters, time_limit: float
) -> tuple[dict[tuple[int, int], int], dict[int, int], Solution, list[GroupType]]:
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


def demand_cells(demand: Sequence[DemandRow], sites: Mapping[str, Site]) -> dict[str, list[Cell]]:
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
) -> dict[str, list[Cell]]:
    return {
        language: [
            Cell(sites[site_id], month, count)
            for (site_id, month), count in sorted(
                cells.items(), key=lambda kv: (sites[kv[0][0]].code, kv[0][1] or 0)
            )
        ]
        for language, cells in by_language.items()
    }
