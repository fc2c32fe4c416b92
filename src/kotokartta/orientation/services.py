"""Running the planner from the database: parameters resolved, sites and hosts read, plan made.

The one place where demand and parameters given by people (the CLI, the web form, the API) meet
the engine, so the three fronts give the same plan for the same input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kotokartta.orientation.engine import DemandRow, Parameters, Plan, Site, plan, plan_dict
from kotokartta.orientation.labels import with_texts
from kotokartta.orientation.selectors import default_hosts, planner_sites


@dataclass(frozen=True, slots=True)
class PlanResult:
    plan: Plan
    sites: dict[str, Site]
    demand: tuple[DemandRow, ...]

    def as_dict(self, *, lang: str = "en") -> dict[str, Any]:
        """The plan document, its sentences in `lang`."""
        return with_texts(plan_dict(self.plan, self.sites), lang)


def run_plan(
    *,
    demand: Sequence[DemandRow],
    min_size: int = 6,
    max_size: int = 20,
    max_travel_km: float = 80.0,
    remote_allowed: bool = True,
    hosts: Sequence[str] | None = None,
    max_start_spread_months: int | None = None,
    time_limit_seconds: float = 20.0,
    lang: str | None = None,
) -> PlanResult:
    """Plan `demand` (rows with municipality ids); `hosts` None means the default hosts.
    Municipalities are named in `lang` (Swedish names for sv), by default the active language."""
    sites = planner_sites(lang=lang)
    parameters = Parameters(
        min_size=min_size,
        max_size=max_size,
        max_travel_km=max_travel_km,
        remote_allowed=remote_allowed,
        hosts=tuple(default_hosts() if hosts is None else hosts),
        max_start_spread_months=max_start_spread_months,
        time_limit_seconds=time_limit_seconds,
    )
    result = plan(demand=demand, sites=sites, parameters=parameters)
    return PlanResult(result, sites, tuple(demand))


def parameters_from_dict(data: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of `run_plan` from a stored or posted parameters object."""
    return {
        key: data[key]
        for key in (
            "min_size",
            "max_size",
            "max_travel_km",
            "remote_allowed",
            "hosts",
            "max_start_spread_months",
            "time_limit_seconds",
        )
        if key in data
    }


def scenario_save(*, name: str, result: PlanResult, acting_user: Any) -> Any:
    """Save a plan under a name, with the demand and parameters it was made from."""
    from kotokartta.orientation.models import Scenario

    p = result.plan.parameters
    return Scenario.objects.create(
        name=name.strip()[:200],
        demand=[
            {
                "municipality": row.municipality,
                "language": row.language,
                "count": row.count,
                "earliest_start": row.earliest_start,
            }
            for row in result.demand
        ],
        parameters={
            "min_size": p.min_size,
            "max_size": p.max_size,
            "max_travel_km": p.max_travel_km,
            "remote_allowed": p.remote_allowed,
            "hosts": list(p.hosts),
            "max_start_spread_months": p.max_start_spread_months,
            "time_limit_seconds": p.time_limit_seconds,
        },
        result=result.as_dict(),
        created_by=acting_user,
    )


def demand_replace(
    *, municipality_ids: Sequence[str], rows: Sequence[DemandRow], acting_user: Any
) -> int:
    """Replace the entered demand of `municipality_ids` by `rows` (all of which must be for those
    municipalities), in one transaction. Returns the number of rows now stored for them."""
    from django.db import transaction

    from kotokartta.orientation.models import DemandEntry

    allowed = set(municipality_ids)
    if any(row.municipality not in allowed for row in rows):
        raise ValueError("a row is for a municipality outside municipality_ids")
    with transaction.atomic():
        DemandEntry.objects.filter(municipality_id__in=allowed).delete()
        DemandEntry.objects.bulk_create(
            DemandEntry(
                municipality_id=row.municipality,
                language=row.language,
                earliest_start=row.earliest_start or "",
                count=row.count,
                updated_by=acting_user,
            )
            for row in rows
        )
    return len(rows)
