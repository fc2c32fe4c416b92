"""A newcomer's steps say who, where, how, bought from whom and the status, in the reader's
language, built from the data's structured facts; the coordinators' notes stay in a part marked
for professionals; the data's defects found in review stay fixed."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from kotokartta.paths.engine import Profile
from kotokartta.paths.selectors import _compute_path
from kotokartta.programme.models import DataSet, Municipality, Provision
from kotokartta.programme.vocabulary import ClientGroup, ResidenceBasis

pytestmark = pytest.mark.django_db


def html_of(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def steps_part(html: str) -> str:
    main = main_of(html)
    return main[main.index('id="steps-heading"') : main.index('id="professionals-heading"')]


def professionals_part(html: str) -> str:
    main = main_of(html)
    return main[main.index('id="professionals-heading"') :]


def test_kuusamo_work_and_stay__names_the_role_and_no_empty_provider() -> None:
    # The document names the working-life interpreter but no organiser for Kuusamo's project.
    html = steps_part(html_of("/fi/path?municipality=kuusamo&client=job-seeker"))
    assert "Kuka</dt><dd><span" in html
    assert "työelämätulkki" in html
    assert "Kuka</dt><dd> —" not in html and "<dd> — " not in html
    uk = steps_part(html_of("/uk/path?municipality=kuusamo&client=job-seeker"))
    assert "перекладач у сфері роботи" in uk


def test_work_and_stay__shows_as_ended_once_its_end_year_has_passed() -> None:
    kuusamo = Municipality.objects.get(id="kuusamo")
    profile = Profile(client=ClientGroup.JOB_SEEKER)

    def work_and_stay(year: int) -> dict[str, object]:
        path = _compute_path(municipality=kuusamo, profile=profile, lang="fi", year=year)
        (step,) = [
            s for s in path.as_dict()["steps"] if (s["activity"] or {}).get("id") == "work-and-stay"
        ]
        return step

    assert work_and_stay(2025)["ended"] is None  # still within 2024–2025
    ended = work_and_stay(2026)
    assert ended["ended"] == 2025 and ended["status"] == "available"  # the document's word kept


def test_path_page__says_the_project_ended_and_whom_to_ask() -> None:
    html = steps_part(html_of("/sv/path?municipality=taivalkoski&client=job-seeker"))
    assert "Avslutades 2025" in html and "Projektet avslutades 2025." in html
    assert '<a href="#contacts-heading">Fråga kontaktpersonen i din kommun.</a>' in html


def test_orientation__is_for_spouses_as_the_document_says_not_any_family_member() -> None:
    orientation = Provision.objects.get(id="area-orientation")
    assert "spouse_of_worker_or_student" in orientation.target_groups
    assert "family_member" not in orientation.target_groups
    # A family member is shown the service (the guide does not ask whether they are a spouse),
    # and the step says whom it is for.
    html = steps_part(
        html_of("/en/path?municipality=kajaani&client=other&basis=family_member&finnish=no")
    )
    assert "spouses of people who came to work or study" in html
    assert "family members of people who came to work or study" not in html


def test_undetermined_step__one_plain_sentence_and_whom_to_ask_no_document_notes() -> None:
    html = html_of("/ar/path?municipality=kuhmo&client=job-seeker")
    steps = steps_part(html)
    assert "لم يُحسم هذا بعد." in steps
    assert 'href="#contacts-heading"' in steps
    # The law note and the document's own notes are for professionals only.
    assert "1100/2024" not in steps
    assert "1100/2024" in professionals_part(html)
    assert "<details>" in professionals_part(html)


def test_professionals_part__marks_finnish_notes_as_finnish_on_other_languages() -> None:
    part = professionals_part(html_of("/so/path?municipality=kuhmo&client=job-seeker"))
    assert '<div lang="fi" dir="ltr">' in part
    assert "(af-Finnish)" in part


def test_path_page__in_english_keeps_english_notes() -> None:
    part = professionals_part(html_of("/en/path?municipality=kuhmo&client=job-seeker"))
    assert '<div lang="en" dir="ltr">' in part
    assert "(in Finnish)" not in part


def test_footer__says_the_source_is_undated_and_when_the_data_was_checked() -> None:
    checked = DataSet.objects.require_current().data_date.isoformat()
    html = html_of("/en/")
    assert "The document is undated; it was written in about 2024." in html
    assert f"Data checked against the document on {checked}." in html
    fi = html_of("/fi/")
    assert "Asiakirjassa ei ole päiväystä; se on laadittu noin vuonna 2024." in fi


@pytest.mark.parametrize(
    ("lang", "basis"),
    [("fa", ResidenceBasis.QUOTA_REFUGEE), ("th", ResidenceBasis.WORK)],
)
def test_step_labels__come_in_the_readers_language(lang: str, basis: ResidenceBasis) -> None:
    html = steps_part(html_of(f"/{lang}/path?municipality=puolanka&client=other&basis={basis}"))
    words = {"fa": ("وضعیت", "شهرداری"), "th": ("สถานะ", "เทศบาล")}[lang]
    for word in words:
        assert word in html
    assert not re.search(r"\b(Who|Where|Status|municipality)\b", html)
