"""Small helpers for PTV open API v11 records: stable ids, localised lists, addresses.

PTV writes every translatable text as a list of `{"language": "fi", "value": "…"}` items
(`VmOpenApiLanguageItem`), with a `"type"` for names and descriptions
(`VmOpenApiLocalizedListItem`: `Name`, `AlternativeName`, `Summary`, `Description` …). The
helpers here build those lists from our `{fi: …, en: …}` texts and read them back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

# Every id Kotokartta gives a PTV-shaped record is uuid5(PTV_NAMESPACE, "<kind>/<our id>"), so
# the same programme gives the same ids in every export. The namespace itself is fixed here and
# must never change: PTV and other systems may keep our ids as `sourceId` references.
PTV_NAMESPACE = uuid.UUID("0c7f4a52-6b1e-5d8e-9f3a-6b6f746f6b61")

# The languages PTV itself publishes texts in; other languages of our data are left out.
PTV_TEXT_LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")


def stable_id(kind: str, *parts: str) -> str:
    """uuid5 from the fixed namespace: `stable_id("service", "puolanka-plan-other", "620")`."""
    return str(uuid.uuid5(PTV_NAMESPACE, "/".join((kind, *parts))))


def language_items(text: Mapping[str, str] | None) -> list[dict[str, str]]:
    """`{fi: …, en: …}` → `[{"language": "fi", "value": …}, …]` in PTV's language order."""
    if not text:
        return []
    return [
        {"language": lang, "value": text[lang]}
        for lang in PTV_TEXT_LANGUAGES
        if text.get(lang, "").strip()
    ]


def typed_items(text: Mapping[str, str] | None, item_type: str) -> list[dict[str, str]]:
    """Like `language_items`, each item with a PTV `type` (`Name`, `Summary`, `Description`)."""
    return [{**item, "type": item_type} for item in language_items(text)]


def shorten(text: str, limit: int, *, paragraphs: bool = False) -> str:
    """PTV limits lengths (names 100, summaries 150, descriptions 2500 characters). Runs of
    white space become one space; with `paragraphs`, blank-line breaks are kept."""
    if paragraphs:
        blocks = (" ".join(block.split()) for block in text.split("\n\n"))
        text = "\n\n".join(block for block in blocks if block)
    else:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def texts_of(items: Iterable[Mapping[str, Any]] | None, item_type: str | None = None) -> list[str]:
    """Every non-empty `value` of a PTV localised list, optionally of one `type`."""
    values = []
    for item in items or ():
        if not isinstance(item, Mapping):
            continue
        if item_type is not None and item.get("type") != item_type:
            continue
        value = item.get("value")
        if isinstance(value, str) and value.strip():
            values.append(value.strip())
    return values


def text_in(
    items: Iterable[Mapping[str, Any]] | None, lang: str = "fi", item_type: str | None = None
) -> str:
    """The value in `lang` (else Finnish, else the first one) of a PTV localised list."""
    chosen: dict[str, str] = {}
    for item in items or ():
        if not isinstance(item, Mapping):
            continue
        if item_type is not None and item.get("type") != item_type:
            continue
        value = item.get("value")
        language = item.get("language")
        if isinstance(value, str) and value.strip() and isinstance(language, str):
            chosen.setdefault(language, value.strip())
    for candidate in (lang, "fi"):
        if candidate in chosen:
            return chosen[candidate]
    return next(iter(chosen.values()), "")


def split_street(address: str) -> tuple[str, str]:
    """'Kauppatie 19' → ('Kauppatie', '19'); 'Kauppatie 19 B 2' → ('Kauppatie', '19 B 2').

    The street number starts at the first word that begins with a digit."""
    words = address.split()
    for index, word in enumerate(words):
        if index and word[:1].isdigit():
            return " ".join(words[:index]), " ".join(words[index:])
    return address.strip(), ""


def municipality_item(code: str, name: Mapping[str, str]) -> dict[str, Any]:
    """PTV's `VmOpenApiMunicipality`: `{"code": "205", "name": [{language, value}]}`."""
    return {"code": code, "name": language_items(name)}


def municipality_area(code: str, name: Mapping[str, str]) -> dict[str, Any]:
    """One `VmOpenApiArea` of type Municipality, as the v11 read API returns it."""
    return {
        "type": "Municipality",
        "code": code,
        "name": language_items(name),
        "municipalities": [municipality_item(code, name)],
    }
