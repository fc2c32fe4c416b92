"""Who must get the assessment of skills and integration service needs, and the plan's deadlines.

Plain Python (no Django, no clock): "today" is always given by the caller, so the same answers
always give the same result. The law is KotoL = laki kotoutumisen edistämisestä 681/2023 as
amended by 322/2024 and 1100/2024; only the rules written down here are applied.

Two entry points:

- `assess_eligibility(answers)` decides whether the assessment (14 §) is mandatory, available on
  request, replaced by guidance and advice only (10 §), or cannot be decided without the date of
  the first residence permit.
- `statutory_timeline(...)` lists every statutory date that follows from the dates given: the
  latest plan date (20 §), referral (1 month after the plan), reviews (22 §), plan periods and
  extensions (23 § and 31 §).

Periods in months and years end on the same day number as they start; when the month has no such
day, on its last day (31 January + 1 month = 28 or 29 February; 29 February + 1 year =
28 February). Every code has a short Finnish and English text in `DESCRIPTIONS`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

from kotokartta.programme.vocabulary import ResidenceBasis

Outcome = Literal["mandatory", "on_request", "guidance_only", "unknown"]
Authority = Literal["employment_authority", "municipality"]
Basis = Literal["first_permit", "plan"]

PERMIT_WINDOW_YEARS: Final = 3
UNACCOMPANIED_MINOR_AGE_LIMIT: Final = 23
STUDIES_EXTENSION_AGE_LIMIT: Final = 25
REFERRAL_MONTHS: Final = 1
REVIEW_INTERVAL_MONTHS: Final = 6
FIRST_PLAN_YEARS: Final = 1
ALL_PLANS_YEARS: Final = 2
EXTENSION_YEARS: Final = 2
STUDIES_EXTENSION_YEARS: Final = 1
CIVIC_ORIENTATION_MIN_HOURS: Final = 70

PROTECTION_BASES: Final[frozenset[ResidenceBasis]] = frozenset(
    {
        ResidenceBasis.QUOTA_REFUGEE,
        ResidenceBasis.TEMPORARY_PROTECTION,
        ResidenceBasis.INTERNATIONAL_PROTECTION,
        ResidenceBasis.FAMILY_REUNIFICATION,
        ResidenceBasis.UNACCOMPANIED_MINOR,
    }
)
"""Residence bases that put a person in the groups of KotoL 2 § 3–4 mom.

- `quota_refugee`: a quota refugee (2 § 3 mom.).
- `international_protection`: a person granted international protection (2 § 3 mom.).
- `temporary_protection`: a person with temporary protection who has a municipality of residence
  (kotikunta) (2 § 3 mom.). `Answers` has no question about the municipality of residence; the
  service is for residents of its municipalities, so the rule assumes they have one.
- `family_reunification`: a family member of one of the above, with a permit on that basis
  (2 § 4 mom.).
- `unaccompanied_minor`: a person who came as an unaccompanied minor; the permit of such a person
  follows an application for protection, so they are in the same groups (2 § 3–4 mom.). Under 23
  they are also a group of their own in 14 § 1 mom.

