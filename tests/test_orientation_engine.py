"""The planner's engine: optimal against brute force on tiny cases; every person accounted for."""

from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from kotokartta.geo.centres import centres
from kotokartta.orientation.domain import GroupFacts, OutOfReach, TooFewInArea
from kotokartta.orientation.engine import (
    HYBRID,
    IN_PERSON,
    REMOTE,
    DemandRow,
    Parameters,
    Plan,
    Site,
    haversine_km,
    plan,
)

KAINUU = {
    "105": "Hyrynsalmi", "205": "Kajaani", "290": "Kuhmo", "305": "Kuusamo", "578": "Paltamo",
    "620": "Puolanka", "697": "Ristijärvi", "765": "Sotkamo", "777": "Suomussalmi",
    "832": "Taivalkoski",
}  # fmt: skip


@pytest.fixture(scope="module")
def kainuu() -> dict[str, Site]:
    found = centres(Path(settings.GEO_DIR), KAINUU)
    return {code: Site(code, code, name, *found[code]) for code, name in KAINUU.items()}


def _tuple(result: Plan) -> tuple[int, int, int, int]:
    """The objective recomputed from the groups themselves."""
    remote = sum(m.count for g in result.groups for m in g.members if m.mode == REMOTE)
    km = sum(
        m.count * round(m.distance_km * 10)
        for g in result.groups
        for m in g.members
        if m.mode == IN_PERSON
    )
    return sum(u.count for u in result.unserved), len(result.groups), remote, km


def _brute_force(
    counts: tuple[int, ...],
    sites: list[Site],
    hosts: list[Site],
    p: Parameters,
    months: list[int | None] | None = None,
) -> tuple[int, int, int, int]:
    """Every way to form groups, one group at a time: each group picks a host (or none, when
    remote is allowed) and how many people of each municipality join it."""
    places: list[Site | None] = [*hosts, None] if p.remote_allowed else list(hosts)

    def options(remaining: tuple[int, ...]):  # type: ignore[no-untyped-def]
        for host in places:
            how = []
            for site in sites:
                km = haversine_km(site, host) if host is not None else math.inf
                if km <= p.max_travel_km:
                    how.append((IN_PERSON, round(round(km, 1) * 10)))
                elif p.remote_allowed:
                    how.append((REMOTE, 0))
                else:
                    how.append(None)

            def vectors(i: int, left: int, how: list = how):  # type: ignore[no-untyped-def,type-arg]
                if i == len(sites):
                    yield ()
                    return
                top = 0 if how[i] is None else min(remaining[i], left)
                for take in range(top + 1):
                    for rest in vectors(i + 1, left - take, how):
                        yield (take, *rest)

            for vector in vectors(0, p.max_size):
                used = [m for v, m in zip(vector, months or [None] * len(sites), strict=True) if v]
                dated = [m for m in used if m is not None]
                spread = p.max_start_spread_months
                if spread is not None and dated and max(dated) - min(dated) > spread:
                    continue
                if p.min_size <= sum(vector) <= p.max_size:
                    remote = sum(
                        v for v, h in zip(vector, how, strict=True) if h and h[0] == REMOTE
                    )
                    km = sum(
                        v * h[1]
                        for v, h in zip(vector, how, strict=True)
                        if h and h[0] == IN_PERSON
                    )
                    yield vector, remote, km

    @cache
    def best(remaining: tuple[int, ...]) -> tuple[int, int, int, int]:
        result = (sum(remaining), 0, 0, 0)  # nobody else gets a group
        for vector, remote, km in options(remaining):
            after = tuple(r - v for r, v in zip(remaining, vector, strict=True))
            u, g, r, k = best(after)
            result = min(result, (u, g + 1, r + remote, k + km))
        return result

    return best(counts)


def _random_case(seed: int) -> tuple[list[Site], list[DemandRow], Parameters, list[str]]:
    rng = random.Random(seed)
    n = rng.choice([2, 3, 3, 4])
    sites = [
        Site(f"m{i}", f"{i:03d}", f"M{i}", 64 + rng.random(), 27 + 2 * rng.random())
        for i in range(n)
    ]
    languages = ["ar"] if rng.random() < 0.6 else ["ar", "uk"]
    top = 6 if n <= 3 else 4
    demand = [DemandRow(s.id, lang, rng.randint(0, top)) for s in sites for lang in languages]
    min_size = rng.randint(2, 4)
    hosts = rng.sample([s.id for s in sites], rng.randint(0, min(2, n)))
    p = Parameters(
        min_size=min_size,
        max_size=rng.randint(min_size, min_size + 3),
        max_travel_km=rng.choice([20.0, 50.0, 80.0, 150.0]),
        remote_allowed=rng.random() < 0.6,
        hosts=tuple(hosts),
    )
    return sites, demand, p, languages


