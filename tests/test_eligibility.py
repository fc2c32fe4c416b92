"""The eligibility rules (KotoL 681/2023 as amended by 1100/2024), case by case.

Each case names the section it checks and was written from the law's text, not from the code:
the 3 years from the first residence permit, card or registration (2 § 1 mom., 14 § 1 mom.,
20 §), the groups of 14 § 1 mom., guidance after the 3 years (10 §), who assesses (3 §) and the
dates that follow from the plan (20 §, 22 §, 23 §, 31 §). Plain rules, no database: every case
gives "today" itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kotokartta.eligibility.parse import answers_from
from kotokartta.eligibility.rules import (
    BASES,
    DEADLINE_LAWS,
    Answer,
    Answers,
    InputError,
    add_months,
    add_years,
    decide,
)

TODAY = date(2025, 6, 15)
RECENT = date(2024, 1, 10)  # a first permit well inside the 3 years


def d(text: str) -> date:
    return date.fromisoformat(text)


def ask(**given: Any) -> Answer:
    """A 30-year-old with a recent first permit and no group, changed by `given`."""
    values: dict[str, Any] = {"today": TODAY, "permit": RECENT, "age": 30}
    values.update(given)
    return decide(Answers(**values))


def items(answer: Answer) -> list[tuple[int, int | None, int | None]]:
    return [(g.rule.section, g.rule.subsection, g.rule.item) for g in answer.grounds]


def notes(answer: Answer) -> list[str]:
    return [n.id for n in answer.notes]


# (case, answers, outcome, grounds as (section, subsection, item), grounds by id, notes)
ELIGIBILITY_CASES: list[tuple[str, dict[str, Any], str, list[tuple[int, Any, Any]], list[str]]] = [
    (
        "14 § 1 mom. 1 k: unemployed job seeker, permit 1 year old",
        {"unemployed_job_seeker": True, "permit": d("2024-06-15")},
        "mandatory",
        [(14, 1, 1)],
        ["unemployed_job_seeker"],
    ),
    (
        "14 § 1 mom. 1 k: not an unemployed job seeker is no ground; on request (4 k)",
        {"unemployed_job_seeker": False},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 4 k: registered job seeker who works, on request and need, not mandatory",
        {"registered_job_seeker": True, "unemployed": False, "unemployed_job_seeker": False},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 2 k, 2 § 3 mom.: international protection",
        {"basis": "international_protection"},
        "mandatory",
        [(14, 1, 2)],
        ["international_protection"],
    ),
    (
        "14 § 1 mom. 2 k, 2 § 3 mom.: quota refugee",
        {"basis": "quota_refugee"},
        "mandatory",
        [(14, 1, 2)],
        ["quota_refugee"],
    ),
    (
        "14 § 1 mom. 2 k, 2 § 3 mom.: temporary protection with a home municipality",
        {"basis": "temporary_protection", "home_municipality": True},
        "mandatory",
        [(14, 1, 2)],
        ["temporary_protection"],
    ),
    (
        "2 § 3 mom.: temporary protection without a home municipality is not in the group",
        {"basis": "temporary_protection", "home_municipality": False},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "2 § 3 mom.: temporary protection, home municipality not answered, not assumed",
        {"basis": "temporary_protection"},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 2 k, 2 § 4 mom.: family member of a person with protection",
        {"basis": "family_of_protected"},
        "mandatory",
        [(14, 1, 2)],
        ["family_of_protected"],
    ),
    (
        "2 § 4 mom.: family member of a worker or student is not in the group",
        {"basis": "family_of_worker_or_student"},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "2 § 4 mom.: family member of a Finnish citizen is not in the group",
        {"basis": "family_of_finnish_citizen"},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 4 k: work-based permit, no other ground",
        {"basis": "work"},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 4 k: study-based permit, no other ground",
        {"basis": "study"},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "2 § 1 mom., 14 § 1 mom. 4 k: EU or Nordic citizen with a registration",
        {"basis": "eu_or_nordic", "start_document": "eu_registration"},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 4 k: other basis",
        {"basis": "other"},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 1 k: a worker who is unemployed is in 1 k whatever the basis",
        {"basis": "work", "unemployed_job_seeker": True},
        "mandatory",
        [(14, 1, 1)],
        ["unemployed_job_seeker"],
    ),
    (
        "14 § 1 mom. 3 k: child home care allowance",
        {"home_care_allowance": True},
        "mandatory",
        [(14, 1, 3)],
        ["home_care_allowance"],
    ),
    (
        "14 § 1 mom. 3 k: social assistance not only temporarily",
        {"social_assistance": True},
        "mandatory",
        [(14, 1, 3)],
        ["social_assistance"],
    ),
    (
        "2 § 6 mom.: came as an unaccompanied minor, now 17",
        {"unaccompanied_minor": True, "age": 17},
        "mandatory",
        [(14, 1, 2)],
        ["unaccompanied_minor"],
    ),
    (
        "2 § 6 mom.: came as an unaccompanied minor, now 22 (under 23)",
        {"unaccompanied_minor": True, "age": 22},
        "mandatory",
        [(14, 1, 2)],
        ["unaccompanied_minor"],
    ),
    (
        "2 § 6 mom.: came as an unaccompanied minor, now 23: no longer a ground",
        {"unaccompanied_minor": True, "age": 23},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "2 § 6 mom.: unaccompanied minor with protection, 24: protection still a ground",
        {"unaccompanied_minor": True, "age": 24, "basis": "international_protection"},
        "mandatory",
        [(14, 1, 2)],
        ["international_protection"],
    ),
    (
        "2 § 6 mom.: unaccompanied minor, age not given: the ground applies",
        {"unaccompanied_minor": True, "age": None},
        "mandatory",
        [(14, 1, 2)],
        ["unaccompanied_minor"],
    ),
    (
        "14 § 1 mom.: victim of human trafficking, inside the 3 years",
        {"trafficking_victim": True},
        "mandatory",
        [(14, 1, 2)],
        ["trafficking_victim"],
    ),
    (
        "14 §, 20 §: victim of human trafficking after the 3 years: the limit can be waived",
        {"trafficking_victim": True, "permit": d("2020-01-01")},
        "mandatory",
        [(14, 1, 2)],
        ["trafficking_victim"],
    ),
    (
        "14 § 1 mom. 4 k: a person who asks for it, no group",
        {"requested": True},
        "on_request",
        [(14, 1, 4)],
        ["on_request"],
    ),
    (
        "14 § 1 mom. 1 k: asking changes nothing for a person already in a group",
        {"requested": True, "unemployed_job_seeker": True},
        "mandatory",
        [(14, 1, 1)],
        ["unemployed_job_seeker"],
    ),
    (
        "10 §: first permit over 3 years old, unemployed job seeker: guidance only",
        {"unemployed_job_seeker": True, "permit": d("2021-01-01")},
        "guidance_only",
        [(10, 1, None)],
        ["guidance"],
    ),
    (
        "10 §: quota refugee with a first permit over 3 years old: guidance only",
        {"basis": "quota_refugee", "permit": d("2022-06-14")},
        "guidance_only",
        [(10, 1, None)],
        ["guidance"],
    ),
    (
        "14 § 1 mom.: the last day of the 3 years still counts (permit 2022-06-15)",
        {"basis": "quota_refugee", "permit": d("2022-06-15")},
        "mandatory",
        [(14, 1, 2)],
        ["quota_refugee"],
    ),
    (
        "14 § 1 mom.: a residence card starts the same 3 years",
        {"home_care_allowance": True, "start_document": "residence_card"},
        "mandatory",
        [(14, 1, 3)],
        ["home_care_allowance"],
    ),
    (
        "14 § 1 mom.: several grounds are all listed, in the law's order",
        {
            "unemployed_job_seeker": True,
            "basis": "quota_refugee",
            "home_care_allowance": True,
            "social_assistance": True,
        },
        "mandatory",
        [(14, 1, 1), (14, 1, 2), (14, 1, 3), (14, 1, 3)],
        ["unemployed_job_seeker", "quota_refugee", "home_care_allowance", "social_assistance"],
    ),
]


@pytest.mark.parametrize(
    ("given", "outcome", "expected_items", "ground_ids"),
    [case[1:] for case in ELIGIBILITY_CASES],
    ids=[case[0] for case in ELIGIBILITY_CASES],
)
def test_eligibility(
    given: dict[str, Any], outcome: str, expected_items: list[Any], ground_ids: list[str]
) -> None:
    answer = ask(**given)
    assert answer.outcome == outcome
    assert answer.mandatory is (outcome == "mandatory")
    assert items(answer) == expected_items
    assert [g.id for g in answer.grounds] == ground_ids


NOTE_CASES = [
    (
        "14 § 1 mom. 4 k: registered but employed says why it is not mandatory",
        {"registered_job_seeker": True, "unemployed": False, "unemployed_job_seeker": False},
        "registered_but_employed",
    ),
    (
        "14 § 1 mom. 1 k: registered job seeker who did not say whether unemployed is asked",
        {"registered_job_seeker": True},
        "unemployed_unknown",
    ),
    (
        "14 § 1 mom. 1 k: unemployed but not registered is told to register",
        {"registered_job_seeker": False, "unemployed": True, "unemployed_job_seeker": False},
        "unemployed_not_registered",
    ),
    (
        "2 § 3 mom.: temporary protection, home municipality not answered, is asked",
        {"basis": "temporary_protection"},
        "temporary_protection_home_unknown",
    ),
    (
        "2 § 3 mom.: temporary protection without a home municipality is told when it changes",
        {"basis": "temporary_protection", "home_municipality": False},
        "temporary_protection_no_home",
    ),
    (
        "2 § 4 mom.: family of a worker, student or Finnish citizen is told it is no ground",
        {"basis": "family_of_finnish_citizen"},
        "family_not_a_ground",
    ),
    (
        "2 § 6 mom.: unaccompanied minor without an age is asked the age",
        {"unaccompanied_minor": True, "age": None},
        "unaccompanied_age_unknown",
    ),
    (
        "2 § 6 mom.: unaccompanied minor of 23 is told the ground has ended",
        {"unaccompanied_minor": True, "age": 23},
        "unaccompanied_over_23",
    ),
    ("age under 18: the guardian or representative takes part", {"age": 17}, "under_18"),
    ("18 §: under 25, education is taken into account", {"age": 24}, "under_25"),
    (
        "14 §, 20 §: trafficking victim after 3 years is told the limit can be waived",
        {"trafficking_victim": True, "permit": d("2020-01-01")},
        "trafficking_window_waived",
    ),
]


@pytest.mark.parametrize(
    ("given", "note"), [c[1:] for c in NOTE_CASES], ids=[c[0] for c in NOTE_CASES]
)
def test_notes(given: dict[str, Any], note: str) -> None:
    assert note in notes(ask(**given))


def test_notes__age_25_gets_neither_under_18_nor_under_25() -> None:
    """18 §, 31 §: the thresholds are "under": 25 is not under 25."""
    assert not {"under_18", "under_25"} & set(notes(ask(age=25)))


def test_authority__employment_authority_for_job_seekers_municipality_for_others() -> None:
    """3 §: the employment authority carries out the tasks for job seekers."""
    assert ask(unemployed_job_seeker=True).authority == "employment_authority"
    assert ask(registered_job_seeker=True, unemployed=False).authority == "employment_authority"
    assert ask(basis="quota_refugee").authority == "municipality"


# ------------------------------------------------------------------------------ deadlines

# (case, answers, {deadline id: (date, passed)}, ids that must be absent)
DEADLINE_CASES: list[tuple[str, dict[str, Any], dict[str, tuple[str, bool]], set[str]]] = [
    (
        "14 § 1 mom., 20 §: window_end is the first permit + 3 years",
        {},
        {"window_end": ("2027-01-10", False)},
        {"referral", "review", "first_plan_end", "plans_end", "extension_end", "under_25_end"},
    ),
    (
        "14 § 1 mom., 20 §: window_end already passed says so",
        {"permit": d("2022-01-10")},
        {"window_end": ("2025-01-10", True)},
        set(),
    ),
    (
        "14 § 1 mom.: window_end from 29 February ends on 28 February",
        {"permit": d("2024-02-29"), "today": d("2024-03-01")},
        {"window_end": ("2027-02-28", False)},
        set(),
    ),
    (
        "14 § 1 mom.: a deadline falling on today has not passed",
        {"permit": d("2022-06-15")},
        {"window_end": ("2025-06-15", False)},
        set(),
    ),
    (
        "20 §: referral 1 month after the plan, clamped to February's end",
        {"plan": d("2025-01-31"), "today": d("2025-02-01")},
        {"referral": ("2025-02-28", False)},
        set(),
    ),
    (
        "20 §: referral from 31 January in a leap year is 29 February",
        {"plan": d("2024-01-31"), "today": d("2024-02-01")},
        {"referral": ("2024-02-29", False)},
        set(),
    ),
    (
        "20 §: referral already passed is marked passed",
        {"plan": d("2025-03-31")},
        {"referral": ("2025-04-30", True)},
        set(),
    ),
    (
        "22 §: first review 6 months after the plan, clamped (31 March → 30 September)",
        {"plan": d("2025-03-31")},
        {"review": ("2025-09-30", False)},
        set(),
    ),
    (
        "22 §: next review 6 months after the last review",
        {"plan": d("2024-06-01"), "review": d("2025-01-15")},
        {"review": ("2025-07-15", False)},
        set(),
    ),
    (
        "22 §: a review on the plan's day counts from that day",
        {"plan": d("2025-01-15"), "review": d("2025-01-15")},
        {"review": ("2025-07-15", False)},
        set(),
    ),
    (
        "22 §: an overdue review is marked passed",
        {"plan": d("2024-06-01")},
        {"review": ("2024-12-01", True)},
        set(),
    ),
    (
        "23 §: first plan at most 1 year, from 29 February to 28 February",
        {"plan": d("2024-02-29"), "today": d("2024-03-01")},
        {"first_plan_end": ("2025-02-28", False)},
        set(),
    ),
    (
        "23 §: all plans at most 2 years from the first plan",
        {"plan": d("2024-02-29"), "today": d("2024-03-01")},
        {"plans_end": ("2026-02-28", False)},
        set(),
    ),
    (
        "23 § 3 mom.: a possible extension ends 2 years after the plans' end",
        {"plan": d("2024-03-15")},
        {"extension_end": ("2028-03-15", False)},
        set(),
    ),
    (
        "31 §: under 25 with a plan: one more year after the plans' end",
        {"plan": d("2024-03-15"), "age": 22},
        {"under_25_end": ("2027-03-15", False)},
        set(),
    ),
    (
        "31 §: at 25 there is no studies year",
        {"plan": d("2024-03-15"), "age": 25},
        {"plans_end": ("2026-03-15", False)},
        {"under_25_end"},
    ),
    (
        "31 §: without an age the studies year is not shown",
        {"plan": d("2024-03-15"), "age": None},
        {"extension_end": ("2028-03-15", False)},
        {"under_25_end"},
    ),
    (
        "31 §: under 25 without a plan date: no studies year",
        {"age": 20},
        {"window_end": ("2027-01-10", False)},
        {"under_25_end", "extension_end"},
    ),
    (
        "23 §: plans ended before today are marked passed",
        {"permit": d("2021-09-01"), "plan": d("2022-01-10"), "today": d("2025-06-15")},
        {"first_plan_end": ("2023-01-10", True), "plans_end": ("2024-01-10", True)},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("given", "expected", "absent"),
    [c[1:] for c in DEADLINE_CASES],
    ids=[c[0] for c in DEADLINE_CASES],
)
def test_deadlines(
    given: dict[str, Any], expected: dict[str, tuple[str, bool]], absent: set[str]
) -> None:
    answer = ask(**given)
    found = {dl.id: (dl.date.isoformat(), dl.passed) for dl in answer.deadlines}
    for id, value in expected.items():
        assert found[id] == value, id
    assert not absent & set(found)


def test_deadlines__conditional_ones_carry_their_condition_and_law() -> None:
    """23 § 3 mom. and 31 § are shown with their conditions; the others apply as such."""
    answer = ask(plan=d("2024-03-15"), age=22, trafficking_victim=True)
    conditions = {dl.id: dl.condition for dl in answer.deadlines}
    assert conditions == {
        "window_end": "trafficking",
        "referral": None,
        "review": None,
        "first_plan_end": None,
        "plans_end": None,
        "extension_end": "extension",
        "under_25_end": "under_25",
    }
    assert {dl.id: dl.law for dl in answer.deadlines} == DEADLINE_LAWS
    studies = answer.deadline("under_25_end")
    assert studies is not None and studies.params == {"after_extension": "2029-03-15"}


# ------------------------------------------------------------------------------ next step

NEXT_STEP_CASES = [
    (
        "14 §: mandatory, nothing done: start without delay, by the window's end",
        {"basis": "quota_refugee"},
        "arrange_assessment",
        {"date": "2027-01-10"},
    ),
    (
        "14 § 1 mom. 4 k: on request, nothing done: ask by the window's end",
        {},
        "ask_assessment",
        {"date": "2027-01-10"},
    ),
    (
        "14 § 1 mom. 4 k: asked for it: the authority checks the need",
        {"requested": True},
        "requested_assessment",
        {"date": "2027-01-10"},
    ),
    ("10 §: after 3 years: guidance and advice", {"permit": d("2021-01-01")}, "ask_guidance", {}),
    (
        "20 §: assessment done: the plan follows, not the assessment again",
        {"basis": "quota_refugee", "assessment": d("2025-05-01")},
        "make_plan",
        {"date": "2027-01-10"},
    ),
    (
        "20 §: assessment done but the 3 years are over: no plan any more",
        {"permit": d("2022-01-10"), "assessment": d("2022-05-01")},
        "plan_time_passed",
        {"date": "2025-01-10"},
    ),
    (
        "20 §: trafficking victim, assessment done after the 3 years: plan still possible",
        {"permit": d("2021-01-10"), "assessment": d("2025-05-01"), "trafficking_victim": True},
        "make_plan_late_trafficking",
        {},
    ),
    (
        "20 §, 22 §: plan made a week ago: referral and first review ahead",
        {"assessment": d("2025-05-01"), "plan": d("2025-06-08")},
        "follow_plan",
        {"referral": "2025-07-08", "review": "2025-12-08"},
    ),
    (
        "22 §: plan made, referral date passed: the review is next",
        {"plan": d("2025-03-31")},
        "follow_plan_review",
        {"review": "2025-09-30"},
    ),
    (
        "22 §: no review for over 6 months: overdue",
        {"plan": d("2024-06-01"), "review": d("2024-11-01")},
        "review_overdue",
        {"date": "2025-05-01"},
    ),
    (
        "23 §: 2 years from the plan have passed",
        {"permit": d("2022-09-01"), "plan": d("2023-01-10")},
        "plans_ended",
        {"date": "2025-01-10"},
    ),
]


@pytest.mark.parametrize(
    ("given", "step", "params"),
    [c[1:] for c in NEXT_STEP_CASES],
    ids=[c[0] for c in NEXT_STEP_CASES],
)
def test_next_step(given: dict[str, Any], step: str, params: dict[str, str]) -> None:
    answer = ask(**given)
    assert answer.next_step.id == step
    assert answer.next_step.params == params


# --------------------------------------------------------------------------- bad answers

INPUT_ERRORS = [
    ("2 § 1 mom.: a first permit in the future", {"permit": "2025-06-16"}, "future_date", "permit"),
    ("20 §: a plan date in the future", {"plan": "2025-07-01"}, "future_date", "plan"),
    (
        "14 §: an assessment before the first permit",
        {"assessment": "2023-12-31"},
        "before_permit",
        "assessment",
    ),
    (
        "20 §: a plan before the assessment",
        {"assessment": "2025-03-01", "plan": "2025-02-01"},
        "plan_before_assessment",
        "plan",
    ),
    ("22 §: a review without a plan", {"review": "2025-03-01"}, "review_without_plan", "review"),
    (
        "22 §: a review before the plan",
        {"plan": "2025-03-01", "review": "2025-02-01"},
        "review_before_plan",
        "review",
    ),
    ("an impossible date: 30 February", {"permit": "2024-02-30"}, "bad_date", "permit"),
    ("an impossible date: month 13", {"plan": "2024-13-01"}, "bad_date", "plan"),
    ("a date in another format", {"permit": "10.1.2024"}, "bad_date", "permit"),
    ("a basis outside the contract", {"basis": "family_reunification"}, "bad_choice", "basis"),
    (
        "yes/no answered otherwise",
        {"home_municipality": "maybe"},
        "bad_yes_no",
        "home_municipality",
    ),
    ("a negative age", {"age": "-1"}, "bad_age", "age"),
    ("an age that is no number", {"age": "twenty"}, "bad_age", "age"),
    ("an age over 130", {"age": "131"}, "bad_age", "age"),
    ("no first permit date", {"permit": ""}, "missing_permit", "permit"),
    ("a date before 1900", {"permit": "1899-12-31"}, "too_old", "permit"),
]


@pytest.mark.parametrize(
    ("values", "code", "field"), [c[1:] for c in INPUT_ERRORS], ids=[c[0] for c in INPUT_ERRORS]
)
def test_bad_answers__are_input_errors_naming_the_field(
    values: dict[str, str], code: str, field: str
) -> None:
    given = {"permit": RECENT.isoformat(), "today": TODAY.isoformat(), **values}
    with pytest.raises(InputError) as raised:
        decide(answers_from(given, today=date(2000, 1, 1)))
    assert (raised.value.code, raised.value.field) == (code, field)


def test_parse__yes_no_words_and_today_from_the_answers() -> None:
    answers = answers_from(
        {"permit": "2024-01-10", "unemployed_job_seeker": "YES", "requested": "true"},
        today=TODAY,
    )
    assert answers.unemployed_job_seeker is True and answers.requested is True
    assert answers.home_care_allowance is False and answers.age is None
    fixed = answers_from({"permit": "2024-01-10", "today": "2026-01-01"}, today=TODAY)
    assert fixed.today == d("2026-01-01")


def test_every_basis_of_the_contract_is_accepted() -> None:
    assert (
        tuple(
            "international_protection quota_refugee temporary_protection family_of_protected work "
            "study family_of_worker_or_student family_of_finnish_citizen eu_or_nordic other".split()
        )
        == BASES
    )
    for basis in BASES:
        assert ask(basis=basis).outcome in {"mandatory", "on_request"}


# ------------------------------------------------------------------------------ date maths


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2025-08-31", 6, "2026-02-28"),
        ("2025-03-31", 6, "2025-09-30"),
        ("2025-12-15", 1, "2026-01-15"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
    ],
)
def test_add_months__clamps_to_the_end_of_the_month(start: str, months: int, expected: str) -> None:
    assert add_months(d(start), months) == d(expected)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_add_years__never_moves_into_the_next_month(day: date) -> None:
    later = add_years(day, 3)
    assert (later.year, later.month) == (day.year + 3, day.month)
    assert later.day == day.day or (day.month == 2 and day.day == 29 and later.day == 28)


@given(
    permit=st.dates(min_value=date(2015, 1, 1), max_value=date(2025, 6, 15)),
    age=st.none() | st.integers(min_value=0, max_value=130),
    flags=st.lists(st.booleans(), min_size=5, max_size=5),
)
def test_every_answer_has_a_window_and_a_next_step(
    permit: date, age: int | None, flags: list[bool]
) -> None:
    answer = ask(
        permit=permit,
        age=age,
        home_care_allowance=flags[0],
        social_assistance=flags[1],
        unaccompanied_minor=flags[2],
        trafficking_victim=flags[3],
        requested=flags[4],
    )
    assert answer.deadlines[0].id == "window_end"
    assert answer.grounds
    assert answer.mandatory == (answer.outcome == "mandatory")
