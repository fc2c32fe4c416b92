"""Plain-language texts of the eligibility and timeline rules, for gettext.

Generated from `kotokartta.eligibility.rules.DESCRIPTIONS` (English msgids; Finnish comes from
the same table). A test checks that the two stay in step."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RULE_TEXTS: dict[str, Promise] = {
    "job_seeker": _(
        "You are an unemployed job seeker. The employment authority makes the assessment."
    ),
    "quota_refugee": _("You are a quota refugee."),
    "international_protection": _("You have been granted international protection."),
    "temporary_protection": _("You have temporary protection and a municipality of residence."),
    "family_reunification": _(
        "You are a family member of a person with protection or of a quota refugee."
    ),
    "unaccompanied_minor_protection": _(
        "You came to Finland as a minor without a guardian, and your permit is based on protection."
    ),
    "unaccompanied_minor": _(
        "You came to Finland as a minor without a guardian, and you are under 23."
    ),
    "child_home_care_allowance": _("You receive child home care allowance."),
    "long_term_social_assistance": _(
        "You receive social assistance, and not only for a short time."
    ),
    "trafficking_victim": _("You are a victim of human trafficking."),
    "on_request": _("You can ask for the assessment if you need it."),
    "asked_for_assessment": _("You asked for the assessment. It is made if you need it."),
    "group_not_answered": _(
        "Not every question was answered. The assessment is mandatory for example for an unemployed job seeker and for a person with protection."
    ),
    "permit_over_3_years": _(
        "Your first residence permit is over 3 years old. You get guidance and advice."
    ),
    "permit_date_unknown": _(
        "The date of the first residence permit is missing. The assessment is mandatory only if the permit is at most 3 years old and you are an unemployed job seeker, have protection, are a quota refugee or a family member of these, receive child home care allowance or long-term social assistance, came as an unaccompanied minor and are under 23, or are a victim of human trafficking."
    ),
    "assessment_window_ends": _(
        "The last day on which the first residence permit is at most 3 years old."
    ),
    "plan_latest": _(
        "The integration plan must be made at the latest 3 years after the first permit."
    ),
    "referral_by": _("Referral to the agreed service at the latest 1 month after the plan."),
    "review": _("The plan is reviewed at least every 6 months."),
    "first_plan_ends": _("The first plan lasts at most 1 year."),
    "all_plans_end": _("All plans together last at most 2 years from the start of the first plan."),
    "extension_ends": _(
        "The plan can be extended by at most 2 years. The extension ends at the latest on this date."
    ),
    "studies_extension_ends": _(
        "For a person under 25 the plan can be extended by 1 year to finish studies."
    ),
    "assessment_without_delay": _("The assessment starts without delay."),
    "plan_without_delay": _("The plan is made without delay after the assessment."),
    "civic_orientation_hours": _("Multilingual civic orientation lasts at least 70 hours."),
}
