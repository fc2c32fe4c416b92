"""Who must get the assessment of skills and integration service needs (KotoL 14 §), and every
statutory date that follows from the dates a person gives (20 §, 22 §, 23 §, 31 §).

Plain Python: no Django, no clock. "Today" is always given by the caller, so the same answers
always give the same result. The law is KotoL = laki kotoutumisen edistämisestä 681/2023 as
amended by 1100/2024 (docs/eligibility.md lists each rule with its section and its tests).

The reading applied here:

- The 3 years (14 § 1 mom., 20 §) run from the first residence permit, residence card, EU
  registration of the right of residence or Nordic registration (2 § 1 mom.); the last day is
  the same day number three years later. Inside them the assessment is mandatory for a person in
  one of the groups of 14 § 1 mom. and available on request and need (14 § 1 mom. 4 k) for
  everyone else. After them only guidance and advice (10 §) remain, except for a victim of human
  trafficking, for whom the time limit can be waived when they could be reached only later.
- Groups (`GROUNDS`): an *unemployed* job seeker (1 k; a registered job seeker who works is not
  in it); a person of 2 § 3 mom. (international protection, quota refugee, temporary protection
  *with a home municipality*) or that person's family member (2 § 4 mom.) (2 k); a person who
  came as an unaccompanied minor, until 23 (2 § 6 mom.); a victim of human trafficking; a
  recipient of child home care allowance or of social assistance that is not temporary (3 k).
  A family member of a worker, a student or a Finnish citizen is not in a group on that ground.
- The employment authority assesses unemployed job seekers, the municipality everyone else (3 §).
- From the plan date: referral to the agreed service within 1 month (20 §), a review at least
  every 6 months from the plan or the last review (22 §), the first plan at most 1 year, all
  plans at most 2 years (23 §), an extension of at most 2 more years with special reasons
  (23 § 3 mom.), and for a person under 25 one more year to finish studies (31 §).

Months and years end on the same day number as they start; when the month has no such day, on
its last day (31 January + 1 month = 28/29 February; 29 February + 1 year = 28 February).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

Outcome = Literal["mandatory", "on_request", "guidance_only"]
Authority = Literal["employment_authority", "municipality"]

BASES: Final[tuple[str, ...]] = (
    "international_protection",
    "quota_refugee",
    "temporary_protection",
    "family_of_protected",
    "work",
    "study",
    "family_of_worker_or_student",
    "family_of_finnish_citizen",
    "eu_or_nordic",
    "other",
)
"""Why the person may stay in Finland, as the contract names it."""

START_DOCUMENTS: Final[tuple[str, ...]] = (
    "residence_permit",
    "residence_card",
    "eu_registration",
    "nordic_registration",
)
"""What starts the 3 years (2 § 1 mom.): the first of these the person got."""

PERMIT_WINDOW_YEARS: Final = 3
UNACCOMPANIED_AGE_LIMIT: Final = 23
UNDER_25: Final = 25
ADULT_AGE: Final = 18
REFERRAL_MONTHS: Final = 1
REVIEW_MONTHS: Final = 6
FIRST_PLAN_YEARS: Final = 1
ALL_PLANS_YEARS: Final = 2
EXTENSION_YEARS: Final = 2
STUDIES_YEARS: Final = 1
OLDEST_DATE: Final = date(1900, 1, 1)
MAX_AGE: Final = 130


@dataclass(frozen=True, slots=True)
class GroundRule:
    """Where a ground sits in the law: section, subsection (momentti), item (kohta)."""

    section: int
    subsection: int | None
    item: int | None
    law: str


GROUNDS: Final[dict[str, GroundRule]] = {
    "unemployed_job_seeker": GroundRule(14, 1, 1, "KotoL 14 § 1 mom. 1 k., 3 §"),
    "international_protection": GroundRule(14, 1, 2, "KotoL 14 § 1 mom. 2 k., 2 § 3 mom."),
    "quota_refugee": GroundRule(14, 1, 2, "KotoL 14 § 1 mom. 2 k., 2 § 3 mom."),
    "temporary_protection": GroundRule(14, 1, 2, "KotoL 14 § 1 mom. 2 k., 2 § 3 mom."),
    "family_of_protected": GroundRule(14, 1, 2, "KotoL 14 § 1 mom. 2 k., 2 § 4 mom."),
    "unaccompanied_minor": GroundRule(14, 1, 2, "KotoL 14 § 1 mom., 2 § 6 mom."),
    "trafficking_victim": GroundRule(14, 1, 2, "KotoL 14 § 1 mom., 2 § 3 mom."),
    "home_care_allowance": GroundRule(14, 1, 3, "KotoL 14 § 1 mom. 3 k."),
    "social_assistance": GroundRule(14, 1, 3, "KotoL 14 § 1 mom. 3 k."),
    "on_request": GroundRule(14, 1, 4, "KotoL 14 § 1 mom. 4 k."),
    "guidance": GroundRule(10, 1, None, "KotoL 10 §"),
}
"""Every ground, in the order they are listed. The first ten make the assessment mandatory
(except `on_request`); `guidance` is what remains after the 3 years."""

DEADLINE_LAWS: Final[dict[str, str]] = {
    "window_end": "KotoL 14 § 1 mom., 20 §",
    "referral": "KotoL 20 §",
    "review": "KotoL 22 §",
    "first_plan_end": "KotoL 23 §",
    "plans_end": "KotoL 23 §",
    "extension_end": "KotoL 23 § 3 mom.",
    "under_25_end": "KotoL 31 §",
}
"""Every deadline id of the contract and its law, in the order they are listed."""


class InputError(ValueError):
    """An answer the rules cannot use. `code` and `params` let each front say it in its language;
    `field` names the answer at fault (the CLI option, the query parameter, the form field)."""

    def __init__(self, code: str, field: str, **params: str) -> None:
        super().__init__(f"{field}: {code} {params}")
        self.code = code
        self.field = field
        self.params = params


# ------------------------------------------------------------------------------ date maths


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months; a missing day number becomes the month's last."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """`day` moved by `years` years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


