"""Least privilege: every staff address needs a signed-in staff member, and a municipality's
editors and publishers can neither read drafts of nor change another municipality's data,
through any page, form field or id. Area admins reach everything."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from kotokartta.staff import services
from kotokartta.staff.models import Draft, DraftChange
from tests.staff_helpers import make_user, signed_in

pytestmark = pytest.mark.django_db

KAJAANI = {
    "provision": "kajaani-assessment-job-seeker",
    "place": "kajaanin-kaupungintalo",
    "activity": "mamatree",
}


def _kajaani_draft() -> Draft:
    version = services.latest_version()
    draft = Draft.objects.create(municipality_id="kajaani", base_version=version)
    DraftChange.objects.create(
        draft=draft,
        kind="provision",
        record_id=KAJAANI["provision"],
        action="retire",
        data=None,
        note="secret plan",
    )
    return draft


def _other_municipality_urls(draft: Draft) -> list[str]:
    change = draft.changes.get()
    flag = "puolanka-municipal-names-hyrynsalmi"  # Kajaani's file has no flags
    return [
        "/staff/municipalities/kajaani/",
        "/staff/municipalities/kajaani/contacts/",
        f"/staff/provisions/{KAJAANI['provision']}/",
        f"/staff/provisions/{KAJAANI['provision']}/retire/",
        f"/staff/provisions/{KAJAANI['provision']}/history/",
        "/staff/provisions/new/kajaani/",
        f"/staff/places/{KAJAANI['place']}/",
        f"/staff/places/{KAJAANI['place']}/retire/",
        "/staff/places/new/kajaani/",
        f"/staff/activities/{KAJAANI['activity']}/",
        "/staff/activities/new/kajaani/",
        f"/staff/flags/{flag}/",
        f"/staff/drafts/{draft.pk}/",
        f"/staff/drafts/{draft.pk}/submit/",
        f"/staff/drafts/{draft.pk}/publish/",
        f"/staff/drafts/{draft.pk}/return/",
        f"/staff/drafts/{draft.pk}/discard/",
        f"/staff/drafts/{draft.pk}/preview/?municipality=kajaani&client=other",
        f"/staff/drafts/{draft.pk}/changes/{change.pk}/withdraw/",
    ]


AREA_URLS = [
    "/staff/municipalities/area/",
    "/staff/provisions/area-orientation/",
    "/staff/provisions/area-orientation/retire/",
    "/staff/provisions/new/area/",
    "/staff/organisations/kainuun-hyvinvointialue/",
    "/staff/organisations/new/area/",
    "/staff/activities/verkkokotokoulutus/",
    "/staff/audit/",
    "/staff/audit.csv",
    "/staff/users/",
]


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_kuhmo_staff__get_403_on_every_kajaani_and_area_url(role: str) -> None:
    draft = _kajaani_draft()
    client = signed_in(make_user(f"kuhmo-{role}", role, "kuhmo"))
    for url in [*_other_municipality_urls(draft), *AREA_URLS]:
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"note": "x", "status": "available"})
            assert response.status_code == 403, f"{role} {method.upper()} {url}"
    assert draft.changes.count() == 1
    assert Draft.objects.get(pk=draft.pk).status == "open"


def test_kuhmo_editor__reaches_own_municipality() -> None:
    client = signed_in(make_user("kuhmo-editor", "editor", "kuhmo"), verified=False)
    for url in [
        "/staff/",
        "/staff/municipalities/kuhmo/",
        "/staff/provisions/kuhmo-assessment-other/",
        "/staff/provisions/kuhmo-assessment-other/history/",
        "/staff/municipalities/kuhmo/contacts/",
    ]:
        assert client.get(url).status_code == 200, url
    dashboard = client.get("/staff/").content.decode()
    assert 'action="/staff/logout/"' in dashboard and "(kuhmo-editor)" in dashboard


def test_kuhmo_editor__sees_no_kajaani_draft_in_lists() -> None:
    draft = _kajaani_draft()
    client = signed_in(make_user("kuhmo-editor", "editor", "kuhmo"), verified=False)
    for url in ("/staff/drafts/", "/staff/"):
        page = client.get(url).content.decode()
        assert f"/staff/drafts/{draft.pk}/" not in page
        assert "secret plan" not in page


def test_area_admin__reaches_every_municipality_and_area_url() -> None:
    draft = _kajaani_draft()
    client = signed_in(make_user("admin", "area-admin"))
    for url in [*_other_municipality_urls(draft)[:5], *AREA_URLS, f"/staff/drafts/{draft.pk}/"]:
        assert client.get(url).status_code in (200, 302), url  # 302: retired in the draft


def test_editor_may_not_publish_own_municipality_draft() -> None:
    client = signed_in(make_user("kuhmo-editor", "editor", "kuhmo"), verified=False)
    version = services.latest_version()
    draft = Draft.objects.create(municipality_id="kuhmo", base_version=version)
    for action in ("publish", "return", "discard"):
        response = client.post(f"/staff/drafts/{draft.pk}/{action}/", {"note": "n", "source": "s"})
        assert response.status_code == 403, action


def test_kuhmo_editor__cannot_move_a_place_into_kajaani_by_a_form_field() -> None:
    client = signed_in(make_user("kuhmo-editor", "editor", "kuhmo"), verified=False)
    response = client.post(
        "/staff/places/new/kuhmo/",
        {
            "id": "kuhmo-new-place",
            "municipality": "kajaani",
            "name__fi": "Uusi paikka",
            "record_version": "0",
            "revision": "0",
            "note": "x",
        },
    )
    assert response.status_code == 400
    assert not DraftChange.objects.filter(record_id="kuhmo-new-place").exists()


def test_user_without_a_role__gets_403() -> None:
    client = signed_in(make_user("nobody", None), verified=False)
    assert client.get("/staff/").status_code == 403


def test_archived_user__is_signed_out_of_staff_pages() -> None:
    user = make_user("gone", "editor", "kuhmo")
    client = signed_in(user, verified=False)
    user.is_active = False
    user.save()
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def _staff_urls() -> list[str]:
    """Every /staff/ pattern with sample arguments."""
    samples = {
        "municipality_id": "kuhmo",
        "kind_slug": "provisions",
        "record_id": "kuhmo-assessment-other",
        "flag_id": "kuhmo-assessment-other-open",
        "pk": "1",
        "change_pk": "1",
        "number": "1",
    }
    resolver = next(
        r
        for r in get_resolver().url_patterns
        if isinstance(r, URLResolver) and str(r.pattern) == "staff/"
    )
    urls = []
    for pattern in resolver.url_patterns:
        assert isinstance(pattern, URLPattern)
        route = str(pattern.pattern)
        for name, value in samples.items():
            for converter in ("slug", "int", "str"):
                route = route.replace(f"<{converter}:{name}>", value)
        assert "<" not in route, route
        urls.append("/staff/" + route)
    return urls


def test_every_staff_url_but_the_login__requires_signing_in() -> None:
    anonymous = Client()
    urls = _staff_urls()
    assert len(urls) > 20
    for url in urls:
        for method in ("get", "post"):
            response = getattr(anonymous, method)(url)
            if url == "/staff/login/":
                continue
            assert response.status_code == 302, f"{method} {url}"
            assert response["Location"].startswith("/staff/login/"), url


def test_publisher_without_one_time_code__is_sent_to_the_second_step() -> None:
    client = signed_in(make_user("p", "publisher", "kuhmo"), verified=False)
    for url in _staff_urls():
        if url in ("/staff/login/", "/staff/logout/") or url.startswith("/staff/two-factor/"):
            continue
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/staff/two-factor/", url


def test_public_api_has_no_write_method() -> None:
    client = Client()
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/provisions/kuhmo-assessment-other/")
        assert response.status_code in (403, 405), method


def test_staff_pages__never_come_from_the_public_page_cache() -> None:
    admin = signed_in(make_user("admin", "area-admin"))
    assert admin.get("/staff/municipalities/kajaani/").status_code == 200
    response = Client().get("/staff/municipalities/kajaani/")
    assert response.status_code == 302
    editor = signed_in(make_user("kuhmo-editor", "editor", "kuhmo"), verified=False)
    assert editor.get("/staff/municipalities/kajaani/").status_code == 403
    cache_control = admin.get("/staff/").headers["Cache-Control"]
    assert {"no-store", "private"} <= {part.strip() for part in cache_control.split(",")}