@pytest.mark.parametrize("seed", range(60))
def test_plan__tiny_random_cases__match_the_brute_force_optimum(seed: int) -> None:
    sites, demand, p, languages = _random_case(seed)
    result = plan(demand=demand, sites={s.id: s for s in sites}, parameters=p)
    expected = [0, 0, 0, 0]
    for language in languages:
        counts = tuple(
            next(r.count for r in demand if r.municipality == s.id and r.language == language)
            for s in sites
        )
        hosts = [s for s in sites if s.id in p.hosts]
        for i, value in enumerate(_brute_force(counts, sites, hosts, p)):
            expected[i] += value
    assert _tuple(result) == tuple(expected)
    assert result.optimal and result.gap == 0


def _check_accounting(result: Plan, demand: list[DemandRow], p: Parameters) -> None:
    placed: dict[tuple[str, str], int] = {}
    for g in result.groups:
        assert p.min_size <= g.size <= p.max_size
        modes = {m.mode for m in g.members}
        assert g.mode == (
            IN_PERSON if modes == {IN_PERSON} else HYBRID if IN_PERSON in modes else REMOTE
        )
        assert (g.host is None) == (g.mode == REMOTE)
        for m in g.members:
            if m.mode == IN_PERSON:
                assert g.host is not None and m.distance_km <= p.max_travel_km + 0.05
            else:
                assert p.remote_allowed
            key = (m.municipality.id, g.language)
            placed[key] = placed.get(key, 0) + m.count
    for u in result.unserved:
        assert u.count > 0 and u.reason
        key = (u.municipality.id, u.language)
        placed[key] = placed.get(key, 0) + u.count
    wanted: dict[tuple[str, str], int] = {}
    for row in demand:
        if row.count:
            key = (row.municipality, row.language)
            wanted[key] = wanted.get(key, 0) + row.count
    assert placed == wanted


@hypothesis_settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    counts=st.lists(st.integers(0, 30), min_size=10, max_size=10),
    language=st.lists(st.sampled_from(["ar", "uk", "sw"]), min_size=10, max_size=10),
    min_size=st.integers(1, 8),
    extra=st.integers(0, 15),
    km=st.sampled_from([0.0, 40.0, 80.0, 250.0]),
    remote=st.booleans(),
    hosts=st.sets(st.sampled_from(sorted(KAINUU)), max_size=4),
)
def test_plan__any_demand__puts_every_person_in_one_group_or_unserved(
    kainuu: dict[str, Site],
    counts: list[int],
    language: list[str],
    min_size: int,
    extra: int,
    km: float,
    remote: bool,
    hosts: set[str],
) -> None:
    demand = [
        DemandRow(code, lang, count)
        for code, lang, count in zip(sorted(KAINUU), language, counts, strict=True)
    ]
    p = Parameters(
        min_size=min_size,
        max_size=min_size + extra,
        max_travel_km=km,
        remote_allowed=remote,
        hosts=tuple(sorted(hosts)),
    )
    result = plan(demand=demand, sites=kainuu, parameters=p)
    _check_accounting(result, demand, p)


def test_plan__too_few_speakers_in_the_area__says_how_many_and_how_many_a_group_needs(
    kainuu: dict[str, Site],
) -> None:
    demand = [DemandRow("620", "sw", 3), DemandRow("205", "ar", 8)]
    result = plan(demand=demand, sites=kainuu, parameters=Parameters(hosts=("205",)))
    [unserved] = result.unserved
    assert (unserved.municipality.name, unserved.count) == ("Puolanka", 3)
    assert unserved.reason == TooFewInArea(language="sw", total=3, min_size=6)
    assert unserved.reason_code == "too_few_in_area"
    [group] = result.groups
    assert group.host is not None and group.host.name == "Kajaani"
    assert group.explanation == GroupFacts(
        language="ar",
        size=8,
        municipalities=("Kajaani",),
        min_size=6,
        max_size=20,
        max_travel_km=80.0,
        host="Kajaani",
        near=("Kajaani",),
    )


