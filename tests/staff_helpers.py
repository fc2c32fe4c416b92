"""Staff users for tests: made directly (no password hashing), signed in with the test client,
with a verified one-time code where the role needs one."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from kotokartta.staff.models import Membership


def make_user(
    username: str, role: str | None, *municipalities: str, superuser: bool = False
) -> Any:
    user = get_user_model().objects.create(username=username, is_superuser=superuser)
    user.set_unusable_password()
    user.save()
    if role is not None:
        for mid in municipalities or ("",):
            Membership.objects.create(user=user, role=role, municipality_id=mid)
    return user


def signed_in(user: Any, *, verified: bool = True) -> Client:
    client = Client()
    client.force_login(user)
    if verified:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def provision_post(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The edit form's fields for a provision record, with `changes` applied."""
    provider = record.get("provider") or {}
    data: dict[str, Any] = {
        "phase": record["phase"],
        "clients": record["clients"],
        "status": record["status"],
        "responsible": record.get("responsible") or "",
        "provider_organisation": provider.get("organisation", ""),
        "provider_unit": provider.get("unit", ""),
        "role": record.get("role") or "",
        "alternative_roles": record.get("alternative_roles", []),
        "places": record.get("places", []),
        "modes": record.get("modes", []),
        "languages": " ".join(record.get("languages", [])),
        "target_groups": record.get("target_groups", []),
        "activity": record.get("activity") or "",
        "planned_from": record.get("planned_from") or "",
        "source_section": record["source"]["section"],
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "note": "test change",
    }
    if record.get("purchased"):
        data["purchased"] = "on"
    for lang, text in (record.get("details") or {}).items():
        data[f"details__{lang}"] = text
    condition = record.get("condition") or {}
    for lang, text in (condition.get("text") or {}).items():
        data[f"condition__{lang}"] = text
    if "uses_finnish" in condition:
        data["condition_uses_finnish"] = "yes" if condition["uses_finnish"] else "no"
    for index, partner in enumerate(record.get("partners", [])):
        data["partners-TOTAL_FORMS"] = str(index + 1)
        prefix = f"partners-{index}-"
        data[prefix + "organisation"] = partner["organisation"]
        data[prefix + "unit"] = partner.get("unit", "")
        data[prefix + "role"] = partner.get("role", "")
        data[prefix + "note_fi"] = (partner.get("note") or {}).get("fi", "")
        data[prefix + "note_en"] = (partner.get("note") or {}).get("en", "")
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
