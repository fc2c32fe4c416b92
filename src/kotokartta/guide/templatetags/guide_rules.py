"""The eligibility rules' reason and deadline codes as text, for the path page."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from kotokartta.eligibility.rules import DESCRIPTIONS
from kotokartta.guide.rule_texts import RULE_TEXTS

register = template.Library()


@register.filter
def rule_text(code: str) -> str:
    """A reason or deadline code of the eligibility rules, in the page's language."""
    if (get_language() or "fi") == "fi":
        return DESCRIPTIONS.get(code, (code, code))[0]
    return str(RULE_TEXTS.get(code, code))
