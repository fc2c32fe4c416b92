"""The document's section plan and the small helpers that write its phrases: lists joined with
"ja"/"and", sentences, titles with their legal basis. The words themselves are gettext messages
(`labels.py`)."""

from __future__ import annotations

from collections.abc import Iterable

from kotokartta.documents.labels import AND, LABELS, OR, SECTION_TITLES, label
from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
)

LANGUAGES = ("fi", "en")

# The document's sections in the law's order, each with the phases it covers.
SECTION_PLAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assessment", ("assessment", "multi_assessment")),
    ("plan", ("plan", "multi_plan")),
    ("orientation", ("orientation",)),
    ("training", ("training",)),
    ("final_test", ("final_test",)),
    ("literacy", ("literacy",)),
    ("guidance", ("guidance",)),
    ("municipal_services", ("municipal_services",)),
    ("community", ("community",)),
    ("employment", ("employment",)),
)


def _join(items: Iterable[str], lang: str, *, alternatives: bool = False) -> str:
    """'a, b ja c' / 'a, b and c'; with `alternatives`, 'a, b tai c' / 'a, b or c'."""
    values = [item for item in items if item]
    if len(values) <= 1:
        return "".join(values)
    word = label(OR if alternatives else AND, lang)
    return ", ".join(values[:-1]) + f" {word} " + values[-1]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _chain(first: str, second: str) -> str:
    """'Kainuu-Koillismaan työllisyysalueen' + 'työllisyysalueen keskitetyt yrityspalvelut'
    → 'Kainuu-Koillismaan työllisyysalueen keskitetyt yrityspalvelut' (no repeated word)."""
    if not first or not second:
        return first or second
    head = first.split()
    if second.split()[0].casefold() == head[-1].casefold():
        return " ".join([*head[:-1], second])
    return f"{first} {second}"


def law_text(phase_id: str, lang: str) -> str:
    """The phase's current legal basis. It is written in Finnish in the vocabulary ("KotoL 14 §
    (hyvinvointialue mukana)"); in another language its two Finnish phrases are translated."""
    current = PHASE_BY_ID[phase_id].law.current
    if lang != "fi":
        current = current.replace("hyvinvointialue mukana", label(LABELS["with_county"], lang))
        current = current.replace(" ja ", f" {label(AND, lang)} ")
    return current


def phase_title(phase_id: str, lang: str) -> str:
    phase = PHASE_BY_ID[phase_id]
    law = law_text(phase_id, lang)
    if not law:
        return phase.name(lang)
    if "(" in law:  # "KotoL 14 § (hyvinvointialue mukana)" → "… — KotoL 14 §, hyvinvointialue …"
        law = law.replace(" (", ", ").rstrip(")")
    return f"{phase.name(lang)} ({law})"


def section_title(section_id: str, lang: str) -> str:
    if section_id in SECTION_TITLES:
        return label(SECTION_TITLES[section_id], lang)
    return phase_title(section_id, lang)