Not in these groups: `work`, `study`, and `family_member` (a family member of a work or study
migrant). Such a person's assessment is mandatory only on another ground (for example as an
unemployed job seeker), otherwise available on request.
"""

# ----------------------------------------------------------------------------------- codes

REASON_LAWS: Final[dict[str, str]] = {
    "job_seeker": "KotoL 14 § 1 mom., 3 §",
    "quota_refugee": "KotoL 14 § 1 mom., 2 § 3–4 mom.",
    "international_protection": "KotoL 14 § 1 mom., 2 § 3–4 mom.",
    "temporary_protection": "KotoL 14 § 1 mom., 2 § 3–4 mom.",
    "family_reunification": "KotoL 14 § 1 mom., 2 § 3–4 mom.",
    "unaccompanied_minor_protection": "KotoL 14 § 1 mom., 2 § 3–4 mom.",
    "unaccompanied_minor": "KotoL 14 § 1 mom.",
    "child_home_care_allowance": "KotoL 14 § 1 mom.",
    "long_term_social_assistance": "KotoL 14 § 1 mom.",
    "trafficking_victim": "KotoL 14 § 1 mom.",
    "on_request": "KotoL 14 §",
    "asked_for_assessment": "KotoL 14 §",
    "group_not_answered": "KotoL 14 § 1 mom.",
    "permit_over_3_years": "KotoL 10 §",
    "permit_date_unknown": "KotoL 14 § 1 mom.",
}
"""Every reason code and the law it rests on, in the order reasons are listed."""

MANDATORY_REASONS: Final[frozenset[str]] = frozenset(
    {
        "job_seeker",
        "quota_refugee",
        "international_protection",
        "temporary_protection",
        "family_reunification",
        "unaccompanied_minor_protection",
        "unaccompanied_minor",
        "child_home_care_allowance",
        "long_term_social_assistance",
        "trafficking_victim",
    }
)
"""Reason codes that make the assessment mandatory when the first permit is ≤ 3 years old."""

DEADLINE_LAWS: Final[dict[str, str]] = {
    "assessment_window_ends": "KotoL 14 § 1 mom.",
    "plan_latest": "KotoL 20 §",
    "referral_by": "KotoL 20 §",
    "review": "KotoL 22 §",
    "first_plan_ends": "KotoL 23 §",
    "all_plans_end": "KotoL 23 §",
    "extension_ends": "KotoL 23 §",
    "studies_extension_ends": "KotoL 31 §",
}
"""Every deadline code and its law; on the same date, deadlines are listed in this order."""

FACT_LAWS: Final[dict[str, str]] = {
    "assessment_without_delay": "KotoL 14 §",
    "plan_without_delay": "KotoL 20 §",
    "civic_orientation_hours": "KotoL 25 §, asetus 576/2024",
}
"""Statutory facts that are not dates."""

DESCRIPTIONS: Final[dict[str, tuple[str, str]]] = {
    # reasons
    "job_seeker": (
        "Olet työtön työnhakija. Työvoimaviranomainen tekee arvioinnin.",
        "You are an unemployed job seeker. The employment authority makes the assessment.",
    ),
    "quota_refugee": ("Olet kiintiöpakolainen.", "You are a quota refugee."),
    "international_protection": (
        "Olet saanut kansainvälistä suojelua.",
        "You have been granted international protection.",
    ),
    "temporary_protection": (
        "Saat tilapäistä suojelua, ja sinulla on kotikunta.",
        "You have temporary protection and a municipality of residence.",
    ),
    "family_reunification": (
        "Olet suojelua saavan tai kiintiöpakolaisen perheenjäsen.",
        "You are a family member of a person with protection or of a quota refugee.",
    ),
    "unaccompanied_minor_protection": (
        "Tulit Suomeen alaikäisenä ilman huoltajaa, ja lupasi perustuu suojeluun.",
        "You came to Finland as a minor without a guardian, and your permit is based on "
        "protection.",
    ),
    "unaccompanied_minor": (
        "Tulit Suomeen alaikäisenä ilman huoltajaa, ja olet alle 23-vuotias.",
        "You came to Finland as a minor without a guardian, and you are under 23.",
    ),
    "child_home_care_allowance": (
        "Saat lasten kotihoidon tukea.",
        "You receive child home care allowance.",
    ),
    "long_term_social_assistance": (
        "Saat toimeentulotukea muuten kuin tilapäisesti.",
        "You receive social assistance, and not only for a short time.",
    ),
    "trafficking_victim": ("Olet ihmiskaupan uhri.", "You are a victim of human trafficking."),
    "on_request": (
        "Voit pyytää arviointia, jos tarvitset sitä.",
        "You can ask for the assessment if you need it.",
    ),
    "asked_for_assessment": (
        "Pyysit arviointia. Se tehdään, jos tarvitset sitä.",
        "You asked for the assessment. It is made if you need it.",
    ),
    "group_not_answered": (
        "Kaikkiin kysymyksiin ei vastattu. Arviointi on pakollinen esimerkiksi työttömälle "
        "työnhakijalle ja suojelua saavalle.",
        "Not every question was answered. The assessment is mandatory for example for an "
        "unemployed job seeker and for a person with protection.",
    ),
    "permit_over_3_years": (
        "Ensimmäisestä oleskeluluvastasi on yli 3 vuotta. Saat ohjausta ja neuvontaa.",
        "Your first residence permit is over 3 years old. You get guidance and advice.",
    ),
    "permit_date_unknown": (
        "Ensimmäisen oleskeluluvan päivä puuttuu. Arviointi on pakollinen vain, jos luvasta on "
        "enintään 3 vuotta ja olet työtön työnhakija, suojelua saava, kiintiöpakolainen tai "
        "heidän perheenjäsenensä, lasten kotihoidon tuen tai pitkäaikaisen toimeentulotuen "
        "saaja, alaikäisenä ilman huoltajaa tullut alle 23-vuotias tai ihmiskaupan uhri.",
        "The date of the first residence permit is missing. The assessment is mandatory only if "
        "the permit is at most 3 years old and you are an unemployed job seeker, have "
        "protection, are a quota refugee or a family member of these, receive child home care "
        "allowance or long-term social assistance, came as an unaccompanied minor and are "
        "under 23, or are a victim of human trafficking.",
    ),
    # deadlines
    "assessment_window_ends": (
        "Viimeinen päivä, jolloin ensimmäisestä oleskeluluvasta on enintään 3 vuotta.",
        "The last day on which the first residence permit is at most 3 years old.",
    ),
    "plan_latest": (
        "Kotoutumissuunnitelma on tehtävä viimeistään 3 vuoden kuluttua ensimmäisestä luvasta.",
        "The integration plan must be made at the latest 3 years after the first permit.",
    ),
    "referral_by": (
        "Ohjaus sovittuun palveluun viimeistään kuukauden kuluttua suunnitelmasta.",
        "Referral to the agreed service at the latest 1 month after the plan.",
    ),
    "review": (
        "Suunnitelma tarkistetaan vähintään 6 kuukauden välein.",
        "The plan is reviewed at least every 6 months.",
    ),
    "first_plan_ends": (
        "Ensimmäinen suunnitelma on voimassa enintään vuoden.",
        "The first plan lasts at most 1 year.",
    ),
    "all_plans_end": (
        "Suunnitelmat ovat voimassa yhteensä enintään 2 vuotta ensimmäisen suunnitelman alusta.",
        "All plans together last at most 2 years from the start of the first plan.",
    ),
    "extension_ends": (
        "Suunnitelmaa voi pidentää enintään 2 vuodella. Pidennys päättyy viimeistään tänä päivänä.",
        "The plan can be extended by at most 2 years. The extension ends at the latest on "
        "this date.",
    ),
    "studies_extension_ends": (
        "Alle 25-vuotiaan suunnitelmaa voi pidentää vuodella opintojen loppuun saattamiseksi.",
        "For a person under 25 the plan can be extended by 1 year to finish studies.",
    ),
    # facts
    "assessment_without_delay": (
        "Arviointi aloitetaan viipymättä.",
        "The assessment starts without delay.",
    ),
    "plan_without_delay": (
        "Suunnitelma tehdään viipymättä arvioinnin jälkeen.",
        "The plan is made without delay after the assessment.",
    ),
    "civic_orientation_hours": (
        "Monikielinen yhteiskuntaorientaatio kestää vähintään 70 tuntia.",
        "Multilingual civic orientation lasts at least 70 hours.",
    ),
}
"""Code → (Finnish, English): short plain-language texts for the CLI and translations."""

OUTCOME_NAMES: Final[dict[str, tuple[str, str]]] = {
    "mandatory": ("arviointi on pakollinen", "the assessment is mandatory"),
    "on_request": ("arviointi pyynnöstä", "the assessment on request"),
    "guidance_only": ("ohjaus ja neuvonta", "guidance and advice"),
    "unknown": ("ei voida ratkaista ilman luvan päivää", "cannot be decided without the date"),
}

AUTHORITY_NAMES: Final[dict[str, tuple[str, str]]] = {
    "employment_authority": ("työvoimaviranomainen", "employment authority"),
    "municipality": ("kunta", "municipality"),
}


def describe(code: str, lang: str = "fi") -> str:
    """The plain-language text of a reason, deadline or fact code (Finnish unless lang="en")."""
    fi, en = DESCRIPTIONS[code]
    return en if lang == "en" else fi


# ------------------------------------------------------------------------------ date maths


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months; a missing day number becomes the month's last.

    31 January + 1 month = 28 February (29 in a leap year); 31 August + 6 months = 28/29 February.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """`day` moved by `years` years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


