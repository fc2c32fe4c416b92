"""The coverage view as files: CSV (one row per municipality × phase × client), JSON (matrix,
gaps, orientation, data date) and a plain-text table for the terminal. Shared by
`kotokartta coverage` and the web page's downloads, so both give the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from kotokartta.coverage.selectors import (
    CLASS_AVAILABLE,
    CLASS_BOUGHT,
    GAP_KINDS,
    Cell,
    Gap,
    MatrixRow,
    OrientationRow,
    coverage_matrix,
    current_dataset,
    gap_list,
    matrix_cells,
    orientation_languages,
)
from kotokartta.programme.vocabulary import CLIENT_NAMES, PHASES, Status

CSV_HEADER: tuple[str, ...] = (
    "municipality_code",
    "municipality",
    "phase",
    "client",
    "status_class",
    "statuses",
    "providers",
    "purchased_from",
    "provision_ids",
    "partly_open",
)
# Several values in one CSV field are separated by this.
CSV_SEPARATOR = "; "


def _join(values: tuple[str, ...]) -> str:
    return CSV_SEPARATOR.join(values)


def csv_row(cell: Cell) -> list[str]:
    return [
        cell.municipality.code,
        cell.municipality.name,
        cell.phase,
        cell.client,
        cell.status_class,
        _join(cell.statuses),
        _join(cell.providers),
        _join(cell.purchased_from),
        _join(cell.provisions),
        "yes" if cell.partly_open else "",
    ]


def matrix_csv(rows: list[MatrixRow]) -> str:
    """The matrix as CSV text: a header row, then one row per cell; write it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for cell in matrix_cells(rows):
        writer.writerow(csv_row(cell))
    return out.getvalue()


def coverage_document(
    *,
    today: dt.date,
    lang: str = "fi",
    cell_url: Callable[[Cell], str] | None = None,
) -> dict[str, Any]:
    """Everything in one JSON-ready dict: `{"matrix", "gaps", "orientation", "data_date", …}`.
    `cell_url`, when given, adds each cell's link to its municipality page."""
    dataset = current_dataset()
    cells = []
    for cell in matrix_cells(coverage_matrix(lang=lang)):
        item = cell.as_dict()
        if cell_url is not None:
            item["url"] = cell_url(cell)
        cells.append(item)
    return {
        "matrix": cells,
        "gaps": [gap.as_dict() for gap in gap_list(today=today, lang=lang)],
        "orientation": [row.as_dict() for row in orientation_languages(lang=lang)],
        "data_date": dataset.data_date.isoformat(),
        "today": today.isoformat(),
        "lang": lang,
    }


def coverage_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# The terminal table: one letter per display class, Finnish and English.
TEXT_LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Kotoutumisohjelman palvelujen kattavuus",
        "data_date": "Tiedot",
        "municipality": "Kunta",
        "cell": "Solu: työnhakija/muu asiakas",
        "partly_open": "osin avoin",
        "phases": "Vaiheet",
        "gaps": "Seurattavaa",
        "none": "ei yhtään",
        "area": "koko alue",
        "orientation": "Yhteiskuntaorientaation kielet",
        "quota": "vastaanottaa kiintiöpakolaisia",
        "quota_list": "Kiintiöpakolaisia vastaanottavat",
        CLASS_AVAILABLE: "järjestetty (itse tai ilman ostoa)",
        CLASS_BOUGHT: "ostopalvelu",
        Status.ON_NEED: "tarvittaessa",
        Status.PLANNED: "suunnitteilla",
        Status.NOT_ORGANISED: "ei järjestetty",
        Status.UNDETERMINED: "avoin",
        "gap:undetermined": "Avoimet (sopimatta tai kuvaamatta)",
        "gap:not_organised": "Ei järjestetty",
        "gap:planned_past": "Suunnitellut, alkamisvuosi ohi",
        "gap:planned_undated": "Suunnitellut ilman alkamisvuotta",
        "gap:no_contact": "Ei yhteystietoja (ei tuottajaa eikä paikkaa)",
        "gap:flag": "Huomautukset asiakirjasta",
    },
    "en": {
        "title": "Coverage of the integration programme",
        "data_date": "Data of",
        "municipality": "Municipality",
        "cell": "Cell: job seeker/other newcomer",
        "partly_open": "partly open",
        "phases": "Phases",
        "gaps": "To follow up",
        "none": "none",
        "area": "whole area",
        "orientation": "Languages of civic orientation",
        "quota": "receives quota refugees",
        "quota_list": "Receive quota refugees",
        CLASS_AVAILABLE: "available (own or not purchased)",
        CLASS_BOUGHT: "purchased service",
        Status.ON_NEED: "arranged if needed",
        Status.PLANNED: "planned",
        Status.NOT_ORGANISED: "not organised",
        Status.UNDETERMINED: "open",
        "gap:undetermined": "Open (not agreed or not described)",
        "gap:not_organised": "Not organised",
        "gap:planned_past": "Planned, start year passed",
        "gap:planned_undated": "Planned with no start year",
        "gap:no_contact": "No contact details (no provider, no place)",
        "gap:flag": "Notes on the document",
    },
}
TEXT_CODES: dict[str, dict[str, str]] = {
    "fi": {
        CLASS_AVAILABLE: "J",
        CLASS_BOUGHT: "O",
        Status.ON_NEED: "T",
        Status.PLANNED: "S",
        Status.NOT_ORGANISED: "E",
        Status.UNDETERMINED: "?",
    },
    "en": {
        CLASS_AVAILABLE: "A",
        CLASS_BOUGHT: "B",
        Status.ON_NEED: "N",
        Status.PLANNED: "P",
        Status.NOT_ORGANISED: "X",
        Status.UNDETERMINED: "?",
    },
}


