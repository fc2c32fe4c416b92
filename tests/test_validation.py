"""`data check`: every kind of bad input is reported as file:line: field: message, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kotokartta.programme.validation import check_folder
from tests.builders import DataFolder


def problems_of(folder: DataFolder) -> list[str]:
    programme, problems = check_folder(folder.write())
    assert (programme is None) == bool(problems)
    return [str(p) for p in problems]


def test_minimal_folder__is_valid(data_folder: DataFolder) -> None:
    assert problems_of(data_folder) == []


def test_missing_folder__is_reported(tmp_path: Path) -> None:
    _, problems = check_folder(tmp_path / "nowhere")
    assert [p.message for p in problems] == ["no such data folder"]


def test_folder_without_area_file__is_reported(tmp_path: Path) -> None:
    _, problems = check_folder(tmp_path)
    assert "has no area.yaml" in problems[0].message


def test_yaml_syntax_error__names_file_and_line(data_folder: DataFolder) -> None:
    data_folder.raw["testikunta.yaml"] = "municipality:\n  id: testikunta\n  name: [unclosed\n"
    assert any(
        p.startswith("testikunta.yaml:") and "YAML syntax error" in p
        for p in problems_of(data_folder)
    )


def test_unknown_field__names_the_field_and_line(data_folder: DataFolder) -> None:
    data_folder.municipality["provisions"][0]["provder"] = {"organisation": "testikunta"}
    problems = problems_of(data_folder)
    assert any("provisions[0].provder: unknown field" in p for p in problems), problems
    line = next(p for p in problems if "provder" in p).split(":")[1]
    text = (data_folder.root / "testikunta.yaml").read_text().splitlines()
    assert "provder" in text[int(line) - 1]


def test_missing_required_field__is_reported(data_folder: DataFolder) -> None:
    del data_folder.municipality["provisions"][0]["status"]
    assert any(
        "provisions[0].status: required field is missing" in p for p in problems_of(data_folder)
    )


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("phase", "orientaatio", "unknown phase 'orientaatio'"),
        ("status", "maybe", "provisions[0].status"),
        ("modes", ["teleport"], "provisions[0].modes[0]"),
        ("clients", ["tourist"], "provisions[0].clients[0]"),
        ("languages", ["xx"], "'xx' is not an ISO 639-1 language code"),
        ("clients", ["other", "other"], "listed twice: other"),
    ],
)
def test_vocabulary_errors__are_reported(
    data_folder: DataFolder, field: str, value: object, expected: str
) -> None:
    data_folder.municipality["provisions"][0][field] = value
    problems = problems_of(data_folder)
    assert any(expected in p and p.startswith("testikunta.yaml:") for p in problems), problems


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("role", "kotiohjaaja", "provisions[0].role: unknown role 'kotiohjaaja'"),
        ("places", ["no-such-place"], "provisions[0].places[0]: unknown place 'no-such-place'"),
        ("responsible", "atlantis", "provisions[0].responsible: unknown municipality 'atlantis'"),
        ("activity", "ghost", "provisions[0].activity: unknown activity 'ghost'"),
        (
            "provider",
            {"organisation": "testikunta", "unit": "nope"},
            "provisions[0].provider.unit: unknown unit 'nope'",
        ),
        (
            "provider",
            {"organisation": "testi-hva", "unit": "testi-tyollisyyspalvelut"},
            "belongs to testikunta, not to testi-hva",
        ),
    ],
)
def test_reference_errors__name_the_unknown_id(
    data_folder: DataFolder, field: str, value: object, expected: str
) -> None:
    data_folder.municipality["provisions"][0][field] = value
    assert any(expected in p for p in problems_of(data_folder)), problems_of(data_folder)


def test_duplicate_id__points_to_the_first_definition(data_folder: DataFolder) -> None:
    data_folder.municipality["places"].append(dict(data_folder.municipality["places"][0]))
    problems = problems_of(data_folder)
    assert any(
        "place id 'testi-kunnantalo' is already used at testikunta.yaml:" in p for p in problems
    )


def test_incomplete_coverage__lists_the_missing_phase_and_client(data_folder: DataFolder) -> None:
    data_folder.municipality["provisions"][0]["clients"] = ["job-seeker"]
    problems = problems_of(data_folder)
    assert any("no provision and no explicit status for assessment/other" in p for p in problems)


def test_invented_quote__is_rejected(data_folder: DataFolder) -> None:
    data_folder.municipality["provisions"][0]["source"]["quote"] = "Arvioinnin tekee robotti."
    assert any(
        "quote not found word for word in the source document" in p
        for p in problems_of(data_folder)
    )


def test_unknown_section__is_rejected(data_folder: DataFolder) -> None:
    data_folder.municipality["provisions"][0]["source"]["section"] = "chapter-9"
    assert any("unknown section 'chapter-9'" in p for p in problems_of(data_folder))


def test_bad_email_and_code__are_rejected(data_folder: DataFolder) -> None:
    data_folder.municipality["coordinators"][0]["email"] = "not-an-address"
    data_folder.municipality["municipality"]["code"] = "12"
    problems = problems_of(data_folder)
    assert any("coordinators[0].email" in p for p in problems)
    assert any("municipality.code" in p for p in problems)


def test_file_name_must_match_municipality(data_folder: DataFolder) -> None:
    data_folder.municipality["municipality"]["id"] = "toinenkunta"
    assert any(
        "testikunta.yaml must hold municipality 'testikunta'" in p for p in problems_of(data_folder)
    )


def test_duplicate_key__is_rejected(data_folder: DataFolder) -> None:
    data_folder.raw["testikunta.yaml"] = "municipality:\n  id: a\n  id: b\n"
    assert any("key 'id' appears twice" in p for p in problems_of(data_folder))


def test_alias_loop_and_python_tags__are_rejected_without_traceback(
    data_folder: DataFolder,
) -> None:
    data_folder.raw["testikunta.yaml"] = "a: &x [*x]\nb: !!python/object:os.system ls\n"
    problems = [p for p in problems_of(data_folder) if p.startswith("testikunta.yaml")]
    assert any("refers to itself" in p for p in problems), problems
    assert any("python/object" in p for p in problems), problems


def test_all_problems_are_reported_in_one_run(data_folder: DataFolder) -> None:
    data_folder.municipality["provisions"][0]["role"] = "x"
    data_folder.municipality["places"][0]["municipality"] = "nowhere"
    data_folder.area["organisations"][0]["municipality"] = "nowhere"
    problems = problems_of(data_folder)
    assert any("provisions[0].role" in p for p in problems), problems
    assert any("places[0].municipality" in p for p in problems), problems
    assert any("area.yaml" in p and "organisations[0].municipality" in p for p in problems), (
        problems
    )


def test_broken_area_file__still_reports_the_other_files(data_folder: DataFolder) -> None:
    data_folder.area["roles"][0]["name"] = {"en": "no Finnish"}
    data_folder.municipality["coordinators"][0]["email"] = "y"
    problems = problems_of(data_folder)
    assert any(p.startswith("area.yaml") and "Finnish text (fi) is required" in p for p in problems)
    assert any(p.startswith("testikunta.yaml") and "coordinators[0].email" in p for p in problems)


def test_planned_provision_may_name_its_year(data_folder: DataFolder) -> None:
    data_folder.municipality["provisions"][0].update(status="planned", planned_from=2025)
    assert problems_of(data_folder) == []


def test_real_data__is_valid() -> None:
    from django.conf import settings

    programme, problems = check_folder(Path(settings.DATA_DIR))
    assert [str(p) for p in problems] == []
    assert programme is not None and len(programme.municipalities) == 10
