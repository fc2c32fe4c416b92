"""The data diff's words (`diff.py`), through gettext: headings, change groups and field names.

The English msgid is the English text; the documents app's catalogue holds them in Finnish (the
reviewed words) and Swedish, the languages the staff's review pages show besides English. The
contexts ("data diff", "data diff, field") keep short words ("yes", "name") apart from the
guide's. `texts(lang)` reads them all in one language.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import npgettext_lazy, pgettext_lazy

GROUPS = (
    "area",
    "municipality",
    "coordinator",
    "provision",
    "activity",
    "flag",
    "organisation",
    "place",
    "role",
    "cooperation",
    "document",
)

EMPTY = "–"  # an empty value, in every language

TEXTS: dict[str, Promise] = {
    "heading": pgettext_lazy("data diff", "Changes: {old} → {new}"),
    "none": pgettext_lazy("data diff", "No changes."),
    "area": pgettext_lazy("data diff", "The whole employment area"),
    "added": pgettext_lazy("data diff", "added"),
    "removed": pgettext_lazy("data diff", "removed"),
    "changed": pgettext_lazy("data diff", "changed"),
    "yes": pgettext_lazy("data diff", "yes"),
    "no": pgettext_lazy("data diff", "no"),
    "residence": pgettext_lazy("data diff", "the person's home municipality"),
    "group_area": pgettext_lazy("data diff", "Area record"),
    "group_municipality": pgettext_lazy("data diff", "Municipality record"),
    "group_coordinator": pgettext_lazy("data diff", "Coordinators"),
    "group_activity": pgettext_lazy("data diff", "Activities and projects"),
    "group_flag": pgettext_lazy("data diff", "Data-quality flags"),
    "group_organisation": pgettext_lazy("data diff", "Organisations and units"),
    "group_place": pgettext_lazy("data diff", "Places"),
    "group_role": pgettext_lazy("data diff", "Roles"),
    "group_cooperation": pgettext_lazy("data diff", "Cooperation bodies"),
    "group_document": pgettext_lazy("data diff", "Source document"),
    "document_changed": pgettext_lazy(
        "data diff",
        "The source document's text ({file}) has changed "
        "(lines removed: {removed}, added: {added}).",
    ),
}

COUNT = npgettext_lazy("data diff", "{count} change.", "{count} changes.", "count")

# The records' fields, by field name.
FIELD_LABELS: dict[str, Promise] = {
    "phase": pgettext_lazy("data diff, field", "phase"),
    "clients": pgettext_lazy("data diff, field", "client groups"),
    "status": pgettext_lazy("data diff, field", "status"),
    "responsible": pgettext_lazy("data diff, field", "responsible municipality"),
    "provider": pgettext_lazy("data diff, field", "provider"),
    "role": pgettext_lazy("data diff, field", "role"),
    "alternative_roles": pgettext_lazy("data diff, field", "alternative roles"),
    "purchased": pgettext_lazy("data diff, field", "purchased"),
    "places": pgettext_lazy("data diff, field", "places"),
    "modes": pgettext_lazy("data diff, field", "modes"),
    "partners": pgettext_lazy("data diff, field", "partners"),
    "languages": pgettext_lazy("data diff, field", "languages"),
    "target_groups": pgettext_lazy("data diff, field", "target groups"),
    "activity": pgettext_lazy("data diff, field", "activity"),
    "condition": pgettext_lazy("data diff, field", "condition"),
    "details": pgettext_lazy("data diff, field", "details"),
    "planned_from": pgettext_lazy("data diff, field", "planned from"),
    "municipalities": pgettext_lazy("data diff, field", "municipalities"),
    "source": pgettext_lazy("data diff, field", "source"),
    "owner": pgettext_lazy("data diff, field", "file"),
    "code": pgettext_lazy("data diff, field", "code"),
    "name": pgettext_lazy("data diff, field", "name"),
    "aliases": pgettext_lazy("data diff, field", "aliases"),
    "wellbeing_county": pgettext_lazy("data diff, field", "wellbeing services county"),
    "receives_quota_refugees": pgettext_lazy("data diff, field", "receives quota refugees"),
    "title": pgettext_lazy("data diff, field", "title"),
    "email": pgettext_lazy("data diff, field", "e-mail"),
    "organisation": pgettext_lazy("data diff, field", "organisation"),
    "unit": pgettext_lazy("data diff, field", "unit"),
    "kind": pgettext_lazy("data diff, field", "kind"),
    "subject": pgettext_lazy("data diff, field", "subject"),
    "text": pgettext_lazy("data diff, field", "text"),
    "organisers": pgettext_lazy("data diff, field", "organisers"),
    "phases": pgettext_lazy("data diff, field", "phases"),
    "period": pgettext_lazy("data diff, field", "period"),
    "description": pgettext_lazy("data diff, field", "description"),
    "units": pgettext_lazy("data diff, field", "units"),
    "municipality": pgettext_lazy("data diff, field", "municipality"),
    "address": pgettext_lazy("data diff, field", "address"),
    "postal_code": pgettext_lazy("data diff, field", "postal code"),
    "latitude": pgettext_lazy("data diff, field", "latitude"),
    "longitude": pgettext_lazy("data diff, field", "longitude"),
    "appointed_by": pgettext_lazy("data diff, field", "appointed by"),
    "members": pgettext_lazy("data diff, field", "members"),
    "tasks": pgettext_lazy("data diff, field", "tasks"),
    "document": pgettext_lazy("data diff, field", "source document"),
    "data_date": pgettext_lazy("data diff, field", "data date"),
    "file": pgettext_lazy("data diff, field", "file"),
    "publisher": pgettext_lazy("data diff, field", "publisher"),
}


def texts(lang: str) -> dict[str, str]:
    """The diff's fixed words (`TEXTS`) in `lang`."""
    with translation.override(lang):
        return {key: str(text) for key, text in TEXTS.items()}


def count_text(count: int, lang: str) -> str:
    """ "14 muutosta.", "1 change." """
    with translation.override(lang):
        return str(COUNT % {"count": count}).format(count=count)


def field_label(name: str, lang: str) -> str:
    """A field's name in `lang`; a field without a label is shown by its name."""
    text = FIELD_LABELS.get(name)
    if text is None:
        return name
    with translation.override(lang):
        return str(text)
