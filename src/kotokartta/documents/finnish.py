"""Just enough Finnish inflection for the generated prose, and no more.

Names in the data are in the nominative. The document's sentences read better with genitive
chains ("Suomussalmen kunnan työllisyyspalveluiden työllisyysohjaaja") and place cases
("Puolangan kunnantalolla"). Each helper inflects only the final word, only when that word ends
in one of the few head nouns listed here, and returns None for anything else: the caller then
falls back to a construction that keeps the name in the nominative. A name is never guessed at.
"""

from __future__ import annotations

import re

# (nominative ending, genitive, ablative "-lta", locative "-lla/-ssa")
_HEADS: tuple[tuple[str, str, str, str], ...] = (
    ("kaupunki", "kaupungin", "kaupungilta", "kaupungissa"),
    ("kunta", "kunnan", "kunnalta", "kunnassa"),
    ("hyvinvointialue", "hyvinvointialueen", "hyvinvointialueelta", "hyvinvointialueella"),
    ("työllisyysalue", "työllisyysalueen", "työllisyysalueelta", "työllisyysalueella"),
    ("palvelut", "palveluiden", "palveluilta", "palveluissa"),
    ("sosiaalityö", "sosiaalityön", "sosiaalityöltä", "sosiaalityössä"),
    ("toimiala", "toimialan", "toimialalta", "toimialalla"),
    ("opisto", "opiston", "opistolta", "opistolla"),
    ("osasto", "osaston", "osastolta", "osastolla"),
    ("johtoryhmä", "johtoryhmän", "johtoryhmältä", "johtoryhmässä"),
    ("kaupungintalo", "kaupungintalon", "kaupungintalolta", "kaupungintalolla"),
    ("kunnantalo", "kunnantalon", "kunnantalolta", "kunnantalolla"),
    ("toimipiste", "toimipisteen", "toimipisteeltä", "toimipisteessä"),
    ("tilat", "tilojen", "tiloilta", "tiloissa"),
)

_PARENTHESIS = re.compile(r"^(?P<head>.*?\S)(?P<tail>\s+\([^()]*\))$")


def _inflect(name: str, case: int) -> str | None:
    name = name.strip()
    tail = ""
    match = _PARENTHESIS.match(name)
    if match:  # "Kainuun ammattiopisto (KAO)" → inflect before the parenthesis
        name, tail = match["head"], match["tail"]
    words = name.split()
    if not all(_is_attribute(word, words[i - 1] if i else "") for i, word in enumerate(words[:-1])):
        return None
    lowered = name.casefold()
    for row in _HEADS:
        ending = row[0]
        if lowered.endswith(ending):
            start = len(name) - len(ending)
            inflected = row[case]
            if name[start : start + 1].isupper():
                inflected = inflected[0].upper() + inflected[1:]
            return name[:start] + inflected + tail
    return None


def _is_attribute(word: str, previous: str) -> bool:
    """Words before the head that stay as they are: genitives ('Kainuun'), compound prefixes
    ('työllisyys-'), 'ja' between them and acronyms ('SPR'). Anything else (a nominative
    adjective such as 'Kansainväliset', or 'X ja Y' of two nouns) would need inflecting too."""
    if word.endswith("-") or (word.isupper() and len(word) > 1):
        return True
    if word == "ja":
        return previous.endswith("-")
    return word.endswith("n") and not word.endswith("nen")


def genitive(name: str) -> str | None:
    """'Suomussalmen kunta' → 'Suomussalmen kunnan'; None when the head noun is not known."""
    return _inflect(name, 1)


def ablative(name: str) -> str | None:
    """'Suomussalmen kunta' → 'Suomussalmen kunnalta'."""
    return _inflect(name, 2)


def locative(name: str) -> str | None:
    """Where something happens: 'Puolangan kunnantalo' → 'Puolangan kunnantalolla'."""
    return _inflect(name, 3)


def is_plural(noun_phrase: str) -> bool:
    """Whether a nominative noun phrase takes a plural verb ('viranhaltijat tekevät')."""
    head = _PARENTHESIS.match(noun_phrase.strip())
    text = head["head"] if head else noun_phrase.strip()
    last = text.split()[-1].split("-")[-1] if text.split() else ""
    return last.endswith("t") and last[:1].islower()
