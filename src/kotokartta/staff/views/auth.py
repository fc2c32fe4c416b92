"""Sign-in, sign-out and the one-time-code step (TOTP) for publishers and area admins."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import auth
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kotokartta.staff import audit
from kotokartta.staff.forms import TokenForm


class StaffLoginView(LoginView):
    """Django's sign-in form (`username`, `password`); every attempt goes to the audit log.
    django-axes counts the failures and locks the account after too many."""

    template_name = "staff/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        audit.record(action="sign-in", actor=form.get_user())
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        attempted = str(self.request.POST.get("username", ""))[:150]
        audit.record(action="sign-in-failed", actor_name=attempted, subject=attempted)
        return super().form_invalid(form)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record(action="sign-out", actor=request.user)
    auth.logout(request)
    return redirect("staff:login")


def _qr_svg(uri: str) -> str:
    return str(
        segno.make(uri, error="m").svg_inline(
            scale=4, title=_("QR code for your authenticator app")
        )
    )


def two_factor(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator app enrolled for this account."""
    user = request.user
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        return redirect("staff:two_factor_enrol")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices:
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect("staff:dashboard")
        audit.record(action="two-factor-failed", actor=user)
        form.add_error("token", _("The code is not right, or it has expired. Try the next one."))
    return render(
        request, "staff/two_factor.html", {"form": form}, status=400 if form.errors else 200
    )


def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: the otpauth address as a QR code and as text."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("staff:two_factor")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            audit.record(action="two-factor-enrolled", actor=user)
            return redirect("staff:dashboard")
        form.add_error("token", _("The code is not right, or it has expired. Try the next one."))
    context: dict[str, Any] = {
        "form": form,
        "uri": device.config_url,
        "qr": mark_safe(_qr_svg(device.config_url)),
    }
    return render(
        request, "staff/two_factor_enrol.html", context, status=400 if form.errors else 200
    )
