from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def breakable_email(address: str) -> SafeString:
    """'first.last@example.fi' with a break opportunity before the '@', so that narrow table
    columns (and A4 pages) can wrap it without cutting it off."""
    local, at, domain = address.partition("@")
    if not at:
        return format_html("{}", address)
    return format_html("{}<wbr>@{}", local, domain)
