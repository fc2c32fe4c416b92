"""The template filters and tags every page shares: vocabulary labels (from the gettext
catalogues, `programme.labels`), phase names, language names. Load with `{% load site %}`."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import translation
from django.utils.translation import get_language

from kotokartta.paths.labels import group_label
from kotokartta.programme import content
from kotokartta.programme import labels as vocabulary
from kotokartta.programme.content import Localised
from kotokartta.programme.vocabulary import SECTIONS

register = template.Library()


def _active() -> str:
    return get_language() or "fi"


@register.filter
def status_label(status: str) -> str:
    return vocabulary.label("status", status) or status


@register.filter
def mode_label(mode: str) -> str:
    return vocabulary.label("mode", mode) or mode


@register.filter
def client_label(client: str) -> str:
    return vocabulary.label("client", client) or client


@register.filter
def client_short_label(client: str) -> str:
    return vocabulary.label("client_short", client) or client


@register.filter
def basis_label(basis: str) -> str:
    return str(vocabulary.RESIDENCE_BASIS.get(basis, basis))


@register.filter
def target_group_label(group: str) -> str:
    """A target group of a provision (or a Finnish condition of an undetermined step)."""
    return group_label(group)


@register.filter
def organisation_kind_label(kind: str | None) -> str:
    return (vocabulary.label("organisation_kind", kind) or "") if kind else ""


@register.filter
def activity_kind_label(kind: str | None) -> str:
    return (vocabulary.label("activity_kind", kind) or "") if kind else ""


@register.filter
def flag_kind_label(kind: str) -> str:
    return vocabulary.label("flag_kind", kind) or kind


@register.simple_tag
def role_name(role_id: str | None, name: str | None = None) -> Localised:
    """A role in the page's language, or its name from the data (in Finnish) when the
    vocabulary has no word for it yet."""
    found = vocabulary.label("role", role_id) if role_id else None
    if found is not None:
        return Localised(found, _active())
    return Localised(name or "", "fi")


@register.simple_tag
def alternative_role_names(provider: dict[str, Any] | None, names: list[str]) -> list[Localised]:
    ids = (provider or {}).get("alternative_role_ids") or []
    if len(ids) != len(names):
        return [Localised(n, "fi") for n in names]
    return [role_name(role_id, name) for role_id, name in zip(ids, names, strict=True)]


@register.filter
def section_title(section: str) -> str:
    """The Finnish heading of a section of the programme document (quoted, not translated)."""
    return SECTIONS.get(section, section)


@register.simple_tag
def law_note(phase: str) -> str:
    return vocabulary.law_note(phase)


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