# --------------------------------------------------------------------------------- answers


@dataclass(frozen=True, slots=True, kw_only=True)
class Answers:
    """What the person told us; None means "not answered". Nothing here is stored.

    `permit` is the date of the first residence permit, residence card, EU registration or
    Nordic registration (`start_document` says which). The web wizard asks two questions
    instead of `unemployed_job_seeker`: `registered_job_seeker` (registered with employment
    services) and `unemployed` (without work); they only add notes.
    `age` is the age in years today.
    """

    today: date
    permit: date
    start_document: str = "residence_permit"
    basis: str | None = None
    unemployed_job_seeker: bool | None = None
    registered_job_seeker: bool | None = None
    unemployed: bool | None = None
    age: int | None = None
    home_municipality: bool | None = None
    home_care_allowance: bool = False
    social_assistance: bool = False
    unaccompanied_minor: bool = False
    trafficking_victim: bool = False
    requested: bool = False
    assessment: date | None = None
    plan: date | None = None
    review: date | None = None

    def __post_init__(self) -> None:
        if self.basis is not None and self.basis not in BASES:
            raise InputError("bad_choice", "basis", value=self.basis, allowed=" ".join(BASES))
        if self.start_document not in START_DOCUMENTS:
            raise InputError(
                "bad_choice",
                "start_document",
                value=self.start_document,
                allowed=" ".join(START_DOCUMENTS),
            )
        if self.age is not None and not 0 <= self.age <= MAX_AGE:
            raise InputError("bad_age", "age", value=str(self.age))
        named = (
            ("today", self.today),
            ("permit", self.permit),
            ("assessment", self.assessment),
            ("plan", self.plan),
            ("review", self.review),
        )
        for name, day in named:
            if day is not None and day < OLDEST_DATE:
                raise InputError("too_old", name, date=day.isoformat())
        for name, day in named[1:]:
            if day is not None and day > self.today:
                raise InputError(
                    "future_date", name, date=day.isoformat(), today=self.today.isoformat()
                )
        for name, day in named[2:]:
            if day is not None and day < self.permit:
                raise InputError(
                    "before_permit", name, date=day.isoformat(), permit=self.permit.isoformat()
                )
        if self.assessment and self.plan and self.plan < self.assessment:
            raise InputError(
                "plan_before_assessment",
                "plan",
                date=self.plan.isoformat(),
                assessment=self.assessment.isoformat(),
            )
        if self.review is not None and self.plan is None:
            raise InputError("review_without_plan", "review", date=self.review.isoformat())
        if self.review is not None and self.plan is not None and self.review < self.plan:
            raise InputError(
                "review_before_plan",
                "review",
                date=self.review.isoformat(),
                plan=self.plan.isoformat(),
            )


