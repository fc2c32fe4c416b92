"""The path's own sentences in every interface language, through gettext: why a phase has no
step for a person (the engine gives the reason as an id, these words give it a voice)."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy

from kotokartta.paths.engine import (
    DOES_NOT_USE_FINNISH,
    NOT_DESCRIBED,
    ONLY_FOR_OTHERS,
    USES_FINNISH,
)
from kotokartta.programme.labels import TARGET_GROUP

FINNISH_CONDITION = {
    USES_FINNISH: pgettext_lazy("target group", "people who use Finnish"),
    DOES_NOT_USE_FINNISH: pgettext_lazy("target group", "people who do not use Finnish yet"),
}


def group_label(group: str) -> str:
    """A target group or Finnish condition of `gap_groups`, in the active language."""
    found = TARGET_GROUP.get(group) or FINNISH_CONDITION.get(group)
    return str(found) if found is not None else group


def gap_text(gap: str, groups: tuple[str, ...], lang: str | None = None) -> str:
    """Why a phase has no step for this person, as a sentence in `lang` (default: active)."""
    if lang is not None:
        with translation.override(lang):
            return gap_text(gap, groups)
    if gap == ONLY_FOR_OTHERS:
        return gettext(
            "The programme document describes this service only for other groups (%(groups)s); "
            "it does not say what applies in this situation."
        ) % {"groups": ", ".join(group_label(g) for g in groups)}
    if gap == NOT_DESCRIBED:
        return gettext(
            "The programme document does not describe this service for this client group."
        )
    return ""


def not_described(lang: str) -> str:
    return gap_text(NOT_DESCRIBED, (), lang)
