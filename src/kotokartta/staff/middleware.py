"""Deny by default: the whole /staff/ address space needs a signed-in staff member, and
publishers, area admins and operators also a verified one-time code. A new staff page is
protected without doing anything; only the sign-in page is open."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from kotokartta.staff import access

PREFIX = "/staff/"
OPEN_PATHS = frozenset({"/staff/login/"})
# Reachable after the password, before the one-time code.
TWO_FACTOR_PATHS = frozenset({"/staff/two-factor/", "/staff/two-factor/enrol/", "/staff/logout/"})


def staff_gate(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        path = request.path
        if not (path.startswith(PREFIX) or path == PREFIX.rstrip("/")):
            return get_response(request)
        if path not in OPEN_PATHS:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not access.is_staff_member(user):
                raise PermissionDenied("no staff role")
            verified = getattr(user, "is_verified", lambda: False)()
            if access.requires_two_factor(user) and not verified and path not in TWO_FACTOR_PATHS:
                return redirect("staff:two_factor")
        response = get_response(request)
        response.headers["Cache-Control"] = "no-store, private"
        return response

    return middleware
