"""The audit log's one writer. Staff actions only: never anything a newcomer typed or looked at."""

from __future__ import annotations

from typing import Any

from kotokartta.staff.models import AuditEvent

ACTIONS = (
    "sign-in",
    "sign-in-failed",
    "sign-out",
    "two-factor-enrolled",
    "two-factor-failed",
    "draft-change",
    "draft-submit",
    "draft-return",
    "draft-discard",
    "publish",
    "restore",
    "flag-confirm",
    "user-add",
    "user-remove",
    "data-load",
)


def record(
    *,
    action: str,
    actor: Any = None,
    actor_name: str = "",
    municipality_id: str | None = "",
    subject: str = "",
    detail: str = "",
) -> AuditEvent:
    assert action in ACTIONS, action
    user = actor if actor is not None and getattr(actor, "pk", None) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_name=(user.get_username() if user is not None else actor_name)[:150],
        action=action,
        municipality_id=municipality_id or "",
        subject=subject[:200],
        detail=detail,
    )
