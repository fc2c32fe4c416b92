"""Answers from text, the same way for the command line and the API: every value is checked and
every problem is an `InputError` with a code, never a traceback. Plain Python."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from kotokartta.eligibility.rules import BASES, Answers, InputError

YES = frozenset({"yes", "true", "1", "on"})
NO = frozenset({"no", "false", "0", "off"})

DATE_FIELDS = ("permit", "assessment", "plan", "review", "today")
FLAG_FIELDS = (
    "home_care_allowance",
    "social_assistance",
    "unaccompanied_minor",
    "trafficking_victim",
    "requested",
)
YES_NO_FIELDS = ("unemployed_job_seeker", "home_municipality")
FIELDS = (
    "permit",
    "basis",
    "unemployed_job_seeker",
    "age",
    "home_municipality",
    *FLAG_FIELDS,
    "assessment",
    "plan",
    "review",
    "today",
)


def parse_date(field: str, text: str) -> date:
    """An ISO date (YYYY-MM-DD); 2024-02-30 and 2024-13-01 are errors."""
    value = text.strip()
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise InputError("bad_date", field, value=value[:40])
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError("bad_date", field, value=value[:40]) from None


def parse_yes_no(field: str, text: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise InputError("bad_yes_no", field, value=text[:40])


def parse_age(text: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 3:
        raise InputError("bad_age", "age", value=value[:40])
    return int(value)


def answers_from(
    values: Mapping[str, str | None], *, today: date, empty_is_unanswered: bool = True
) -> Answers:
    """Answers from text values keyed by `FIELDS` (missing, or empty from a form: not answered).

    `today` is used unless `values["today"]` fixes another date. Flags take yes/no words. With
    `empty_is_unanswered=False` (the API, where a parameter is either given or left out), an empty
    value is checked like any other and so rejected with the field's own message.
    """
    given = {
        k: v
        for k, v in values.items()
        if v is not None and (not empty_is_unanswered or str(v).strip() != "")
    }
    for name in DATE_FIELDS:
        if name in given:
            parse_date(name, given[name])  # report a bad date before a missing permit
    if "permit" not in given:
        raise InputError("missing_permit", "permit")
    dates = {name: parse_date(name, given[name]) if name in given else None for name in DATE_FIELDS}
    basis = given.get("basis")
    if basis is not None and basis.strip() not in BASES:
        raise InputError("bad_choice", "basis", value=basis[:40], allowed=" ".join(BASES))
    yes_no = {
        name: parse_yes_no(name, given[name]) if name in given else None for name in YES_NO_FIELDS
    }
    flags = {
        name: parse_yes_no(name, given[name]) if name in given else False for name in FLAG_FIELDS
    }
    permit = dates["permit"]
    assert permit is not None
    return Answers(
        today=dates["today"] or today,
        permit=permit,
        basis=basis.strip() if basis else None,
        unemployed_job_seeker=yes_no["unemployed_job_seeker"],
        home_municipality=yes_no["home_municipality"],
        age=parse_age(given["age"]) if "age" in given else None,
        assessment=dates["assessment"],
        plan=dates["plan"],
        review=dates["review"],
        home_care_allowance=flags["home_care_allowance"],
        social_assistance=flags["social_assistance"],
        unaccompanied_minor=flags["unaccompanied_minor"],
        trafficking_victim=flags["trafficking_victim"],
        requested=flags["requested"],
    )
