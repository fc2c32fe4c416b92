"""The orientation group planner: aggregate demand in, explained groups out.

Plain Python (no Django, no HTTP): the CLI, the staff pages and the API all call `plan`. It
explains in facts, not words: each group carries `GroupFacts`, each unserved line a reason of one
kind (`domain`); `labels` writes them as sentences in the reader's language.

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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any

from kotokartta.orientation.domain import (
    FARTHER,
    HYBRID,
    IN_PERSON,
    MINIMUM_HOURS,
    NO_HOSTS,
    NONE_NEAR,
    OBJECTIVES,
    REMOTE,
    DemandRow,
    Group,
    GroupFacts,
    LeftOver,
    Member,
    OutOfReach,
    Parameters,
    Plan,
    Site,
    TooFewInArea,
    TooFewInReach,
    Unserved,
    UnservedReason,
    haversine_km,
    month_index,
    month_text,
)
from kotokartta.orientation.languages import language_name
from kotokartta.orientation.model import (
    Cell,
    GroupType,
    build_program,
    demand_cells,
    language_cells,
    reach,
    solve_language,
)
from kotokartta.orientation.solver import Stage

__all__ = [
    "HYBRID",
    "IN_PERSON",
    "MINIMUM_HOURS",
    "REMOTE",
    "DemandRow",
    "Group",
    "Member",
    "Parameters",
    "Plan",
    "Site",
    "Unserved",
    "build_program",
    "demand_cells",
    "haversine_km",
    "parameters_dict",
    "plan",
    "plan_dict",
]


def _split(
    language: str,
    kind: GroupType,
    groups: int,
    people: list[tuple[Cell, int]],
    p: Parameters,
) -> list[Group]:
    """Cut `groups` groups of one type out of its people, sizes as even as possible, keeping
    each municipality's people together where the sizes allow (nearest first)."""
    queue: list[tuple[Cell, int, str, float]] = []
    for cell, count in people:
        how = reach(cell, kind, p)
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
            month = None if cell.month is None else month_text(cell.month)
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


def _group(language: str, kind: GroupType, members: tuple[Member, ...], p: Parameters) -> Group:
    in_person = [m for m in members if m.mode == IN_PERSON]
    remote = [m for m in members if m.mode == REMOTE]
    host = kind.host if in_person else None
    mode = REMOTE if not in_person else (HYBRID if remote else IN_PERSON)
    months = [month_index(m.earliest_start) for m in members if m.earliest_start]
    starts = month_text(max(months)) if months else None
    if not remote:
        because = None
    elif host is not None:
        because = FARTHER
    else:
        because = NONE_NEAR if p.hosts else NO_HOSTS
    facts = GroupFacts(
        language=language,
        size=sum(m.count for m in members),
        municipalities=_names(members),
        min_size=p.min_size,
        max_size=p.max_size,
        max_travel_km=p.max_travel_km,
        host=host.name if host is not None else None,
        near=_names(in_person) if host is not None else (),
        far=_names(remote),
        remote_because=because,
        starts=starts,
    )
    return Group(language, host, mode, members, starts, facts)


def _names(members: Iterable[Member]) -> tuple[str, ...]:
    return tuple(sorted({m.municipality.name for m in members}))


def _unserved_reason(
    cell: Cell,
    count: int,
    language: str,
    cells: Sequence[Cell],
    types: Sequence[GroupType],
    p: Parameters,
) -> tuple[UnservedReason, int]:
    """Why `count` people of `cell` have no group, and how many could share one with them."""
    total = sum(c.count for c in cells)
    reachable_types = [kind for kind in types if reach(cell, kind, p) is not None]
    reachable = max(
        (sum(c.count for c in cells if reach(c, kind, p) is not None) for kind in reachable_types),
        default=0,
    )
    if total < p.min_size:
        return TooFewInArea(language, total, p.min_size), total
    if not reachable_types:
        return OutOfReach(cell.site.name, bool(p.hosts), p.max_travel_km), 0
    if reachable < p.min_size:
        spread = p.max_start_spread_months is not None
        return TooFewInReach(language, reachable, p.min_size, spread), reachable
    return LeftOver(language, count, p.min_size), reachable


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
        assigned, counts, solution, types = solve_language(cells, hosts, p, budget)
        remaining = max(0.1, remaining - sum(s.seconds for s in solution.stages))
        stages[language] = solution.stages
        people: dict[int, list[tuple[Cell, int]]] = defaultdict(list)
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
                reason, reachable = _unserved_reason(cell, left, language, cells, types, p)
                unserved.append(Unserved(cell.site, language, left, reason, reachable))

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
            reason = old.reason
            if isinstance(reason, LeftOver) and isinstance(u.reason, LeftOver):
                reason = replace(reason, count=reason.count + u.reason.count)
            merged[key] = Unserved(
                old.municipality,
                old.language,
                old.count + u.count,
                reason,
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
    """The plan as the JSON contract of the CLI and the API, without words: the explanations
    are facts (`explanation_facts`, `reason_facts`); `labels.with_texts` adds the sentences
    (`explanation`, `reason`) in a language."""
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
                "explanation_facts": asdict(g.explanation),
            }
            for g in result.groups
        ],
        "unserved": [
            {
                "municipality": u.municipality.as_dict(),
                "language": u.language,
                "count": u.count,
                "reason_code": u.reason_code,
                "reason_facts": {"code": u.reason_code, **asdict(u.reason)},
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
