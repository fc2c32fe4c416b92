"""Values read out of PTV's records for the comparison: phone numbers, opening hours,
e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .shapes import text_in, texts_of

DAYS = {
    "Monday": "Mon",
    "Tuesday": "Tue",
    "Wednesday": "Wed",
    "Thursday": "Thu",
    "Friday": "Fri",
    "Saturday": "Sat",
    "Sunday": "Sun",
}


# ---- reading values out of PTV records --------------------------------------------------------


def _phones(channel: Mapping[str, Any]) -> list[str]:
    numbers = []
    for key in ("phoneNumbers", "supportPhones"):
        for phone in channel.get(key) or ():
            if not isinstance(phone, Mapping) or not phone.get("number"):
                continue
            if phone.get("type") == "Fax":
                continue
            number = " ".join(f"{phone.get('prefixNumber') or ''} {phone['number']}".split())
            if number not in numbers:
                numbers.append(number)
    return numbers


def _time(value: Any) -> str:
    text = str(value or "")
    return text[:5] if re.match(r"^\d\d:\d\d", text) else text


def hours_text(hours: Iterable[Mapping[str, Any]]) -> str:
    """PTV service hours in one line: 'Mon–Fri 08:00–15:45; Exceptional 2026-12-24: closed'."""
    parts = []
    for hour in hours:
        if not isinstance(hour, Mapping):
            continue
        kind = str(hour.get("serviceHourType") or "")
        label = "" if kind in ("DaysOfTheWeek", "Standard") else f"{kind} "
        valid = ""
        if hour.get("validFrom") and not hour.get("validForNow"):
            valid = str(hour["validFrom"])[:10]
            if hour.get("validTo"):
                valid += "–" + str(hour["validTo"])[:10]
            valid += " "
        if hour.get("isClosed"):
            times = "closed"
        elif hour.get("isAlwaysOpen"):
            times = "always open"
        else:
            spans = []
            for opening in hour.get("openingHour") or ():
                if not isinstance(opening, Mapping):
                    continue
                day_from = DAYS.get(str(opening.get("dayFrom")), str(opening.get("dayFrom") or ""))
                day_to = DAYS.get(str(opening.get("dayTo")), str(opening.get("dayTo") or ""))
                days = f"{day_from}–{day_to}" if day_to and day_to != day_from else day_from
                spans.append(f"{days} {_time(opening.get('from'))}–{_time(opening.get('to'))}")
            times = ", ".join(spans) or "hours not given"
        info = text_in(hour.get("additionalInformation"), "fi")
        parts.append(f"{label}{valid}{times}" + (f" ({info})" if info else ""))
    return "; ".join(parts)


def _emails(items: Iterable[Any] | None) -> list[str]:
    return [e.strip() for e in texts_of(items) if "@" in e]
