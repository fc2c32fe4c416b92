from __future__ import annotations

from django import template
from django.utils.translation import get_language_info

from kotokartta.orientation.languages import language_name

register = template.Library()


@register.filter
def language_label(code: str) -> str:
    """The language's name in the interface language where Django knows it, else in English."""
    try:
        info = get_language_info(code)
    except KeyError:
        return language_name(code)
    return str(info.get("name_translated") or info.get("name") or language_name(code))
