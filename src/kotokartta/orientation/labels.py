"""The planner's explanations in words: the engine's facts (`domain.GroupFacts`, the unserved
reasons) as sentences in a language, through gettext (this app's catalogue, context
"orientation planner").

The sentences are built so that no municipality or language name has to be inflected: Finnish
says "Kajaani ja Kuhmo: 5 osallistujaa, joiden kieli on arabia, …", never "Kajaanista". Language
names come from `programme.labels.language_name` (the programme's languages, in every interface
language); a language it does not name is given by its English ISO 639 reference name.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import npgettext_lazy, pgettext_lazy

from kotokartta.core.text import in_language
from kotokartta.orientation import languages
from kotokartta.orientation.domain import (
    FARTHER,
    NO_HOSTS,
    NONE_NEAR,
    REASONS,
    GroupFacts,
    LeftOver,
    OutOfReach,
    TooFewInArea,
    TooFewInReach,
    UnservedReason,
)
from kotokartta.programme import labels as programme_labels

TEXT_LANGUAGES = ("fi", "sv", "en")
"""The languages of the staff pages, the CLI's `--lang` and the API's `lang`."""

DECIMAL_COMMA = frozenset({"fi", "sv", "ru", "uk", "vi", "so", "sw", "rw", "fa"})


def language_name(code: str, lang: str) -> str:
    """The name of language `code` in `lang`; the English ISO 639-1 name (or the code) when the
    programme's vocabulary has no name for it."""
    if code in programme_labels.LANGUAGE_NAME:
        return programme_labels.language_name(code, lang)
    return languages.language_name(code)


