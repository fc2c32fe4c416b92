"""A path as readable text, for the terminal (`kotokartta path`)."""

from __future__ import annotations

from typing import Any

from kotokartta.paths.engine import Path
from kotokartta.programme.vocabulary import CLIENT_NAMES, MODE_NAMES, SECTIONS, STATUS_NAMES

LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "contacts": "Kotoutumisohjelman yhteyshenkilöt",
        "responsible": "Vastuukunta",
        "provider": "Palvelun tuottaa",
        "purchased": "ostopalvelu",
        "bought_from": "Ostopalvelu: {buyer} ostaa palvelun, myyjä {seller}",
        "places": "Paikka",
        "no_address": "osoitetta ei ole asiakirjassa",
        "modes": "Tapa",
        "not_stated": "ei mainittu",
        "partners": "Mukana",
        "languages": "Kielet",
        "details": "Tiedot",
        "condition": "Ehto",
        "activity": "Toiminta",
        "alternatives": "tai",
        "flags": "Huom.",
        "source": "Lähde",
        "law": "Laki",
        "document_cites": "asiakirja viittaa",
        "planned_from": "suunniteltu alkavaksi",
        "data_date": "Tiedot",
    },
    "en": {
        "contacts": "Programme contacts",
        "responsible": "Responsible municipality",
        "provider": "Provided by",
        "purchased": "purchased service",
        "bought_from": "Purchased: {buyer} buys the service from {seller}",
        "places": "Place",
        "no_address": "no address in the document",
        "modes": "How",
        "not_stated": "not stated",
        "partners": "Together with",
        "languages": "Languages",
        "details": "Details",
        "condition": "Condition",
        "activity": "Activity",
        "alternatives": "or",
        "flags": "Note",
        "source": "Source",
        "law": "Law",
        "document_cites": "the document cites",
        "planned_from": "planned to start",
        "data_date": "Data of",
    },
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def render_text(path: Path) -> str:
    lang = "en" if path.lang == "en" else "fi"
    t = LABELS[lang]
    data = path.as_dict()
    lines = [
        f"{data['municipality']['name']} ({data['municipality']['code']}) — "
        f"{_pick(CLIENT_NAMES[path.profile.client], lang)}",
        "",
        f"{t['contacts']}:",
    ]
    for c in data["coordinators"]:
        unit = f", {c['unit']}" if c["unit"] else ""
        lines.append(f"  {c['name']}, {c['title']}{unit} <{c['email']}>")
    for number, step in enumerate(data["steps"], start=1):
        lines.append("")
        lines.extend(_step_lines(number, step, data, t, lang))
    lines.append("")
    lines.append(f"{t['data_date']}: {data['data_date']}")
    return "\n".join(lines)


def _step_lines(
    number: int, step: dict[str, Any], data: dict[str, Any], t: dict[str, str], lang: str
) -> list[str]:
    status = _pick(STATUS_NAMES[step["status"]], lang)
    law = step["law"]
    law_text = f" ({law['current']})" if law["current"] else ""
    out = [f"{number}. {step['phase_name']}{law_text} — {status}"]
    if law["document"] and law["document"] != law["current"] and law["note"]:
        out.append(f"   {t['law']}: {t['document_cites']} {law['document']}.")
    if step["responsible"]:
        out.append(f"   {t['responsible']}: {step['responsible']['name']}")
    provider = step["provider"]
    if provider:
        who = ", ".join(x for x in (provider["organisation"], provider["unit"]) if x)
        role = provider["role"] or ""
        if step["alternative_roles"]:
            role += f" ({t['alternatives']} {', '.join(step['alternative_roles'])})"
        out.append(f"   {t['provider']}: {who}" + (f" — {role}" if role else ""))
        if step["seller"] and step["responsible"]:
            seller = step["seller"]["name"]
            out.append(
                "   " + t["bought_from"].format(buyer=step["responsible"]["name"], seller=seller)
            )
    if step["activity"]:
        out.append(f"   {t['activity']}: {step['activity']['name']}")
    for place in step["places"]:
        address = place["address"] or t["no_address"]
        out.append(f"   {t['places']}: {place['name']}, {place['municipality']} ({address})")
    if step["provision"]:
        modes = ", ".join(_pick(MODE_NAMES[m], lang) for m in step["modes"]) or t["not_stated"]
        out.append(f"   {t['modes']}: {modes}")
    for partner in step["partners"]:
        parts = ", ".join(
            x for x in (partner["organisation"], partner["unit"], partner["role"]) if x
        )
        note = f" — {partner['note']}" if partner["note"] else ""
        out.append(f"   {t['partners']}: {parts}{note}")
    if step["languages"]:
        out.append(f"   {t['languages']}: {', '.join(step['languages'])}")
    if step["condition"]:
        out.append(f"   {t['condition']}: {step['condition']}")
    if step["planned_from"]:
        out.append(f"   {t['planned_from']}: {step['planned_from']}")
    if step["details"]:
        out.append(f"   {t['details']}: {step['details']}")
    for flag in step["flags"]:
        out.append(f"   {t['flags']}: {flag['text']}")
    source = step["source"]
    if source:
        section = SECTIONS.get(source["section"], source["section"])
        where = source.get("municipality") or data["municipality"]["name"]
        out.append(f"   {t['source']}: {section} [{where}]")
    return out