# ------------------------------------------------------------------------------ eligibility


class RulesError(ValueError):
    """Input the rules cannot use; the message says what is wrong and can be shown as is."""


class AnswersError(RulesError):
    """The answers contradict themselves (a permit in the future, a negative age)."""


class TimelineError(RulesError):
    """The dates given for a timeline are impossible (a plan before the permit, ...)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Answers:
    """What the person told us; None means "not answered".

    `job_seeker` means an unemployed job seeker registered with the employment authority.
    `long_term_social_assistance` means social assistance (toimeentulotuki) received not only
    temporarily. `age` is the age today.
    """

    today: date
    first_permit_date: date | None
    job_seeker: bool | None
    residence_basis: ResidenceBasis | None
    age: int | None
    child_home_care_allowance: bool = False
    long_term_social_assistance: bool = False
    trafficking_victim: bool = False
    asks_for_assessment: bool = False

    def __post_init__(self) -> None:
        if self.first_permit_date is not None and self.first_permit_date > self.today:
            raise AnswersError(
                f"the first residence permit date {self.first_permit_date.isoformat()} is "
                f"after today ({self.today.isoformat()})"
            )
        if self.age is not None and self.age < 0:
            raise AnswersError(f"age must not be negative, got {self.age}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Reason:
    """One ground for the outcome: a stable code, its law, and when the 3-year window ends."""

    code: str
    law: str
    permit_age_limit: date | None = None

    def description(self, lang: str = "fi") -> str:
        return describe(self.code, lang)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "law": self.law,
            "permit_age_limit": self.permit_age_limit.isoformat()
            if self.permit_age_limit
            else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Eligibility:
    """The answer: the outcome, every reason for it, and who makes the assessment."""

    outcome: Outcome
    reasons: tuple[Reason, ...]
    authority: Authority
    starts_without_delay: bool

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(reason.code for reason in self.reasons)

    @property
    def permit_age_limit(self) -> date | None:
        """The last day on which the first permit is at most 3 years old (None if unknown)."""
        return next((r.permit_age_limit for r in self.reasons if r.permit_age_limit), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "reasons": [reason.as_dict() for reason in self.reasons],
            "authority": self.authority,
            "starts_without_delay": self.starts_without_delay,
        }


def permit_age_limit(first_permit_date: date) -> date:
    """The last day on which a permit of this date is "at most 3 years" old."""
    return add_years(first_permit_date, PERMIT_WINDOW_YEARS)


def mandatory_grounds(answers: Answers) -> tuple[str, ...]:
    """The 14 § 1 mom. groups the person belongs to, whatever the permit's age."""
    grounds: list[str] = []
    if answers.job_seeker:
        grounds.append("job_seeker")
    basis = answers.residence_basis
    if basis is ResidenceBasis.UNACCOMPANIED_MINOR:
        grounds.append("unaccompanied_minor_protection")
        if answers.age is None or answers.age < UNACCOMPANIED_MINOR_AGE_LIMIT:
            grounds.append("unaccompanied_minor")
    elif basis is not None and basis in PROTECTION_BASES:
        grounds.append(basis.value)
    if answers.child_home_care_allowance:
        grounds.append("child_home_care_allowance")
    if answers.long_term_social_assistance:
        grounds.append("long_term_social_assistance")
    if answers.trafficking_victim:
        grounds.append("trafficking_victim")
    return tuple(grounds)


