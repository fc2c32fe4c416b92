"""Creating and retiring records through the forms: places with an address and coordinates,
organisations (area admins), contacts; validation refuses what would leave a gap."""

from __future__ import annotations

from typing import Any

import pytest

from kotokartta.programme.models import Coordinator, Organisation, Place
from kotokartta.staff import services
from kotokartta.staff.models import Draft
from tests.staff_helpers import make_user, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> Any:
    return make_user("kuhmo-editor", "editor", "kuhmo")


def _publish(municipality: str) -> None:
    admin = make_user("publisher-admin", "area-admin")
    draft = Draft.objects.active().get(municipality_id=municipality)
    services.draft_publish(acting_user=admin, draft=draft, note="n", source="s")


def test_new_place__with_street_address_and_coordinates(editor: Any) -> None:
    client = signed_in(editor, verified=False)
    assert client.get("/staff/places/new/kuhmo/").status_code == 200
    response = client.post(
        "/staff/places/new/kuhmo/",
        {
            "id": "kuhmon-kaupungintalo",
            "municipality": "kuhmo",
            "name__fi": "Kuhmon kaupungintalo",
            "name__en": "Kuhmo town hall",
            "address": "Koulukatu 2",
            "postal_code": "88900",
            "latitude": "64.1265",
            "longitude": "29.5205",
            "record_version": "0",
            "revision": "0",
            "note": "Osoite lisätty",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    _publish("kuhmo")
    place = Place.objects.get(id="kuhmon-kaupungintalo")
    assert (place.address, place.postal_code, place.latitude) == ("Koulukatu 2", "88900", 64.1265)


def test_retiring_the_only_provision_of_a_phase__is_refused_by_validation(editor: Any) -> None:
    client = signed_in(editor, verified=False)
    response = client.post("/staff/provisions/kuhmo-assessment-other/retire/", {"note": "x"})
    assert response.status_code == 400
    assert "no provision and no explicit status" in response.content.decode()
    assert not Draft.objects.filter(changes__isnull=False).exists()


def test_area_admin__edits_an_organisation_name(editor: Any) -> None:
    admin = signed_in(make_user("admin", "area-admin"))
    page = admin.get("/staff/organisations/kuhmo/")
    assert page.status_code == 200
    record = services.current_record(municipality_id=None, kind="organisation", record_id="kuhmo")[
        0
    ]
    assert record is not None
    units = "\n".join(f"{u['id']} | {u['name']['fi']}" for u in record.data.get("units", []))
    response = admin.post(
        "/staff/organisations/kuhmo/",
        {
            "organisation_kind": "municipality",
            "municipality": "kuhmo",
            "name__fi": "Kuhmon kaupunki",
            "name__en": "City of Kuhmo",
            "units": units,
            "record_version": "0",
            "revision": "0",
            "note": "English name",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    _publish("")
    assert Organisation.objects.get(id="kuhmo").name["en"] == "City of Kuhmo"
    assert signed_in(editor, verified=False).get("/staff/organisations/kuhmo/").status_code == 403


def test_contacts__edited_as_one_list(editor: Any) -> None:
    client = signed_in(editor, verified=False)
    page = client.get("/staff/municipalities/kuhmo/contacts/")
    assert page.status_code == 200
    people = list(Coordinator.objects.filter(municipality_id="kuhmo"))
    data: dict[str, str] = {
        "contacts-TOTAL_FORMS": str(len(people)),
        "contacts-INITIAL_FORMS": str(len(people)),
        "record_version": "0",
        "revision": "0",
        "note": "Uusi sähköposti",
    }
    for i, person in enumerate(people):
        data.update(
            {
                f"contacts-{i}-name": person.name,
                f"contacts-{i}-title_fi": person.title.get("fi", ""),
                f"contacts-{i}-title_en": person.title.get("en", ""),
                f"contacts-{i}-email": person.email,
                f"contacts-{i}-organisation": person.organisation_id,
                f"contacts-{i}-unit": person.unit_id or "",
            }
        )
    data["contacts-0-email"] = "uusi.osoite@kuhmo.fi"
    response = client.post("/staff/municipalities/kuhmo/contacts/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    _publish("kuhmo")
    assert Coordinator.objects.filter(municipality_id="kuhmo").first().email == (  # type: ignore[union-attr]
        "uusi.osoite@kuhmo.fi"
    )