# ---------------------------------------------------------------------------------- answer


@dataclass(frozen=True, slots=True)
class Ground:
    id: str
    rule: GroundRule


@dataclass(frozen=True, slots=True)
class Deadline:
    """A statutory date; `condition` names the condition it depends on (None: it applies)."""

    id: str
    date: date
    passed: bool
    condition: str | None = None
    # Dates a text needs besides `date` (e.g. the under-25 year after an extension).
    params: dict[str, str] = field(default_factory=dict)

    @property
    def law(self) -> str:
        return DEADLINE_LAWS[self.id]


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence for the person, by id, with the values it needs (ISO dates, ids)."""

    id: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    outcome: Outcome
    grounds: tuple[Ground, ...]
    authority: Authority
    deadlines: tuple[Deadline, ...]
    next_step: Message
    notes: tuple[Message, ...]

    @property
    def mandatory(self) -> bool:
        return self.outcome == "mandatory"

    def deadline(self, id: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.id == id), None)


def _grounds(a: Answers) -> list[str]:
    """The 14 § 1 mom. groups the person is in, whatever the age of the permit."""
    found: list[str] = []
    if a.unemployed_job_seeker:
        found.append("unemployed_job_seeker")
    if a.basis in ("international_protection", "quota_refugee"):
        found.append(a.basis)
    if a.basis == "temporary_protection" and a.home_municipality:
        found.append("temporary_protection")
    if a.basis == "family_of_protected":
        found.append("family_of_protected")
    if a.unaccompanied_minor and (a.age is None or a.age < UNACCOMPANIED_AGE_LIMIT):
        found.append("unaccompanied_minor")
    if a.trafficking_victim:
        found.append("trafficking_victim")
    if a.home_care_allowance:
        found.append("home_care_allowance")
    if a.social_assistance:
        found.append("social_assistance")
    return found


def _notes(a: Answers) -> list[Message]:
    notes: list[Message] = []
    if a.registered_job_seeker and a.unemployed is False:
        notes.append(Message("registered_but_employed"))
    if a.registered_job_seeker and a.unemployed is None and not a.unemployed_job_seeker:
        notes.append(Message("unemployed_unknown"))
    if a.registered_job_seeker is False and a.unemployed:
        notes.append(Message("unemployed_not_registered"))
    if a.basis == "temporary_protection" and a.home_municipality is None:
        notes.append(Message("temporary_protection_home_unknown"))
    if a.basis == "temporary_protection" and a.home_municipality is False:
        notes.append(Message("temporary_protection_no_home"))
    if a.basis in ("family_of_worker_or_student", "family_of_finnish_citizen"):
        notes.append(Message("family_not_a_ground"))
    if a.unaccompanied_minor and a.age is None:
        notes.append(Message("unaccompanied_age_unknown"))
    if a.unaccompanied_minor and a.age is not None and a.age >= UNACCOMPANIED_AGE_LIMIT:
        notes.append(Message("unaccompanied_over_23"))
    if a.age is not None and a.age < ADULT_AGE:
        notes.append(Message("under_18"))
    if a.age is not None and a.age < UNDER_25:
        notes.append(Message("under_25"))
    return notes


def _deadlines(a: Answers) -> list[Deadline]:
    def make(id: str, day: date, condition: str | None = None, **params: str) -> Deadline:
        return Deadline(id, day, day < a.today, condition, params)

    window_end = add_years(a.permit, PERMIT_WINDOW_YEARS)
    result = [make("window_end", window_end, "trafficking" if a.trafficking_victim else None)]
    if a.plan is None:
        return result
    plans_end = add_years(a.plan, ALL_PLANS_YEARS)
    extension_end = add_years(plans_end, EXTENSION_YEARS)
    last = max(a.plan, a.review) if a.review else a.plan
    result += [
        make("referral", add_months(a.plan, REFERRAL_MONTHS)),
        make("review", add_months(last, REVIEW_MONTHS)),
        make("first_plan_end", add_years(a.plan, FIRST_PLAN_YEARS)),
        make("plans_end", plans_end),
        make("extension_end", extension_end, "extension"),
    ]
    if a.age is not None and a.age < UNDER_25:
        after_extension = add_years(extension_end, STUDIES_YEARS).isoformat()
        result.append(
            make(
                "under_25_end",
                add_years(plans_end, STUDIES_YEARS),
                "under_25",
                after_extension=after_extension,
            )
        )
    return result


def _next_step(a: Answers, outcome: Outcome, deadlines: list[Deadline]) -> Message:
    by_id = {d.id: d for d in deadlines}
    window = by_id["window_end"]
    if a.plan is not None:
        if by_id["plans_end"].passed:
            return Message("plans_ended", {"date": by_id["plans_end"].date.isoformat()})
        review = by_id["review"]
        if review.passed:
            return Message("review_overdue", {"date": review.date.isoformat()})
        referral = by_id["referral"]
        if not referral.passed:
            return Message(
                "follow_plan",
                {"referral": referral.date.isoformat(), "review": review.date.isoformat()},
            )
        return Message("follow_plan_review", {"review": review.date.isoformat()})
    if a.assessment is not None:
        if not window.passed:
            return Message("make_plan", {"date": window.date.isoformat()})
        if a.trafficking_victim:
            return Message("make_plan_late_trafficking")
        return Message("plan_time_passed", {"date": window.date.isoformat()})
    if outcome == "mandatory":
        if window.passed:  # only a victim of trafficking is mandatory after the window
            return Message("arrange_assessment_late")
        return Message("arrange_assessment", {"date": window.date.isoformat()})
    if outcome == "on_request":
        step = "requested_assessment" if a.requested else "ask_assessment"
        return Message(step, {"date": window.date.isoformat()})
    return Message("ask_guidance")


def decide(answers: Answers) -> Answer:
    """The whole answer: outcome, grounds, who assesses, every deadline, the next step, notes."""
    deadlines = _deadlines(answers)
    in_window = not deadlines[0].passed
    found = _grounds(answers)
    outcome: Outcome
    if found and in_window:
        outcome = "mandatory"
    elif answers.trafficking_victim:
        outcome = "mandatory"
        found = ["trafficking_victim"]
    elif in_window:
        outcome = "on_request"
        found = ["on_request"]
    else:
        outcome = "guidance_only"
        found = ["guidance"]
    notes = _notes(answers)
    if answers.trafficking_victim and not in_window:
        notes.insert(0, Message("trafficking_window_waived"))
    registered = answers.unemployed_job_seeker or answers.registered_job_seeker
    return Answer(
        outcome=outcome,
        grounds=tuple(Ground(g, GROUNDS[g]) for g in found),
        authority="employment_authority" if registered else "municipality",
        deadlines=tuple(deadlines),
        next_step=_next_step(answers, outcome, deadlines),
        notes=tuple(notes),
    )
