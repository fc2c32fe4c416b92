"""The planner's staff pages: sign-in, 403 without the right, plan, save, compare, export."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kotokartta.orientation.models import DemandEntry, Scenario
from tests.staff_helpers import make_user, signed_in

pytestmark = pytest.mark.django_db

CSV = "municipality,language,count\nKajaani,ar,9\nPaltamo,ar,3\nKuusamo,ar,5\nPuolanka,sw,3\n"
FORM = {
    "min_size": "6",
    "max_size": "20",
    "max_travel_km": "80",
    "remote_allowed": "on",
    "hosts": ["kajaani", "kuusamo", "suomussalmi"],
}
URLS = [
    "/staff/orientation/",
    "/staff/orientation/demand/",
    "/staff/orientation/compare/",
    "/staff/orientation/scenarios/1/",
    "/staff/orientation/scenarios/1/plan.pdf",
]


@pytest.fixture
def rights() -> None:
    """The users `_client` makes have real staff roles; nothing to arrange beyond them."""


ROLES: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "planner": ("area-admin", ()),  # area admins plan (and enter any municipality's demand)
    "editor": ("editor", ("paltamo",)),  # editors enter their own municipality's demand only
    "nobody": (None, ()),  # signed in, no staff role
}


def _client(name: str) -> Client:
    role, municipalities = ROLES[name]
    return signed_in(make_user(name, role, *municipalities), verified=role == "area-admin")


@pytest.mark.parametrize("url", URLS)
def test_staff_page__anonymous__is_sent_to_the_sign_in_with_next(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/staff/login/?next={url}"


@pytest.mark.parametrize("url", URLS)
def test_staff_page__signed_in_without_any_right__is_403(rights: None, url: str) -> None:
    assert _client("nobody").get(url).status_code == 403


def test_planner__editor_may_not_plan_but_may_enter_demand(rights: None) -> None:
    editor = _client("editor")
    assert editor.get("/staff/orientation/").status_code == 403
    assert editor.get("/staff/orientation/demand/").status_code == 200


def test_planner__upload__shows_the_explained_plan_with_the_map(rights: None) -> None:
    planner = _client("planner")
    upload = SimpleUploadedFile("demand.csv", CSV.encode(), content_type="text/csv")
    response = planner.post(
        "/staff/orientation/",
        {**FORM, "demand_file": upload, "action": "plan"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<svg" in page and 'class="arrow"' in page and "muni--highlight" in page
    assert "Arabic speakers from Kajaani, Kuusamo and Paltamo" in page
    assert "3 Swahili speakers in the area; a group needs 6." in page
    assert "at least 70 hours" in page
    assert response["Cache-Control"] == "private, no-store"
    assert "<script" not in page


def test_planner__bad_demand__lists_every_problem_and_plans_nothing(rights: None) -> None:
    planner = _client("planner")
    bad = "municipality,language,count\nOulu,ar,3\nKajaani,xx,-1\n"
    response = planner.post(
        "/staff/orientation/",
        {**FORM, "demand_text": bad, "action": "plan"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    page = response.content.decode()
    for problem in ("2: municipality:", "3: language:", "3: count:"):
        assert problem in page
    assert "Summary" not in page


def _save(client: Client, name: str, **changes: str) -> Scenario:
    response = client.post(
        "/staff/orientation/",
        {**FORM, "demand_text": CSV, "action": "save", "name": name, **changes},
    )
    assert response.status_code == 302
    return Scenario.objects.get(name=name)


def test_planner__save__stores_demand_parameters_and_result_and_shows_the_scenario(
    rights: None,
) -> None:
    planner = _client("planner")
    scenario = _save(planner, "Kevät 2027", max_travel_km="40")
    assert scenario.parameters["max_travel_km"] == 40.0
    assert {"municipality": "kajaani", "language": "ar", "count": 9, "earliest_start": None} in (
        scenario.demand
    )
    assert scenario.created_by is not None and scenario.created_by.username == "planner"
    page = planner.get(f"/staff/orientation/scenarios/{scenario.pk}/").content.decode()
    assert "Kevät 2027" in page and "plan.pdf" in page


def test_planner__save_without_a_name__is_refused(rights: None) -> None:
    response = _client("planner").post(
        "/staff/orientation/", {**FORM, "demand_text": CSV, "action": "save", "name": " "}
    )
    assert response.status_code == 400
    assert not Scenario.objects.exists()


def test_compare__shows_two_scenarios_side_by_side(rights: None) -> None:
    planner = _client("planner")
    near = _save(planner, "Near", max_travel_km="40")
    far = _save(planner, "No remote", remote_allowed="")
    response = planner.get(
        f"/staff/orientation/compare/?a={near.pk}&b={far.pk}", HTTP_ACCEPT_LANGUAGE="en"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<section class="column"') == 2
    assert "Near" in page and "No remote" in page and "not allowed" in page


def test_exports__csv_json_and_pdf_carry_the_plan(rights: None, tmp_path: Path) -> None:
    planner = _client("planner")
    scenario = _save(planner, "Export test")
    base = f"/staff/orientation/scenarios/{scenario.pk}/plan"
    as_csv = planner.get(base + ".csv")
    assert as_csv["Content-Type"].startswith("text/csv")
    assert "attachment" in as_csv["Content-Disposition"]
    lines = as_csv.content.decode().splitlines()
    assert lines[0].startswith("group,language,host_code")
    assert any(",unserved," in line and "Puolanka" in line for line in lines)
    as_json = planner.get(base + ".json").json()
    assert as_json["name"] == "Export test" and as_json["groups"]
    as_pdf = planner.get(base + ".pdf", HTTP_ACCEPT_LANGUAGE="en")
    assert as_pdf.content.startswith(b"%PDF")
    assert planner.get(base + ".exe").status_code == 404
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "plan.pdf"
    path.write_bytes(as_pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Export test" in text
    assert "at least 70 hours" in text
    assert "Kajaani" in text and "Puolanka" in text
    assert "Maanmittauslaitos" in text


def test_demand__editor_enters_only_their_own_municipality(rights: None) -> None:
    editor = _client("editor")
    response = editor.post(
        "/staff/orientation/demand/",
        {"demand_text": "municipality,language,count\nPaltamo,ar,3\nKajaani,ar,9\n"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "3: municipality: you may enter demand only for: Paltamo" in response.content.decode()
    assert not DemandEntry.objects.exists()
    ok = editor.post(
        "/staff/orientation/demand/", {"demand_text": "municipality,language,count\nPaltamo,ar,3\n"}
    )
    assert ok.status_code == 200
    assert list(DemandEntry.objects.values_list("municipality_id", "language", "count")) == [
        ("paltamo", "ar", 3)
    ]


def test_demand__entered_demand__fills_the_planner_form(rights: None) -> None:
    DemandEntry.objects.create(municipality_id="paltamo", language="uk", count=4)
    page = _client("planner").get("/staff/orientation/").content.decode()
    assert "578,uk,4," in page


def test_staff_pages__are_never_served_from_the_page_cache(rights: None) -> None:
    planner = _client("planner")
    assert planner.get("/staff/orientation/").status_code == 200
    assert Client().get("/staff/orientation/").status_code == 302
