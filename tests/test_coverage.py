"""The coordinators' coverage view against the real Kainuu-Koillismaa data: the matrix and its
CSV, the gap list, orientation languages, the web page and downloads, and `kotokartta coverage`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connections
from django.test import Client

from kotokartta import cli
from kotokartta.coverage import formats
from kotokartta.coverage.selectors import (
    classify,
    coverage_matrix,
    gap_list,
    matrix_cells,
    orientation_languages,
)
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import PHASES

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 28)
Runner = Callable[..., tuple[int, str, str]]
ORIENTATION_LANGUAGES = {"uk", "ru", "ar", "vi", "th", "sw", "rw"}


@pytest.fixture(scope="module")
def csv_rows(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> list[dict[str, str]]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        text = formats.matrix_csv(coverage_matrix(lang="fi"))
    return list(csv.DictReader(io.StringIO(text)))


def cell(rows: list[dict[str, str]], municipality: str, phase: str, client: str) -> dict[str, str]:
    (found,) = [
        r
        for r in rows
        if r["municipality"] == municipality and r["phase"] == phase and r["client"] == client
    ]
    return found


# -- the matrix and its CSV ------------------------------------------------------------------


def test_csv__one_row_per_municipality_phase_and_client(csv_rows: list[dict[str, str]]) -> None:
    assert len(csv_rows) == 10 * 12 * 2
    keys = {(r["municipality_code"], r["phase"], r["client"]) for r in csv_rows}
    assert len(keys) == 240
    assert {r["phase"] for r in csv_rows} == {phase.id for phase in PHASES}
    assert {r["client"] for r in csv_rows} == {"job-seeker", "other"}
    assert list(csv_rows[0]) == list(formats.CSV_HEADER)
    # area order, then phase order, job seekers first
    assert [r["municipality"] for r in csv_rows[::24]] == [
        str(mun) for mun in m.Municipality.objects.all()
    ]
    assert [(r["phase"], r["client"]) for r in csv_rows[:3]] == [
        ("assessment", "job-seeker"),
        ("assessment", "other"),
        ("multi_assessment", "job-seeker"),
    ]


@pytest.mark.parametrize("phase", ["assessment", "multi_assessment", "plan", "multi_plan"])
def test_csv__kuhmo_other_clients_assessment_and_plan_are_open(
    csv_rows: list[dict[str, str]], phase: str
) -> None:
    row = cell(csv_rows, "Kuhmo", phase, "other")
    assert row["status_class"] == "undetermined"
    assert row["statuses"] == "undetermined"
    assert row["providers"] == ""


def test_csv__puolanka_job_seeker_assessment_is_bought_from_suomussalmi(
    csv_rows: list[dict[str, str]],
) -> None:
    row = cell(csv_rows, "Puolanka", "assessment", "job-seeker")
    assert row["status_class"] == "bought"
    assert row["purchased_from"] == "Suomussalmi"
    assert "puolanka-assessment-job-seeker" in row["provision_ids"].split("; ")
    assert "Suomussalmen kunta, työllisyyspalvelut" in row["providers"]


def test_csv__kuhmo_job_seekers_are_served_by_sotkamo_without_purchase(
    csv_rows: list[dict[str, str]],
) -> None:
    row = cell(csv_rows, "Kuhmo", "assessment", "job-seeker")
    assert row["status_class"] == "available"
    assert row["purchased_from"] == ""
    assert row["providers"].startswith("Sotkamon kunta")


def test_csv__taivalkoski_conditional_open_beside_available_is_partly_open(
    csv_rows: list[dict[str, str]],
) -> None:
    row = cell(csv_rows, "Taivalkoski", "assessment", "job-seeker")
    assert row["status_class"] == "available"
    assert row["statuses"] == "available; undetermined"
    assert row["partly_open"] == "yes"
    assert row["provision_ids"].split("; ") == [
        "taivalkoski-assessment-job-seeker",
        "taivalkoski-assessment-job-seeker-finnish",
    ]
    assert cell(csv_rows, "Taivalkoski", "literacy", "other")["status_class"] == "not_organised"


def test_csv__every_cell_lists_the_provisions_serving_it(csv_rows: list[dict[str, str]]) -> None:
    served = {
        (mun.code, p.phase, client): p.id
        for mun in m.Municipality.objects.all()
        for p in m.Provision.objects.serving(mun)
        for client in p.clients
    }
    for (code, phase, client), provision in served.items():
        (row,) = [
            r
            for r in csv_rows
            if (r["municipality_code"], r["phase"], r["client"]) == (code, phase, client)
        ]
        assert provision in row["provision_ids"].split("; ")
    area_wide = cell(csv_rows, "Kajaani", "final_test", "other")
    assert area_wide["provision_ids"] == "area-final-test"


@pytest.mark.parametrize(
    ("statuses", "purchased", "expected"),
    [
        (["available", "available"], [False, True], ("bought", False)),
        (["available"], [False], ("available", False)),
        (["on_need", "available"], [True, False], ("available", False)),
        (["planned", "on_need"], [False, False], ("on_need", False)),
        (["planned", "undetermined"], [False, False], ("planned", True)),
        (["not_organised"], [False], ("not_organised", False)),
        ([], [], ("undetermined", False)),
    ],
)
def test_classify__best_status_decides_and_open_parts_are_marked(
    statuses: list[str], purchased: list[bool], expected: tuple[str, bool]
) -> None:
    provisions = [
        m.Provision(status=s, purchased=p) for s, p in zip(statuses, purchased, strict=True)
    ]
    status_class, _, partly_open = classify(provisions)
    assert (status_class, partly_open) == expected


# -- the gap list ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gaps(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> list[dict[str, object]]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        return [gap.as_dict() for gap in gap_list(today=TODAY, lang="fi")]


def of_kind(gaps: list[dict[str, object]], kind: str) -> dict[str, dict[str, object]]:
    key = "flag" if kind == "flag" else "provision"
    return {str(g[key]): g for g in gaps if g["kind"] == kind}


def test_gaps__kuhmo_open_items(gaps: list[dict[str, object]]) -> None:
    open_items = of_kind(gaps, "undetermined")
    for provision in (
        "kuhmo-assessment-other",
        "kuhmo-multi-assessment-other",
        "kuhmo-plan-other",
        "kuhmo-multi-plan-other",
        "kuhmo-multi-assessment-job-seeker",
        "kuhmo-municipal-undetermined",
        "kuhmo-community-undetermined",
        "kuhmo-employment-undetermined",
    ):
        assert open_items[provision]["municipality"] == {
            "id": "kuhmo",
            "code": "290",
            "name": "Kuhmo",
        }
    assert open_items["kuhmo-plan-other"]["phase"] == "plan"
    assert open_items["kuhmo-plan-other"]["clients"] == ["other"]
    assert "joulukuussa 2024" in str(open_items["kuhmo-assessment-other"]["text"])
    assert set(open_items) == set(
        m.Provision.objects.filter(status="undetermined").values_list("id", flat=True)
    )


def test_gaps__planned_from_2025_is_past_its_date_in_2026(gaps: list[dict[str, object]]) -> None:
    past = of_kind(gaps, "planned_past")
    assert set(past) == {"kuhmo-training-kansalaisopisto", "sotkamo-training-kansalaisopisto"}
    assert "2025" in str(past["sotkamo-training-kansalaisopisto"]["text"])
    undated = of_kind(gaps, "planned_undated")
    assert "kajaani-municipal-group-activities" in undated
    assert not set(past) & set(undated)


def test_gaps__a_plan_for_this_year_is_not_yet_late() -> None:
    rows = gap_list(today=dt.date(2025, 6, 1), lang="fi")
    assert not [g for g in rows if g.kind == "planned_past"]


def test_gaps__every_flag_once_with_its_kind(gaps: list[dict[str, object]]) -> None:
    flags = of_kind(gaps, "flag")
    assert set(flags) == set(m.Flag.objects.values_list("id", flat=True))
    assert len([g for g in gaps if g["kind"] == "flag"]) == m.Flag.objects.count()
    misspelling = flags["hyrynsalmi-misspelt-hyrnsalmi"]
    assert misspelling["flag_kind"] == "misspelling"
    assert "Hyrnsalmi" in str(misspelling["text"])
    for municipality in ("puolanka", "ristijarvi"):
        contradiction = flags[f"{municipality}-municipal-names-hyrynsalmi"]
        assert contradiction["flag_kind"] == "contradiction"
        assert contradiction["municipality"]["id"] == municipality  # type: ignore[index]
        assert contradiction["provision"] == f"{municipality}-municipal-leisure"
        assert contradiction["phase"] == "municipal_services"


def test_gaps__not_organised_and_no_contact(gaps: list[dict[str, object]]) -> None:
    assert set(of_kind(gaps, "not_organised")) == {"taivalkoski-literacy"}
    no_contact = of_kind(gaps, "no_contact")
    assert no_contact["area-orientation"]["municipality"] is None
    assert "kajaani-employment-makea" in no_contact
    # a provider or a place is enough; open and not organised provisions are listed elsewhere
    assert "kuhmo-assessment-job-seeker" not in no_contact
    assert "taivalkoski-literacy" not in no_contact
    assert "kuhmo-community-undetermined" not in no_contact


def test_gaps__come_grouped_by_kind(gaps: list[dict[str, object]]) -> None:
    kinds = [g["kind"] for g in gaps]
    order = [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]
    assert order == [
        "undetermined",
        "not_organised",
        "planned_past",
        "planned_undated",
        "no_contact",
        "flag",
    ]


# -- orientation languages -------------------------------------------------------------------


def test_orientation__languages_and_quota_municipalities() -> None:
    rows = orientation_languages(lang="fi")
    assert len(rows) == 10
    for row in rows:
        assert {lang.code for lang in row.languages} >= ORIENTATION_LANGUAGES
    assert {r.municipality.name for r in rows if r.receives_quota_refugees} == {
        "Kajaani",
        "Kuusamo",
        "Suomussalmi",
    }
    names = {lang.code: lang.name for lang in rows[0].languages}
    assert names["uk"] == "ukraina"
    english = {lang.code: lang.name for lang in orientation_languages(lang="en")[0].languages}
    assert english["uk"] == "Ukrainian" and english["rw"] == "Kinyarwanda"


# -- the web page and downloads --------------------------------------------------------------


def test_page__table_with_headers_words_and_links_and_no_cookies() -> None:
    response = Client().get("/fi/coverage/")
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert '<table class="coverage">' in html
    assert html.count('<th scope="row">') == 10 + 10  # matrix and orientation table
    assert html.count('scope="colgroup"') == 12
    assert html.count('<th scope="col" class="coverage-client">') == 24
    cells = re.findall(r'<td class="cov cov--([a-z_]+)[^"]*"><a href="([^"]+)">([^<]+)', html)
    assert len(cells) == 240
    assert all(word.strip() for _, _, word in cells)  # a word in every cell, not colour alone
    assert ("bought", "/fi/municipalities/puolanka/#assessment") in {(c, u) for c, u, _ in cells}
    assert ("undetermined", "/fi/municipalities/kuhmo/#plan") in {(c, u) for c, u, _ in cells}
    assert 'tabindex="0"' in html and 'aria-labelledby="matrix-caption"' in html
    assert "/static/coverage/coverage.css" in html
    assert "<script" not in html and " style=" not in html and "<style" not in html
    assert "hyrynsalmi-misspelt-hyrnsalmi" in html
    assert "ukraina (uk)" in html and "Kinyarwanda (rw)" in html
    quota = html.split('id="orientation-heading"')[1].split("</p>")[0]
    assert "Kajaani, Kuusamo, Suomussalmi" in quota


def test_page__in_english_links_stay_in_english() -> None:
    response = Client().get("/en/coverage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/en/municipalities/kuhmo/#plan"' in html
    assert "Ukrainian (uk)" in html


def test_csv_download__is_the_same_table() -> None:
    response = Client().get("/fi/coverage/coverage.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="kotokartta-coverage')
    assert not response.cookies
    text = response.content.decode("utf-8")
    assert text == formats.matrix_csv(coverage_matrix(lang="fi"))
    assert len(text.splitlines()) == 241


def test_json_download__has_matrix_gaps_orientation_and_date() -> None:
    response = Client().get("/fi/coverage/coverage.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert {"matrix", "gaps", "orientation", "data_date"} <= set(data)
    assert len(data["matrix"]) == 240
    assert data["matrix"][0]["url"] == "http://testserver/fi/municipalities/hyrynsalmi/#assessment"
    assert data["data_date"] == m.DataSet.objects.latest("loaded_at").data_date.isoformat()
    assert len(data["orientation"]) == 10


def test_page_and_downloads__without_data_say_so() -> None:
    m.DataSet.objects.all().delete()
    client = Client()
    response = client.get("/fi/coverage/")
    assert response.status_code == 503
    assert "<table" not in response.content.decode()
    assert client.get("/fi/coverage/coverage.csv").status_code == 503
    assert client.get("/fi/coverage/coverage.json").status_code == 503


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    """`kotokartta …` in this process, on the test database: (exit code, stdout, stderr)."""
    # Django closes every connection after a command; the test's transaction must survive it.
    monkeypatch.setattr(connections, "close_all", lambda: None)

    def invoke(*args: str) -> tuple[int, str, str]:
        try:
            cli.main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_cli__text_table_by_default(run: Runner) -> None:
    code, out, err = run("coverage", "--today", "2026-11-28")
    assert code == 0, err
    assert "Kuhmo (290)" in out and "Puolanka (620)" in out
    assert "kuhmo-training-kansalaisopisto" in out
    assert "Traceback" not in err


def test_cli__csv_to_a_file(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "coverage.csv"
    code, out, err = run("coverage", "--format", "csv", "-o", str(target))
    assert code == 0, err
    assert out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 240


def test_cli__json(run: Runner) -> None:
    code, out, err = run("coverage", "--format", "json", "--today", "2026-11-28", "--lang", "en")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["matrix"]) == 240
    assert {g["provision"] for g in data["gaps"] if g["kind"] == "planned_past"} == {
        "kuhmo-training-kansalaisopisto",
        "sotkamo-training-kansalaisopisto",
    }


@pytest.mark.parametrize(
    "args",
    [
        ("coverage", "--format", "xml"),
        ("coverage", "--today", "28.11.2026"),
        ("coverage", "--lang", "de"),
        ("coverage", "--no-such-option"),
        ("coverage", "-o", "/nonexistent-dir/coverage.csv"),
    ],
)
def test_cli__bad_options_exit_2_without_traceback(run: Runner, args: tuple[str, ...]) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert "Traceback" not in err and err.strip()


def test_cli__no_data_exits_1_with_a_message(run: Runner) -> None:
    m.DataSet.objects.all().delete()
    code, out, err = run("coverage", "--format", "csv")
    assert code == 1
    assert "no programme data is loaded" in err
    assert out == "" and "Traceback" not in err


def test_matrix__cells_carry_what_the_web_needs() -> None:
    cells = matrix_cells(coverage_matrix(lang="en"))
    first = cells[0]
    assert first.municipality.id == "hyrynsalmi" and first.phase == "assessment"
    assert first.phase_name == "Assessment of skills and integration service needs"
    assert first.provisions and first.providers
