"""Every sentence the eligibility answer can say, through gettext (English msgids; Finnish, which
is authoritative, and the other languages in `eligibility/locale/`). Keyed by the ids the rules
give, so the rules stay plain Python and every front says the same words."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

OUTCOMES: dict[str, Promise] = {
    "mandatory": _(
        "The assessment of your skills and integration service needs is mandatory for you."
    ),
    "on_request": _(
        "You can get the assessment of your skills and integration service needs if you ask for it and need it."
    ),
    "guidance_only": _(
        "Your first residence permit is over 3 years old: you can get guidance and advice, not the assessment."
    ),
}

GROUNDS: dict[str, Promise] = {
    "unemployed_job_seeker": _("You are an unemployed job seeker."),
    "international_protection": _("You have international protection."),
    "quota_refugee": _("You are a quota refugee."),
    "temporary_protection": _("You have temporary protection and a home municipality."),
    "family_of_protected": _(
        "You are a family member of a person with international protection or of a quota refugee."
    ),
    "unaccompanied_minor": _(
        "You came to Finland as a minor without a guardian, and you are under 23."
    ),
    "trafficking_victim": _("You are a victim of human trafficking."),
    "home_care_allowance": _("You receive child home care allowance."),
    "social_assistance": _("You receive social assistance, not only for a short time."),
    "on_request": _(
        "Anyone whose first permit is at most 3 years old can ask for the assessment; it is made if they need it."
    ),
    "guidance": _("After 3 years you get guidance and advice about services."),
}

AUTHORITIES: dict[str, Promise] = {
    "employment_authority": _(
        "The employment authority (employment services) is responsible for your assessment and plan."
    ),
    "municipality": _("Your municipality is responsible for your assessment and plan."),
}

MESSAGES: dict[str, Promise] = {
    # next steps
    "arrange_assessment": _(
        "Next: the assessment must be started without delay, at the latest by %(date)s."
    ),
    "arrange_assessment_late": _(
        "Next: ask for the assessment. The 3-year limit can be waived for you."
    ),
    "ask_assessment": _("Next: if you need the assessment, ask for it by %(date)s."),
    "requested_assessment": _(
        "Next: you asked for the assessment. The authority checks whether you need it; it must be made by %(date)s."
    ),
    "ask_guidance": _("Next: ask your municipality for guidance and advice."),
    "make_plan": _(
        "Next: your assessment is done. If you need an integration plan, it is made without delay, at the latest by %(date)s."
    ),
    "make_plan_late_trafficking": _(
        "Next: your assessment is done. The 3-year limit for the plan can be waived for you."
    ),
    "plan_time_passed": _(
        "Your assessment is done, but the time for a first integration plan ended on %(date)s. You can get guidance and advice."
    ),
    "follow_plan": _(
        "Next: your plan is made. You are referred to the agreed services by %(referral)s, and the plan is reviewed by %(review)s."
    ),
    "follow_plan_review": _("Next: your plan is made. It must be reviewed by %(review)s."),
    "review_overdue": _("The review of your plan was due by %(date)s. Ask for it now."),
    "plans_ended": _(
        "Your plans reached their maximum length of 2 years on %(date)s, unless the plan was extended."
    ),
    # notes
    "registered_but_employed": _(
        "You are registered as a job seeker but you are not unemployed: the assessment is made if you ask for it and need it."
    ),
    "unemployed_unknown": _(
        "If you are unemployed, the assessment is mandatory for you as a job seeker. Answer whether you are unemployed."
    ),
    "unemployed_not_registered": _(
        "If you register as an unemployed job seeker with employment services, the assessment becomes mandatory for you."
    ),
    "temporary_protection_home_unknown": _(
        "With temporary protection, the assessment is mandatory only if you have a home municipality (kotikunta). Answer that question."
    ),
    "temporary_protection_no_home": _(
        "With temporary protection, the assessment becomes mandatory when you get a home municipality (kotikunta)."
    ),
    "family_not_a_ground": _(
        "Being a family member of a worker, a student or a Finnish citizen does not by itself make the assessment mandatory."
    ),
    "unaccompanied_age_unknown": _(
        "As a person who came as an unaccompanied minor, you are in this group until you turn 23. Give your age."
    ),
    "unaccompanied_over_23": _(
        "You are 23 or older, so coming as an unaccompanied minor no longer makes the assessment mandatory."
    ),
    "under_18": _(
        "You are under 18: your guardian or representative takes part in your assessment and plan."
    ),
    "under_25": _(
        "You are under 25: your plan pays special attention to education and studies (KotoL 18 §)."
    ),
    "trafficking_window_waived": _(
        "As a victim of human trafficking, you can get the assessment and the plan after 3 years if you could be reached only later."
    ),
}

DEADLINES: dict[str, Promise] = {
    "window_end": _(
        "Last day for the assessment and the first integration plan (3 years from the first permit)"
    ),
    "referral": _("Referral to the services agreed in the plan (1 month from the plan)"),
    "review": _("Next review of the plan (at least every 6 months)"),
    "first_plan_end": _("End of the first plan (at most 1 year)"),
    "plans_end": _("End of all plans together (at most 2 years from the first plan)"),
    "extension_end": _("End of a possible extension (at most 2 more years)"),
    "under_25_end": _("End of a possible extra year to finish studies (under 25)"),
}

CONDITIONS: dict[str, Promise] = {
    "trafficking": _(
        "For a victim of human trafficking who could be reached only later, this limit can be waived."
    ),
    "extension": _(
        "Only if the plan is extended: for special reasons, such as not being able to read and write, illness, disability or caring for a child, when it helps your integration."
    ),
    "under_25": _(
        "Only if you are under 25 and your studies are unfinished when the plan reaches its maximum length. If the plan was extended, the extra year ends on %(after_extension)s."
    ),
}

START_DOCUMENTS: dict[str, Promise] = {
    "residence_permit": _("Residence permit"),
    "residence_card": _("Residence card"),
    "eu_registration": _("EU registration of right of residence"),
    "nordic_registration": _("Nordic registration"),
}

BASES: dict[str, Promise] = {
    "international_protection": _("International protection (asylum)"),
    "quota_refugee": _("Quota refugee"),
    "temporary_protection": _("Temporary protection"),
    "family_of_protected": _(
        "Family member of a person with international protection or of a quota refugee"
    ),
    "work": _("Work"),
    "study": _("Study"),
    "family_of_worker_or_student": _("Family member of a worker or a student"),
    "family_of_finnish_citizen": _("Family member of a Finnish citizen"),
    "eu_or_nordic": _("Citizen of an EU or Nordic country"),
    "other": _("Other reason"),
}

FIELDS: dict[str, Promise] = {
    "permit": _("date of the first residence permit"),
    "assessment": _("date of the assessment"),
    "plan": _("date of the integration plan"),
    "review": _("date of the last review"),
    "today": _("today's date"),
    "basis": _("reason for the permit"),
    "start_document": _("first document"),
    "age": _("age"),
    "unemployed_job_seeker": _("unemployed job seeker"),
    "home_municipality": _("home municipality"),
    "home_care_allowance": _("home care allowance"),
    "social_assistance": _("social assistance"),
    "unaccompanied_minor": _("unaccompanied minor"),
    "trafficking_victim": _("victim of trafficking"),
    "requested": _("asked for the assessment"),
    "lang": _("language"),
}

ERRORS: dict[str, Promise] = {
    "bad_date": _(
        "The %(field)s “%(value)s” is not a date. Give it as YYYY-MM-DD, for example 2025-03-31."
    ),
    "too_old": _("The %(field)s %(date)s is too far in the past."),
    "future_date": _("The %(field)s %(date)s is after today (%(today)s)."),
    "before_permit": _("The %(field)s %(date)s is before the first residence permit (%(permit)s)."),
    "plan_before_assessment": _(
        "The plan date %(date)s is before the assessment date %(assessment)s."
    ),
    "review_without_plan": _("A review date needs the date of the plan."),
    "review_before_plan": _("The review date %(date)s is before the plan date %(plan)s."),
    "missing_permit": _(
        "Give the date of the first residence permit, residence card or registration."
    ),
    "bad_choice": _("The %(field)s “%(value)s” is not one of: %(allowed)s."),
    "bad_yes_no": _("Answer yes or no for %(field)s, not “%(value)s”."),
    "bad_age": _("Give the age in whole years (0–130), not “%(value)s”."),
    "bad_option": _("This option is not known or is incomplete: %(value)s"),
}

UI: dict[str, Promise] = {
    "assessment": _("Assessment"),
    "mandatory": _("mandatory"),
    "not_mandatory": _("not mandatory"),
    "grounds": _("Grounds"),
    "deadlines": _("Dates set by law"),
    "passed": _("passed"),
    "condition": _("Condition"),
    "messages": _("What this means for you"),
}
