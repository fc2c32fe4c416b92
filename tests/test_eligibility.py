"""Eligibility for the assessment (KotoL 14 §) and the statutory timeline of the plan.

Plain rules, no database: every case gives "today" and the dates explicitly.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kotokartta.eligibility import (
    CIVIC_ORIENTATION,
    DEADLINE_LAWS,
    DESCRIPTIONS,
    FACTS,
    MANDATORY_REASONS,
    PROTECTION_BASES,
    REASON_LAWS,
    Answers,
    AnswersError,
    Deadline,
    RulesError,
    TimelineError,
    add_months,
    assess_eligibility,
    describe,
    statutory_timeline,
)
from kotokartta.eligibility.rules import FACT_LAWS
from kotokartta.programme.vocabulary import ResidenceBasis as RB

TODAY = date(2025, 6, 15)
RECENT = date(2024, 1, 10)  # first permit well inside the 3-year window


def d(text: str) -> date:
    return date.fromisoformat(text)


def answers(**given: Any) -> Answers:
    """Answers of a working-age person with a recent permit and no group, overridden by `given`."""
    values: dict[str, Any] = {
        "today": TODAY,
        "first_permit_date": RECENT,
        "job_seeker": False,
        "residence_basis": RB.WORK,
        "age": 30,
    }
    values.update(given)
    return Answers(**values)


# ------------------------------------------------------------------------------ eligibility

ELIGIBILITY_CASES = [
    # Each mandatory group of 14 § 1 mom.
    pytest.param(
        {"job_seeker": True}, "mandatory", ("job_seeker",), "employment_authority", id="job-seeker"
    ),
    pytest.param(
        {"residence_basis": RB.QUOTA_REFUGEE},
        "mandatory",
        ("quota_refugee",),
        "municipality",
        id="quota-refugee",
    ),
    pytest.param(
        {"residence_basis": RB.INTERNATIONAL_PROTECTION},
        "mandatory",
        ("international_protection",),
        "municipality",
        id="international-protection",
    ),
    pytest.param(
        {"residence_basis": RB.TEMPORARY_PROTECTION},
        "mandatory",
        ("temporary_protection",),
        "municipality",
        id="temporary-protection",
    ),
    pytest.param(
        {"residence_basis": RB.FAMILY_REUNIFICATION},
        "mandatory",
        ("family_reunification",),
        "municipality",
        id="family-of-protected",
    ),
    pytest.param(
        {"residence_basis": RB.UNACCOMPANIED_MINOR, "age": 17},
        "mandatory",
        ("unaccompanied_minor_protection", "unaccompanied_minor"),
        "municipality",
        id="unaccompanied-minor-17",
    ),
    pytest.param(
        {"residence_basis": RB.UNACCOMPANIED_MINOR, "age": 22},
        "mandatory",
        ("unaccompanied_minor_protection", "unaccompanied_minor"),
        "municipality",
        id="unaccompanied-minor-22-still-under-23",
    ),
    pytest.param(
        {"residence_basis": RB.UNACCOMPANIED_MINOR, "age": 23},
        "mandatory",
        ("unaccompanied_minor_protection",),
        "municipality",
        id="unaccompanied-minor-23-only-protection-ground",
    ),
    pytest.param(
        {"residence_basis": RB.UNACCOMPANIED_MINOR, "age": None},
        "mandatory",
        ("unaccompanied_minor_protection", "unaccompanied_minor"),
        "municipality",
        id="unaccompanied-minor-age-unknown",
    ),
    pytest.param(
        {"child_home_care_allowance": True},
        "mandatory",
        ("child_home_care_allowance",),
        "municipality",
        id="child-home-care-allowance",
    ),
    pytest.param(
        {"long_term_social_assistance": True, "residence_basis": RB.STUDY},
        "mandatory",
        ("long_term_social_assistance",),
        "municipality",
        id="long-term-social-assistance",
    ),
    pytest.param(
        {"trafficking_victim": True},
        "mandatory",
        ("trafficking_victim",),
        "municipality",
        id="trafficking-victim",
    ),
    pytest.param(
        {"job_seeker": True, "residence_basis": RB.INTERNATIONAL_PROTECTION},
        "mandatory",
        ("job_seeker", "international_protection"),
        "employment_authority",
        id="job-seeker-with-protection-two-grounds",
    ),
    # On request: within 3 years, no group.
    pytest.param({}, "on_request", ("on_request",), "municipality", id="work-migrant"),
    pytest.param(
        {"residence_basis": RB.STUDY, "asks_for_assessment": True},
        "on_request",
        ("asked_for_assessment",),
        "municipality",
        id="student-who-asks",
    ),
    pytest.param(
        {"residence_basis": RB.FAMILY_MEMBER},
        "on_request",
        ("on_request",),
        "municipality",
        id="family-of-work-migrant-not-protection",
    ),
    pytest.param(
        {"job_seeker": None, "residence_basis": None},
        "on_request",
        ("on_request", "group_not_answered"),
        "municipality",
        id="groups-not-answered",
    ),
    # The 3-year boundary.
    pytest.param(
        {"job_seeker": True, "first_permit_date": d("2022-06-15")},
        "mandatory",
        ("job_seeker",),
        "employment_authority",
        id="exactly-3-years-still-within",
    ),
    pytest.param(
        {"job_seeker": True, "first_permit_date": d("2022-06-14")},
        "guidance_only",
        ("permit_over_3_years",),
        "employment_authority",
        id="3-years-and-1-day-guidance-only",
    ),
    pytest.param(
        {"first_permit_date": d("2022-06-15"), "asks_for_assessment": True},
        "on_request",
        ("asked_for_assessment",),
        "municipality",
        id="exactly-3-years-on-request",
    ),
    pytest.param(
        {"first_permit_date": d("2019-01-01"), "residence_basis": RB.QUOTA_REFUGEE},
        "guidance_only",
        ("permit_over_3_years",),
        "municipality",
        id="old-permit-refugee-guidance-only",
    ),
    pytest.param(
        {"first_permit_date": TODAY, "trafficking_victim": True},
        "mandatory",
        ("trafficking_victim",),
        "municipality",
        id="permit-granted-today",
    ),
    pytest.param(
        {
            "first_permit_date": d("2020-02-29"),
            "today": d("2023-02-28"),
            "child_home_care_allowance": True,
        },
        "mandatory",
        ("child_home_care_allowance",),
        "municipality",
        id="leap-day-permit-window-ends-28-feb",
    ),
    pytest.param(
        {
            "first_permit_date": d("2020-02-29"),
            "today": d("2023-03-01"),
            "child_home_care_allowance": True,
        },
        "guidance_only",
        ("permit_over_3_years",),
        "municipality",
        id="leap-day-permit-over-on-1-march",
    ),
    # No first-permit date.
    pytest.param(
        {"first_permit_date": None, "residence_basis": RB.INTERNATIONAL_PROTECTION},
        "unknown",
        ("permit_date_unknown", "international_protection"),
        "municipality",
        id="no-date-protection",
    ),
    pytest.param(
        {"first_permit_date": None, "job_seeker": True, "trafficking_victim": True},
        "unknown",
        ("permit_date_unknown", "job_seeker", "trafficking_victim"),
        "employment_authority",
        id="no-date-job-seeker-and-trafficking",
    ),
    pytest.param(
        {"first_permit_date": None, "asks_for_assessment": True},
        "unknown",
        ("permit_date_unknown",),
        "municipality",
        id="no-date-no-group",
    ),
]


@pytest.mark.parametrize(("given", "outcome", "codes", "authority"), ELIGIBILITY_CASES)
def test_eligibility(
    given: dict[str, Any], outcome: str, codes: tuple[str, ...], authority: str
) -> None:
    result = assess_eligibility(answers(**given))
    assert (result.outcome, result.codes, result.authority) == (outcome, codes, authority)
    for reason in result.reasons:
        assert reason.law == REASON_LAWS[reason.code]
        assert reason.description("fi") and reason.description("en")


def test_mandatory_reasons__carry_the_end_of_the_3_year_window() -> None:
    result = assess_eligibility(answers(job_seeker=True, first_permit_date=d("2023-05-31")))
    assert result.permit_age_limit == d("2026-05-31")
    assert all(r.permit_age_limit == d("2026-05-31") for r in result.reasons)
    assert result.starts_without_delay
    assert result.reasons[0].law == "KotoL 14 § 1 mom., 3 §"


def test_guidance_only__cites_10_section_and_the_passed_limit() -> None:
    result = assess_eligibility(answers(first_permit_date=d("2021-01-31")))
    (reason,) = result.reasons
    assert (reason.code, reason.law, reason.permit_age_limit) == (
        "permit_over_3_years",
        "KotoL 10 §",
        d("2024-01-31"),
    )
    assert not result.starts_without_delay


def test_unknown_date__has_no_limit_and_names_the_3_year_rule() -> None:
    result = assess_eligibility(answers(first_permit_date=None, job_seeker=True))
    assert result.permit_age_limit is None
    assert "3" in describe("permit_date_unknown", "en")
    assert "3 vuotta" in describe("permit_date_unknown", "fi")
    assert all(code in MANDATORY_REASONS for code in result.codes[1:])


def test_on_request__starts_without_delay_only_when_asked() -> None:
    assert not assess_eligibility(answers()).starts_without_delay
    assert assess_eligibility(answers(asks_for_assessment=True)).starts_without_delay


def test_protection_bases__are_the_2_section_3_4_groups() -> None:
    assert {RB.WORK, RB.STUDY, RB.FAMILY_MEMBER}.isdisjoint(PROTECTION_BASES)
    assert set(RB) - PROTECTION_BASES == {RB.WORK, RB.STUDY, RB.FAMILY_MEMBER}


def test_eligibility__depends_only_on_the_given_today() -> None:
    later = answers(job_seeker=True, today=d("2040-01-01"), first_permit_date=d("2038-01-01"))
    assert assess_eligibility(later).outcome == "mandatory"
    assert assess_eligibility(later).as_dict()["reasons"][0]["permit_age_limit"] == "2041-01-01"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        pytest.param({"first_permit_date": d("2025-06-16")}, "after today", id="permit-in-future"),
        pytest.param({"age": -1}, "negative", id="negative-age"),
    ],
)
def test_impossible_answers__raise(given: dict[str, Any], message: str) -> None:
    with pytest.raises(AnswersError, match=message) as caught:
        answers(**given)
    assert isinstance(caught.value, RulesError) and isinstance(caught.value, ValueError)


# ------------------------------------------------------------------------------ month maths


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param("2025-01-31", 1, "2025-02-28", id="31-jan-to-28-feb"),
        pytest.param("2024-01-31", 1, "2024-02-29", id="31-jan-to-29-feb-leap"),
        pytest.param("2024-03-31", -1, "2024-02-29", id="backwards-into-leap-feb"),
        pytest.param("2025-05-31", 1, "2025-06-30", id="31-may-to-30-jun"),
        pytest.param("2024-12-15", 1, "2025-01-15", id="over-new-year"),
        pytest.param("2024-02-29", 12, "2025-02-28", id="leap-day-plus-year"),
        pytest.param("2024-02-29", 48, "2028-02-29", id="leap-day-plus-4-years"),
        pytest.param("2023-08-31", 6, "2024-02-29", id="31-aug-plus-6-leap"),
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(d(start), months) == d(expected)


# ------------------------------------------------------------------------------- timeline


def pairs(deadlines: tuple[Deadline, ...]) -> list[tuple[str, str]]:
    return [(deadline.code, deadline.date.isoformat()) for deadline in deadlines]


TIMELINE_CASES = [
    pytest.param({}, [], id="nothing-given"),
    pytest.param(
        {"first_permit_date": d("2025-03-10")},
        [("assessment_window_ends", "2028-03-10"), ("plan_latest", "2028-03-10")],
        id="permit-only",
    ),
    pytest.param(
        {"first_permit_date": d("2024-02-29"), "assessment_date": d("2024-04-02")},
        [("assessment_window_ends", "2027-02-28"), ("plan_latest", "2027-02-28")],
        id="leap-day-permit-and-assessment",
    ),
    pytest.param(
        {"plan_date": d("2025-01-31")},
        [
            ("referral_by", "2025-02-28"),
            ("review", "2025-07-31"),
            ("review", "2026-01-31"),
            ("first_plan_ends", "2026-01-31"),
            ("review", "2026-07-31"),
            ("all_plans_end", "2027-01-31"),
        ],
        id="plan-31-jan-month-end",
    ),
    pytest.param(
        {"plan_date": d("2024-01-31")},
        [
            ("referral_by", "2024-02-29"),
            ("review", "2024-07-31"),
            ("review", "2025-01-31"),
            ("first_plan_ends", "2025-01-31"),
            ("review", "2025-07-31"),
            ("all_plans_end", "2026-01-31"),
        ],
        id="plan-31-jan-leap-referral",
    ),
    pytest.param(
        {"plan_date": d("2024-02-29")},
        [
            ("referral_by", "2024-03-29"),
            ("review", "2024-08-29"),
            ("review", "2025-02-28"),
            ("first_plan_ends", "2025-02-28"),
            ("review", "2025-08-29"),
            ("all_plans_end", "2026-02-28"),
        ],
        id="plan-on-leap-day",
    ),
    pytest.param(
        {"plan_date": d("2023-08-31")},
        [
            ("referral_by", "2023-09-30"),
            ("review", "2024-02-29"),
            ("review", "2024-08-31"),
            ("first_plan_ends", "2024-08-31"),
            ("review", "2025-02-28"),
            ("all_plans_end", "2025-08-31"),
        ],
        id="plan-31-aug-reviews-from-plan-not-chained",
    ),
    pytest.param(
        {
            "first_permit_date": d("2024-09-01"),
            "assessment_date": d("2024-09-20"),
            "plan_date": d("2024-10-15"),
            "age_at_plan": 30,
        },
        [
            ("referral_by", "2024-11-15"),
            ("review", "2025-04-15"),
            ("review", "2025-10-15"),
            ("first_plan_ends", "2025-10-15"),
            ("review", "2026-04-15"),
            ("all_plans_end", "2026-10-15"),
            ("assessment_window_ends", "2027-09-01"),
            ("plan_latest", "2027-09-01"),
        ],
        id="all-dates-age-30",
    ),
    pytest.param(
        {"plan_date": d("2025-03-01"), "extended": True},
        [
            ("referral_by", "2025-04-01"),
            ("review", "2025-09-01"),
            ("review", "2026-03-01"),
            ("first_plan_ends", "2026-03-01"),
            ("review", "2026-09-01"),
            ("review", "2027-03-01"),
            ("all_plans_end", "2027-03-01"),
            ("review", "2027-09-01"),
            ("review", "2028-03-01"),
            ("review", "2028-09-01"),
            ("extension_ends", "2029-03-01"),
        ],
        id="extended-4-years",
    ),
    pytest.param(
        {"plan_date": d("2025-03-01"), "age_at_plan": 24},
        [
            ("referral_by", "2025-04-01"),
            ("review", "2025-09-01"),
            ("review", "2026-03-01"),
            ("first_plan_ends", "2026-03-01"),
            ("review", "2026-09-01"),
            ("review", "2027-03-01"),
            ("all_plans_end", "2027-03-01"),
            ("review", "2027-09-01"),
            ("studies_extension_ends", "2028-03-01"),
        ],
        id="under-25-studies-extension",
    ),
    pytest.param(
        {"plan_date": d("2025-03-01"), "age_at_plan": 25},
        [
            ("referral_by", "2025-04-01"),
            ("review", "2025-09-01"),
            ("review", "2026-03-01"),
            ("first_plan_ends", "2026-03-01"),
            ("review", "2026-09-01"),
            ("all_plans_end", "2027-03-01"),
        ],
        id="aged-25-no-studies-extension",
    ),
    pytest.param(
        {"plan_date": d("2025-03-01"), "age_at_plan": 19, "extended": True},
        [
            ("referral_by", "2025-04-01"),
            ("review", "2025-09-01"),
            ("review", "2026-03-01"),
            ("first_plan_ends", "2026-03-01"),
            ("review", "2026-09-01"),
            ("review", "2027-03-01"),
            ("all_plans_end", "2027-03-01"),
            ("review", "2027-09-01"),
            ("review", "2028-03-01"),
            ("review", "2028-09-01"),
            ("review", "2029-03-01"),
            ("extension_ends", "2029-03-01"),
            ("review", "2029-09-01"),
            ("studies_extension_ends", "2030-03-01"),
        ],
        id="extended-and-under-25-5-years",
    ),
]


@pytest.mark.parametrize(("given", "expected"), TIMELINE_CASES)
def test_timeline(given: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    values: dict[str, Any] = {"first_permit_date": None, "assessment_date": None, "plan_date": None}
    values.update(given)
    deadlines = statutory_timeline(**values)
    assert pairs(deadlines) == expected
    for deadline in deadlines:
        assert deadline.law == DEADLINE_LAWS[deadline.code]
        assert deadline.basis == ("first_permit" if deadline.code in _PERMIT_CODES else "plan")


_PERMIT_CODES = {"assessment_window_ends", "plan_latest"}


@pytest.mark.parametrize(
    ("birth_year", "has_studies_extension"),
    [
        pytest.param(2001, True, id="born-2001-may-be-24-on-plan-2026"),
        pytest.param(2000, False, id="born-2000-at-least-25-on-plan-2026"),
    ],
)
def test_timeline__age_from_birth_year(birth_year: int, has_studies_extension: bool) -> None:
    deadlines = statutory_timeline(
        first_permit_date=None,
        assessment_date=None,
        plan_date=d("2026-06-01"),
        birth_year=birth_year,
    )
    codes = {deadline.code for deadline in deadlines}
    assert ("studies_extension_ends" in codes) is has_studies_extension


def test_timeline__laws_and_plan_plus_4_years() -> None:
    by_code = {
        deadline.code: deadline
        for deadline in statutory_timeline(
            first_permit_date=d("2024-02-29"),
            assessment_date=None,
            plan_date=d("2024-02-29"),
            extended=True,
        )
    }
    assert by_code["plan_latest"].law == "KotoL 20 §"
    assert by_code["review"].law == "KotoL 22 §"
    assert by_code["extension_ends"].law == "KotoL 23 §"
    assert by_code["extension_ends"].date == d("2028-02-29")
    assert by_code["plan_latest"].as_dict() == {
        "code": "plan_latest",
        "date": "2027-02-28",
        "law": "KotoL 20 §",
        "basis": "first_permit",
    }


@pytest.mark.parametrize(
    ("given", "message"),
    [
        pytest.param(
            {"first_permit_date": d("2025-05-01"), "plan_date": d("2025-04-30")},
            "plan date 2025-04-30 is before the first residence permit",
            id="plan-before-permit",
        ),
        pytest.param(
            {"first_permit_date": d("2025-05-01"), "assessment_date": d("2025-01-01")},
            "assessment date 2025-01-01 is before the first residence permit",
            id="assessment-before-permit",
        ),
        pytest.param(
            {"assessment_date": d("2025-06-02"), "plan_date": d("2025-06-01")},
            "assessment date 2025-06-02 is after the plan date 2025-06-01",
            id="assessment-after-plan",
        ),
        pytest.param(
            {"first_permit_date": d("2021-01-31"), "plan_date": d("2024-02-01")},
            "more than 3 years after",
            id="plan-after-3-years",
        ),
        pytest.param(
            {"plan_date": d("2025-06-01"), "age_at_plan": -3},
            "must not be negative",
            id="negative-age",
        ),
        pytest.param(
            {"plan_date": d("2025-06-01"), "age_at_plan": 30, "birth_year": 2001},
            "does not fit the birth year",
            id="age-and-birth-year-disagree",
        ),
    ],
)
def test_timeline__impossible_dates_raise(given: dict[str, Any], message: str) -> None:
    values: dict[str, Any] = {"first_permit_date": None, "assessment_date": None, "plan_date": None}
    values.update(given)
    with pytest.raises(TimelineError, match=message) as caught:
        statutory_timeline(**values)
    assert isinstance(caught.value, ValueError)


def test_timeline__plan_on_last_day_of_window_is_allowed() -> None:
    deadlines = statutory_timeline(
        first_permit_date=d("2021-01-31"), assessment_date=None, plan_date=d("2024-01-31")
    )
    assert ("plan_latest", "2024-01-31") in pairs(deadlines)


# ------------------------------------------------------------------------- texts and facts

ALL_CODES = sorted({*REASON_LAWS, *DEADLINE_LAWS, *FACT_LAWS})


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_has_finnish_and_english_text(code: str) -> None:
    fi, en = DESCRIPTIONS[code]
    assert fi.strip() and en.strip() and fi != en
    assert len(fi) <= 400 and len(en) <= 400
    assert describe(code) == fi and describe(code, "en") == en


def test_descriptions_have_no_stray_codes() -> None:
    assert set(DESCRIPTIONS) == set(ALL_CODES)
    assert set(REASON_LAWS) >= MANDATORY_REASONS


def test_civic_orientation__is_at_least_70_hours() -> None:
    assert (CIVIC_ORIENTATION.value, CIVIC_ORIENTATION.unit) == (70, "hours")
    assert "576/2024" in CIVIC_ORIENTATION.law and "25 §" in CIVIC_ORIENTATION.law
    assert CIVIC_ORIENTATION in FACTS


# ----------------------------------------------------------------------------- properties

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=200, deadline=None)
@given(
    permit=dates,
    assessment_after=st.integers(min_value=0, max_value=400),
    plan_after=st.integers(min_value=0, max_value=650),  # stays within 3 years
    age=st.none() | st.integers(min_value=0, max_value=90),
    extended=st.booleans(),
)
def test_timeline_properties(
    permit: date, assessment_after: int, plan_after: int, age: int | None, extended: bool
) -> None:
    assessment = permit + timedelta(days=assessment_after)
    plan = assessment + timedelta(days=plan_after)
    deadlines = statutory_timeline(
        first_permit_date=permit,
        assessment_date=assessment,
        plan_date=plan,
        age_at_plan=age,
        extended=extended,
    )
    basis_date = {"first_permit": permit, "plan": plan}
    assert all(deadline.date >= basis_date[deadline.basis] for deadline in deadlines)
    assert [x.date for x in deadlines] == sorted(x.date for x in deadlines)

    last_end = max(
        x.date for x in deadlines if x.basis == "plan" and x.code.endswith(("_end", "_ends"))
    )
    reviews = [x.date for x in deadlines if x.code == "review"]
    assert reviews == [add_months(plan, 6 * k) for k in range(1, len(reviews) + 1)]
    assert all(review < last_end for review in reviews)
    assert add_months(plan, 6 * (len(reviews) + 1)) >= last_end
    assert all(181 <= (b - a).days <= 184 for a, b in pairwise(reviews))
    expected_years = 2 + (2 if extended else 0) + (1 if age is not None and age < 25 else 0)
    assert last_end == add_months(plan, 12 * expected_years)
