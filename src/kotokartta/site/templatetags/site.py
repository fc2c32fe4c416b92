"""The template filters and tags every page shares: vocabulary labels, phase names, language
names. Load with `{% load site %}`."""

from __future__ import annotations

from django import template
from django.utils import translation
from django.utils.translation import get_language

from kotokartta.programme import content, labels

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    return str(labels.STATUS.get(status, status))


@register.filter
def mode_label(mode: str) -> str:
    return str(labels.MODE.get(mode, mode))


@register.filter
def client_label(client: str) -> str:
    return str(labels.CLIENT.get(client, client))


@register.filter
def basis_label(basis: str) -> str:
    return str(labels.RESIDENCE_BASIS.get(basis, basis))


@register.simple_tag
def phase_name(phase: str, lang: str | None = None) -> content.Localised:
    return content.phase_name(phase, lang or get_language() or "fi")


@register.simple_tag
def phase_summary(phase: str, lang: str | None = None) -> content.Localised:
    return content.phase_summary(phase, lang or get_language() or "fi")


@register.filter
def language_label(code: str) -> str:
    """A language named in itself ("العربية", "suomi"), or its ISO code when Django has no name
    for it (the data may hold any ISO 639-1 language, e.g. ti, Tigrinya)."""
    try:
        return str(translation.get_language_info(code)["name_local"])
    except KeyError:
        return code
