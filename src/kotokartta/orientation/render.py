"""The plan as text (CLI) and CSV (export): formatting only, every fact comes from the engine."""

from __future__ import annotations

import csv
import io
from typing import Any

from kotokartta.orientation.engine import IN_PERSON, MINIMUM_HOURS, Plan
from kotokartta.orientation.labels import group_text, language_name, reason_text

MODE_TEXT = {"in_person": "in person", "hybrid": "hybrid", "remote": "remote"}


def render_text(result: Plan, *, lang: str = "en") -> str:
    """The plan as text; the explanations and language names in `lang`, the rest in English."""
    p = result.parameters
    lines = [
        f"Orientation groups: {len(result.groups)} "
        f"(sizes {p.min_size}–{p.max_size}, in person up to {p.max_travel_km:g} km, "
        f"remote {'allowed' if p.remote_allowed else 'not allowed'})",
        f"Each group: civic orientation of at least {MINIMUM_HOURS} hours "
        "(KotoL 25 §, decree 576/2024).",
        "",
    ]
    for number, group in enumerate(result.groups, start=1):
        where = group.host.name if group.host else "no host (remote)"
        lines.append(
            f"{number}. {language_name(group.language, lang)} ({group.language}) — {where} — "
            f"{MODE_TEXT[group.mode]} — {group.size} people"
            + (f" — starts {group.starts}" if group.starts else "")
        )
        for m in group.members:
            how = f"in person, {m.distance_km:g} km" if m.mode == IN_PERSON else "remote"
            lines.append(f"   {m.municipality.name} ({m.municipality.code}): {m.count} ({how})")
        lines.append(f"   Why: {group_text(group.explanation, lang)}")
    lines.append("")
    if result.unserved:
        lines.append(f"Without a group: {sum(u.count for u in result.unserved)}")
        for u in result.unserved:
            lines.append(
                f"   {u.municipality.name} ({u.municipality.code}), "
                f"{language_name(u.language, lang)} ({u.language}): {u.count} — "
                f"{reason_text(u.reason, lang)}"
            )
    else:
        lines.append("Without a group: nobody")
    o = result.objective
    lines.append(
        f"Objective: {o['unserved']:g} without a group, {o['groups']:g} groups, "
        f"{o['remote']:g} remote participants, {o['person_km']:g} person-km of travel"
        + (" (optimal)" if result.optimal else f" (stopped early, gap {result.gap:.2%})")
    )
    return "\n".join(lines) + "\n"


def csv_from_dict(plan: dict[str, Any]) -> str:
    """The plan's JSON as CSV: one row per group member, then one per unserved line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "group", "language", "host_code", "host", "group_mode", "group_size", "hours",
            "starts", "municipality_code", "municipality", "count", "member_mode",
            "distance_km", "reason",
        ]
    )  # fmt: skip
    for number, g in enumerate(plan["groups"], start=1):
        host = g["host"] or {}
        for m in g["members"]:
            writer.writerow(
                [
                    number, g["language"], host.get("code", ""), host.get("name", ""), g["mode"],
                    g["size"], g.get("hours", MINIMUM_HOURS), g.get("starts") or "",
                    m["municipality"]["code"], m["municipality"]["name"], m["count"], m["mode"],
                    "" if m.get("distance_km") is None else m["distance_km"], "",
                ]
            )  # fmt: skip
    for u in plan["unserved"]:
        writer.writerow(
            [
                "", u["language"], "", "", "unserved", "", "", "", u["municipality"]["code"],
                u["municipality"]["name"], u["count"], "", "", u["reason"],
            ]
        )  # fmt: skip
    return out.getvalue()
