"""Running the planner from the database: parameters resolved, sites and hosts read, plan made.

The one place where demand and parameters given by people (the CLI, the web form, the API) meet
the engine, so the three fronts give the same plan for the same input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kotokartta.orientation.engine import DemandRow, Parameters, Plan, Site, plan, plan_dict
from kotokartta.orientation.selectors import default_hosts, planner_sites


@dataclass(frozen=True, slots=True)
class PlanResult:
    plan: Plan
    sites: dict[str, Site]
    demand: tuple[DemandRow, ...]

    def as_dict(self) -> dict[str, Any]:
        return plan_dict(self.plan, self.sites)


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
) -> PlanResult:
    """Plan `demand` (rows with municipality ids); `hosts` None means the default hosts."""
    sites = planner_sites()
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