def _km(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang in DECIMAL_COMMA else text


def join(names: Sequence[str], lang: str) -> str:
    """ "Kajaani, Kuhmo and Paltamo" in `lang`."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return in_language(
        pgettext_lazy("orientation planner", "%(names)s and %(last)s"),
        lang,
        names=", ".join(names[:-1]),
        last=names[-1],
    )


def group_text(facts: GroupFacts, lang: str) -> str:
    """Why the group is as it is, in `lang`: who makes it, where it meets, who joins remotely
    and when it can start."""
    name = language_name(facts.language, lang)
    km = _km(facts.max_travel_km, lang)
    parts = [
        in_language(
            npgettext_lazy(
                "orientation planner",
                "%(size)s %(language)s speaker from %(places)s makes one group "
                "(a group has %(min_size)s–%(max_size)s people).",
                "%(size)s %(language)s speakers from %(places)s make one group "
                "(a group has %(min_size)s–%(max_size)s people).",
                facts.size,
            ),
            lang,
            size=facts.size,
            language=name,
            places=join(facts.municipalities, lang),
            min_size=facts.min_size,
            max_size=facts.max_size,
        )
    ]
    if facts.host is not None:
        parts.append(
            in_language(
                npgettext_lazy(
                    "orientation planner",
                    "It meets in %(host)s: %(near)s is within %(km)s km of it.",
                    "It meets in %(host)s: %(near)s are within %(km)s km of it.",
                    len(facts.near),
                ),
                lang,
                host=facts.host,
                near=join(facts.near, lang),
                km=km,
            )
        )
    if facts.remote_because == NO_HOSTS:
        parts.append(
            in_language(
                pgettext_lazy(
                    "orientation planner",
                    "No host municipality was given, so the group meets remotely.",
                ),
                lang,
            )
        )
    elif facts.remote_because == NONE_NEAR:
        parts.append(
            in_language(
                pgettext_lazy(
                    "orientation planner",
                    "No participant lives within %(km)s km of a host municipality, so the "
                    "group meets remotely.",
                ),
                lang,
                km=km,
            )
        )
    elif facts.remote_because == FARTHER:
        parts.append(
            in_language(
                npgettext_lazy(
                    "orientation planner",
                    "%(far)s is farther than %(km)s km and joins remotely.",
                    "%(far)s are farther than %(km)s km and join remotely.",
                    len(facts.far),
                ),
                lang,
                far=join(facts.far, lang),
                km=km,
            )
        )
    if facts.starts:
        parts.append(
            in_language(
                pgettext_lazy(
                    "orientation planner", "It can start in %(month)s, when all its members can."
                ),
                lang,
                month=facts.starts,
            )
        )
    return " ".join(parts)


def reason_text(reason: UnservedReason, lang: str) -> str:
    """Why people have no group, in `lang`."""
    if isinstance(reason, TooFewInArea):
        return in_language(
            npgettext_lazy(
                "orientation planner",
                "%(total)s %(language)s speaker in the area; a group needs %(min_size)s.",
                "%(total)s %(language)s speakers in the area; a group needs %(min_size)s.",
                reason.total,
            ),
            lang,
            total=reason.total,
            language=language_name(reason.language, lang),
            min_size=reason.min_size,
        )
    if isinstance(reason, OutOfReach):
        message: Promise
        if not reason.hosts_given:
            message = pgettext_lazy(
                "orientation planner",
                "%(municipality)s: no host municipality was given and remote participation "
                "is not allowed.",
            )
        else:
            message = pgettext_lazy(
                "orientation planner",
                "%(municipality)s: no host municipality is within %(km)s km and remote "
                "participation is not allowed.",
            )
        return in_language(
            message, lang, municipality=reason.municipality, km=_km(reason.max_travel_km, lang)
        )
    if isinstance(reason, TooFewInReach):
        many: Promise
        if reason.start_spread:
            many = npgettext_lazy(
                "orientation planner",
                "Only %(reachable)s %(language)s speaker can reach the same group with a "
                "close enough start month; a group needs %(min_size)s.",
                "Only %(reachable)s %(language)s speakers can reach the same group with a "
                "close enough start month; a group needs %(min_size)s.",
                reason.reachable,
            )
        else:
            many = npgettext_lazy(
                "orientation planner",
                "Only %(reachable)s %(language)s speaker can reach the same group; "
                "a group needs %(min_size)s.",
                "Only %(reachable)s %(language)s speakers can reach the same group; "
                "a group needs %(min_size)s.",
                reason.reachable,
            )
        return in_language(
            many,
            lang,
            reachable=reason.reachable,
            language=language_name(reason.language, lang),
            min_size=reason.min_size,
        )
    assert isinstance(reason, LeftOver)
    return in_language(
        npgettext_lazy(
            "orientation planner",
            "The %(language)s speakers who could share a group with them are needed to fill "
            "other groups; the %(count)s left over is fewer than %(min_size)s.",
            "The %(language)s speakers who could share a group with them are needed to fill "
            "other groups; the %(count)s left over are fewer than %(min_size)s.",
            reason.count,
        ),
        lang,
        language=language_name(reason.language, lang),
        count=reason.count,
        min_size=reason.min_size,
    )


def group_facts(data: dict[str, Any]) -> GroupFacts:
    """`GroupFacts` back from a plan document's `explanation_facts`."""
    values = dict(data)
    for key in ("municipalities", "near", "far"):
        values[key] = tuple(values.get(key) or ())
    return GroupFacts(**values)


def reason_facts(data: dict[str, Any]) -> UnservedReason:
    """The unserved reason back from a plan document's `reason_facts`."""
    values = dict(data)
    kind = REASONS[values.pop("code")]
    return kind(**values)


def with_texts(plan: dict[str, Any], lang: str) -> dict[str, Any]:
    """A copy of a plan document (`engine.plan_dict`) with the sentences in `lang`: each group's
    `explanation` and `language_name`, each unserved line's `reason`. A line of a document saved
    before the facts were kept (no `…_facts`) keeps the English text it was saved with."""
    document = copy.deepcopy(plan)
    for group in document.get("groups", []):
        group["language_name"] = language_name(group["language"], lang)
        if "explanation_facts" in group:
            group["explanation"] = group_text(group_facts(group["explanation_facts"]), lang)
    for line in document.get("unserved", []):
        if "reason_facts" in line:
            line["reason"] = reason_text(reason_facts(line["reason_facts"]), lang)
    return document
