"""Staff users: add, list, archive. Users are never deleted: their names stay on the changes
and the audit log they made. Archiving deactivates the account and removes its roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from kotokartta.programme.models import Municipality
from kotokartta.staff import audit
from kotokartta.staff.models import Membership, Role


class UserError(ValueError):
    """A bad request to add or remove a user; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class StaffUser:
    username: str
    active: bool
    roles: tuple[str, ...]
    two_factor: bool


def resolve_municipalities(terms: list[str]) -> list[str]:
    found = []
    for term in terms:
        municipality = Municipality.objects.find(term)
        if municipality is None:
            names = ", ".join(str(m) for m in Municipality.objects.all())
            raise UserError(f"unknown municipality {term!r}; use one of: {names}")
        found.append(municipality.id)
    return list(dict.fromkeys(found))


def user_add(
    *,
    username: str,
    role: str,
    municipalities: list[str],
    password: str,
    acting_user: Any = None,
    actor_name: str = "command line",
) -> Any:
    if role not in Role.values:
        raise UserError(f"unknown role {role!r}; use one of: {', '.join(Role.values)}")
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise UserError(f"user {username!r} already exists; choose another user name")
    municipality_ids = resolve_municipalities(municipalities)
    if role == Role.AREA_ADMIN and municipality_ids:
        raise UserError("an area admin covers the whole area: give no --municipality")
    if role != Role.AREA_ADMIN and not municipality_ids:
        raise UserError(f"a {role} needs at least one --municipality")
    candidate = User(username=username)
    try:
        validate_password(password, user=candidate)
    except Exception as error:  # django.core.exceptions.ValidationError
        messages = getattr(error, "messages", [str(error)])
        raise UserError("password not accepted: " + " ".join(messages)) from error
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password)
        scopes = municipality_ids or [""]
        for mid in scopes:
            membership = Membership(user=user, role=role, municipality_id=mid)
            membership._history_user = acting_user  # type: ignore[attr-defined]
            membership.save()
        audit.record(
            action="user-add",
            actor=acting_user,
            actor_name=actor_name,
            subject=username,
            detail=f"{role} {' '.join(municipality_ids) or 'area'}",
        )
    return user


def user_remove(
    *, username: str, acting_user: Any = None, actor_name: str = "command line"
) -> None:
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        raise UserError(f"no user {username!r}")
    with transaction.atomic():
        roles = [f"{m.role} {m.municipality_id or 'area'}" for m in user.staff_memberships.all()]
        for membership in user.staff_memberships.all():
            membership._history_user = acting_user  # type: ignore[attr-defined]
            membership.delete()
        user.is_active = False
        user.set_unusable_password()
        user.save()
        audit.record(
            action="user-remove",
            actor=acting_user,
            actor_name=actor_name,
            subject=username,
            detail="archived (deactivated); roles removed: " + ", ".join(roles),
        )


def user_list() -> list[StaffUser]:
    User = get_user_model()
    people = User.objects.filter(staff_memberships__isnull=False).distinct().order_by("username")
    inactive = User.objects.filter(is_active=False).order_by("username")
    result = []
    for user in [*people, *inactive]:
        roles = tuple(
            f"{m.role} {m.municipality_id}" if m.municipality_id else m.role
            for m in user.staff_memberships.all()
        )
        result.append(
            StaffUser(
                user.get_username(),
                user.is_active,
                roles,
                TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
            )
        )
    return result