def assess_eligibility(answers: Answers) -> Eligibility:
    """Is the assessment of skills and integration service needs (KotoL 14 §) for this person?

    - first permit at most 3 years old (the last day counts) and in a 14 § 1 mom. group:
      "mandatory", one reason per group;
    - at most 3 years old and in no group: "on_request" (made if they ask and need it);
    - over 3 years old: "guidance_only" (guidance and advice, 10 §);
    - no permit date: "unknown", with the 3-year rule and the groups the person is in.

    The employment authority is responsible for job seekers, the municipality for everyone else.
    """
    authority: Authority = "employment_authority" if answers.job_seeker else "municipality"
    grounds = mandatory_grounds(answers)
    unanswered = answers.job_seeker is None or answers.residence_basis is None

    if answers.first_permit_date is None:
        reasons = [Reason(code="permit_date_unknown", law=REASON_LAWS["permit_date_unknown"])]
        reasons += [Reason(code=code, law=REASON_LAWS[code]) for code in grounds]
        return Eligibility(
            outcome="unknown",
            reasons=tuple(reasons),
            authority=authority,
            starts_without_delay=False,
        )

    limit = permit_age_limit(answers.first_permit_date)
    if answers.today > limit:
        return Eligibility(
            outcome="guidance_only",
            reasons=(
                Reason(
                    code="permit_over_3_years",
                    law=REASON_LAWS["permit_over_3_years"],
                    permit_age_limit=limit,
                ),
            ),
            authority=authority,
            starts_without_delay=False,
        )

    if grounds:
        return Eligibility(
            outcome="mandatory",
            reasons=tuple(
                Reason(code=code, law=REASON_LAWS[code], permit_age_limit=limit) for code in grounds
            ),
            authority=authority,
            starts_without_delay=True,
        )

    request = "asked_for_assessment" if answers.asks_for_assessment else "on_request"
    reasons = [Reason(code=request, law=REASON_LAWS[request], permit_age_limit=limit)]
    if unanswered:
        reasons.append(
            Reason(
                code="group_not_answered",
                law=REASON_LAWS["group_not_answered"],
                permit_age_limit=limit,
            )
        )
    return Eligibility(
        outcome="on_request",
        reasons=tuple(reasons),
        authority=authority,
        starts_without_delay=answers.asks_for_assessment,
    )


