"""Who may do what: the one home of the staff access rules. Every staff view, form and
service asks here; nothing else decides.

Roles are bound to municipalities (staff.models.Membership):
- editor: drafts changes to their municipalities' provisions, places, contacts, activities;
- publisher: an editor who also reviews and publishes their municipalities' drafts;
- area admin: everything in the area, area-wide records (municipality None: the joint
  orientation, the online training tender), organisations and staff users;
- Django superusers (operators): everything.
An inactive (archived) user may do nothing.
"""

from __future__ import annotations

from typing import Any

from kotokartta.programme.models import Municipality
from kotokartta.staff.models import Membership, Role

_CACHE_ATTR = "_staff_roles"


def _roles(user: Any) -> frozenset[tuple[str, str]]:
    """(role, municipality id) pairs of an active signed-in user, read once per request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(user=user).values_list("role", "municipality_id")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget(user: Any) -> None:
    """Drop the per-request cache after roles change."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def is_staff_member(user: Any) -> bool:
    return bool(_roles(user)) or _is_superuser(user)


def _is_superuser(user: Any) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and user.is_superuser
    )


def is_area_admin(user: Any) -> bool:
    return _is_superuser(user) or any(role == Role.AREA_ADMIN for role, _ in _roles(user))


def editable_municipality_ids(user: Any) -> frozenset[str]:
    if is_area_admin(user):
        return frozenset(Municipality.objects.values_list("id", flat=True))
    return frozenset(
        mun for role, mun in _roles(user) if role in (Role.EDITOR, Role.PUBLISHER) and mun
    )


def publishable_municipality_ids(user: Any) -> frozenset[str]:
    if is_area_admin(user):
        return frozenset(Municipality.objects.values_list("id", flat=True))
    return frozenset(mun for role, mun in _roles(user) if role == Role.PUBLISHER and mun)


def can_edit(user: Any, municipality_id: str | None) -> bool:
    """May draft changes to a record of `municipality_id` (None: an area-wide record)."""
    if is_area_admin(user):
        return True
    if municipality_id is None or municipality_id == "":
        return False
    return municipality_id in editable_municipality_ids(user)


def can_publish(user: Any, municipality_id: str | None) -> bool:
    if is_area_admin(user):
        return True
    if municipality_id is None or municipality_id == "":
        return False
    return municipality_id in publishable_municipality_ids(user)


def can_plan_orientation(user: Any) -> bool:
    return is_area_admin(user) or any(role == Role.PUBLISHER for role, _ in _roles(user))


def can_enter_demand(user: Any, municipality_id: str) -> bool:
    if is_area_admin(user):
        return True
    return bool(municipality_id) and municipality_id in editable_municipality_ids(user)


def can_manage_users(user: Any) -> bool:
    return is_area_admin(user)


def can_read_audit(user: Any) -> bool:
    return is_area_admin(user)


def requires_two_factor(user: Any) -> bool:
    """Publishers, area admins and operators sign in with a one-time code as well."""
    return is_area_admin(user) or any(role == Role.PUBLISHER for role, _ in _roles(user))
