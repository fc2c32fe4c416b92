"""PLACEHOLDER, replaced by the staff app at merge.

The staff app (built at the same time on another branch) owns who may do what. Until it lands,
this module offers the same six functions with the simplest safe rule: a superuser may do
everything, anyone else nothing. No app config, models or URLs here on purpose.
"""

from __future__ import annotations

from typing import Any


def _superuser(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_superuser", False))


def editable_municipality_ids(user: Any) -> frozenset[str]:
    if not _superuser(user):
        return frozenset()
    from kotokartta.programme.models import Municipality

    return frozenset(Municipality.objects.values_list("id", flat=True))


def is_area_admin(user: Any) -> bool:
    return _superuser(user)


def can_edit(user: Any, municipality_id: str) -> bool:
    return _superuser(user)


def can_publish(user: Any, municipality_id: str) -> bool:
    return _superuser(user)


def can_plan_orientation(user: Any) -> bool:
    return _superuser(user)


def can_enter_demand(user: Any, municipality_id: str) -> bool:
    return _superuser(user)
