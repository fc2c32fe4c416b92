"""`kotokartta eligibility`: the contract's JSON, readable text, exit code 2 with a message in
the asked language for every bad date or option, never a traceback."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kotokartta.cli import main

CONTRACT_IDS = {"window_end", "referral", "review", "first_plan_end", "plans_end"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(["eligibility", *args])
        code = 0
    except SystemExit as exit:
        code = int(exit.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def document(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_json__has_the_contract_shape(capsys: pytest.CaptureFixture[str]) -> None:
    doc = document(
        capsys,
        "--permit",
        "2025-02-01",
        "--basis",
        "quota_refugee",
        "--plan",
        "2025-03-31",
        "--age",
        "22",
        "--today",
        "2025-06-01",
    )
    assert set(doc) >= {"assessment", "deadlines", "messages"}
    assert doc["assessment"]["mandatory"] is True
    ground = doc["assessment"]["grounds"][0]
    assert {k: ground[k] for k in ("section", "subsection", "item")} == {
        "section": 14,
        "subsection": 1,
        "item": 2,
    }
    assert ground["text"] == "Olet kiintiöpakolainen."
    by_id = {d["id"]: d for d in doc["deadlines"]}
    assert set(by_id) == CONTRACT_IDS | {"extension_end", "under_25_end"}
    for deadline in doc["deadlines"]:
        assert set(deadline) >= {"id", "date", "law", "passed", "condition"}
    assert by_id["referral"] == {**by_id["referral"], "date": "2025-04-30", "passed": True}
    assert by_id["review"]["date"] == "2025-09-30" and by_id["review"]["passed"] is False
    assert by_id["window_end"]["date"] == "2028-02-01"
    assert by_id["plans_end"]["condition"] is None
    assert by_id["under_25_end"]["condition"].startswith("Vain jos olet alle 25-vuotias")
    assert all(isinstance(m, str) and m for m in doc["messages"])


def test_json__after_the_assessment__no_longer_says_start_without_delay(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = document(
        capsys,
        "--permit",
        "2025-02-01",
        "--basis",
        "quota_refugee",
        "--today",
        "2025-06-01",
        "--lang",
        "en",
    )
    after = document(
        capsys,
        "--permit",
        "2025-02-01",
        "--basis",
        "quota_refugee",
        "--assessment",
        "2025-03-01",
        "--today",
        "2025-06-01",
        "--lang",
        "en",
    )
    assert any(
        "without delay" in m and "assessment must be started" in m for m in before["messages"]
    )
    assert not any("assessment must be started" in m for m in after["messages"])
    assert after["next_step"]["id"] == "make_plan"


def test_json__flags_and_yes_no_options(capsys: pytest.CaptureFixture[str]) -> None:
    doc = document(
        capsys,
        "--permit",
        "2025-02-01",
        "--basis",
        "temporary_protection",
        "--home-municipality",
        "no",
        "--unemployed-job-seeker",
        "no",
        "--home-care-allowance",
        "--social-assistance",
        "--trafficking-victim",
        "--unaccompanied-minor",
        "--requested",
        "--age",
        "30",
        "--today",
        "2025-06-01",
    )
    ids = [g["id"] for g in doc["assessment"]["grounds"]]
    assert ids == ["trafficking_victim", "home_care_allowance", "social_assistance"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi", "Osaamisen ja kotoutumisen palvelutarpeen arviointi on sinulle pakollinen."),
        ("en", "The assessment of your skills and integration service needs is mandatory"),
        ("uk", "Оцінювання ваших навичок"),
        ("ar", "تقييم مهاراتك"),
        ("th", "การประเมินทักษะ"),
    ],
)
def test_text__is_readable_in_the_asked_language(
    capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    code, out, _ = run(
        capsys,
        "--permit",
        "2025-02-01",
        "--unemployed-job-seeker",
        "yes",
        "--today",
        "2025-06-01",
        "--lang",
        lang,
    )
    assert code == 0
    assert words in out
    assert "2028-02-01" in out and "KotoL 14 § 1 mom. 1 k." in out


@pytest.mark.parametrize(
    ("args", "lang", "words"),
    [
        (["--permit", "2025-02-30"], "fi", "ei ole päivämäärä"),
        (["--permit", "2025-02-30"], "en", "is not a date"),
        (["--permit", "2030-01-01", "--today", "2025-06-01"], "uk", "пізніше за сьогодні"),
        (["--permit", "2025-02-01", "--plan", "2024-01-01"], "ar", "قبل أول تصريح إقامة"),
        (["--permit", "2025-02-01", "--basis", "refugee"], "en", "is not one of"),
        (["--permit", "2025-02-01", "--age", "abc"], "sv", "Ange åldern i hela år"),
        (["--permit", "2025-02-01", "--home-municipality", "maybe"], "ru", "ответьте yes или no"),
        (["--permit", "2025-02-01", "--review", "2025-03-01"], "fa", "تاریخ برنامه لازم است"),
        (["--permit", "2025-02-01", "--frobnicate"], "uk", "Цей параметр невідомий"),
        (["--plan", "2025-02-01"], "en", "This option is not known or is incomplete"),
    ],
)
def test_bad_input__exits_2_with_a_message_in_the_asked_language(
    capsys: pytest.CaptureFixture[str], args: list[str], lang: str, words: str
) -> None:
    code, out, err = run(capsys, *args, "--lang", lang)
    assert code == 2
    assert words in err, err
    assert "Traceback" not in err and out == ""


def test_bad_language__exits_2_in_finnish(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--permit", "2025-02-01", "--lang", "xx")
    assert code == 2 and "ei ole mikään näistä" in err
