"""The answer as the contract's JSON document and as plain text, in one language. The CLI, the API
and the path page all call these, so they say the same thing."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from kotokartta.eligibility import texts
from kotokartta.eligibility.rules import Answer, Deadline, InputError, Message


def _say(text: Any, params: dict[str, str]) -> str:
    value = str(text)
    return value % params if params else value


def message_text(message: Message) -> str:
    return _say(texts.MESSAGES[message.id], message.params)


def deadline_text(deadline: Deadline) -> str:
    return str(texts.DEADLINES[deadline.id])


def condition_text(deadline: Deadline) -> str | None:
    if deadline.condition is None:
        return None
    return _say(texts.CONDITIONS[deadline.condition], deadline.params)


def error_text(error: InputError) -> str:
    """The error in the active language, naming the field in words."""
    params = dict(error.params)
    params["field"] = str(texts.FIELDS.get(error.field, error.field))
    return _say(texts.ERRORS[error.code], params)


def messages(answer: Answer) -> list[str]:
    """The sentences for the person, in order: outcome, who, next step, notes."""
    return [
        str(texts.OUTCOMES[answer.outcome]),
        str(texts.AUTHORITIES[answer.authority]),
        message_text(answer.next_step),
        *(message_text(note) for note in answer.notes),
    ]


def as_document(answer: Answer, *, lang: str) -> dict[str, Any]:
    """The contract's document: assessment, deadlines, messages (plus outcome and next step)."""
    with translation.override(lang):
        return {
            "assessment": {
                "mandatory": answer.mandatory,
                "grounds": [
                    {
                        "section": g.rule.section,
                        "subsection": g.rule.subsection,
                        "item": g.rule.item,
                        "id": g.id,
                        "law": g.rule.law,
                        "text": str(texts.GROUNDS[g.id]),
                    }
                    for g in answer.grounds
                ],
                "outcome": answer.outcome,
                "authority": answer.authority,
            },
            "deadlines": [
                {
                    "id": d.id,
                    "date": d.date.isoformat(),
                    "law": d.law,
                    "passed": d.passed,
                    "condition": condition_text(d),
                    "text": deadline_text(d),
                }
                for d in answer.deadlines
            ],
            "messages": messages(answer),
            "next_step": {"id": answer.next_step.id, "text": message_text(answer.next_step)},
            "lang": lang,
        }


def as_text(answer: Answer, *, lang: str) -> str:
    """A readable plain-text answer for the terminal."""
    with translation.override(lang):
        state = texts.UI["mandatory" if answer.mandatory else "not_mandatory"]
        lines = [f"{texts.UI['assessment']}: {state}", str(texts.OUTCOMES[answer.outcome])]
        lines += [f"  - {texts.GROUNDS[g.id]} ({g.rule.law})" for g in answer.grounds]
        lines += ["", f"{texts.UI['messages']}:"]
        lines += [f"  - {text}" for text in messages(answer)[1:]]
        lines += ["", f"{texts.UI['deadlines']}:"]
        for d in answer.deadlines:
            passed = f" [{texts.UI['passed']}]" if d.passed else ""
            lines.append(f"  {d.date.isoformat()}{passed}  {deadline_text(d)} ({d.law})")
            condition = condition_text(d)
            if condition:
                lines.append(f"      {texts.UI['condition']}: {condition}")
        return "\n".join(lines) + "\n"
