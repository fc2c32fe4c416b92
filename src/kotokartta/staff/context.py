"""Template context for staff pages only (public pages get nothing from here)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kotokartta.staff import access


def staff(request: HttpRequest) -> dict[str, Any]:
    if not request.path.startswith("/staff/"):
        return {}
    return {"is_area_admin": lambda: access.is_area_admin(getattr(request, "user", None))}