# ------------------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    """A statutory date, the law that sets it, and which given date it is counted from."""

    code: str
    date: date
    law: str
    basis: Basis

    def description(self, lang: str = "fi") -> str:
        return describe(self.code, lang)

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "date": self.date.isoformat(),
            "law": self.law,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """A statutory fact that is not a date, such as the minimum length of civic orientation."""

    code: str
    law: str
    value: int | None = None
    unit: str | None = None


FACTS: Final[tuple[Fact, ...]] = (
    Fact(code="assessment_without_delay", law=FACT_LAWS["assessment_without_delay"]),
    Fact(code="plan_without_delay", law=FACT_LAWS["plan_without_delay"]),
    Fact(
        code="civic_orientation_hours",
        law=FACT_LAWS["civic_orientation_hours"],
        value=CIVIC_ORIENTATION_MIN_HOURS,
        unit="hours",
    ),
)
CIVIC_ORIENTATION: Final[Fact] = FACTS[2]


def age_at(on: date, *, birth_year: int) -> int:
    """The lowest age a person born in `birth_year` can have on `on` (birthday not yet passed).

    Used for the under-25 rule when only the birth year is known: the person is taken to be
    under 25 whenever they can be.
    """
    return on.year - birth_year - 1


def _deadline(code: str, day: date, basis: Basis) -> Deadline:
    return Deadline(code=code, date=day, law=DEADLINE_LAWS[code], basis=basis)


