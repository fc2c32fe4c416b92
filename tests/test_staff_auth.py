"""Signing in: Django's login form, throttling (django-axes), the one-time code (django-otp),
cookies only on /staff/, and a clean deployment check."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kotokartta.staff.models import AuditEvent, Membership
from kotokartta.staff.users import UserError, user_add

pytestmark = pytest.mark.django_db

PASSWORD = "kuhmon-koordinaattori-2026"


def _user(username: str, role: str, municipality: str = "") -> Any:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, role=role, municipality_id=municipality)
    return user


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
def test_editor__signs_in_with_the_login_form_and_reaches_the_dashboard() -> None:
    _user("kuhmo-editor", "editor", "kuhmo")
    client = Client()
    assert client.get("/staff/").status_code == 302
    page = client.get("/staff/login/")
    assert b'name="username"' in page.content and b'name="password"' in page.content
    response = client.post("/staff/login/", {"username": "kuhmo-editor", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200
    assert AuditEvent.objects.filter(action="sign-in", actor_name="kuhmo-editor").exists()


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
def test_ten_failures__lock_the_account_even_for_the_right_password() -> None:
    _user("kuhmo-editor", "editor", "kuhmo")
    client = Client()
    for _ in range(10):
        client.post("/staff/login/", {"username": "kuhmo-editor", "password": "wrong"})
    locked = client.post("/staff/login/", {"username": "kuhmo-editor", "password": PASSWORD})
    assert locked.status_code in (403, 429)
    assert Client().get("/staff/").status_code == 302
    assert client.get("/staff/").status_code == 302  # not signed in
    assert AuditEvent.objects.filter(action="sign-in-failed").count() >= 10


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
def test_publisher__enrols_an_authenticator_then_needs_a_code_at_every_sign_in() -> None:
    publisher = _user("kuhmo-publisher", "publisher", "kuhmo")
    client = Client()
    client.post("/staff/login/", {"username": "kuhmo-publisher", "password": PASSWORD})
    assert client.get("/staff/")["Location"] == "/staff/two-factor/"
    assert client.get("/staff/two-factor/")["Location"] == "/staff/two-factor/enrol/"
    enrol = client.get("/staff/two-factor/enrol/").content.decode()
    assert "otpauth://totp/" in enrol and "<svg" in enrol
    device = TOTPDevice.objects.get(user=publisher)
    assert client.post("/staff/two-factor/enrol/", {"token": "000000"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code throttles the device for a moment
    response = client.post("/staff/two-factor/enrol/", {"token": _code(device)})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200

    again = Client()
    again.post("/staff/login/", {"username": "kuhmo-publisher", "password": PASSWORD})
    assert again.get("/staff/drafts/")["Location"] == "/staff/two-factor/"
    device.refresh_from_db()
    device.last_t = -1  # the same time step may be used once per device; a new sign-in
    device.save()
    assert again.post("/staff/two-factor/", {"token": _code(device)}).status_code == 302
    assert again.get("/staff/drafts/").status_code == 200


def test_weak_password__is_refused() -> None:
    with pytest.raises(UserError, match="password"):
        user_add(username="x", role="editor", municipalities=["kuhmo"], password="12345678")


def test_public_pages__set_no_cookie_and_staff_cookies_stay_on_staff() -> None:
    client = Client()
    for url in ("/fi/", "/fi/path?municipality=kuhmo&client=other", "/api/v1/municipalities/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
    login = client.get("/staff/login/")
    cookie = login.cookies["csrftoken"]
    assert cookie["path"] == "/staff/" and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_every_staff_form_carries_a_csrf_token() -> None:
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    client = Client(enforce_csrf_checks=True)
    response = client.post("/staff/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403


def test_check_deploy__is_clean_with_production_settings(tmp_path: Any) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "KOTOKARTTA_PRODUCTION": "true",
        "KOTOKARTTA_SECRET_KEY": "x" * 30 + "-production-secret-for-the-check-only-" + "y" * 20,
        "KOTOKARTTA_ALLOWED_HOSTS": "kotokartta.example.fi",
        "KOTOKARTTA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "-m", "kotokartta.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    settings_check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; django.setup(); from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
            " s.CSRF_COOKIE_SECURE)",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "kotokartta.settings"},
        capture_output=True,
        text=True,
    )
    assert settings_check.stdout.split() == ["True", "True", "Lax", "True"]
