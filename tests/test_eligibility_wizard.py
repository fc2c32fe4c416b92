"""The path wizard asks the eligibility questions and the path page answers with the same rules
as the command line and the API, in the page's language, without storing or caching anything."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from kotokartta.eligibility import texts

pytestmark = pytest.mark.django_db

BASE = "municipality=kajaani&client=other"


@pytest.fixture
def client() -> Client:
    return Client()


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def ago(days: int) -> str:
    return date.fromordinal(timezone.localdate().toordinal() - days).isoformat()


def test_wizard__asks_the_new_questions(client: Client) -> None:
    page = html(client.get("/fi/path"))
    for name in (
        "unemployed",
        "basis",
        "home_municipality",
        "age",
        "document",
        "permit",
        "assessment",
        "plan",
        "review",
    ):
        assert f'name="{name}"' in page, name
    for value in ("home-care", "social-assistance", "unaccompanied", "trafficking", "request"):
        assert f'name="benefits" value="{value}"' in page
    for basis in (
        "family_of_protected",
        "family_of_worker_or_student",
        "family_of_finnish_citizen",
        "eu_or_nordic",
    ):
        assert f'value="{basis}"' in page
    for document in (
        "residence_permit",
        "residence_card",
        "eu_registration",
        "nordic_registration",
    ):
        assert f'value="{document}"' in page
    assert '<input type="number" name="age"' in page
    assert "Oletko työtön (ilman työtä)?" in page


@pytest.mark.parametrize(
    ("lang", "query", "field", "words"),
    [
        ("fi", "age=abc", "age", "Anna ikäsi kokonaisina vuosina"),
        ("ar", "age=abc", "age", "اكتب عمرك بالسنوات الكاملة"),
        ("uk", "age=abc", "age", "Вкажіть свій вік у повних роках"),
        ("fi", "permit=2024-05-01&plan=2024-01-01", "plan", "on ennen ensimmäistä oleskelulupaa"),
        ("ar", "permit=2024-05-01&plan=2024-01-01", "plan", "قبل أول تصريح إقامة"),
        ("uk", "permit=2024-05-01&plan=2024-01-01", "plan", "раніше за перший дозвіл"),
        ("uk", "permit=2099-01-01", "permit", "пізніше за сьогодні"),
        ("fi", "plan=2024-01-01", "permit", "Anna ensimmäisen oleskeluluvan"),
        ("ar", "basis=pirate", "basis", "اختر إحدى الإجابات"),
        ("fi", "permit=2024-05-01&review=2024-06-01", "review", "edellyttää suunnitelman"),
    ],
)
def test_wizard_errors__in_the_page_language_and_linked_to_the_field(
    client: Client, lang: str, query: str, field: str, words: str
) -> None:
    response = client.get(f"/{lang}/path?{BASE}&{query}")
    assert response.status_code == 400
    page = html(response)
    message = re.search(rf'<p class="error" id="err-{field}">([^<]*)</p>', page)
    assert message is not None and words in message.group(1), page[:0]
    assert f'aria-describedby="err-{field}"' in page
    assert "after today" not in page and "is before the" not in page  # no developer English


def test_path__registered_but_employed__is_on_request_not_mandatory(client: Client) -> None:
    page = html(
        client.get(
            f"/en/path?municipality=kajaani&client=job-seeker&unemployed=no&permit={ago(100)}"
        )
    )
    assert "outcome--on_request" in page
    assert "You are registered as a job seeker but you are not unemployed" in page
    assert "(KotoL 14 § 1 mom. 4 k.)" in page


def test_path__unemployed_job_seeker__is_mandatory_by_the_employment_authority(
    client: Client,
) -> None:
    page = html(
        client.get(
            f"/en/path?municipality=kajaani&client=job-seeker&unemployed=yes&permit={ago(100)}"
        )
    )
    assert "outcome--mandatory" in page
    assert "KotoL 14 § 1 mom. 1 k., 3 §" in page
    assert "The employment authority (employment services) is responsible" in page


def test_path__dates_done__change_the_next_step_and_mark_passed_deadlines(client: Client) -> None:
    query = (
        f"{BASE}&basis=quota_refugee&permit={ago(400)}&assessment={ago(380)}&plan={ago(370)}&age=22"
    )
    page = html(client.get(f"/en/path?{query}"))
    assert "outcome--mandatory" in page
    assert "must be started without delay" not in page
    assert 'class="deadline--referral passed"' in page and "(passed)" in page
    assert 'class="deadline--first_plan_end passed"' in page
    assert "deadline--under_25_end" in page and "Only if you are under 25" in page
    assert "Only if the plan is extended" in page


def test_path__without_a_plan__shows_no_plan_dates(client: Client) -> None:
    page = html(client.get(f"/fi/path?{BASE}&basis=quota_refugee&permit={ago(10)}&age=20"))
    assert "deadline--window_end" in page
    assert "deadline--under_25_end" not in page and "deadline--extension_end" not in page
    assert "Seuraavaksi: arviointi on aloitettava viipymättä" in page


def test_path__temporary_protection_needs_a_home_municipality(client: Client) -> None:
    without = html(
        client.get(
            f"/en/path?{BASE}&basis=temporary_protection&home_municipality=no&permit={ago(30)}"
        )
    )
    with_home = html(
        client.get(
            f"/en/path?{BASE}&basis=temporary_protection&home_municipality=yes&permit={ago(30)}"
        )
    )
    assert "outcome--on_request" in without and "outcome--mandatory" in with_home


def test_path__personal_dates_are_not_cached(client: Client) -> None:
    response = client.get(f"/fi/path?{BASE}&permit={ago(30)}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies


def test_path__without_permit_date__explains_what_to_give(client: Client) -> None:
    page = html(client.get(f"/uk/path?{BASE}"))
    assert "outcome--unknown" in page
    assert "Вкажіть дату свого першого дозволу на проживання" in page


@pytest.mark.parametrize(
    ("old", "new_outcome"),
    [("family_reunification", "outcome--mandatory"), ("family_member", "outcome--on_request")],
)
def test_path__earlier_basis_words_still_open_the_page(
    client: Client, old: str, new_outcome: str
) -> None:
    response = client.get(f"/en/path?{BASE}&basis={old}&permit={ago(30)}")
    assert response.status_code == 200 and new_outcome in html(response)


@pytest.mark.parametrize(
    ("basis", "profile"),
    [
        ("family_of_worker_or_student", "Family member of someone who works or studies here"),
        ("family_of_protected", "Family reunification"),
        ("quota_refugee", "Quota refugee"),
    ],
)
def test_path__basis_reaches_the_path_engine(client: Client, basis: str, profile: str) -> None:
    """The path engine's residence basis is mapped from the new words."""
    page = html(client.get(f"/en/path?{BASE}&basis={basis}"))
    line = re.search(r'<p class="profile">(.*?)</p>', page, re.S)
    assert line is not None and profile in line.group(1)


CATALOGUES = sorted(
    (Path(__file__).resolve().parent.parent / "src/kotokartta/eligibility/locale").glob(
        "*/LC_MESSAGES/django.po"
    )
)


def test_catalogues__one_per_language_but_english() -> None:
    assert {po.parts[-3] for po in CATALOGUES} == {
        code for code, _ in settings.LANGUAGES if code != "en"
    }


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext missing")
@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue__translates_every_eligibility_text(po: Path) -> None:
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    left = subprocess.run(["msgattrib", "--untranslated", str(po)], capture_output=True, text=True)
    assert "\nmsgid " not in left.stdout
    catalogue = po.read_text(encoding="utf-8")
    for table in (texts.OUTCOMES, texts.GROUNDS, texts.MESSAGES, texts.DEADLINES,
                  texts.CONDITIONS, texts.ERRORS, texts.FIELDS, texts.BASES):  # fmt: skip
        for text in table.values():
            msgid = str(text._args[0]).replace('"', '\\"')  # type: ignore[attr-defined]
            assert f'msgid "{msgid}"' in catalogue, msgid
