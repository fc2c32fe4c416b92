"""A path as readable text, for the terminal (`kotokartta path`). The words come from the gettext
catalogues (`programme.labels` and the messages below), in the path's language."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from kotokartta.paths.engine import Path
from kotokartta.programme.labels import label, law_note
from kotokartta.programme.vocabulary import SECTIONS


def render_text(path: Path) -> str:
    with translation.override(path.lang):
        return _render(path)


def _render(path: Path) -> str:
    data = path.as_dict()
    lines = [
        f"{data['municipality']['name']} ({data['municipality']['code']}) — "
        f"{label('client_short', path.profile.client.value)}",
        "",
        _("Programme contacts") + ":",
    ]
    for c in data["coordinators"]:
        unit = f", {c['unit']}" if c["unit"] else ""
        lines.append(f"  {c['name']}, {c['title']}{unit} <{c['email']}>")
    for number, step in enumerate(data["steps"], start=1):
        lines.append("")
        lines.extend(_step_lines(number, step, data))
    lines.append("")
    lines.append(_("Data checked against the document on %(date)s") % {"date": data["data_date"]})
    return "\n".join(lines)


def _words() -> dict[str, str]:
    return {
        "activity": _("Activity"),
        "bought_from": _("Bought from"),
        "condition": _("Condition"),
        "details": _("Details"),
        "for": _("For"),
        "how": _("How"),
        "languages": _("Languages"),
        "law": _("Law"),
        "note": _("Note"),
        "responsible_municipality": _("Responsible municipality"),
        "source": _("Source"),
        "together_with": _("Together with"),
        "where": _("Where"),
        "who": _("Who"),
        "or": _("or"),
        "planned_from": _("planned from %(year)s"),
    }


def _role(role_id: str | None, name: str | None) -> str:
    return (label("role", role_id) if role_id else None) or name or ""


def _step_lines(number: int, step: dict[str, Any], data: dict[str, Any]) -> list[str]:
    t = _words()
    status = label("status", step["status"]) or step["status"]
    if step["ended"]:
        status = _("Ended in %(year)s") % {"year": step["ended"]}
    law = step["law"]
    law_text = f" ({law['current']})" if law["current"] else ""
    out = [f"{number}. {label('phase', step['phase'])}{law_text} — {status}"]
    note = law_note(step["phase"])
    if law["document"] and law["document"] != law["current"] and note:
        out.append(f"   {t['law']}: {note}")
    if step["responsible"]:
        out.append(f"   {t['responsible_municipality']}: {step['responsible']['name']}")
    provider = step["provider"]
    if provider:
        who = ", ".join(x for x in (provider["organisation"], provider["unit"]) if x)
        role = _role(provider["role_id"], provider["role"])
        others = [
            _role(role_id, name)
            for role_id, name in zip(
                provider.get("alternative_role_ids") or [], step["alternative_roles"], strict=False
            )
        ]
        if others:
            role += f" ({t['or']} {', '.join(others)})"
        out.append(f"   {t['who']}: " + " — ".join(x for x in (role, who) if x))
        if step["purchased"] and step["responsible"] and step["seller"]:
            out.append(f"   {t['bought_from']}: {step['seller']['name']}")
    if step["activity"]:
        out.append(f"   {t['activity']}: {step['activity']['name']}")
    for place in step["places"]:
        address = place["address"] or _("no address in the document")
        out.append(f"   {t['where']}: {place['name']}, {place['municipality']} ({address})")
    if step["provision"]:
        modes = ", ".join(label("mode", m) or m for m in step["modes"]) or _("not stated")
        out.append(f"   {t['how']}: {modes}")
    for partner in step["partners"]:
        parts = ", ".join(
            x
            for x in (
                partner["organisation"],
                partner["unit"],
                _role(partner.get("role_id"), partner["role"]),
            )
            if x
        )
        note_text = f" — {partner['note']}" if partner["note"] else ""
        out.append(f"   {t['together_with']}: {parts}{note_text}")
    if step["languages"]:
        out.append(f"   {t['languages']}: {', '.join(step['languages'])}")
    if step["target_groups"]:
        groups = "; ".join(label("target_group", g) or g for g in step["target_groups"])
        out.append(f"   {t['for']}: {groups}")
    if step["condition"]:
        out.append(f"   {t['condition']}: {step['condition']}")
    if step["planned_from"]:
        out.append(f"   {t['planned_from'] % {'year': step['planned_from']}}")
    if step["details"]:
        out.append(f"   {t['details']}: {step['details']}")
    for flag in step["flags"]:
        out.append(f"   {t['note']}: {flag['text']}")
    source = step["source"]
    if source:
        section = SECTIONS.get(source["section"], source["section"])
        where = source.get("municipality") or data["municipality"]["name"]
        out.append(f"   {t['source']}: {section} [{where}]")
    return out