def _code(cell: Cell, codes: dict[str, str]) -> str:
    return codes[cell.status_class] + ("*" if cell.partly_open else "")


def render_text(
    *,
    rows: list[MatrixRow],
    gaps: list[Gap],
    orientation: list[OrientationRow],
    data_date: str,
    lang: str = "fi",
) -> str:
    """A compact grid (municipalities × numbered phases, `job seeker/other` per cell), its
    legend, the gap list by kind, and the orientation languages."""
    text_lang = "en" if lang == "en" else "fi"
    t = TEXT_LABELS[text_lang]
    codes = TEXT_CODES[text_lang]
    name_width = max([len(t["municipality"])] + [len(f"{r.municipality.name} (000)") for r in rows])
    width = 7
    lines = [f"{t['title']} — {t['data_date']} {data_date}", ""]
    header = t["municipality"].ljust(name_width) + "".join(
        str(number).rjust(width) for number in range(1, len(PHASES) + 1)
    )
    lines += [header, "-" * len(header)]
    for row in rows:
        by_phase: dict[str, list[Cell]] = {}
        for cell in row.cells:
            by_phase.setdefault(cell.phase, []).append(cell)
        label = f"{row.municipality.name} ({row.municipality.code})".ljust(name_width)
        lines.append(
            label
            + "".join(
                "/".join(_code(c, codes) for c in by_phase.get(phase.id, [])).rjust(width)
                for phase in PHASES
            )
        )
    lines += ["", t["cell"] + "; " + ", ".join(f"{codes[k]} = {t[k]}" for k in codes)]
    lines.append(f"* = {t['partly_open']}")
    lines += ["", f"{t['phases']}:"]
    lines += [f"{n:>3}. {phase.name(text_lang)}" for n, phase in enumerate(PHASES, start=1)]

    lines += ["", f"{t['gaps']}:"]
    for kind in GAP_KINDS:
        in_kind = [gap for gap in gaps if gap.kind == kind]
        lines += ["", f"{t['gap:' + kind]} ({len(in_kind)})"]
        if not in_kind:
            lines.append(f"  {t['none']}")
        for gap in in_kind:
            where = gap.municipality.name if gap.municipality else t["area"]
            if gap.phase_name:
                where += f" — {gap.phase_name}"
            if gap.clients:
                clients = ", ".join(
                    CLIENT_NAMES[c][1 if text_lang == "en" else 0] for c in gap.clients
                )
                where += f" ({clients})"
            ref = gap.provision or gap.subject or ""
            if gap.flag_kind:
                ref = f"{gap.flag_kind}: {gap.flag}" + (f" → {ref}" if ref else "")
            lines.append(f"  - {where} [{ref}]" if ref else f"  - {where}")
            lines.append(f"    {gap.text}")

    lines += ["", f"{t['orientation']}:"]
    for orow in orientation:
        languages = ", ".join(f"{lg.name} ({lg.code})" for lg in orow.languages) or t["none"]
        quota = f" — {t['quota']}" if orow.receives_quota_refugees else ""
        lines.append(f"  {orow.municipality.name}: {languages}{quota}")
    quota_names = [o.municipality.name for o in orientation if o.receives_quota_refugees]
    lines += ["", f"{t['quota_list']}: {', '.join(quota_names) or t['none']}"]
    return "\n".join(lines) + "\n"