def test_plan__without_remote__far_municipalities_are_unserved_with_the_distance(
    kainuu: dict[str, Site],
) -> None:
    demand = [DemandRow("205", "ar", 10), DemandRow("305", "ar", 4)]
    result = plan(
        demand=demand,
        sites=kainuu,
        parameters=Parameters(hosts=("205",), remote_allowed=False),
    )
    [unserved] = result.unserved
    assert unserved.municipality.name == "Kuusamo"
    assert unserved.reason == OutOfReach(municipality="Kuusamo", hosts_given=True, max_travel_km=80)


def test_plan__near_municipalities_attend_in_person_and_far_ones_remotely(
    kainuu: dict[str, Site],
) -> None:
    demand = [DemandRow("205", "ar", 5), DemandRow("578", "ar", 2), DemandRow("305", "ar", 3)]
    result = plan(demand=demand, sites=kainuu, parameters=Parameters(hosts=("205",)))
    [group] = result.groups
    modes = {m.municipality.name: m.mode for m in group.members}
    assert modes == {"Kajaani": IN_PERSON, "Paltamo": IN_PERSON, "Kuusamo": REMOTE}
    assert group.mode == HYBRID and group.size == 10


def test_plan__large_demand__is_split_into_groups_within_the_maximum(
    kainuu: dict[str, Site],
) -> None:
    result = plan(
        demand=[DemandRow("205", "uk", 45)], sites=kainuu, parameters=Parameters(hosts=("205",))
    )
    assert sorted(g.size for g in result.groups) == [15, 15, 15]


def test_plan__start_spread__keeps_far_apart_start_months_in_separate_groups(
    kainuu: dict[str, Site],
) -> None:
    demand = [
        DemandRow("205", "ar", 6, "2027-01"),
        DemandRow("578", "ar", 6, "2027-09"),
    ]
    together = plan(demand=demand, sites=kainuu, parameters=Parameters(hosts=("205",)))
    assert len(together.groups) == 1 and together.groups[0].starts == "2027-09"
    apart = plan(
        demand=demand,
        sites=kainuu,
        parameters=Parameters(hosts=("205",), max_start_spread_months=3),
    )
    assert sorted(g.starts or "" for g in apart.groups) == ["2027-01", "2027-09"]


def test_plan__no_hosts__gives_remote_groups_when_remote_is_allowed(
    kainuu: dict[str, Site],
) -> None:
    result = plan(
        demand=[DemandRow("205", "th", 3), DemandRow("305", "th", 4)],
        sites=kainuu,
        parameters=Parameters(hosts=()),
    )
    [group] = result.groups
    assert group.mode == REMOTE and group.host is None and group.size == 7


@pytest.mark.parametrize("seed", range(12))
def test_plan__tiny_cases_with_start_months__match_the_brute_force_optimum(seed: int) -> None:
    rng = random.Random(1000 + seed)
    sites = [
        Site(f"m{i}", f"{i:03d}", f"M{i}", 64 + rng.random(), 27 + rng.random()) for i in range(3)
    ]
    cells = [
        (site, rng.choice([None, 1, 2, 4, 7])) for site in sites for _ in range(rng.randint(1, 2))
    ]
    cells = list({(s.id, m): (s, m) for s, m in cells}.values())[:4]
    counts = tuple(rng.randint(1, 4) for _ in cells)
    demand = [
        DemandRow(site.id, "ar", count, None if month is None else f"2027-{month:02d}")
        for (site, month), count in zip(cells, counts, strict=True)
    ]
    p = Parameters(
        min_size=rng.randint(2, 3),
        max_size=rng.randint(3, 5),
        max_travel_km=rng.choice([30.0, 80.0]),
        remote_allowed=rng.random() < 0.6,
        hosts=(sites[0].id,),
        max_start_spread_months=rng.choice([0, 2, 3]),
    )
    result = plan(demand=demand, sites={s.id: s for s in sites}, parameters=p)
    expected = _brute_force(
        counts, [site for site, _ in cells], [sites[0]], p, [month for _, month in cells]
    )
    assert _tuple(result) == expected
    for group in result.groups:
        dated = [int(m.earliest_start[5:]) for m in group.members if m.earliest_start]
        assert not dated or max(dated) - min(dated) <= (p.max_start_spread_months or 0)