def _check(
    first_permit_date: date | None,
    assessment_date: date | None,
    plan_date: date | None,
    age_at_plan: int | None,
) -> None:
    if first_permit_date is not None:
        latest = add_years(first_permit_date, PERMIT_WINDOW_YEARS)
        for name, day in (("assessment", assessment_date), ("plan", plan_date)):
            if day is None:
                continue
            if day < first_permit_date:
                raise TimelineError(
                    f"the {name} date {day.isoformat()} is before the first residence permit "
                    f"date {first_permit_date.isoformat()}"
                )
            if day > latest:
                raise TimelineError(
                    f"the {name} date {day.isoformat()} is more than 3 years after the first "
                    f"residence permit ({first_permit_date.isoformat()}); the last possible "
                    f"date is {latest.isoformat()}"
                )
    if assessment_date is not None and plan_date is not None and assessment_date > plan_date:
        raise TimelineError(
            f"the assessment date {assessment_date.isoformat()} is after the plan date "
            f"{plan_date.isoformat()}; the plan is made after the assessment"
        )
    if age_at_plan is not None and age_at_plan < 0:
        raise TimelineError(f"the age at the plan date must not be negative, got {age_at_plan}")


def statutory_timeline(
    *,
    first_permit_date: date | None,
    assessment_date: date | None,
    plan_date: date | None,
    age_at_plan: int | None = None,
    birth_year: int | None = None,
    extended: bool = False,
) -> tuple[Deadline, ...]:
    """Every statutory date that follows from the dates given, in date order.

    From the first permit: `assessment_window_ends` and `plan_latest` (permit + 3 years). From
    the plan date (the start of the first plan): `referral_by` (+1 month), `review` (+6, 12,
    18 … months, every review date before the maximum end), `first_plan_ends` (+1 year),
    `all_plans_end` (+2 years), `extension_ends` (+4 years, only when `extended`) and
    `studies_extension_ends` (one more year on top of the applicable end, when the person is
    under 25 on the plan date). The age comes from `age_at_plan`, or else from `birth_year`
    (see `age_at`). The assessment date only takes part in the checks: the plan follows it
    "without delay", which is no date.

    Raises `TimelineError` for impossible dates: an assessment or plan before the first permit
    or more than 3 years after it, an assessment after the plan, a negative age or an age that
    does not fit the birth year.
    """
    if age_at_plan is None and birth_year is not None and plan_date is not None:
        age_at_plan = age_at(plan_date, birth_year=birth_year)
    elif age_at_plan is not None and birth_year is not None and plan_date is not None:
        lowest = age_at(plan_date, birth_year=birth_year)
        if age_at_plan not in (lowest, lowest + 1):
            raise TimelineError(
                f"an age of {age_at_plan} on {plan_date.isoformat()} does not fit the birth "
                f"year {birth_year}"
            )
    _check(first_permit_date, assessment_date, plan_date, age_at_plan)

    deadlines: list[Deadline] = []
    if first_permit_date is not None:
        latest = add_years(first_permit_date, PERMIT_WINDOW_YEARS)
        deadlines.append(_deadline("assessment_window_ends", latest, "first_permit"))
        deadlines.append(_deadline("plan_latest", latest, "first_permit"))

    if plan_date is not None:
        deadlines.append(_deadline("referral_by", add_months(plan_date, REFERRAL_MONTHS), "plan"))
        deadlines.append(
            _deadline("first_plan_ends", add_years(plan_date, FIRST_PLAN_YEARS), "plan")
        )
        end = add_years(plan_date, ALL_PLANS_YEARS)
        deadlines.append(_deadline("all_plans_end", end, "plan"))
        if extended:
            end = add_years(plan_date, ALL_PLANS_YEARS + EXTENSION_YEARS)
            deadlines.append(_deadline("extension_ends", end, "plan"))
        if age_at_plan is not None and age_at_plan < STUDIES_EXTENSION_AGE_LIMIT:
            end = add_years(end, STUDIES_EXTENSION_YEARS)
            deadlines.append(_deadline("studies_extension_ends", end, "plan"))
        months = REVIEW_INTERVAL_MONTHS
        while (review := add_months(plan_date, months)) < end:
            deadlines.append(_deadline("review", review, "plan"))
            months += REVIEW_INTERVAL_MONTHS

    order = {code: index for index, code in enumerate(DEADLINE_LAWS)}
    return tuple(sorted(deadlines, key=lambda d: (d.date, order[d.code])))
