"""The one thing staff editing adds to public pages: when a municipality's coordinators last
reviewed its data ("last reviewed on"). Nothing about who; only the day."""

from __future__ import annotations

import datetime as dt

from django import template

from kotokartta.staff.selectors import last_reviewed as _last_reviewed

register = template.Library()


@register.simple_tag
def last_reviewed(municipality_id: str) -> dt.date | None:
    return _last_reviewed(municipality_id)
