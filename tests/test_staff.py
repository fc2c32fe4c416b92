"""Staff editing end to end: an editor drafts, a publisher reviews and publishes, the public
site changes in one step, the history names both, and an earlier version can be restored."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from kotokartta.programme.models import DataSet, Provision
from kotokartta.staff import records, services
from kotokartta.staff.models import AuditEvent, Draft, RecordRevision
from tests.staff_helpers import make_user, provision_post, signed_in

pytestmark = pytest.mark.django_db

AGREEMENT = "kuhmo-assessment-other"  # the Kuhmo paragraph: "sopimus ... selviää joulukuussa 2024"


def _record(record_id: str) -> dict[str, Any]:
    found = records.find(services.latest_version().snapshot, "provision", record_id)
    assert found is not None
    return dict(found.data)


def _edit(client: Client, record_id: str, **changes: Any) -> Any:
    page = client.get(f"/staff/provisions/{record_id}/")
    assert page.status_code == 200
    lock = {
        "record_version": re.search(rb'name="record_version" value="(\d+)"', page.content)[1],  # type: ignore[index]
        "revision": re.search(rb'name="revision" value="(\d+)"', page.content)[1],  # type: ignore[index]
    }
    data = provision_post(_record(record_id), **changes)
    data.update({k: v.decode() for k, v in lock.items()})
    return client.post(f"/staff/provisions/{record_id}/", data)


@pytest.fixture
def editor() -> Any:
    return make_user("kuhmo-editor", "editor", "kuhmo")


@pytest.fixture
def publisher() -> Any:
    return make_user("kuhmo-publisher", "publisher", "kuhmo")


def test_editor_draft__publisher_publishes__public_path_changes(
    editor: Any, publisher: Any
) -> None:
    before = Client().get("/fi/path?municipality=kuhmo&client=other").content.decode()
    assert "Kuhmon kaupunki" not in before or "avoin, sopimatta" in before

    response = _edit(
        signed_in(editor, verified=False),
        AGREEMENT,
        status="available",
        provider_organisation="kuhmo",
        note="Sopimus tehty: Kuhmo tuottaa palvelun itse.",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = Draft.objects.get(municipality_id="kuhmo")
    assert Provision.objects.get(id=AGREEMENT).status == "undetermined"  # not live yet

    reviewer = signed_in(publisher)
    review = reviewer.get(f"/staff/drafts/{draft.pk}/")
    assert review.status_code == 200
    text = review.content.decode()
    assert "avoin, sopimatta" in text and "järjestetty" in text  # status old → new

    preview = reviewer.get(f"/staff/drafts/{draft.pk}/preview/?municipality=kuhmo&client=other")
    assert preview.status_code == 200
    assert Provision.objects.get(id=AGREEMENT).status == "undetermined"  # preview rolled back

    published = reviewer.post(
        f"/staff/drafts/{draft.pk}/publish/",
        {"note": "Sopimus allekirjoitettu", "source": "yhteistyöryhmä 14.3.2025"},
    )
    assert published.status_code == 302
    assert Provision.objects.get(id=AGREEMENT).status == "available"
    revision = RecordRevision.objects.get(kind="provision", record_id=AGREEMENT)
    assert revision.editors == ["kuhmo-editor"]
    assert revision.version.published_by == publisher
    history = reviewer.get(f"/staff/provisions/{AGREEMENT}/history/").content.decode()
    assert "kuhmo-editor" in history and "kuhmo-publisher" in history
    assert "joulukuussa 2024" in history  # the document's quote stays as original provenance
    assert set(AuditEvent.objects.values_list("action", flat=True)) >= {"draft-change", "publish"}


@pytest.mark.parametrize(
    ("accept", "words"),
    [
        ("fi", ("Tila", "järjestetty")),
        ("sv", ("status", "ordnad")),
        ("en", ("status", "available")),
    ],
)
def test_draft_review__lists_the_changes_in_the_staff_pages_language(
    editor: Any, publisher: Any, accept: str, words: tuple[str, str]
) -> None:
    _edit(
        signed_in(editor, verified=False),
        AGREEMENT,
        status="available",
        provider_organisation="kuhmo",
    )
    draft = Draft.objects.get(municipality_id="kuhmo")
    page = signed_in(publisher).get(f"/staff/drafts/{draft.pk}/", HTTP_ACCEPT_LANGUAGE=accept)
    text = page.content.decode()
    assert all(word in text for word in words), text[text.find("<main") :][:3000]
    assert "kuhmo · other" not in text and "Kuhmo · " in text  # preview links by name and label


def test_publish__needs_a_note_and_a_source(editor: Any, publisher: Any) -> None:
    _edit(signed_in(editor, verified=False), AGREEMENT, status="available")
    draft = Draft.objects.get(municipality_id="kuhmo")
    signed_in(publisher).post(f"/staff/drafts/{draft.pk}/publish/", {"note": "x", "source": ""})
    assert Provision.objects.get(id=AGREEMENT).status == "undetermined"
    assert DataSet.objects.count() == 1


def test_change_that_breaks_validation__is_refused_with_the_problem(editor: Any) -> None:
    response = _edit(
        signed_in(editor, verified=False),
        AGREEMENT,
        provider_organisation="kuhmo",
        provider_unit="kajaani-tyollisyys-ja-kansainvalisyyspalvelut",
    )
    assert response.status_code == 400
    assert "belongs to" in response.content.decode()
    assert not Draft.objects.filter(municipality_id="kuhmo", changes__isnull=False).exists()


def test_two_editors_on_one_provision__the_second_gets_a_conflict(editor: Any) -> None:
    other = make_user("kuhmo-editor-2", "editor", "kuhmo")
    first, second = signed_in(editor, verified=False), signed_in(other, verified=False)
    page = second.get(f"/staff/provisions/{AGREEMENT}/").content
    stale = {
        "record_version": re.search(rb'name="record_version" value="(\d+)"', page)[1].decode(),  # type: ignore[index]
        "revision": re.search(rb'name="revision" value="(\d+)"', page)[1].decode(),  # type: ignore[index]
    }
    assert _edit(first, AGREEMENT, status="available", note="first").status_code == 302
    data = provision_post(_record(AGREEMENT), status="not_organised", note="second")
    response = second.post(f"/staff/provisions/{AGREEMENT}/", {**data, **stale})
    assert response.status_code == 409
    assert "kuhmo-editor" in response.content.decode()
    change = Draft.objects.get(municipality_id="kuhmo").changes.get()
    assert change.data["status"] == "available"  # the first change was not overwritten


def test_publishing_a_stale_draft__is_a_conflict(editor: Any, publisher: Any) -> None:
    _edit(signed_in(editor, verified=False), AGREEMENT, status="available")
    draft = Draft.objects.get(municipality_id="kuhmo")
    # Meanwhile an area admin publishes another change to the same provision.
    admin = make_user("admin", "area-admin")
    seen = services.Seen(0, 0)
    draft.status = "discarded"
    draft.save()
    services.draft_save_change(
        acting_user=admin,
        municipality_id="kuhmo",
        kind="provision",
        record_id=AGREEMENT,
        action="save",
        data={**_record(AGREEMENT), "status": "on_need"},
        note="x",
        seen=seen,
    )
    other = Draft.objects.active().get(municipality_id="kuhmo")
    services.draft_publish(acting_user=admin, draft=other, note="n", source="s")
    draft.status = "open"
    draft.save()
    with pytest.raises(services.EditConflict):
        services.draft_publish(acting_user=publisher, draft=draft, note="n", source="s")
    assert Provision.objects.get(id=AGREEMENT).status == "on_need"


def test_restore__an_earlier_version_becomes_a_new_draft(editor: Any, publisher: Any) -> None:
    _edit(signed_in(editor, verified=False), AGREEMENT, status="available")
    draft = Draft.objects.get(municipality_id="kuhmo")
    services.draft_publish(acting_user=publisher, draft=draft, note="n", source="s")
    client = signed_in(publisher)
    response = client.post(f"/staff/provisions/{AGREEMENT}/history/", {"version": "original"})
    assert response.status_code == 302
    restored = Draft.objects.active().get(municipality_id="kuhmo").changes.get()
    assert restored.data["status"] == "undetermined"
    assert AuditEvent.objects.filter(action="restore").exists()


def test_publisher_returns_a_draft_with_a_comment__the_editor_sees_it(
    editor: Any, publisher: Any
) -> None:
    editing = signed_in(editor, verified=False)
    _edit(editing, AGREEMENT, status="available")
    draft = Draft.objects.get(municipality_id="kuhmo")
    assert editing.post(f"/staff/drafts/{draft.pk}/submit/").status_code == 302
    reviewer = signed_in(publisher)
    assert reviewer.post(f"/staff/drafts/{draft.pk}/return/", {"comment": ""}).status_code == 302
    assert Draft.objects.get(pk=draft.pk).status == "submitted"  # a comment is required
    reviewer.post(f"/staff/drafts/{draft.pk}/return/", {"comment": "Lisää palvelun tuottaja."})
    assert Draft.objects.get(pk=draft.pk).status == "returned"
    page = editing.get("/staff/municipalities/kuhmo/").content.decode()
    assert "Lisää palvelun tuottaja." in page
    assert AuditEvent.objects.filter(action="draft-return").exists()
