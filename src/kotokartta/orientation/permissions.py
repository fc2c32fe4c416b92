"""Who may use the planner. The rules live in the staff app (`kotokartta.staff.access`); the
views ask only through the names below, so tests can replace them one by one.

- Planning (running plans, scenarios, exports, the API): area admins and publishers.
- Entering demand: editors and publishers for their own municipalities, area admins for all.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from kotokartta.staff.access import (
    can_enter_demand,
    can_plan_orientation,
    editable_municipality_ids,
    is_area_admin,
)

LOGIN_URL = "/staff/login/"

__all__ = [
    "can_enter_demand",
    "can_plan_orientation",
    "demand_municipality_ids",
    "editable_municipality_ids",
    "is_area_admin",
    "may_enter_any_demand",
    "may_plan",
    "staff_only",
]


def may_plan(user: Any) -> bool:
    return bool(can_plan_orientation(user))


def demand_municipality_ids(user: Any, candidates: list[str]) -> list[str]:
    """The municipalities (of `candidates`) whose demand `user` may enter."""
    return [m for m in candidates if can_enter_demand(user, m)]


def may_enter_any_demand(user: Any) -> bool:
    from kotokartta.programme.models import Municipality

    return any(can_enter_demand(user, m) for m in Municipality.objects.values_list("id", flat=True))


View = Callable[..., HttpResponseBase]


def staff_only(rule: Callable[[Any], bool]) -> Callable[[View], View]:
    """Anonymous → the staff sign-in with ?next=; signed in but not allowed by `rule` → 403.
    Every response is private and never stored by caches."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = getattr(request, "user", None)
            if user is None or not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), LOGIN_URL)
            if not rule(user):
                raise PermissionDenied
            response = view(request, *args, **kwargs)
            response.headers["Cache-Control"] = "private, no-store"
            return response

        return wrapped

    return decorate
