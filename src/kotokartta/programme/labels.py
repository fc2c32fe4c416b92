"""Interface words for the vocabulary (statuses, modes, client groups, residence bases), through
gettext so that every interface language has them."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STATUS: dict[str, Promise] = {
    "available": _("Available"),
    "planned": _("Planned"),
    "on_need": _("Arranged if needed"),
    "not_organised": _("Not organised"),
    "undetermined": _("Open: not yet agreed or not described"),
}
MODE: dict[str, Promise] = {
    "in_person": _("In person"),
    "remote": _("Remote"),
    "hybrid": _("Hybrid: in person with a remote connection"),
}
CLIENT: dict[str, Promise] = {
    "job-seeker": _("Job seeker (registered with employment services)"),
    "other": _("Not a job seeker"),
}
CLIENT_SHORT: dict[str, Promise] = {
    "job-seeker": _("Job seeker"),
    "other": _("Other newcomer"),
}
RESIDENCE_BASIS: dict[str, Promise] = {
    "quota_refugee": _("Quota refugee"),
    "temporary_protection": _("Temporary protection"),
    "international_protection": _("International protection (asylum)"),
    "family_reunification": _("Family reunification"),
    "unaccompanied_minor": _("Came to Finland as an unaccompanied minor"),
    "work": _("Work"),
    "study": _("Study"),
    "family_member": _("Family member of someone who works or studies here"),
}
AGE_GROUP: dict[str, Promise] = {
    "under-18": _("Under 18"),
    "18-24": _("18–24"),
    "25-64": _("25–64"),
    "65-plus": _("65 or older"),
}
# A representative age for each group, for the rules that depend on age (under 25, under 23).
AGE_GROUP_AGE: dict[str, int] = {"under-18": 17, "18-24": 20, "25-64": 40, "65-plus": 70}
