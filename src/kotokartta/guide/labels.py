"""Interface words of the wizard (residence bases, age groups), through gettext. The programme's
vocabulary (statuses, modes, client groups, phases, roles…) is named in `programme.labels`; the
names below are kept for the modules that import them from here."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kotokartta.programme.labels import CLIENT, CLIENT_SHORT, MODE, STATUS

__all__ = [
    "AGE_GROUP",
    "AGE_GROUP_AGE",
    "CLIENT",
    "CLIENT_SHORT",
    "MODE",
    "RESIDENCE_BASIS",
    "STATUS",
]

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
