"""Flags become work, dated plans need checking, the public "last reviewed on", and the
append-only audit log with its CSV export."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from kotokartta.staff import selectors, services
from kotokartta.staff.models import AuditEvent, Draft, FlagReview
from tests.staff_helpers import make_user, signed_in

pytestmark = pytest.mark.django_db

FLAG = "kuhmo-assessment-other-open"


@pytest.fixture
def editor() -> Any:
    return make_user("kuhmo-editor", "editor", "kuhmo")


def test_kuhmo_dashboard__lists_its_flags_and_passed_plans(editor: Any) -> None:
    page = signed_in(editor, verified=False).get("/staff/municipalities/kuhmo/").content.decode()
    assert FLAG in page
    assert "kuhmo-training-kansalaisopisto" in page  # "from 2025": the year has come
    assert "planned from 2025" in page


def test_needs_checking__only_once_the_date_has_passed() -> None:
    snapshot = services.latest_version().snapshot
    before = selectors.needs_checking(snapshot, "kuhmo", today=dt.date(2024, 6, 1))
    after = selectors.needs_checking(snapshot, "kuhmo", today=dt.date(2026, 12, 3))
    assert "kuhmo-training-kansalaisopisto" not in {i.record_id for i in before}
    assert "kuhmo-training-kansalaisopisto" in {i.record_id for i in after}


def test_flag__confirmed_to_stand_with_a_note(editor: Any) -> None:
    client = signed_in(editor, verified=False)
    response = client.post(f"/staff/flags/{FLAG}/", {"action": "confirm", "note": "Yhä auki."})
    assert response.status_code == 302
    assert FlagReview.objects.get(flag_id=FLAG).reviewed_by == editor
    page = client.get("/staff/municipalities/kuhmo/").content.decode()
    assert "kuhmo-editor" in page


def test_flag__resolved_in_the_draft_and_gone_once_published(editor: Any) -> None:
    client = signed_in(editor, verified=False)
    client.post(f"/staff/flags/{FLAG}/", {"action": "resolve", "note": "Sopimus tehty."})
    draft = Draft.objects.get(municipality_id="kuhmo")
    assert draft.changes.get().record_id == FLAG
    publisher = make_user("kuhmo-publisher", "publisher", "kuhmo")
    services.draft_publish(acting_user=publisher, draft=draft, note="n", source="s")
    snapshot = services.latest_version().snapshot
    assert FLAG not in {f.record_id for f in selectors.flags_for(snapshot, "kuhmo")}
    page = Client().get("/fi/municipalities/kuhmo/").content.decode()
    assert f"Tiedot tarkistettu viimeksi {dt.date.today():%-d.%-m.%Y}." in page


def test_public_municipality_page__says_nothing_before_any_review() -> None:
    page = Client().get("/fi/municipalities/kuhmo/").content.decode()
    assert "tarkistettu viimeksi" not in page


def test_audit_log__cannot_be_changed_or_deleted() -> None:
    event = AuditEvent.objects.create(action="sign-in", actor_name="x")
    event.detail = "rewritten"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="rewritten")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).detail == ""


def test_audit_csv__for_area_admins(editor: Any) -> None:
    signed_in(editor, verified=False).post(
        f"/staff/flags/{FLAG}/", {"action": "confirm", "note": "Yhä auki."}
    )
    admin = signed_in(make_user("admin", "area-admin"))
    response = admin.get("/staff/audit.csv")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.splitlines()[0] == "at,actor,action,municipality,subject,detail"
    assert "kuhmo-editor,flag-confirm,kuhmo" in text
    assert admin.get("/staff/audit/").status_code == 200
