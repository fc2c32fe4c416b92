"""The coverage view's own sentences, through gettext: English message ids with the context
"coverage gap", translated in this app's catalogue (`coverage/locale/<lang>/LC_MESSAGES/django.po`)
into every interface language; the Finnish translations are the view's original Finnish texts.

They say, in the reader's language, why a row is on the gap list (the programme data's own notes
that follow them stay in the data's language) and stand in for a seller the document does not
name."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

PLANNED_PAST: Promise = pgettext_lazy(
    "coverage gap", "Planned to start in %(year)s; that year is past (%(today)s)."
)
PLANNED_UNDATED: Promise = pgettext_lazy(
    "coverage gap", "Planned; the document does not say when it starts."
)
NO_CONTACT: Promise = pgettext_lazy(
    "coverage gap", "The document names neither a provider nor a place."
)
UNNAMED_SELLER: Promise = pgettext_lazy("coverage gap", "seller not named")
